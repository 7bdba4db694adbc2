import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';
import { processPage } from './helpers';
import { fileOf, taskPage } from './rules/tasks-fixtures';

async function hover(files: Record<string, string>): Promise<{ contents: string; covers: string } | undefined> {
  const ws = await open(files);
  const h = ws.service.provideHover(ws.cursor.path, ws.cursor.position);
  return h ? { contents: h.contents, covers: ws.text(ws.cursor.path, h.span) } : undefined;
}

const overview = (sentence: string): string =>
  ['## Overview', '', sentence, '', '## Approach', '', '### Prepare', '', 'Primary Role: **FM**  '].join('\n');

test('a link shows the target\'s title, phase, the first sentence of its Overview, and its path', async () => {
  const h = await hover({
    'en/a.md': '# A\n\nGo on to [the **review**](success-b.md¦).\n',
    'en/success-b.md': processPage({ h1: 'Conduct Success Review', phase: 'Success', body: overview('The review closes the engagement. It is held with the customer.') }),
  });
  assert.deepEqual(h, {
    contents: '**Conduct Success Review**\n\nPhase: Success\n\nThe review closes the engagement.\n\n`en/success-b.md`',
    covers: '[the **review**](success-b.md)',
  });
});

test('without an Overview, the first prose paragraph; markup is reduced to text; CJK full stops end the sentence', async () => {
  const zh = await hover({
    'zh/a-sc.md': '# 甲\n\n[成功](success-b-sc.md¦)\n',
    'zh/success-b-sc.md': '---\ntitle: t\n---\n# 召开成功评审\n\n阶段：**成功**  \n\n> [!NOTE]\n> 注意。\n\n本页说明**成功评审**。第二句。\n',
  });
  assert.deepEqual(zh, {
    contents: '**召开成功评审**\n\nPhase: 成功\n\n本页说明成功评审。\n\n`zh/success-b-sc.md`',
    covers: '[成功](success-b-sc.md)',
  });
});

test('a link with an anchor shows the heading it names, also when an include brings it', async () => {
  const files = {
    'en/a.md': '# A\n\nSee [signing in](b.md#sign-in¦).\n',
    'en/b.md': '# Bee\n\n[!INCLUDE [x](../includes/x.md)]\n',
    'includes/x.md': '---\ntitle: x\n---\n## Sign in\n',
  };
  assert.deepEqual(await hover(files), { contents: '**Sign in**\n\nOn Bee (`en/b.md`)', covers: '[signing in](b.md#sign-in)' });
  assert.deepEqual(await hover({ 'en/a.md': '# A\n\n## Next Steps\n\n[up](#next-steps¦)\n' }), { contents: '**Next Steps**', covers: '[up](#next-steps)' });
  assert.deepEqual(await hover({ 'en/a.md': '# A\n\n[up](#nowhere¦)\n' }), { contents: '`#nowhere` names no heading of this page.', covers: '[up](#nowhere)' });
});

test('a link to a missing file says so; web links have no hover', async () => {
  assert.deepEqual(await hover({ 'en/a.md': '# A\n\n[x](gone.md¦)\n' }), { contents: '`en/gone.md` does not exist.', covers: '[x](gone.md)' });
  assert.equal(await hover({ 'en/a.md': '# A\n\n[x](https://contoso.com¦)\n' }), undefined);
});

test('an include shows the included page\'s title and path', async () => {
  const h = await hover({
    'en/a.md': '# A\n\n[!INCLUDE [sign](../includes/si¦gn.md)]\n',
    'includes/sign.md': '---\ntitle: x\n---\n# Signing in to the portal\n',
  });
  assert.deepEqual(h, { contents: '**Signing in to the portal**\n\nIncluded from `includes/sign.md`', covers: '[!INCLUDE [sign](../includes/sign.md)]' });
});

test('a task ID shows its name and the pages of the same language that use it', async () => {
  const h = await hover({
    'a.md': taskPage('en', { rows: ['| 37¦35 | Run the pilot | M | FE | Exchange |'] }),
    'b.md': processPage({ h1: 'Bee', body: '## Approach\n\n### S\n\n#### FTOP Tasks\n\n| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n|---|---|---|---|---|\n| 3735 | Run a pilot | M | FE | Exchange |\n' }),
    [fileOf('de', 'c')]: taskPage('de', { rows: ['| 3735 | Pilot ausführen | E | FE | Exchange |'] }),
  });
  assert.deepEqual(h, {
    contents: '**3735** — Run the pilot\n\nAlso named: Run a pilot\n\nUsed on 2 pages:\n- Test Page (`a.md`)\n- Bee (`b.md`)',
    covers: '3735',
  });
});

test('a front-matter key shows its schema description and allowed values', async () => {
  assert.deepEqual(await hover({ 'a.md': '---\nft.aud¦ience: partner\n---\n# A\n' }), {
    contents: '**ft.audience**\n\nWho may see the page: partner, internal, or both ("internal, partner"). Must agree with ms.custom.\n\nAllowed values: `partner`, `internal`, `internal, partner`',
    covers: 'ft.audience',
  });
  assert.equal(await hover({ 'a.md': '---\nmy.own.key¦: x\n---\n# A\n' }), undefined);
});

test('an alert keyword says what docfx renders; a translated keyword names the one to write', async () => {
  assert.deepEqual(await hover({ 'a.md': '# A\n\n> [!Ti¦p]\n> Save often.\n' }), { contents: '`[!Tip]` renders as a Tip callout box.', covers: 'Tip' });
  assert.deepEqual(await hover({ 'de/a-de.md': '# A\n\n> [!HINW¦EIS]\n> Achtung.\n' }), {
    contents: 'docfx does not recognise `[!HINWEIS]`: the line renders as plain text. Write `[!NOTE]`; docfx translates the box title itself.',
    covers: 'HINWEIS',
  });
  const unknown = await hover({ 'a.md': '# A\n\n> [!FYI¦]\n> x\n' });
  assert.equal(unknown!.contents, 'docfx does not recognise `[!FYI]`: the line renders as plain text. Alert keywords: `NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING`.');
});

test('a toc href shows its page', async () => {
  const h = await hover({ 'en/toc.yml': '- name: B\n  href: b.m¦d\n', 'en/b.md': processPage({ h1: 'Bee', phase: 'Enable' }) });
  assert.deepEqual(h, { contents: '**Bee**\n\nPhase: Enable\n\nThe kickoff meeting starts the engagement.\n\n`en/b.md`', covers: 'b.md' });
});

test('plain text has no hover', async () => {
  assert.equal(await hover({ 'a.md': '# A\n\nJust te¦xt.\n' }), undefined);
});

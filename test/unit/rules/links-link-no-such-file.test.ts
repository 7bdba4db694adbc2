import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'link/no-such-file';

/** A small page: front matter on lines 1–3, title on line 5, body from line 7. */
function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('link/no-such-file: existing files, folders, other file types, anchors, web and root-relative targets pass', async () => {
  const r = await lint({
    'a.md': page(
      '[b](b.md) [b2](./b.md#intro) [folder](sub/) [deck](files/deck.pptx) [pdf](files/guide.pdf)',
      '[top](#test) [web](https://contoso.com/x.md) [xref](xref:System.String) [root](~/sub/c.md) [spaced](my%20file.md)',
      '[mail](someone@contoso.com)',
    ),
    'b.md': page('## Intro'),
    'sub/c.md': page(),
    'my file.md': page(),
    'files/deck.pptx': new Uint8Array(),
    'files/guide.pdf': new Uint8Array(),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('link/no-such-file: a near name in the same folder is suggested and fixed, keeping the #anchor', async () => {
  const text = page('See [kickoff](initiate-kickof.md#scope) first.');
  const r = await lint({ 'a.md': text, 'initiate-kickoff.md': page(), 'other.md': page() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'initiate-kickof.md#scope' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`initiate-kickof.md` does not exist: there is no file `initiate-kickof.md` in the workspace. Did you mean `initiate-kickoff.md`?');
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.match(fixed, /\[kickoff\]\(initiate-kickoff\.md#scope\)/);
  const again = await lint({ 'a.md': fixed, 'initiate-kickoff.md': page(), 'other.md': page() }, { rules: [RULE] });
  assert.deepEqual(again.findings('a.md'), []);
});

test('link/no-such-file: a case-only difference is named as such and fixed safely', async () => {
  const text = page('[guide](Guide.md)');
  const r = await lint({ 'a.md': text, 'guide.md': page() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'Guide.md' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`Guide.md` does not exist: it exists as `guide.md` — file names are case-sensitive on the build host.');
  assert.equal(applyFix(text, d), page('[guide](guide.md)'));
});

test('link/no-such-file: a translated page linking to the English file name gets its own translation suggested', async () => {
  const text = page('Weiter mit [Kickoff](initiate-kickoff-partner.md).');
  const files = { 'de-playbook/a-de.md': text, 'de-playbook/initiate-kickoff-partner-de.md': page(), 'en-playbook/initiate-kickoff-partner.md': page() };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('de-playbook/a-de.md'), [{ rule: RULE, line: 7, text: 'initiate-kickoff-partner.md' }]);
  const d = r.of('de-playbook/a-de.md')[0]!;
  assert.match(d.message, /Did you mean `initiate-kickoff-partner-de\.md`\?$/);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('Weiter mit [Kickoff](initiate-kickoff-partner-de.md).'));
  const again = await lint({ ...files, 'de-playbook/a-de.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('de-playbook/a-de.md'), []);
});

test('link/no-such-file: one missing word is suggested with an unsafe fix; nothing close gives no fix', async () => {
  const r = await lint({ 'a.md': page('[x](guidance-notes.md) [y](completely-different.md)'), 'guidance-notes-partner.md': page() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 7, text: 'guidance-notes.md' },
    { rule: RULE, line: 7, text: 'completely-different.md' },
  ]);
  const [near, none] = r.of('a.md');
  assert.match(near!.message, /Did you mean `guidance-notes-partner\.md`\?/);
  assert.equal(near!.fixes[0]!.safe, false);
  assert.equal(none!.message, '`completely-different.md` does not exist: there is no file `completely-different.md` in the workspace.');
  assert.deepEqual(none!.fixes, []);
});

test('link/no-such-file: a file of the same name elsewhere is suggested with its relative path', async () => {
  const text = page('[p](../media/old/pic.png)');
  const r = await lint({ 'docs/a.md': text, 'docs/media/new/pic.png': new Uint8Array() }, { rules: [RULE] });
  assert.deepEqual(r.findings('docs/a.md'), [{ rule: RULE, line: 7, text: '../media/old/pic.png' }]);
  const d = r.of('docs/a.md')[0]!;
  assert.match(d.message, /A file with this name exists at `media\/new\/pic\.png`\./);
  assert.equal(d.fixes[0]!.safe, false);
  assert.equal(applyFix(text, d), page('[p](media/new/pic.png)'));
});

test('link/no-such-file: of several files of that name elsewhere, more matching folders and then the nearest win; a tie lists them', async () => {
  const text = page('[a](../../media/pic.png) [b](gone/chart.png) [c](gone/logo.png)');
  const r = await lint({
    'docs/guide/a.md': text,
    // pic.png: two share the target's folder name `media`; of those, the one closer to the page wins.
    'docs/guide/media/pic.png': new Uint8Array(),
    'other/deep/media/pic.png': new Uint8Array(),
    'docs/old/pic.png': new Uint8Array(),
    // chart.png: the one in the page's own folder tree is closer than the one two folders up.
    'docs/guide/x/chart.png': new Uint8Array(),
    'y/chart.png': new Uint8Array(),
    // logo.png: two at the same distance, neither matching a folder: both listed, no fix.
    'docs/guide/p/logo.png': new Uint8Array(),
    'docs/guide/q/logo.png': new Uint8Array(),
  }, { rules: [RULE] });
  const [a, b, c] = r.of('docs/guide/a.md');
  assert.match(a!.message, /A file with this name exists at `media\/pic\.png`\./);
  assert.match(b!.message, /A file with this name exists at `x\/chart\.png`\./);
  assert.match(c!.message, /Files with this name exist at `p\/logo\.png`, `q\/logo\.png`\./);
  assert.deepEqual(c!.fixes, []);
});

test('link/no-such-file: web addresses spoiled by a missing scheme, brackets or invisible characters', async () => {
  const text = page('[a](www.contoso.com/page) [b]((https://contoso.com)) [c](\u200Bhttps://contoso.com/x)');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 7, text: 'www.contoso.com/page' },
    { rule: RULE, line: 7, text: '(https://contoso.com)' },
    { rule: RULE, line: 7, text: '\u200Bhttps://contoso.com/x' },
  ]);
  const [scheme, wrapped, invisible] = r.of('a.md');
  assert.match(scheme!.message, /a web address needs its scheme: `https:\/\/www\.contoso\.com\/page`/);
  assert.equal(scheme!.fixes[0]!.safe, false);
  assert.equal(wrapped!.fixes[0]!.edits[0]!.newText, 'https://contoso.com');
  assert.match(invisible!.message, /invisible character \(U\+200B\)/);
  assert.equal(applyFix(text, invisible!), page('[a](www.contoso.com/page) [b]((https://contoso.com)) [c](https://contoso.com/x)'));
});

test('link/no-such-file: backslashes are not folder separators on the build host', async () => {
  const text = page('[d](media\\img\\diagram.png)');
  const r = await lint({ 'a.md': text, 'media/img/diagram.png': new Uint8Array() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'media\\img\\diagram.png' }]);
  const d = r.of('a.md')[0]!;
  assert.match(d.message, /Use `\/` between folders: `media\/img\/diagram\.png`\./);
  assert.equal(d.fixes[0]!.safe, true);
  assert.equal(applyFix(text, d), page('[d](media/img/diagram.png)'));
});

test('link/no-such-file: targets above the workspace root and images are left to their own rules', async () => {
  const r = await lint({ 'a.md': page('[up](../../x.md) ![img](missing.png)') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('link/no-such-file: root-relative (~/) targets and reference definitions are checked, the fix keeps the style', async () => {
  const text = page('[guide][g] and [c](~/sub/cc.md)', '', '[g]: ./gide.md');
  const r = await lint({ 'docs/a.md': text, 'docs/guide.md': page(), 'sub/c.md': page() }, { rules: [RULE] });
  assert.deepEqual(r.findings('docs/a.md'), [
    { rule: RULE, line: 7, text: '~/sub/cc.md' },
    { rule: RULE, line: 9, text: './gide.md' },
  ]);
  const [rooted, definition] = r.of('docs/a.md');
  assert.equal(rooted!.fixes[0]!.edits[0]!.newText, '~/sub/c.md');
  assert.equal(applyFix(text, definition!), page('[guide][g] and [c](~/sub/cc.md)', '', '[g]: ./guide.md'));
});

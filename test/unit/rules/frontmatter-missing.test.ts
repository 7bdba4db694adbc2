import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/missing';

test('frontmatter/missing: a page with front matter passes', async () => {
  const r = await lint({ 'initiate-a.md': processPage() }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

test('frontmatter/missing: a page without front matter is reported on its first line; the fix adds every canonical key', async () => {
  const text = '# Plan the Rollout\n\nSome text.\n';
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-b.md'), [{ rule: RULE, line: 1, text: '# Plan the Rollout' }]);
  const d = r.of('initiate-b.md')[0]!;
  assert.match(d.message, /has no front matter: it must start with a `---` block giving `title`, `description`/);
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(
    fixed,
    [
      '---',
      'title: FastTrack Partner Playbook - Plan the Rollout',
      'description: FastTrack Partner Playbook - Plan the Rollout',
      'author: Nora Collins',
      'ms.author: v-nocoll',
      'manager: ranadir',
      'ms.date: 11/1/2026',
      'ms.topic: partner-playbook',
      'ms.prod: non-product-specific',
      'ms.custom: partner-playbook',
      'ft.audience: partner',
      'ft.owner: ranadir',
      '---',
      '',
      '# Plan the Rollout',
      '',
      'Some text.',
      '',
    ].join('\n'),
  );
  const again = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('initiate-b.md'), []);
});

test('frontmatter/missing: the skeleton takes ms.date from the newest refresh row and uses placeholders when nothing is known', async () => {
  const text = '# Solo\n\n## Refresh Summary\n\n| Date | Who Changed | What Changed |\n| --- | --- | --- |\n| 03/15/2026 | A | x |\n| 09/02/2026 | A | y |\n';
  const r = await lint({ 'initiate-solo.md': text }, { rules: [RULE] });
  const fixed = applyFix(text, r.of('initiate-solo.md')[0]!);
  assert.match(fixed, /^---\ntitle: Solo\ndescription: Solo\nauthor: TODO\nms\.author: TODO\nmanager: TODO\nms\.date: 09\/02\/2026\nms\.topic: TODO\nms\.prod: non-product-specific\nms\.custom: TODO\nft\.audience: TODO\nft\.owner: TODO\n---\n\n# Solo\n/);
});

test('frontmatter/missing: a BOM stays first and CRLF pages get CRLF lines', async () => {
  const text = '\ufeff# Title\r\n\r\nText.\r\n';
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 1, text: '# Title' }]);
  const fixed = applyFix(text, r.of('initiate-a.md')[0]!);
  assert.ok(fixed.startsWith('\ufeff---\r\ntitle: Title\r\n'), fixed);
  assert.ok(fixed.endsWith('---\r\n\r\n# Title\r\n\r\nText.\r\n'), fixed);
});

test('frontmatter/missing: an unclosed block is reported on its opening line, without a fix', async () => {
  const r = await lint({ 'initiate-a.md': '---\ntitle: x\n\n# Title\n' }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 1, text: '---' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /never closed/);
  assert.deepEqual(r.of('initiate-a.md')[0]!.fixes, []);
});

test('frontmatter/missing: the exceptKinds option exempts pages', async () => {
  const config = { rules: { [RULE]: { severity: 'error' as const, options: { exceptKinds: ['other', 'notes-*'] } } } };
  const r = await lint({ 'readme.md': '# Readme\n', 'initiate-a.md': '# A\n' }, { rules: [RULE], config });
  assert.deepEqual(r.findings('readme.md'), []);
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 1, text: '# A' }]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/unknown-key';

function page(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n\n# Title\n`;
}

test('frontmatter/unknown-key: known keys and unrelated extra keys pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page('title: T\nms.reviewer: x\nfeedback_system: None') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('frontmatter/unknown-key: a near-miss of a known key is reported on the key; the fix renames it (unsafe)', async () => {
  const text = page('title: T\nms.autor: v-nocoll');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'ms.autor' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.equal(d.message, '`ms.autor` is not a known front-matter key: did you mean `ms.author`?');
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('title: T\nms.author: v-nocoll'));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/unknown-key: a key with a trailing space in its name is reported; the safe fix renames it', async () => {
  const text = page('title: T\n"ms.date ": 10/02/2026');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '"ms.date "' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /The key "ms\.date " has spaces in its name: write `ms\.date`\./);
  assert.equal(r.of('initiate-a.md')[0]!.fixes[0]!.safe, true);
  assert.equal(applyFix(text, r.of('initiate-a.md')[0]!), page('title: T\nms.date: 10/02/2026'));
});

test('frontmatter/unknown-key: another letter case is reported; no fix when the right key is also there', async () => {
  const r = await lint({ 'initiate-a.md': page('Title: T'), 'initiate-b.md': page('title: T\nTitle: T') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 2, text: 'Title' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /keys are case-sensitive; write `title`/);
  assert.deepEqual(r.findings('initiate-b.md'), [{ rule: RULE, line: 3, text: 'Title' }]);
  assert.match(r.of('initiate-b.md')[0]!.message, /misspelling of `title`, which the page also has/);
  assert.deepEqual(r.of('initiate-b.md')[0]!.fixes, []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/duplicate-key';

function page(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n\n# Title\n`;
}

test('frontmatter/duplicate-key: distinct keys pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage() }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

test('frontmatter/duplicate-key: a key repeated with the same value is reported on the repeat; the safe fix removes that line', async () => {
  const text = page('title: T\nft.owner: ranadir\nms.date: 1/2/2020\nft.owner:  ranadir \nms.topic: playbook');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 5, text: 'ft.owner' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`ft\.owner` is given twice \(first on line 3\), with the same value: remove this line\./);
  assert.equal(d.related[0]!.range.start.line, 2);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('title: T\nft.owner: ranadir\nms.date: 1/2/2020\nms.topic: playbook'));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/duplicate-key: the last line of the block can be the repeat (CRLF kept)', async () => {
  const text = '---\r\nft.owner: a\r\ntitle: T\r\nft.owner: a\r\n---\r\n# T\r\n';
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'ft.owner' }]);
  assert.equal(applyFix(text, r.of('initiate-a.md')[0]!), '---\r\nft.owner: a\r\ntitle: T\r\n---\r\n# T\r\n');
});

test('frontmatter/duplicate-key: a key repeated with another value names both and offers to keep either, never as a safe fix', async () => {
  const text = page('title: Operations Guide\nms.date: 1/2/2020\ntitle: Ready Guide');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'title' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`title` is given twice with different values: `Operations Guide` on line 2 and `Ready Guide` here/);
  assert.deepEqual(d.fixes.map((f) => [f.title, f.safe]), [
    ['Keep `title: Operations Guide` (remove this line)', false],
    ['Keep `title: Ready Guide` (remove line 2)', false],
  ]);
  const keepFirst = applyFix(text, d, 0);
  assert.equal(keepFirst, page('title: Operations Guide\nms.date: 1/2/2020'));
  const keepLast = applyFix(text, d, 1);
  assert.equal(keepLast, page('ms.date: 1/2/2020\ntitle: Ready Guide'));
  for (const fixed of [keepFirst, keepLast]) assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/duplicate-key: a third occurrence is reported too', async () => {
  const r = await lint({ 'initiate-a.md': page('a.b: 1\na.b: 1\na.b: 2') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'a.b' }, { rule: RULE, line: 4, text: 'a.b' }]);
});

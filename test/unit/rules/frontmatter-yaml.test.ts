import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/yaml';

function page(frontMatter: string): string {
  return `---\n${frontMatter}\n---\n\n# Title\n`;
}

test('frontmatter/yaml: valid front matter passes, including quoted values with colons', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page("title: 'Appendix A: Terms'\ndescription: \"x: y\"") }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('frontmatter/yaml: a value containing `: ` is reported on the value; the safe fix quotes it', async () => {
  const text = page('title: Appendix A\ndescription: Appendix A: Program Definitions\nms.date: 1/2/2020');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'Appendix A: Program Definitions' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /the value contains `: `, which YAML reads as the start of another key: put the value in quotes/);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page("title: Appendix A\ndescription: 'Appendix A: Program Definitions'\nms.date: 1/2/2020"));
  const again = await lint({ 'initiate-a.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('initiate-a.md'), []);
  assert.equal(again.engine.index.document('/ws/initiate-a.md')!.frontMatter!.byKey.get('description')!.value, 'Appendix A: Program Definitions');
});

test("frontmatter/yaml: a value starting with a reserved character is quoted, its own quotes doubled", async () => {
  const text = page("title: @home's page");
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 2, text: "@home's page" }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /cannot start with `@`/);
  const fixed = applyFix(text, r.of('initiate-a.md')[0]!);
  assert.equal(fixed, page("title: '@home''s page'"));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/yaml: a line that is no key/value pair is reported on that line, without a fix', async () => {
  const r = await lint({ 'initiate-a.md': page('title: a\ntitle b\nms.date: 1/2/2020') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'title b' }]);
  assert.deepEqual(r.of('initiate-a.md')[0]!.fixes, []);
});

test('frontmatter/yaml: a quote never closed is shown on the last line with text', async () => {
  const r = await lint({ 'initiate-a.md': page('ms.date: 1/2/2020\ntitle: "abc') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'title: "abc' }]);
});

test('frontmatter/yaml: front matter that is a list instead of key/value lines is reported on its first line', async () => {
  const r = await lint({ 'initiate-a.md': page('\n- title\n- description') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '- title' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /must be `key: value` lines, but YAML reads it as a list/);
});

test('frontmatter/yaml: a page without front matter is not this rule’s business', async () => {
  const r = await lint({ 'initiate-a.md': '# Title\n' }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

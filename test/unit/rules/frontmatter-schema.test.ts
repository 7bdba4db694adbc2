import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/schema';

const BASE: ReadonlyArray<[string, string]> = [
  ['title', 'FastTrack Partner Playbook - Hold Kickoff Meeting'],
  ['description', 'FastTrack Partner Playbook - Hold Kickoff Meeting'],
  ['author', 'Nora Collins'],
  ['ms.author', 'v-nocoll'],
  ['manager', 'ranadir'],
  ['ms.date', '10/02/2026'],
  ['ms.topic', 'partner-playbook'],
  ['ms.prod', 'non-product-specific'],
  ['ms.custom', 'partner-playbook'],
  ['ft.audience', 'partner'],
  ['ft.owner', 'ranadir'],
];

/** The clean front matter with some values replaced (`null` removes the key, '' leaves it empty). */
function fm(changes: Record<string, string | null> = {}): string {
  return BASE.filter(([k]) => changes[k] !== null)
    .map(([k, v]) => (changes[k] === '' ? `${k}:` : `${k}: ${changes[k] ?? v}`))
    .join('\n');
}

test('frontmatter/schema: a complete, valid front matter passes', async () => {
  const r = await lint({ 'initiate-a.md': processPage() }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

test('frontmatter/schema: a missing required key is reported on the opening fence; ms.date comes from the newest refresh row (safe)', async () => {
  const text = processPage({ frontMatter: fm({ 'ms.date': null }) });
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 1, text: '---' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /The front matter has no `ms\.date` key, which every page needs\. Date of the last significant update/);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, processPage());
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/schema: a missing key with nothing to derive it from gets a TODO placeholder (unsafe), in canonical order', async () => {
  const text = processPage({ frontMatter: fm({ manager: null }) });
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 1, text: '---' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.equal(d.fixes[0]!.safe, false);
  assert.equal(applyFix(text, d), processPage({ frontMatter: fm({ manager: 'TODO' }) }));
});

test('frontmatter/schema: a missing key takes the value the folder uses (unsafe)', async () => {
  const text = processPage({ frontMatter: fm({ 'ft.owner': null }) });
  const r = await lint({ 'initiate-a.md': text, 'initiate-b.md': processPage() }, { rules: [RULE] });
  const d = r.of('initiate-a.md')[0]!;
  assert.equal(d.fixes[0]!.title, 'Add `ft.owner: ranadir`');
  assert.equal(applyFix(text, d), processPage());
});

test('frontmatter/schema: a value outside the allowed list is reported on the value, with the nearest allowed value', async () => {
  const text = processPage({ frontMatter: fm({ 'ms.topic': 'partner-playbok' }) });
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 8, text: 'partner-playbok' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`partner-playbok` is not an allowed `ms\.topic` value: did you mean `partner-playbook`\? Allowed values: `partner-playbook`, `playbook`\./);
  assert.equal(applyFix(text, d), processPage());
});

test('frontmatter/schema: a display name where an alias belongs is reported; the fix takes the alias other pages pair with that name', async () => {
  const text = processPage({ frontMatter: fm({ 'ms.author': 'Nora Collins' }) });
  const r = await lint({ 'initiate-a.md': text, 'initiate-b.md': processPage(), 'initiate-c.md': processPage() }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 5, text: 'Nora Collins' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`Nora Collins` is not a valid `ms\.author` value \(did you mean `v-nocoll`\?\)\. Microsoft alias of the author/);
  assert.equal(applyFix(text, d), processPage());
});

test('frontmatter/schema: an alias where a display name belongs is reported, without a fix when nothing pairs it', async () => {
  const r = await lint({ 'initiate-a.md': processPage({ frontMatter: fm({ author: 'v-nocoll' }) }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 4, text: 'v-nocoll' }]);
  assert.deepEqual(r.of('initiate-a.md')[0]!.fixes, []);
});

test('frontmatter/schema: an empty value is reported on its key', async () => {
  const r = await lint({ 'initiate-a.md': processPage({ frontMatter: fm({ manager: '' }) }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 6, text: 'manager' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /`manager` has no value\./);
});

test('frontmatter/schema: ms.date format is left to frontmatter/date; a mistyped key is left to frontmatter/unknown-key', async () => {
  const fmText = fm({ 'ms.date': '27.09.2026' }).replace('ms.author:', 'ms.autor:');
  const r = await lint({ 'initiate-a.md': processPage({ frontMatter: fmText }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

test('frontmatter/schema: pages outside the playbook kinds are not checked unless configured', async () => {
  const text = processPage({ frontMatter: 'title: Notes' });
  const r = await lint({ 'notes.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('notes.md'), []);
  const config = { rules: { [RULE]: { severity: 'error' as const, options: { kinds: ['notes*'] } } } };
  const c = await lint({ 'notes.md': text }, { rules: [RULE], config });
  assert.equal(c.findings('notes.md').length, 9);
});

test('frontmatter/schema: allowed-value lists are not applied in a folder whose pages all use other values (another site section)', async () => {
  const guide = (topic: string): string => processPage({ frontMatter: fm({ 'ms.topic': topic }) });
  const files = { 'guide/a.md': guide('user-guide'), 'guide/b.md': guide('user-guide'), 'guide/initiate-x.md': guide('user-guide'), 'initiate-y.md': guide('user-guide'), 'initiate-z.md': processPage() };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('guide/initiate-x.md'), []);
  assert.deepEqual(r.findings('initiate-y.md'), [{ rule: RULE, line: 8, text: 'user-guide' }]);
  const off = await lint(files, { rules: [RULE], config: { rules: { [RULE]: { severity: 'error', options: { judgeByFolder: false } } } } });
  assert.deepEqual(off.findings('guide/initiate-x.md'), [{ rule: RULE, line: 8, text: 'user-guide' }]);
});

test('frontmatter/schema: front matter with YAML errors is left to frontmatter/yaml', async () => {
  const r = await lint({ 'initiate-a.md': processPage({ frontMatter: 'title: a: b' }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

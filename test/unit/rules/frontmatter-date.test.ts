import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/date';

/** A page whose ms.date is on line 3, with a refresh summary whose newest row is 10/02/2026. */
function page(msDate: string): string {
  return processPage({ frontMatter: `title: FastTrack Partner Playbook - Hold Kickoff Meeting\nms.date: ${msDate}` });
}

test('frontmatter/date: month-first dates of the M/D/YYYY family pass', async () => {
  const files = { 'initiate-a.md': processPage(), 'initiate-b.md': page('5/2/19'), 'initiate-c.md': page('09/27/2019'), 'initiate-d-de.md': page('5/02/2019') };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('frontmatter/date: an impossible day is reported on the value, without a fix', async () => {
  const r = await lint({ 'initiate-a.md': page('2/30/2019') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '2/30/2019' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`2\/30\/2019` is not a real date: that month has no such day\. `ms\.date` is written as `M\/D\/YYYY`, `M\/D\/YY`\./);
  assert.deepEqual(d.fixes, []);
});

test('frontmatter/date: a day-first date is reported; the fix swaps day and month in the page’s style', async () => {
  const text = page('27/09/2019');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '27/09/2019' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /its month is not between 1 and 12.*did you mean `09\/27\/2019` \(27 September 2019\)\?/);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('09/27/2019'));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/date: a date in the German style is reported even on a German page (ms.date is always month first)', async () => {
  const text = page('27.09.2019');
  const r = await lint({ 'initiate-a-de.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-de.md'), [{ rule: RULE, line: 3, text: '27.09.2019' }]);
  const d = r.of('initiate-a-de.md')[0]!;
  assert.match(d.message, /`27\.09\.2019` is not written as a `ms\.date` date: write `M\/D\/YYYY`, `M\/D\/YY` \(27 September 2019\), i\.e\. `9\/27\/2019`\./);
  assert.equal(applyFix(text, d), page('9/27/2019'));
});

test('frontmatter/date: text that is no date is reported, without a fix', async () => {
  const r = await lint({ 'initiate-a.md': page('soon') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: 'soon' }]);
  assert.match(r.of('initiate-a.md')[0]!.message, /write it as `M\/D\/YYYY`, `M\/D\/YY`, for example `11\/1\/2026`/);
  assert.deepEqual(r.of('initiate-a.md')[0]!.fixes, []);
});

test('frontmatter/date: a date after today is reported; the fix takes the newest refresh row', async () => {
  const text = page('12/01/2026');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '12/01/2026' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`12\/01\/2026` \(1 December 2026\) is in the future: `ms\.date` is the date of the last change, and today is 1 November 2026\./);
  assert.equal(applyFix(text, d), page('10/02/2026'));
});

test('frontmatter/date: a quoted value is read and fixed inside its quotes; an empty one is left to the schema', async () => {
  const text = page("'27/09/2019'");
  const r = await lint({ 'initiate-a.md': text, 'initiate-b.md': page('') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '27/09/2019' }]);
  assert.equal(applyFix(text, r.of('initiate-a.md')[0]!), page("'09/27/2019'"));
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('frontmatter/date: the formats option changes the accepted formats', async () => {
  const config = { rules: { [RULE]: { severity: 'error' as const, options: { formats: ['YYYY-MM-DD'] } } } };
  const r = await lint({ 'initiate-a.md': page('2019-09-27'), 'initiate-b.md': page('9/27/2019') }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), [{ rule: RULE, line: 3, text: '9/27/2019' }]);
  assert.equal(r.of('initiate-b.md')[0]!.fixes[0]!.edits[0]!.newText, '2019-09-27');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage } from './tasks-fixtures';

const RULE = 'tasks/id-format';

test('accepts 3–4 digit IDs, plain or as links, in every language', async () => {
  const files = {
    [fileOf('en')]: taskPage('en', { rows: ['| 5101 | A | M | FM | Exchange |', '| [3615](https://example.com/t) | B | O | FM | Exchange |', '| 123 | C | O | FM | Exchange |'] }),
    [fileOf('ja')]: taskPage('ja', { rows: ['| 5101| 議題| M| FM| Exchange|'] }),
    [fileOf('pt')]: taskPage('pt', { rows: ['| [3615](https://example.com/t) | Agenda | b | FM | Exchange |'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('reports IDs that are not 3–4 digit integers', async () => {
  const page = taskPage('en', { rows: ['| 37a5 | A | M | FM | Exchange |', '| 12345 | B | O | FM | Exchange |', '| [TBD](https://example.com) | C | O | FM | Exchange |', '| 12 | D | O | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 11, text: '37a5' },
    { rule: RULE, line: 12, text: '12345' },
    { rule: RULE, line: 13, text: '[TBD](https://example.com)' },
    { rule: RULE, line: 14, text: '12' },
  ]);
  const [a, b] = r.of('a.md');
  assert.equal(a!.message, 'Task ID `37a5` is not a number: task IDs are 3–4 digit integers like `3735`.');
  assert.equal(b!.message, 'Task ID `12345` has 5 digits: task IDs are 3–4 digit integers like `3735`.');
  assert.equal(a!.fixes.length, 0);
});

test('an ID with stray punctuation gets an (unsafe) fix', async () => {
  const page = taskPage('de', { rows: ['| #3615. | A | E | FM | Exchange |'] });
  const r = await lint({ [fileOf('de')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 11, text: '#3615.' }]);
  const d = r.of(fileOf('de'))[0]!;
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(page, d);
  assert.ok(fixed.includes('| 3615 | A |'));
  assert.deepEqual((await lint({ [fileOf('de')]: fixed }, { rules: [RULE] })).findings(fileOf('de')), []);
});

test('an empty ID cell is reported; shifted rows are left to tasks/cell-count', async () => {
  const page = taskPage('en', { rows: ['|  | A | M | FM | Exchange |', '|| 5101 | B | M | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '|  ' }]);
  assert.match(r.of('a.md')[0]!.message, /This task row has no task ID/);
});

test('digit bounds are options', async () => {
  const page = taskPage('en', { rows: ['| 12345 | A | M | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE], config: { rules: { [RULE]: { severity: 'error', options: { minDigits: 3, maxDigits: 5 } } } } });
  assert.deepEqual(r.findings('a.md'), []);
});

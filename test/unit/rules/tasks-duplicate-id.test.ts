import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage } from './tasks-fixtures';

const RULE = 'tasks/duplicate-id';
const SECOND_STEP = (ftop: string, row: string, header: string): string => ['### Step Two', '', `#### ${ftop}`, '', header, '| --- | --- | --- | --- | --- |', row].join('\n');

test('distinct IDs on a page, and the same ID on two pages, are fine', async () => {
  const files = {
    'a.md': taskPage('en', { rows: ['| 5101 | A | M | FM | Exchange |', '| 5102 | B | O | FM | Exchange |'] }),
    'b.md': taskPage('en', { rows: ['| 5101 | A | M | FM | Exchange |'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
  assert.deepEqual(r.findings('b.md'), []);
});

test('the same ID twice on a page, across steps (German), points at the first', async () => {
  const page = taskPage('de', {
    rows: ['| 5101 | Agenda senden | E | FM | Exchange |'],
    more: SECOND_STEP('FTOP-Aufgaben', '| 5101 | Raum buchen | O | FM | Exchange |', '| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |'),
  });
  const r = await lint({ [fileOf('de')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 19, text: '5101' }]);
  const d = r.of(fileOf('de'))[0]!;
  assert.equal(d.message, 'Task 5101 is listed twice on this page: it already appears on line 11. List each task once (merge the rows or correct the ID).');
  assert.equal(d.related[0]!.range.start.line, 10);
  assert.equal(d.fixes.length, 0);
});

test('a word-for-word repeated row can be deleted safely', async () => {
  const page = taskPage('en', { rows: ['| 5101 | Send Agenda | M | FM | Exchange |', '| [5101](https://x.example) |  send agenda | M | FM | Exchange |', '| 5102 | B | O | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 12, text: '[5101](https://x.example)' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(page, d);
  assert.ok(fixed.includes('| 5101 | Send Agenda | M | FM | Exchange |\n| 5102 | B | O | FM | Exchange |\n'));
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE] })).findings('a.md'), []);
});

test('perTable option limits the check to one table', async () => {
  const page = taskPage('en', { rows: ['| 5101 | A | M | FM | Exchange |'], more: SECOND_STEP('FTOP Tasks', '| 5101 | A | M | FM | Exchange |', '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |') });
  const r = await lint({ 'a.md': page }, { rules: [RULE], config: { rules: { [RULE]: { severity: 'error', options: { perTable: true } } } } });
  assert.deepEqual(r.findings('a.md'), []);
});

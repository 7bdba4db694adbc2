import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage } from './tasks-fixtures';

const RULE = 'tasks/cell-count';

async function fixedAndClean(file: string, text: string): Promise<string> {
  const r = await lint({ [file]: text }, { rules: [RULE] });
  const d = r.of(file)[0]!;
  const fixed = applyFix(text, d);
  const again = await lint({ [file]: fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings(file), [], 'the fix is idempotent');
  return fixed;
}

test('accepts rows with as many cells as the header, in every language', async () => {
  const files = {
    [fileOf('en')]: taskPage('en', { rows: ['| 5101 | Send Agenda | M | FM | All Services |', '|5102|Book Room|O|FM|Exchange|'] }),
    [fileOf('de')]: taskPage('de', { rows: ['| 5101 | Agenda senden | E | FM | Alle Dienste |'] }),
    [fileOf('zh')]: taskPage('zh', { rows: ['| 5101| 发送议程| M| FM| Exchange|'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('a doubled `||` after a cell: names the pipe, fixes it safely', async () => {
  const page = taskPage('en', { rows: ['| 5102 || Book Room | O | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '||' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, 'This row has 6 cells but the header has 5: the `||` after `5102` makes an empty cell that shifts the rest of the row.');
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = await fixedAndClean('a.md', page);
  assert.ok(fixed.includes('\n| 5102 | Book Room | O | FM | Exchange |\n'));
});

test('a doubled `||` at the start of a row (German)', async () => {
  const page = taskPage('de', { rows: ['|| 3999 | Mandant aktivieren | E | SME | AIP |'] });
  const r = await lint({ [fileOf('de')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 11, text: '||' }]);
  assert.match(r.of(fileOf('de'))[0]!.message, /the `\|\|` at the start of the row makes an empty cell/);
  const fixed = await fixedAndClean(fileOf('de'), page);
  assert.ok(fixed.includes('\n| 3999 | Mandant aktivieren | E | SME | AIP |\n'));
});

test('an empty trailing cell keeps the closing pipe when removed', async () => {
  const page = taskPage('en', { rows: ['| 5101 | Send Agenda | M | FM | Exchange | |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '| |' }]);
  const fixed = await fixedAndClean('a.md', page);
  assert.ok(fixed.includes('\n| 5101 | Send Agenda | M | FM | Exchange |\n'));
});

test('two empty cells that could each be the stray one: reported without a fix', async () => {
  const page = taskPage('en', { rows: ['| 5101 | Name | M | | FM | |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '| |' }]);
  assert.equal(r.of('a.md')[0]!.fixes.length, 0);
});

test('two rows run together on one line: split them', async () => {
  const page = taskPage('en', { rows: ['| 3143 | Preflight | O | FE | Exchange|| 1328 | Remediate mailboxes | O | FE | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '||' }]);
  assert.match(r.of('a.md')[0]!.message, /This line holds 2 task rows run together \(11 cells, the header has 5\): the `\|\|` after `Exchange` should be a line break/);
  const fixed = await fixedAndClean('a.md', page);
  assert.ok(fixed.includes('\n| 3143 | Preflight | O | FE | Exchange|\n| 1328 | Remediate mailboxes | O | FE | Exchange |\n'));
});

test('a missing `|` between the M/O letter and the role (Japanese), and after an ID', async () => {
  const ja = taskPage('ja', { rows: ['| 3184| システム要件の確認| O FastTrack エンジニア| コア オンボーディング|'] });
  const r = await lint({ [fileOf('ja')]: ja }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('ja')), [{ rule: RULE, line: 11, text: 'O FastTrack エンジニア' }]);
  assert.match(r.of(fileOf('ja'))[0]!.message, /a `\|` is missing after `O`/);
  const fixed = await fixedAndClean(fileOf('ja'), ja);
  assert.ok(fixed.includes('| O | FastTrack エンジニア|'));
  const en = taskPage('en', { rows: ['| 3184 Verify requirements | O | FE | Exchange |'] });
  assert.ok((await fixedAndClean('b.md', en)).includes('| 3184 | Verify requirements | O |'));
});

test('other missing cells: the row is reported, no fix', async () => {
  const page = taskPage('en', { rows: ['| 5101 | Send Agenda | M |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '| 5101 | Send Agenda | M |' }]);
  assert.match(r.of('a.md')[0]!.message, /This row has 3 cells but the header has 5: 2 cell\(s\) missing/);
  assert.equal(r.of('a.md')[0]!.fixes.length, 0);
});

test('too many non-empty cells: the extra cells are reported', async () => {
  const page = taskPage('en', { rows: ['| 5101 | Send | Agenda | M | FM | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: '| Exchange |' }]);
  assert.match(r.of('a.md')[0]!.message, /a `\|` inside a cell splits it/);
});

test('a merge-conflict marker inside the table (Portuguese)', async () => {
  const page = taskPage('pt', { rows: ['<<<<<<< HEAD', '| 3080 | Workshop | b | FE | Exchange |', '=======', '| 3080 | Workshop | O | FE | Exchange |'] });
  const r = await lint({ [fileOf('pt')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('pt')), [{ rule: RULE, line: 11, text: '<<<<<<< HEAD' }, { rule: RULE, line: 13, text: '=======' }]);
  assert.match(r.of(fileOf('pt'))[0]!.message, /leftover merge-conflict marker/);
});

test('CRLF pages keep their line endings when rows are split', async () => {
  const page = '\ufeff' + taskPage('en', { rows: ['| 3143 | Preflight | O | FE | Exchange|| 1328 | Remediate | O | FE | Exchange |'] }).replace(/\n/g, '\r\n');
  const fixed = await fixedAndClean('a.md', page);
  assert.ok(fixed.includes('| 3143 | Preflight | O | FE | Exchange|\r\n| 1328 | Remediate | O | FE | Exchange |\r\n'));
  assert.ok(!/[^\r]\n/.test(fixed));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage } from './tasks-fixtures';

const RULE = 'tasks/mandatory-letter';

test('accepts each language\'s own legend letters', async () => {
  const files = {
    [fileOf('en')]: taskPage('en', { rows: ['| 5101 | Send Agenda | M | FastTrack Manager | All Services |', '| 5102 | Book Room | O | FM | Exchange |'] }),
    [fileOf('de')]: taskPage('de', { rows: ['| 5101 | Agenda senden | E | FastTrack Manager | Alle Dienste |', '| 5102 | Raum buchen | O | FM | Exchange |'] }),
    [fileOf('pt')]: taskPage('pt', { rows: ['| 5101 | Enviar agenda | b | FM | Exchange |', '| 5102 | Reservar sala | O | FM | Exchange |'] }),
    [fileOf('ja')]: taskPage('ja', { rows: ['| 5101 | 議題の送付 | M | FM | Exchange |'] }),
    [fileOf('zh')]: taskPage('zh', { rows: ['| 5101 | 发送议程 | M | FM | Exchange |'] }),
    [fileOf('es')]: taskPage('es', { rows: ['| 5101 | Enviar agenda | M | FM | Exchange |'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('reports another language\'s letter and fixes it to the legend\'s (German E, Portuguese b)', async () => {
  const de = taskPage('de', { rows: ['| 5101 | Agenda senden | M | FM | Exchange |'] });
  const pt = taskPage('pt', { rows: ['| 5101 | Enviar agenda | M | FM | Exchange |', '| 5102 | Reservar sala | E | FM | Exchange |'] });
  const r = await lint({ [fileOf('de')]: de, [fileOf('pt')]: pt }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 11, text: 'M' }]);
  assert.deepEqual(r.findings(fileOf('pt')), [{ rule: RULE, line: 11, text: 'M' }, { rule: RULE, line: 12, text: 'E' }]);
  const d = r.of(fileOf('de'))[0]!;
  assert.match(d.message, /`M` is not this table's letter for mandatory: the column header `\(E\) Erforderlich \(O\) Optional` uses `E`/);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(de, d);
  assert.ok(fixed.includes('| 5101 | Agenda senden | E | FM | Exchange |'));
  const again = await lint({ [fileOf('de')]: fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings(fileOf('de')), []);
  let ptFixed = pt;
  for (const diag of [...r.of(fileOf('pt'))].reverse()) ptFixed = applyFix(ptFixed, diag);
  assert.ok(ptFixed.includes('| 5101 | Enviar agenda | b |') && ptFixed.includes('| 5102 | Reservar sala | b |'));
});

test('fixes the wrong case of the legend letter', async () => {
  const en = taskPage('en', { rows: ['| 5101 | Send Agenda | m | FM | Exchange |', '| 5102 | Book Room | **o** | FM | Exchange |'] });
  const pt = taskPage('pt', { rows: ['| 5101 | Enviar agenda | B | FM | Exchange |'] });
  const r = await lint({ [fileOf('en')]: en, [fileOf('pt')]: pt }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('en')), [{ rule: RULE, line: 11, text: 'm' }, { rule: RULE, line: 12, text: '**o**' }]);
  assert.deepEqual(r.findings(fileOf('pt')), [{ rule: RULE, line: 11, text: 'B' }]);
  assert.equal(applyFix(pt, r.of(fileOf('pt'))[0]!).includes('| 5101 | Enviar agenda | b |'), true);
  // Only the letter is replaced: the emphasis stays.
  assert.equal(applyFix(en, r.of(fileOf('en'))[1]!).includes('| 5102 | Book Room | **O** |'), true);
});

test('reports unknown text and empty cells without a fix', async () => {
  const en = taskPage('en', { rows: ['| 5101 | Send Agenda | Yes | FM | Exchange |', '| 5102 | Book Room |  | FM | Exchange |'] });
  const r = await lint({ [fileOf('en')]: en }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('en')), [{ rule: RULE, line: 11, text: 'Yes' }, { rule: RULE, line: 12, text: '|  ' }]);
  assert.deepEqual(r.of(fileOf('en')).map((d) => d.fixes.length), [0, 0]);
  assert.match(r.of(fileOf('en'))[0]!.message, /uses `M` for mandatory and `O` for optional/);
});

test('follows the table\'s own legend, not the locale default', async () => {
  const de = taskPage('de', { header: '| Aufgaben-ID | Name der Aufgabe | (M)andatory / (O)ptional | FastTrack-Rolle | Dienste |', rows: ['| 5101 | Agenda senden | M | FM | Exchange |', '| 5102 | Raum buchen | E | FM | Exchange |'] });
  const r = await lint({ [fileOf('de')]: de }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 12, text: 'E' }]);
});

test('leaves rows with the wrong number of cells to tasks/cell-count', async () => {
  const en = taskPage('en', { rows: ['| 5101 | Send Agenda | O FastTrack Manager | Exchange |'] });
  const r = await lint({ [fileOf('en')]: en }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('en')), []);
});

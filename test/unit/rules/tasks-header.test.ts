import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage, WORDS, type Lang } from './tasks-fixtures';

const RULE = 'tasks/header';
const ROW = '| 5101 | Name | M | FM | Exchange |';

test('recognises the observed header of every language', async () => {
  const files: Record<string, string> = {};
  for (const lang of Object.keys(WORDS) as Lang[]) files[fileOf(lang)] = taskPage(lang, { rows: [ROW] });
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) {
    assert.deepEqual(r.findings(f), [], f);
    const doc = r.engine.index.document(r.workspace.resolve(f))!;
    assert.equal(doc.taskTables.length, 1, f);
    assert.deepEqual(Object.keys(doc.taskTables[0]!.columns).sort(), ['id', 'mandatory', 'name', 'role', 'services'], f);
  }
});

test('tolerates drift in capitalisation, spacing and punctuation', async () => {
  const files = {
    [fileOf('en', 'a')]: taskPage('en', { header: '| Task Id | task name | (M)andatory/(O)ptional | Fasttrack Role | services |', rows: [ROW] }),
    [fileOf('en', 'b')]: taskPage('en', { header: '|TaskID|Task  Name|(M) Mandatory (O) Optional|FastTrack  Role|Services|', rows: [ROW] }),
    [fileOf('es', 'c')]: taskPage('es', { header: '| Id. de Tareas | Nombre de la tarea | (M)andatorio / (O)pcional | Rol de FastTrack | Servicios |', rows: [ROW] }),
    [fileOf('de', 'd')]: taskPage('de', { header: '| Aufgaben ID | Name der Aufgabe | (E) Erforderlich / (O) Optional | FastTrack Rolle | Dienste |', rows: [ROW] }),
    [fileOf('en', 'e')]: taskPage('en', { header: '| ID | Name | Mandatory / Optional | Role | Service |', rows: [ROW] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('reports an unknown header cell and a missing column', async () => {
  const page = taskPage('en', { header: '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services | Notes |', rows: ['| 5101 | Name | M | FM | Exchange | x |'] });
  const missing = taskPage('en', { header: '| Task ID | Task Name | FastTrack Role | Services |', rows: ['| 5101 | Name | FM | Exchange |'] });
  const r = await lint({ 'a.md': page, 'b.md': missing }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 9, text: 'Notes' }]);
  assert.match(r.of('a.md')[0]!.message, /`Notes` is not a known FTOP task-table column: the header should read `Task ID \| Task Name \| \(M\)andatory \/ \(O\)ptional \| FastTrack Role \| Services`/);
  assert.deepEqual(r.findings('b.md'), [{ rule: RULE, line: 9, text: '| Task ID | Task Name | FastTrack Role | Services |' }]);
  assert.match(r.of('b.md')[0]!.message, /has no `\(M\)andatory \/ \(O\)ptional` column/);
});

test('offers to rename a lone unknown cell to the one missing column, in the page\'s language', async () => {
  const de = taskPage('de', { header: '| Aufgaben-ID | Name der Aufgabe | Pflicht | FastTrack-Rolle | Dienste |', rows: ['| 5101 | Name | E | FM | Exchange |'] });
  const r = await lint({ [fileOf('de')]: de }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [{ rule: RULE, line: 9, text: 'Pflicht' }]);
  const d = r.of(fileOf('de'))[0]!;
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(de, d);
  assert.ok(fixed.includes('| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |'));
  const again = await lint({ [fileOf('de')]: fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings(fileOf('de')), []);
});

test('reports a repeated column', async () => {
  const header = '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services | Services |';
  const page = taskPage('en', { header, rows: ['| 5101 | Name | M | FM | Exchange | Teams |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 9, text: 'Services' }]);
  // The second `Services` cell, not the first.
  assert.equal(r.of('a.md')[0]!.range.start.character, header.lastIndexOf('Services'));
  assert.match(r.of('a.md')[0]!.message, /repeats the `Services` column/);
});

test('the 4-column variant is fine on approach pages only (configurable)', async () => {
  const four = (lang: Lang, header: string): string => taskPage(lang, { header, rows: ['| 5101 | Name | M | FM |'] });
  const files = {
    'approach-x.md': four('en', '| Task ID | Task Description | (M) Mandatory (O) Optional | FastTrack Role |'),
    [fileOf('ja', 'approach-x')]: four('ja', '| タスク ID | タスク説明 | (M) 必須 (O) オプション | FastTrack の役割 |'),
    'initiate-x.md': four('en', '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role |'),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('approach-x.md'), []);
  assert.deepEqual(r.findings(fileOf('ja', 'approach-x')), []);
  assert.deepEqual(r.findings('initiate-x.md'), [{ rule: RULE, line: 9, text: '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role |' }]);
  assert.match(r.of('initiate-x.md')[0]!.message, /has no `Services` column/);
  const strict = await lint(files, { rules: [RULE], config: { rules: { [RULE]: { severity: 'error', options: { servicesOptionalOn: [] } } } } });
  assert.equal(strict.findings('approach-x.md').length, 1);
});

test('a table under FTOP Tasks with an unrelated header: one report for the missing columns, one per unknown cell', async () => {
  const page = taskPage('en', { header: '| Task ID | Owner | Notes |', rows: ['| 5101 | Ada | x |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 9, text: '| Task ID | Owner | Notes |' },
    { rule: RULE, line: 9, text: 'Owner' },
    { rule: RULE, line: 9, text: 'Notes' },
  ]);
  assert.match(r.of('a.md')[0]!.message, /lacks the columns `Task Name`, `\(M\)andatory \/ \(O\)ptional`, `FastTrack Role`, `Services`/);
});

test('tables outside FTOP Tasks that are not task tables are ignored', async () => {
  const page = '# T\n\n## Overview\n\n| Date | Who Changed | What Changed |\n| --- | --- | --- |\n| 1/1/2020 | A | B |\n';
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

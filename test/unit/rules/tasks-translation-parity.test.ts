import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintDocument } from '../../../server/src/engine/lint/linter';
import { lint } from '../helpers';
import { fileOf, taskPage, WORDS } from './tasks-fixtures';

const RULE = 'tasks/translation-parity';
const row = (id: string, letter = 'M'): string => `| ${id} | Task ${id} | ${letter} | FM | Exchange |`;

test('translations with the same task IDs (any order) are fine; English pages are not checked', async () => {
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101'), row('5102')] }),
    [fileOf('de', 'initiate-x')]: taskPage('de', { rows: [row('5102', 'E'), row('5101', 'E')] }),
    [fileOf('zh', 'initiate-x')]: taskPage('zh', { rows: [row('5101'), row('5102')] }),
    'initiate-y.md': taskPage('en', { rows: [row('5101')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('missing IDs are listed on the FTOP Tasks heading; extra IDs on their cells (Portuguese)', async () => {
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101'), row('5102'), row('5103')] }),
    [fileOf('pt', 'initiate-x')]: taskPage('pt', { rows: [row('5101', 'b'), row('5999', 'b')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('pt', 'initiate-x')), [
    { rule: RULE, line: 7, text: 'Tarefas do FTOP' },
    { rule: RULE, line: 12, text: '5999' },
  ]);
  const [missing, extra] = r.of(fileOf('pt', 'initiate-x'));
  assert.equal(missing!.message, 'This task table lacks 2 task(s) that the matching table of the English source `initiate-x.md` lists: 5102, 5103. Translate and add the missing rows (or remove them from the source).');
  assert.deepEqual(missing!.related.map((x) => x.range.start.line + 1), [12, 13]);
  assert.equal(extra!.message, 'Task 5999 is not in the English source `initiate-x.md`: remove it here, or add it to the source page first.');
});

test('missing IDs are reported on the translated step that should list them (German, two steps)', async () => {
  const header = (lang: 'en' | 'de'): string => (lang === 'en' ? '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |' : '| Aufgaben-ID | Name der Aufgabe | (E) Erforderlich (O) Optional | FastTrack-Rolle | Dienste |');
  const step2 = (lang: 'en' | 'de', rows: string[]): string => ['### Step Two', '', `#### ${lang === 'en' ? 'FTOP Tasks' : 'FTOP-Aufgaben'}`, '', header(lang), '| --- | --- | --- | --- | --- |', ...rows].join('\n');
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101')], more: step2('en', [row('5103'), row('5112', 'O')]) }),
    [fileOf('de', 'initiate-x')]: taskPage('de', { rows: [row('5101', 'E')], more: step2('de', [row('5103', 'E')]) }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de', 'initiate-x')), [{ rule: RULE, line: 15, text: 'FTOP-Aufgaben' }]);
  assert.match(r.of(fileOf('de', 'initiate-x'))[0]!.message, /This task table lacks 1 task\(s\) that the matching table of the English source `initiate-x.md` lists: 5112\./);
});

test('a row shifted by `||` or two rows run together still count with their IDs', async () => {
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101') + '| 5102 | Task 5102 | O | FM | Exchange |'] }),
    [fileOf('ja', 'initiate-x')]: taskPage('ja', { rows: ['|' + row('5101'), row('5102', 'O')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('ja', 'initiate-x')), []);
});

test('a translation without any task table, and the options', async () => {
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101')] }),
    [fileOf('es', 'initiate-x')]: '# Página de prueba\n\nNada.\n',
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('es', 'initiate-x')), [{ rule: RULE, line: 1, text: 'Página de prueba' }]);
  assert.match(r.of(fileOf('es', 'initiate-x'))[0]!.message, /^This translation lacks 1 task\(s\) that its English source `initiate-x.md` lists: 5101\./);
  const off = await lint(files, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { reportMissing: false } } } } });
  assert.deepEqual(off.findings(fileOf('es', 'initiate-x')), []);
});

test('the source page is read from the index facts: its model is asked for only for an extra ID, or when its rows need repair', async () => {
  const files = {
    'initiate-x.md': taskPage('en', { rows: [row('5101'), row('5102')] }),
    [fileOf('de', 'initiate-x')]: taskPage('de', { rows: [row('5101', 'E')] }),
    [fileOf('es', 'initiate-x')]: taskPage('es', { rows: [row('5101'), row('5102'), row('5999')] }),
    'initiate-y.md': taskPage('en', { rows: [row('5101') + '| 5102 | Task 5102 | O | FM | Exchange |'] }),
    [fileOf('de', 'initiate-y')]: taskPage('de', { rows: [row('5101', 'E')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  const index = r.engine.index;
  const asked: string[] = [];
  const document = index.document.bind(index);
  index.document = (path, options) => {
    asked.push(path.slice('/ws/'.length));
    return document(path, options);
  };
  const check = (page: string): Array<{ text: string; related: string[] }> =>
    lintDocument(document(`/ws/${page}`)!, index, r.engine.rules).map((d) => ({
      text: index.textOf(`/ws/${page}`)!.slice(d.span.start, d.span.end),
      related: d.related.map((x) => index.textOf(x.path)!.slice(x.span.start, x.span.end)),
    }));

  assert.deepEqual(check(fileOf('de', 'initiate-x')), [{ text: 'FTOP-Aufgaben', related: ['5102'] }]);
  assert.deepEqual(asked, [], 'a missing ID is shown in the source through the facts');
  assert.deepEqual(check(fileOf('es', 'initiate-x')), [{ text: '5999', related: [WORDS.en.header] }]);
  assert.deepEqual(asked, ['initiate-x.md'], 'an extra ID points at the source table header, which only the model has');
  asked.length = 0;
  assert.deepEqual(check(fileOf('de', 'initiate-y')), [{ text: 'FTOP-Aufgaben', related: ['5102'] }], 'the IDs of two rows run together are both found');
  assert.deepEqual(asked, ['initiate-y.md'], 'rows to repair are read from the model');
});

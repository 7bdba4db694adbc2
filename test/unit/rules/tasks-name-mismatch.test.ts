import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintWorkspace } from '../../../server/src/engine/lint/linter';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage } from './tasks-fixtures';

const RULE = 'tasks/name-mismatch';
const row = (id: string, name: string, letter = 'M'): string => `| ${id} | ${name} | ${letter} | FM | Exchange |`;

test('the same name everywhere (whitespace, case and dash variants aside) is fine', async () => {
  const files = {
    'a.md': taskPage('en', { rows: [row('5101', 'Send Agenda – Draft')] }),
    'b.md': taskPage('en', { rows: [row('5101', 'send  agenda - draft')] }),
    [fileOf('ja', 'c')]: taskPage('ja', { rows: ['| 5101| System Centerを 使用した展開| M| FM| Exchange|'] }),
    [fileOf('ja', 'd')]: taskPage('ja', { rows: ['| 5101| System Centerを使用した展開| M| FM| Exchange|'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('different languages are never compared', async () => {
  const files = {
    'a.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    [fileOf('de', 'a')]: taskPage('de', { rows: [row('5101', 'Agenda senden', 'E')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
  assert.deepEqual(r.findings(fileOf('de', 'a')), []);
});

test('the odd one out is reported, named against the most used name, with the others related', async () => {
  const files = {
    'a.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'b.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'c.md': taskPage('en', { rows: [row('5101', 'Send the Agenda'), row('5102', 'Book Room')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
  assert.deepEqual(r.findings('b.md'), []);
  assert.deepEqual(r.findings('c.md'), [{ rule: RULE, line: 11, text: 'Send the Agenda' }]);
  const d = r.of('c.md')[0]!;
  assert.equal(d.message, 'Task 5101 is named `Send the Agenda` here but `Send Agenda` on 2 other page(s) of this language (`a.md`, `b.md`): use the same name everywhere.');
  assert.deepEqual(d.related.map((x) => x.path.split('/').pop()), ['a.md', 'b.md']);
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(files['c.md'], d);
  const again = await lint({ ...files, 'c.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('c.md'), []);
});

test('a tie is reported on both pages, once per ID, without a fix (German)', async () => {
  const files = {
    [fileOf('de', 'a')]: taskPage('de', { rows: [row('5101', 'Agenda senden', 'E'), row('5101', 'Agenda senden', 'E')] }),
    [fileOf('de', 'b')]: taskPage('de', { rows: [row('5101', 'Agenden senden', 'E')] }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de', 'a')), [{ rule: RULE, line: 11, text: 'Agenda senden' }]);
  assert.deepEqual(r.findings(fileOf('de', 'b')), [{ rule: RULE, line: 11, text: 'Agenden senden' }]);
  assert.match(r.of(fileOf('de', 'b'))[0]!.message, /no name is more used than the others/);
  assert.equal(r.of(fileOf('de', 'b'))[0]!.fixes.length, 0);
});

test('a tie is decided by the page updated most recently', async () => {
  const refresh = (date: string): string => `## Refresh Summary\n\n| Date | Who Changed | What Changed |\n| --- | --- | --- |\n| ${date} | Ada Park | Edited |\n| 01/02/2026 | Ada Park | Created |`;
  const files = {
    'a.md': taskPage('en', { rows: [row('5103', 'Confirm Onboarding Contacts')], more: refresh('09/15/2026') }),
    'b.md': taskPage('en', { rows: [row('5103', 'Confirm Readiness Owner')], more: refresh('08/27/2026') }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
  assert.deepEqual(r.findings('b.md'), [{ rule: RULE, line: 11, text: 'Confirm Readiness Owner' }]);
  assert.equal(r.of('b.md')[0]!.message, 'Task 5103 is named `Confirm Readiness Owner` here but `Confirm Onboarding Contacts` on `a.md`, a page updated more recently: use the same name everywhere.');
  assert.equal(r.of('b.md')[0]!.fixes.length, 1);
});

test('reportMajority also flags the pages that use the most used name', async () => {
  const files = {
    'a.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'b.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'c.md': taskPage('en', { rows: [row('5101', 'Send the Agenda')] }),
  };
  const r = await lint(files, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { reportMajority: true } } } } });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: 'Send Agenda' }]);
  assert.match(r.of('a.md')[0]!.message, /\(the preferred name\) but differently on `c.md`/);
});

test('the names compared follow every edit of the workspace, made after the page or before it in path order', async () => {
  const r = await lint({
    'a.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'b.md': taskPage('en', { rows: [row('5101', 'Send Agenda')] }),
    'c.md': taskPage('en', { rows: [row('5101', 'Send the Agenda')] }),
  }, { rules: [RULE] });
  const { index } = r.engine;
  const names = (p: string): string[] => lintWorkspace(index, r.engine.rules).get(r.workspace.resolve(p))?.map((d) => d.message.split('`')[1]!) ?? [];
  assert.deepEqual(names('c.md'), ['Send the Agenda']);
  // The last page in path order changes: its use is taken out of the ID's list and appended again.
  index.setText(r.workspace.resolve('c.md'), taskPage('en', { rows: [row('5101', 'Send Agenda')] }), 2);
  assert.deepEqual(names('c.md'), []);
  // A page before it changes: the list is rebuilt around it.
  index.setText(r.workspace.resolve('a.md'), taskPage('en', { rows: [row('5101', 'Send Agendas')] }), 2);
  assert.deepEqual(names('a.md'), ['Send Agendas']);
  // A page added after the others, then a page removed.
  index.setText(r.workspace.resolve('d.md'), taskPage('en', { rows: [row('5101', 'Send Agendas')] }), 1);
  index.setText(r.workspace.resolve('e.md'), taskPage('en', { rows: [row('5101', 'Send Agendas')] }), 1);
  assert.deepEqual(names('b.md'), ['Send Agenda']);
  index.remove(r.workspace.resolve('d.md'));
  index.remove(r.workspace.resolve('e.md'));
  assert.deepEqual(names('b.md'), []);
});

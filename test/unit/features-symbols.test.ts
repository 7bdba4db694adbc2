import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentSymbol } from '../../server/src/engine/features/index';
import { matchScore } from '../../server/src/engine/features/symbols';
import { open } from './features-helpers';
import { processPage } from './helpers';
import { fileOf, taskPage } from './rules/tasks-fixtures';

/** A symbol tree as indented lines: `kind name (detail) [selected text]`. */
function outline(symbols: readonly DocumentSymbol[], text: string, depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.kind} ${s.name}${s.detail ? ` (${s.detail})` : ''} [${text.slice(s.selectionSpan.start, s.selectionSpan.end)}]`,
    ...outline(s.children, text, depth + 1),
  ]);
}

test('document symbols: headings nested by level, steps, and task rows under their heading', async () => {
  const ws = await open({ 'en/initiate-a.md': processPage() });
  const p = ws.path('en/initiate-a.md');
  assert.deepEqual(outline(ws.service.provideDocumentSymbols(p), ws.index.document(p)!.text), [
    'page Hold Kickoff Meeting (Initiate) [Hold Kickoff Meeting]',
    '  section Overview [Overview]',
    '  section Objectives [Objectives]',
    '  section Approach [Approach]',
    '    step Prepare the Meeting (FastTrack Manager) [Prepare the Meeting]',
    '      section FTOP Tasks [FTOP Tasks]',
    '        task 5101 Send Agenda (FastTrack Manager) [5101]',
    '        task 5102 Book Room (FastTrack Manager) [5102]',
    '  section Key Inputs [Key Inputs]',
    '  section Key Outputs [Key Outputs]',
    '  section Next Steps [Next Steps]',
    '  section Refresh Summary [Refresh Summary]',
  ]);
});

test('a section ends at its last line of content; skipped levels still nest', async () => {
  const ws = await open({ 'ja/a-jp.md': '# 甲\n\n#### 深い\n\ntext\n\n\n## 概要\n\n本文。\n' });
  const p = ws.path('ja/a-jp.md');
  const symbols = ws.service.provideDocumentSymbols(p);
  assert.deepEqual(outline(symbols, ws.index.document(p)!.text), ['page 甲 [甲]', '  section 深い [深い]', '  section 概要 [概要]']);
  const deep = symbols[0]!.children[0]!;
  assert.equal(ws.text(p, deep.span), '#### 深い\n\ntext');
  assert.deepEqual(deep.range, { start: { line: 2, character: 0 }, end: { line: 4, character: 4 } });
});

test('workspace symbols: pages by title and task rows by ID and name, best matches first', async () => {
  const ws = await open({
    'en/initiate-a.md': processPage(),
    'en/agenda.md': processPage({ h1: 'Agenda Templates' }),
    [fileOf('de', 'c')]: taskPage('de', { rows: ['| 5101 | Agenda senden | E | FM | Exchange |'] }),
  });
  const found = (q: string): string[] => ws.service.provideWorkspaceSymbols(q).map((s) => `${s.kind} ${s.name} — ${s.containerName}`);
  assert.deepEqual(found('agenda'), [
    'page Agenda Templates — en/agenda.md',
    'task 5101 Agenda senden — Test Page',
    'task 5101 Send Agenda — Agenda Templates',
    'task 5101 Send Agenda — Hold Kickoff Meeting',
  ]);
  assert.deepEqual(found('5102'), ['task 5102 Book Room — Agenda Templates', 'task 5102 Book Room — Hold Kickoff Meeting']);
  assert.deepEqual(found('hkm'), ['page Hold Kickoff Meeting — en/initiate-a.md']);
  const task = ws.service.provideWorkspaceSymbols('5102 book')[0]!;
  assert.equal(ws.text(task.path, task.span), '5102');
  assert.equal(ws.service.provideWorkspaceSymbols('', { limit: 2 }).length, 2);
  assert.deepEqual(ws.service.provideWorkspaceSymbols('agenda', {}, () => true), []);
});

test('match scores: prefix over word start over contained over letters in order', () => {
  assert.deepEqual(['Send Agenda', 'Agenda', 'Sendagenda', 'a-g-e-n-d-a', 'Other'].map((t) => matchScore('agenda', t)), [3, 4, 2, 1, 0]);
  assert.equal(matchScore('ÜBER', 'über alles'), 4);
});

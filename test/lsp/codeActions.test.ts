import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLspEdits, lspDiagnostic, page, rangeOf } from './fixtures';
import { startSession, type LspSession } from './harness';

const A = page('Alpha', '## Intro\n\n## Setup\n\nText.');
const D = page('Delta', 'See [one](a.md#intr) and [two](a.md#setu).\n\nAlso [three](a.md#intro) and [four](nowhere.md).');
const FIXED = D.replace('#intr)', '#intro)').replace('#setu)', '#setup)');

type Edit = { range: ReturnType<typeof rangeOf>; newText: string };
interface Action {
  title: string;
  kind: string;
  diagnostics?: unknown[];
  isPreferred?: boolean;
  edit?: { documentChanges: Array<{ textDocument: { uri: string; version: number | null }; edits: Edit[] }> };
  data?: unknown;
}

let session: LspSession;
let uri: string;

before(async () => {
  ({ session } = await startSession({ files: { 'en/a.md': A, 'en/d.md': D } }));
  await session.indexed();
  await session.open('en/d.md');
  uri = session.uri('en/d.md');
});

after(async () => {
  await session.stop();
});

const intr = lspDiagnostic({
  rule: 'link/no-such-heading', severity: 1, range: rangeOf(D, 'intr'), version: 1, message: '`#intr` names no heading of `en/a.md`. Did you mean `#intro`?',
  fixes: [{ title: 'Change the anchor to `#intro`', safe: true, edits: [{ range: rangeOf(D, 'intr'), newText: 'intro' }] }],
});
const setu = lspDiagnostic({
  rule: 'link/no-such-heading', severity: 1, range: rangeOf(D, 'setu'), version: 1, message: '`#setu` names no heading of `en/a.md`. Did you mean `#setup`?',
  fixes: [{ title: 'Change the anchor to `#setup`', safe: true, edits: [{ range: rangeOf(D, 'setu'), newText: 'setup' }] }],
});
const nowhere = lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(D, 'nowhere.md'), version: 1, message: '`nowhere.md` does not exist: there is no file `en/nowhere.md` in the workspace.' });

/** A workspace edit of the test document at version 1. */
const editOf = (edits: Edit[]) => ({ documentChanges: [{ textDocument: { uri, version: 1 }, edits }] });

function codeActions(diagnostics: unknown[], range: ReturnType<typeof rangeOf>, only?: string[]): Promise<Action[]> {
  return session.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}), triggerKind: 1 } });
}

test('the diagnostics carry their fixes, ready for code actions', async () => {
  const report = await session.pull<{ items: unknown[] }>('en/d.md');
  assert.deepEqual(report.items, [intr, setu, nowhere]);
});

test('a diagnostic with one safe fix: a preferred quick fix, fix all of its rule, and disable for this line', async () => {
  const actions = await codeActions([intr], rangeOf(D, 'intr'), ['quickfix']);
  const line = rangeOf(D, 'See [one]').start.line;
  assert.deepEqual(actions, [
    { title: 'Change the anchor to `#intro`', kind: 'quickfix', diagnostics: [intr], isPreferred: true, edit: editOf([{ range: rangeOf(D, 'intr'), newText: 'intro' }]) },
    { title: 'Fix all link/no-such-heading problems in this file', kind: 'quickfix', data: { fixAll: 'link/no-such-heading', uri } },
    {
      title: 'Disable link/no-such-heading for this line', kind: 'quickfix', diagnostics: [intr],
      edit: editOf([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '<!-- playbook-lint-disable-next-line link/no-such-heading -->\n' }]),
    },
  ]);
});

test('"fix all of this rule" gets its edit when resolved, and it fixes every finding of the rule', async () => {
  const [, fixAll] = await codeActions([intr], rangeOf(D, 'intr'), ['quickfix']);
  const resolved = await session.request<Action>('codeAction/resolve', fixAll);
  const edits = resolved.edit!.documentChanges[0]!.edits;
  assert.deepEqual(resolved, { ...fixAll, edit: editOf(edits) });
  assert.equal(applyLspEdits(D, edits), FIXED);
});

test('a diagnostic without fixes only offers to disable its rule; no fix-all for a rule with nothing to fix', async () => {
  const actions = await codeActions([nowhere], rangeOf(D, 'nowhere.md'));
  const line = rangeOf(D, 'nowhere.md').start.line;
  assert.deepEqual(actions.filter((a) => a.kind === 'quickfix'), [
    {
      title: 'Disable link/no-such-file for this line', kind: 'quickfix', diagnostics: [nowhere],
      edit: editOf([{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: '<!-- playbook-lint-disable-next-line link/no-such-file -->\n' }]),
    },
  ]);
});

test('source.fixAll.playbook applies every safe fix of the file in one edit', async () => {
  const actions = await codeActions([], rangeOf(D, 'See'), ['source.fixAll']);
  assert.equal(actions.length, 1);
  const edits = actions[0]!.edit!.documentChanges[0]!.edits;
  assert.deepEqual(actions, [{ title: 'Fix all auto-fixable playbook problems', kind: 'source.fixAll.playbook', edit: editOf(edits) }]);
  assert.equal(applyLspEdits(D, edits), FIXED);
});

test('a stale diagnostic (older document version) gets no quick fix from its old data', async () => {
  const stale = { ...intr, data: { version: 0, fixes: (intr.data as { fixes: unknown[] }).fixes } };
  const actions = await codeActions([stale], rangeOf(D, 'intr'), ['quickfix']);
  assert.deepEqual(actions.map((a) => a.title), ['Fix all link/no-such-heading problems in this file', 'Disable link/no-such-heading for this line']);
});

test('diagnostics of other tools are left alone', async () => {
  const foreign = { range: rangeOf(D, 'intr'), message: 'spelling', source: 'cSpell', code: 'x', data: { version: 1, fixes: [] } };
  assert.deepEqual(await codeActions([foreign], rangeOf(D, 'intr'), ['quickfix']), []);
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLspEdits, lspDiagnostic, page, rangeOf } from './fixtures';
import { PUSH_CLIENT, startSession, type LspSession } from './harness';

const A = page('Alpha', '## Intro\n\n## Setup\n\nText.');
const B = page('Beta', 'See [alpha](a.md#intro) and [gone](missing.md).');

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

let session: LspSession;
let init: { capabilities: Record<string, unknown> };

before(async () => {
  ({ session, init } = (await startSession({ files: { 'en/a.md': A, 'en/b.md': B }, capabilities: PUSH_CLIENT })) as { session: LspSession; init: typeof init });
  await session.indexed();
  // After the index, the files with findings are published (test/lsp/workspacePush.test.ts): let that pass first.
  await session.waitFor('textDocument/publishDiagnostics', { match: (p) => (p as Published).uri === session.uri('en/b.md') });
});

after(async () => {
  await session.stop();
});

/** The next `publishDiagnostics` for a document from position `since` on. */
async function published(rel: string, since: number): Promise<Published> {
  const r = await session.waitFor('textDocument/publishDiagnostics', { since, match: (p) => (p as Published).uri === session.uri(rel) });
  return r.params as Published;
}

const missingFile = (text: string, version: number | null) =>
  lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(text, 'missing.md'), version, message: '`missing.md` does not exist: there is no file `en/missing.md` in the workspace.' });

test('a client without pull diagnostics is not offered them', () => {
  assert.equal(init.capabilities.diagnosticProvider, undefined);
  assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.playbook'], resolveProvider: true });
});

test('opening a document publishes its diagnostics with its version', async () => {
  const mark = session.mark();
  await session.open('en/b.md');
  assert.deepEqual(await published('en/b.md', mark), { uri: session.uri('en/b.md'), version: 1, diagnostics: [missingFile(B, 1)] });
});

test('an edit publishes the diagnostics of the new version', async () => {
  const mark = session.mark();
  await session.change('en/b.md', [{ range: rangeOf(B, 'intro'), text: 'intr' }]);
  const B2 = B.replace('#intro', '#intr');
  assert.deepEqual(await published('en/b.md', mark), {
    uri: session.uri('en/b.md'), version: 2, diagnostics: [
      lspDiagnostic({
        rule: 'link/no-such-heading', severity: 1, range: rangeOf(B2, 'intr'), version: 2, message: '`#intr` names no heading of `en/a.md`. Did you mean `#intro`?',
        fixes: [{ title: 'Change the anchor to `#intro`', safe: true, edits: [{ range: rangeOf(B2, 'intr'), newText: 'intro' }] }],
      }),
      missingFile(B2, 2),
    ],
  });
});

test('without resolve support, "fix all of this rule" comes with its edit', async () => {
  await session.change('en/b.md', [{ range: rangeOf(B.replace('#intro', '#intr'), '(missing.md)'), text: '(a.md#setu)' }]);
  const B3 = B.replace('#intro', '#intr').replace('(missing.md)', '(a.md#setu)');
  type Action = { title: string; edit?: { documentChanges: Array<{ edits: Array<{ range: ReturnType<typeof rangeOf>; newText: string }> }> } };
  const actions = await session.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri: session.uri('en/b.md') }, range: rangeOf(B3, 'intr'),
    context: { diagnostics: [], only: ['quickfix'] },
  });
  assert.deepEqual(actions, []);
  const report = await session.waitFor('textDocument/publishDiagnostics', { match: (p) => (p as Published).version === 3 });
  const [intr] = (report.params as Published).diagnostics;
  const withFixAll = await session.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri: session.uri('en/b.md') }, range: rangeOf(B3, 'intr'), context: { diagnostics: [intr], only: ['quickfix'] },
  });
  const fixAll = withFixAll.find((a) => a.title === 'Fix all link/no-such-heading problems in this file');
  assert.ok(fixAll?.edit);
  assert.equal(applyLspEdits(B3, fixAll.edit.documentChanges[0]!.edits), B3.replace('#intr)', '#intro)').replace('#setu)', '#setup)'));
});

test('a change on disk re-publishes the open documents that depend on it', async () => {
  const mark = session.mark();
  await session.writeFiles({ 'en/a.md': page('Alpha', '## Intr\n\n## Setu\n\nText.') });
  assert.deepEqual(await published('en/b.md', mark), { uri: session.uri('en/b.md'), version: 3, diagnostics: [] });
});

test('closing a document publishes the diagnostics of the file on disk, without a version', async () => {
  const mark = session.mark();
  await session.close('en/b.md');
  assert.deepEqual(await published('en/b.md', mark), {
    uri: session.uri('en/b.md'), diagnostics: [
      lspDiagnostic({
        rule: 'link/no-such-heading', severity: 1, range: rangeOf(B, 'intro'), version: null, message: '`#intro` names no heading of `en/a.md`. Did you mean `#intr`?',
        fixes: [{ title: 'Change the anchor to `#intr`', safe: true, edits: [{ range: rangeOf(B, 'intro'), newText: 'intr' }] }],
      }),
      missingFile(B, null),
    ],
  });
});

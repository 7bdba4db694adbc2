import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync } from 'node:fs';
import { tocFor } from '../unit/helpers';
import { page, rangeOf, lspDiagnostic } from './fixtures';
import { startSession, type LspSession } from './harness';

/** Full and unchanged pull reports, as the server sends them. */
interface FullReport {
  kind: 'full';
  resultId: string;
  items: unknown[];
}
interface UnchangedReport {
  kind: 'unchanged';
  resultId: string;
}
type Report = FullReport | UnchangedReport;

const A = page('Alpha', '## Intro\n\nText.');
const B = page('Beta', 'See [alpha](a.md#intro) and [gone](missing.md).');
const C = page('Gamma', 'Plain [alpha](a.md).');
const TOC = tocFor('a.md', 'b.md', 'c.md');

let session: LspSession;
let init: unknown;

before(async () => {
  ({ session, init } = await startSession({ files: { 'en/a.md': A, 'en/b.md': B, 'en/c.md': C, 'en/toc.yml': TOC } }));
});

after(async () => {
  await session.stop();
});

/** Pulls a document and checks the report is full, returning its result id and items. */
async function pullFull(rel: string): Promise<FullReport> {
  const report = await session.pull<Report>(rel);
  assert.equal(report.kind, 'full');
  assert.equal(typeof report.resultId, 'string');
  return report as FullReport;
}

/** Waits for the server's next `workspace/diagnostic/refresh` request from position `since`. */
function refreshed(since: number): Promise<unknown> {
  return session.waitFor('workspace/diagnostic/refresh', { since });
}

/** The text of b.md's current buffer, kept in step with the edits the tests make. */
let bText = B;

const missingFile = (text: string, version: number | null) =>
  lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(text, 'missing.md'), version, message: '`missing.md` does not exist: there is no file `en/missing.md` in the workspace.' });
const noIntro = (text: string, version: number | null) =>
  lspDiagnostic({
    rule: 'link/no-such-heading', severity: 1, range: rangeOf(text, 'intro'), version,
    message: '`#intro` names no heading of `en/a.md`. An anchor is the lower-case heading text with spaces as `-` and punctuation dropped.',
  });

test('initialize announces incremental sync, pull diagnostics across files and the code action kinds', () => {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  assert.deepEqual(init, {
    capabilities: {
      textDocumentSync: 2,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.playbook'], resolveProvider: true },
      // The editor features (test/lsp/features-*.test.ts); this client cannot prepare renames nor announce file moves.
      completionProvider: { triggerCharacters: ['(', '/', '#', ':', '|', '*', '!'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: true,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
    },
    serverInfo: { name: 'playbook-language-server', version },
  });
});

test('the initial index reports its progress on a token it creates, then asks for a diagnostic refresh', async () => {
  await session.indexed();
  const create = await session.waitFor('window/workDoneProgress/create');
  const token = (create.params as { token: string }).token;
  const progress = session.all('$/progress').map((r) => r.params);
  assert.deepEqual(progress, [
    { token, value: { kind: 'begin', title: 'Indexing playbook pages', message: 'Listing files', cancellable: false, percentage: 0 } },
    { token, value: { kind: 'report', percentage: 25, message: '1 of 4 files' } },
    { token, value: { kind: 'report', percentage: 50, message: '2 of 4 files' } },
    { token, value: { kind: 'report', percentage: 75, message: '3 of 4 files' } },
    { token, value: { kind: 'report', percentage: 100, message: '4 of 4 files' } },
    { token, value: { kind: 'end' } },
  ]);
  const end = session.received.findIndex((r) => r.method === '$/progress' && (r.params as { value: { kind: string } }).value.kind === 'end');
  await refreshed(end);
  const registrations = session.all('client/registerCapability').flatMap((r) => (r.params as { registrations: Array<{ method: string; registerOptions: unknown }> }).registrations.map((x) => [x.method, x.registerOptions]));
  assert.deepEqual(registrations, [
    ['workspace/didChangeConfiguration', {}],
    ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*' }] }],
  ]);
});

test('an opened document is pulled with exact diagnostics; pulling again unchanged answers `unchanged`', async () => {
  await session.open('en/b.md');
  const first = await pullFull('en/b.md');
  assert.deepEqual(first, { kind: 'full', resultId: first.resultId, items: [missingFile(B, 1)] });
  const again = await session.pull<Report>('en/b.md', first.resultId);
  assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
});

test('an incremental edit is applied and the diagnostics follow it', async () => {
  const before = await pullFull('en/b.md');
  await session.change('en/b.md', [{ range: rangeOf(B, 'missing.md'), text: 'c.md' }]);
  bText = B.replace('missing.md', 'c.md');
  const after = await pullFull('en/b.md');
  assert.notEqual(after.resultId, before.resultId);
  assert.deepEqual(after, { kind: 'full', resultId: after.resultId, items: [] });
  await session.change('en/b.md', [{ range: rangeOf(bText, '(c.md)'), text: '(missing.md)' }]);
  bText = B;
  const back = await pullFull('en/b.md');
  assert.deepEqual(back, { kind: 'full', resultId: back.resultId, items: [missingFile(B, 3)] });
});

test('renaming a heading in a.md re-checks b.md, which links to it, and reverting clears it', async () => {
  await session.open('en/a.md');
  assert.deepEqual((await pullFull('en/a.md')).items, []);
  const mark = session.mark();
  await session.change('en/a.md', [{ range: rangeOf(A, 'Intro'), text: 'Overview' }]);
  assert.deepEqual((await pullFull('en/a.md')).items, []);
  await refreshed(mark);
  assert.deepEqual((await pullFull('en/b.md')).items, [noIntro(B, 3), missingFile(B, 3)]);
  const mark2 = session.mark();
  await session.change('en/a.md', [{ range: rangeOf(A.replace('Intro', 'Overview'), 'Overview'), text: 'Intro' }]);
  await session.pull('en/a.md');
  await refreshed(mark2);
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, 3)]);
});

test('closing a document with unsaved edits puts the file on disk back in force for its dependents', async () => {
  await session.change('en/a.md', [{ range: rangeOf(A, 'Intro'), text: 'Renamed' }]);
  await session.pull('en/a.md');
  assert.deepEqual((await pullFull('en/b.md')).items, [noIntro(B, 3), missingFile(B, 3)]);
  const mark = session.mark();
  await session.close('en/a.md');
  await refreshed(mark);
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, 3)]);
});

test('a file deleted on disk re-checks the pages linking to it; re-creating it clears them', async () => {
  const mark = session.mark();
  await session.deleteFile('en/a.md');
  await refreshed(mark);
  const gone = '`a.md` does not exist: there is no file `en/a.md` in the workspace.';
  assert.deepEqual((await pullFull('en/b.md')).items, [
    lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(B, 'a.md#intro'), version: 3, message: gone }),
    missingFile(B, 3),
  ]);
  const mark2 = session.mark();
  await session.writeFiles({ 'en/a.md': A }, 1);
  await refreshed(mark2);
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, 3)]);
});

test('workspace diagnostics report every file once, then only what changed, holding the request until something does', async () => {
  interface WorkspaceItem { kind: string; uri: string; version: number | null; resultId: string; items: unknown[] }
  const first = await session.request<{ items: WorkspaceItem[] }>('workspace/diagnostic', { previousResultIds: [] });
  const byUri = new Map(first.items.map((i) => [i.uri, i]));
  assert.deepEqual(first.items.map((i) => [i.uri, i.kind, i.version, i.items]), [
    [session.uri('en/a.md'), 'full', null, []],
    [session.uri('en/b.md'), 'full', 3, [missingFile(B, 3)]],
    [session.uri('en/c.md'), 'full', null, []],
    [session.uri('en/toc.yml'), 'full', null, []],
  ]);
  const previousResultIds = [...byUri.values()].map((i) => ({ uri: i.uri, value: i.resultId }));

  // Nothing changed: the request waits; cancelling it answers RequestCancelled.
  const held = session.cancellable('workspace/diagnostic', { previousResultIds });
  await new Promise((r) => setTimeout(r, 100));
  held.cancel();
  await assert.rejects(held.result, (e: { code?: number }) => e.code === -32800);

  // A change on disk answers a waiting request with just the files it concerns.
  const waiting = session.request<{ items: WorkspaceItem[] }>('workspace/diagnostic', { previousResultIds });
  await new Promise((r) => setTimeout(r, 50));
  const C2 = page('Gamma', 'Plain [alpha](a.md#nowhere).');
  await session.writeFiles({ 'en/c.md': C2 });
  const second = await waiting;
  assert.deepEqual(second.items.map((i) => [i.uri, i.kind, i.version, i.items]), [
    [session.uri('en/c.md'), 'full', null, [lspDiagnostic({
      rule: 'link/no-such-heading', severity: 1, range: rangeOf(C2, 'nowhere'), version: null,
      message: '`#nowhere` names no heading of `en/a.md`. An anchor is the lower-case heading text with spaces as `-` and punctuation dropped.',
    })]],
  ]);
  assert.notEqual(second.items[0]!.resultId, byUri.get(session.uri('en/c.md'))!.resultId);
});

test('a document that is not on disk yet and is malformed still gets its diagnostics', async () => {
  const text = '---\ntitle: [unclosed\n---\n# X\n\nSee [a](nowhere.md).\n';
  await session.open('en/new.md', text);
  assert.deepEqual((await pullFull('en/new.md')).items, [
    lspDiagnostic({
      rule: 'frontmatter/yaml', severity: 1, range: rangeOf(text, 'title: [unclosed'), version: 1,
      message: 'The front matter is not valid YAML: every line must be a `key: value` pair (Flow sequence in block collection must be sufficiently indented and end with a ]).',
    }),
    lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(text, 'nowhere.md'), version: 1, message: '`nowhere.md` does not exist: there is no file `en/nowhere.md` in the workspace.' }),
  ]);
  await session.close('en/new.md');
});

test('a request that throws gets an error response and the server goes on answering', async () => {
  await assert.rejects(session.request('textDocument/codeAction', { textDocument: { uri: session.uri('en/b.md') } }), (e: { code?: number; message?: string }) => {
    assert.equal(e.code, -32603);
    assert.match(e.message ?? '', /^The playbook server could not answer textDocument\/codeAction: /);
    return true;
  });
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, 3)]);
});

test('settings are pulled per resource: validation can be turned off and back on', async () => {
  const scopes = session.all('workspace/configuration').flatMap((r) => (r.params as { items: Array<{ scopeUri: string; section: string }> }).items);
  assert.ok(scopes.some((s) => s.scopeUri === session.uri('en/b.md') && s.section === 'playbook'));
  session.settings = { validate: { enable: false }, diagnostics: { debounceMs: 0 } };
  const mark = session.mark();
  await session.notify('workspace/didChangeConfiguration', { settings: null });
  await refreshed(mark);
  assert.deepEqual((await session.pull<Report>('en/b.md')), { kind: 'full', items: [] });
  session.settings = { diagnostics: { debounceMs: 0 } };
  await session.notify('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, 3)]);
});

test('edits in quick succession are checked once quiet, on the latest version only', async () => {
  session.settings = { diagnostics: { debounceMs: 200 } };
  await session.notify('workspace/didChangeConfiguration', { settings: null });
  const v4 = await session.change('en/b.md', [{ range: rangeOf(B, 'missing.md'), text: 'missing1.md' }]);
  const pending = session.pull<FullReport>('en/b.md');
  const B5 = B.replace('missing.md', 'missing12.md');
  await session.change('en/b.md', [{ range: rangeOf(B.replace('missing.md', 'missing1.md'), 'missing1.md'), text: 'missing12.md' }]);
  const v6 = await session.change('en/b.md', [{ range: rangeOf(B5, 'missing12.md'), text: 'missing123.md' }]);
  assert.equal(v6, v4 + 2);
  const B6 = B.replace('missing.md', 'missing123.md');
  const report = await pending;
  assert.deepEqual(report.items, [
    lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(B6, 'missing123.md'), version: v6, message: '`missing123.md` does not exist: there is no file `en/missing123.md` in the workspace.' }),
  ]);
  session.settings = { diagnostics: { debounceMs: 0 } };
  await session.notify('workspace/didChangeConfiguration', { settings: null });
});

test('a file renamed on disk (deleted + created in one batch) re-checks the pages linking to the old and the new name', async () => {
  const version = await session.change('en/b.md', [{ text: B }]);
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, version)]);
  const mark = session.mark();
  renameSync(session.path('en/a.md'), session.path('en/missing.md'));
  await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('en/a.md'), type: 3 }, { uri: session.uri('en/missing.md'), type: 1 }] });
  await refreshed(mark);
  assert.deepEqual((await pullFull('en/b.md')).items, [
    lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(B, 'a.md#intro'), version, message: '`a.md` does not exist: there is no file `en/a.md` in the workspace.' }),
  ]);
  const mark2 = session.mark();
  renameSync(session.path('en/missing.md'), session.path('en/a.md'));
  await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('en/missing.md'), type: 3 }, { uri: session.uri('en/a.md'), type: 1 }] });
  await refreshed(mark2);
  assert.deepEqual((await pullFull('en/b.md')).items, [missingFile(B, version)]);
});

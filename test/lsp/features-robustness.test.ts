import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { processPage } from '../unit/helpers';
import { page, rangeOf } from './fixtures';
import { startSession, type LspSession } from './harness';
import { at, FEATURE_CLIENT, FILES, KICKOFF, NOTES } from './featureFixtures';

let session: LspSession;
let capabilities: unknown;

before(async () => {
  let init;
  ({ session, init } = await startSession({ files: FILES, capabilities: FEATURE_CLIENT }));
  capabilities = init.capabilities;
  await session.indexed();
});

after(async () => {
  await session.stop();
});

const doc = (rel: string) => ({ uri: session.uri(rel) });

test('initialize announces every editor feature to a client that can use them all', () => {
  const file = (glob: string) => ({ scheme: 'file', pattern: { glob, matches: 'file', options: { ignoreCase: true } } });
  assert.deepEqual(capabilities, {
    textDocumentSync: 2,
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: true },
      fileOperations: { willRename: { filters: [file('**/*.md'), file('**/toc.{yml,yaml}'), file('**/*.{png,jpg,jpeg,gif,svg,webp,bmp}'), { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] } },
    },
    diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true },
    codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.playbook'], resolveProvider: true },
    completionProvider: { triggerCharacters: ['(', '/', '#', ':', '|', '*', '!'] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
  });
});

test('a request whose handler throws gets an error response, is logged, and the server goes on serving', async () => {
  const since = session.mark();
  await assert.rejects(session.request('textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }), {
    code: -32603,
    message: "The playbook server could not answer textDocument/hover: Cannot read properties of null (reading 'uri')",
  });
  const logged = await session.waitFor('window/logMessage', { since, match: (p) => (p as { message: string }).message.startsWith('textDocument/hover failed: TypeError') });
  assert.equal((logged.params as { type: number }).type, 1);
  const hover = await session.request<{ range: unknown }>('textDocument/hover', { textDocument: doc('en/notes.md'), position: at(NOTES, 'initiate-kickoff.md)', 3) });
  assert.deepEqual(hover.range, rangeOf(NOTES, '[the kickoff](initiate-kickoff.md)'));
});

test('a request about a file the server does not model answers null', async () => {
  assert.equal(await session.request('textDocument/hover', { textDocument: doc('en/media/room.png'), position: { line: 0, character: 0 } }), null);
  assert.equal(await session.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:Untitled-1' } }), null);
});

test('after a file appears on disk, the client is asked to refresh its code lenses, which count the new link', async () => {
  const since = session.mark();
  await session.writeFiles({ 'en/more.md': page('More', 'Back to [the kickoff](initiate-kickoff.md).') }, 1);
  await session.waitFor('workspace/codeLens/refresh', { since });
  const lenses = await session.request<Array<{ command: { title: string } }>>('textDocument/codeLens', { textDocument: doc('en/initiate-kickoff.md') });
  assert.deepEqual(lenses.map((l) => l.command.title), ['2 pages link here', 'Also on 1 page']);
});

test('a client without the optional capabilities gets plain text, flat symbols, plain edits and base kinds', async () => {
  // Progress only, so the test can wait for the index.
  const { session: plain, init } = await startSession({ files: FILES, capabilities: { window: { workDoneProgress: true } } });
  try {
    await plain.indexed();
    const caps = init.capabilities as Record<string, unknown>;
    assert.equal(caps.renameProvider, true);
    assert.deepEqual(caps.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    await plain.open('en/notes.md');
    const notes = plain.uri('en/notes.md');
    const kickoff = plain.uri('en/initiate-kickoff.md');

    const hover = await plain.request('textDocument/hover', { textDocument: { uri: notes }, position: at(NOTES, 'initiate-kickoff.md)', 3) });
    assert.deepEqual(hover, {
      contents: { kind: 'plaintext', value: 'Hold Kickoff Meeting\n\nPhase: Initiate\n\nThe kickoff meeting starts the engagement.\n\nen/initiate-kickoff.md' },
      range: rangeOf(NOTES, '[the kickoff](initiate-kickoff.md)'),
    });

    const symbols = await plain.request('textDocument/documentSymbol', { textDocument: { uri: notes } });
    const between = (from: string, to: string) => rangeOf(NOTES, NOTES.slice(NOTES.indexOf(from), NOTES.indexOf(to) + to.length));
    assert.deepEqual(symbols, [
      { name: 'Notes', kind: 1, location: { uri: notes, range: between('# Notes', '(missing.md).') } },
      { name: 'Tasks', kind: 15, location: { uri: notes, range: between('## Tasks', '(missing.md).') }, containerName: 'Notes' },
      { name: '5101 Send Agenda', kind: 8, location: { uri: notes, range: rangeOf(NOTES, '| 5101    | Send Agenda | M | FastTrack Manager | All Services |') }, containerName: 'Tasks' },
    ]);

    const edit = await plain.request('textDocument/rename', { textDocument: { uri: notes }, position: at(NOTES, 'overview)', 2), newName: 'Summary' });
    assert.deepEqual(edit, {
      changes: {
        [kickoff]: [{ range: rangeOf(KICKOFF, 'Overview', 0), newText: 'Summary' }],
        [notes]: [{ range: rangeOf(NOTES, 'overview', 1), newText: 'summary' }],
      },
    });

    const position = rangeOf(NOTES, 'missing.md').start;
    const items = await plain.request<Array<{ label: string; kind: number; documentation?: unknown }>>('textDocument/completion', { textDocument: { uri: notes }, position });
    assert.deepEqual(items.map((i) => [i.label, i.kind, i.documentation]), [
      ['cities.md', 17, { kind: 'plaintext', value: 'en/cities.md' }],
      ['initiate-kickoff.md', 17, { kind: 'plaintext', value: 'en/initiate-kickoff.md' }],
      ['media/', 17, undefined],
      ['toc.yml', 17, { kind: 'plaintext', value: 'en/toc.yml' }],
    ]);

    await assert.rejects(plain.request('textDocument/prepareRename', { textDocument: { uri: notes }, position: at(NOTES, 'overview)', 2) }), { code: -32601 });
    assert.equal(await plain.request('workspace/willRenameFiles', { files: [] }).catch((e: { code: number }) => e.code), -32601);
  } finally {
    await plain.stop();
  }
});

test('a request cancelled while the workspace is still being indexed answers RequestCancelled at once', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 400; i++) files[`en/initiate-page-${i}.md`] = processPage({ h1: `Page ${i}` });
  const { session: big } = await startSession({ files, capabilities: FEATURE_CLIENT, timeoutMs: 60_000 });
  try {
    const search = big.cancellable('workspace/symbol', { query: 'Page 399' });
    await big.waitFor('$/progress', { match: (p) => (p as { value: { kind: string } }).value.kind === 'report' });
    search.cancel();
    await assert.rejects(search.result, { code: -32800, message: 'The request was cancelled.' });
    const indexEnded = big.all('$/progress').some((r) => (r.params as { value: { kind: string } }).value.kind === 'end');
    assert.equal(indexEnded, false, 'the answer came only after the index was built');
    // The server goes on: once indexed, the same request is answered.
    const symbols = await big.request<Array<{ name: string }>>('workspace/symbol', { query: 'Page 399' });
    assert.deepEqual(symbols.map((s) => s.name), ['Page 399']);
  } finally {
    await big.stop();
  }
});

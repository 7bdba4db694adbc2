import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { page, rangeOf } from './fixtures';
import { PUSH_CLIENT, startSession, type LspSession } from './harness';

// A mistake in a `.playbook-lint.jsonc` is a diagnostic on that file, at the mistake (the built-in
// defaults apply meanwhile), updated as the file is edited or changes on disk, and cleared when fixed.

const CONFIG = '.playbook-lint.jsonc';
const UNKNOWN_RULE = '{\n  "rules": {\n    "link/no-such-rul": "error"\n  }\n}\n';
const BAD_SEVERITY = '{\n  "rules": {\n    "link/no-such-file": "eror"\n  }\n}\n';
const UNCLOSED = '{\n  "rules": {\n    "link/no-such-file": "error"\n  \n';
const VALID = '{\n  "rules": {\n    "link/no-such-file": "warning"\n  }\n}\n';
const FILES = { 'en/a.md': page('Alpha', 'Text.'), [CONFIG]: UNKNOWN_RULE };

/** The diagnostic the server shows for a configuration mistake. */
function configDiagnostic(range: ReturnType<typeof rangeOf>, detail: string): Record<string, unknown> {
  return { range, severity: 1, code: 'config/invalid', source: 'playbook', message: `${detail} The built-in defaults apply until this is corrected.` };
}

const unknownRule = configDiagnostic(rangeOf(UNKNOWN_RULE, '"link/no-such-rul"'), '`link/no-such-rul` is not a playbook-lint rule: did you mean `link/no-such-file`?');
const badSeverity = configDiagnostic(
  rangeOf(BAD_SEVERITY, '"eror"'),
  '`eror` is not a severity: did you mean `error`? Use `off`, `info`, `warning` or `error`, or [severity, {options}].',
);
/** The file ends where a `}` is missing: the mistake is at the end, an empty range. */
const unclosed = configDiagnostic({ start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, 'A `}` is expected: an object is not closed.');

interface WorkspaceItem {
  uri: string;
  resultId: string;
  items: unknown[];
}

describe('a client that pulls diagnostics', () => {
  let session: LspSession;
  /** The result ids the client holds, as it sends them back with its next workspace pull. */
  let held: Array<{ uri: string; value: string }> = [];

  before(async () => {
    ({ session } = await startSession({ files: FILES }));
  });
  after(async () => {
    await session.stop();
  });

  /** Pulls the workspace's diagnostics (what changed since the last pull) and remembers the result ids. */
  async function pullWorkspace(): Promise<WorkspaceItem[]> {
    const report = await session.request<{ items: WorkspaceItem[] }>('workspace/diagnostic', { previousResultIds: held });
    const ids = new Map(held.map((h) => [h.uri, h.value]));
    for (const item of report.items) ids.set(item.uri, item.resultId);
    held = [...ids].map(([uri, value]) => ({ uri, value }));
    return report.items;
  }
  const configItem = (items: WorkspaceItem[]) => items.find((i) => i.uri === session.uri(CONFIG));
  /**
   * Pulls the workspace until the configuration file's diagnostics are `expected` (each pull is held
   * open until something changes; states on the way, such as the one before a check of the new text,
   * are passed over). Fails showing the last state seen when they do not become `expected`.
   */
  async function configItemsBecome(expected: unknown[]): Promise<void> {
    let last: unknown[] | undefined;
    try {
      for (;;) {
        const item = configItem(await pullWorkspace());
        if (item) last = item.items;
        if (item && isDeepStrictEqual(item.items, expected)) return;
      }
    } catch (e) {
      assert.deepEqual(last, expected, `the configuration's diagnostics did not become the expected ones (${(e as Error).message.split('\n')[0]})`);
      throw e;
    }
  }

  test('workspace diagnostics include the mistake of the configuration file, at its place', async () => {
    assert.deepEqual(configItem(await pullWorkspace())?.items, [unknownRule]);
  });

  test('while the open configuration is edited, a pull shows its current mistake, and none once it is fixed', async () => {
    await session.open(CONFIG, UNKNOWN_RULE, 'jsonc');
    assert.deepEqual((await session.pull<{ items: unknown[] }>(CONFIG)).items, [unknownRule]);
    await session.change(CONFIG, [{ text: BAD_SEVERITY }]);
    assert.deepEqual((await session.pull<{ items: unknown[] }>(CONFIG)).items, [badSeverity]);
    await session.change(CONFIG, [{ text: VALID }]);
    assert.deepEqual((await session.pull<{ items: unknown[] }>(CONFIG)).items, []);
  });

  test('closing the unsaved configuration shows the mistake on disk again', async () => {
    await session.close(CONFIG);
    await configItemsBecome([unknownRule]);
  });

  test('a mistake written on disk replaces the old one, and fixing the file clears it', async () => {
    await session.writeFiles({ [CONFIG]: UNCLOSED });
    await configItemsBecome([unclosed]);
    await session.writeFiles({ [CONFIG]: VALID });
    await configItemsBecome([]);
  });
});

describe('a client that cannot pull diagnostics', () => {
  let session: LspSession;

  before(async () => {
    ({ session } = await startSession({ files: FILES, capabilities: PUSH_CLIENT }));
  });
  after(async () => {
    await session.stop();
  });

  /** The next `publishDiagnostics` for the configuration file from position `since` on. */
  async function publishedConfig(since: number): Promise<unknown> {
    return (await session.waitFor('textDocument/publishDiagnostics', { since, match: (p) => (p as { uri: string }).uri === session.uri(CONFIG) })).params;
  }

  test('the mistake is published on the configuration file once the folder is indexed', async () => {
    assert.deepEqual(await publishedConfig(0), { uri: session.uri(CONFIG), diagnostics: [unknownRule] });
  });

  test('opening the configuration with unsaved changes publishes their mistake at once', async () => {
    const mark = session.mark();
    await session.open(CONFIG, BAD_SEVERITY, 'jsonc');
    assert.deepEqual(await publishedConfig(mark), { uri: session.uri(CONFIG), diagnostics: [badSeverity] });
  });

  test('fixing the file on disk clears the published mistake', async () => {
    await session.close(CONFIG);
    await session.waitFor('textDocument/publishDiagnostics', { match: (p) => JSON.stringify(p) === JSON.stringify({ uri: session.uri(CONFIG), diagnostics: [unknownRule] }), since: 1 });
    const mark = session.mark();
    await session.writeFiles({ [CONFIG]: VALID });
    assert.deepEqual(await publishedConfig(mark), { uri: session.uri(CONFIG), diagnostics: [] });
  });
});

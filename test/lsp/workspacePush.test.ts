import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { lspDiagnostic, page, rangeOf } from './fixtures';
import { PUSH_CLIENT, startSession, type LspSession } from './harness';

// A client without pull diagnostics gets, after the initial index, the diagnostics of every file of
// the workspace that has findings (as a pulling client gets them through workspace diagnostics),
// kept current as files and the files they depend on change.

const A = page('Alpha', '## Intro\n\nText.');
const B = page('Beta', 'See [alpha](a.md#intro) and [gone](missing.md).');
const C = page('Gamma', 'Plain [alpha](a.md) and [zed](z.md).');
const Z = page('Zed', 'A [broken](nowhere.md) link.');

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

let session: LspSession;

before(async () => {
  ({ session } = await startSession({ files: { 'en/a.md': A, 'en/b.md': B, 'en/c.md': C, 'en/z.md': Z }, capabilities: PUSH_CLIENT }));
  await session.indexed();
});

after(async () => {
  await session.stop();
});

/** The next `publishDiagnostics` for a file from position `since` on. */
async function published(rel: string, since: number): Promise<Published> {
  const r = await session.waitFor('textDocument/publishDiagnostics', { since, match: (p) => (p as Published).uri === session.uri(rel) });
  return r.params as Published;
}

/**
 * Waits for a publication for a file (from position `since` on) equal to `expected`: files are published
 * in the background, so one queued by an earlier change may come first. Fails with every publication
 * seen for the file when the expected one does not come.
 */
async function publishedAs(rel: string, since: number, expected: Published): Promise<void> {
  try {
    await session.waitFor('textDocument/publishDiagnostics', { since, match: (p) => isDeepStrictEqual(p, expected), timeoutMs: 5000 });
  } catch {
    const seen = session.all('textDocument/publishDiagnostics', since).map((r) => r.params).filter((p) => (p as Published).uri === session.uri(rel));
    assert.deepEqual(seen.at(-1), expected, `no publication for ${rel} equals the expected one; the last of ${seen.length} is shown`);
  }
}

const noSuchFile = (text: string, target: string, file: string) =>
  lspDiagnostic({ rule: 'link/no-such-file', severity: 1, range: rangeOf(text, target), version: null, message: `\`${target}\` does not exist: there is no file \`en/${file}\` in the workspace.` });

test('after the initial index, every file with findings is published without a version, and no clean file', async () => {
  // Files are published in path order, so once z.md's arrive, the others have been sent.
  assert.deepEqual(await published('en/z.md', 0), { uri: session.uri('en/z.md'), diagnostics: [noSuchFile(Z, 'nowhere.md', 'nowhere.md')] });
  assert.deepEqual(
    session.all('textDocument/publishDiagnostics').map((r) => r.params),
    [
      { uri: session.uri('en/b.md'), diagnostics: [noSuchFile(B, 'missing.md', 'missing.md')] },
      { uri: session.uri('en/z.md'), diagnostics: [noSuchFile(Z, 'nowhere.md', 'nowhere.md')] },
    ],
  );
});

test('a change on disk re-publishes the files that depend on it, though none is open', async () => {
  const mark = session.mark();
  await session.writeFiles({ 'en/a.md': page('Alpha', '## Introduction\n\nText.') });
  await publishedAs('en/b.md', mark, {
    uri: session.uri('en/b.md'), diagnostics: [
      lspDiagnostic({
        rule: 'link/no-such-heading', severity: 1, range: rangeOf(B, 'intro'), version: null,
        message: '`#intro` names no heading of `en/a.md`. An anchor is the lower-case heading text with spaces as `-` and punctuation dropped.',
      }),
      noSuchFile(B, 'missing.md', 'missing.md'),
    ],
  });
});

test('when a file loses its last finding, what was published for it is cleared', async () => {
  const mark = session.mark();
  await session.writeFiles({ 'en/b.md': page('Beta', 'See [alpha](a.md#introduction).') });
  await publishedAs('en/b.md', mark, { uri: session.uri('en/b.md'), diagnostics: [] });
});

test('a file created on disk is published when it has findings', async () => {
  const mark = session.mark();
  const Y = page('Yoke', 'See [nothing](void.md).');
  await session.writeFiles({ 'en/more/y.md': Y }, 1);
  await publishedAs('en/more/y.md', mark, { uri: session.uri('en/more/y.md'), diagnostics: [noSuchFile(Y, 'void.md', 'more/void.md')] });
});

test('deleting a file clears its diagnostics and publishes the pages that linked to it', async () => {
  const mark = session.mark();
  await session.deleteFile('en/z.md');
  await publishedAs('en/z.md', mark, { uri: session.uri('en/z.md'), diagnostics: [] });
  await publishedAs('en/c.md', mark, { uri: session.uri('en/c.md'), diagnostics: [noSuchFile(C, 'z.md', 'z.md')] });
});

test('an open document is published with its version, and the disk version again once it is closed', async () => {
  const C2 = C.replace('(a.md)', '(a.md#nope)');
  let mark = session.mark();
  await session.open('en/c.md', C2);
  const open = (await session.waitFor('textDocument/publishDiagnostics', { since: mark, match: (p) => (p as Published).uri === session.uri('en/c.md') && (p as Published).version === 1 })).params as Published;
  assert.deepEqual((open.diagnostics as Array<{ code: string; data: { version: number | null } }>).map((d) => [d.code, d.data.version]), [['link/no-such-heading', 1], ['link/no-such-file', 1]]);
  mark = session.mark();
  await session.close('en/c.md');
  await publishedAs('en/c.md', mark, { uri: session.uri('en/c.md'), diagnostics: [noSuchFile(C, 'z.md', 'z.md')] });
});

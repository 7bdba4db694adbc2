import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LintCache, type ReplayStats } from '../../server/src/cli/cache';
import { NodeWorkspace, toPosix } from '../../server/src/cli/nodeWorkspace';
import { createConfiguredEngine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { processPage, tocFor } from '../unit/helpers';
import { tempWorkspace } from './helpers';

// The stamp short-circuit of the --cache replay (cli/fileStamp.ts): a page whose size, times and inode are
// the ones recorded with its hash is not read again, unless it was "racily clean" when recorded.

/** The disk, counting the pages read from it. */
class CountingWorkspace extends NodeWorkspace {
  readonly pageReads: string[] = [];

  override async read(path: string): Promise<Uint8Array | undefined> {
    if (path.endsWith('.md')) this.pageReads.push(path);
    return super.read(path);
  }
}

/** The disk, where a page is saved again by its author right after the linter has read it. */
class EditedWhileReadWorkspace extends NodeWorkspace {
  constructor(root: string, readonly edited: string, readonly newText: string) {
    super(root);
  }

  override async read(path: string): Promise<Uint8Array | undefined> {
    const bytes = await super.read(path);
    if (path === toPosix(this.edited)) writeFileSync(this.edited, this.newText);
    return bytes;
  }
}

/** What one run through the cache did. */
interface CachedRun {
  /** True when the rules ran; false when the last run's findings were replayed. */
  ran: boolean;
  pageReads: string[];
  stats: ReplayStats | undefined;
  byFile: Map<string, Diagnostic[]>;
  text: (path: string) => string | undefined;
  warnings: string[];
}

/** The clock of a run started a minute after the files were written: none of them is racy for it. */
const aMinuteLater = (): number => Date.now() + 60_000;

/** Lints `root` through the cache at `file` the way the CLI does, with the run's start dated by `now`. */
async function lintCached(root: string, file: string, now: () => number = Date.now, workspace?: NodeWorkspace): Promise<CachedRun> {
  const warnings: string[] = [];
  const cache = new LintCache(file, (m) => warnings.push(m), { now });
  const disk = new CountingWorkspace(root);
  const engine = await createConfiguredEngine(cache.record(workspace ?? disk));
  let ran = false;
  const result = await cache.lint(engine, { scope: 'all' }, async () => {
    ran = true;
    await engine.index.load();
    return lintWorkspace(engine.index, engine.rules);
  });
  const text = (path: string): string | undefined => result.replayed?.texts.get(path);
  return { ran, pageReads: disk.pageReads.sort(), stats: cache.replayStats, byFile: result.byFile, text, warnings };
}

const A = processPage();
const B = processPage({ h1: 'Close the Meeting', body: ['## Overview', '', 'See [the preparation](initiate-hold-kickoff-meeting.md#prepare-the-meeting).'].join('\n') });
const PAGES = ['en/initiate-close-meeting.md', 'en/initiate-hold-kickoff-meeting.md'];

function fixture(): { root: string; file: string; page: (rel: string) => string } {
  const root = tempWorkspace({
    'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
    'en/toc.yml': tocFor('initiate-hold-kickoff-meeting.md', 'initiate-close-meeting.md'),
    'en/initiate-hold-kickoff-meeting.md': A,
    'en/initiate-close-meeting.md': B,
  }, 'playbook-stamps-');
  return { root, file: join(root, '.playbook-lint-cache'), page: (rel) => toPosix(join(root, rel)) };
}

/** B's findings about its link to A's heading. */
const brokenLinks = (r: CachedRun, page: (rel: string) => string): string[] =>
  (r.byFile.get(page('en/initiate-close-meeting.md')) ?? []).filter((d) => d.ruleId === 'link/no-such-heading').map((d) => d.ruleId);

/** Replaces the hash recorded for one page, as if the page had been rewritten after it was hashed without its stamp changing. */
function forgeRecordedHash(file: string, path: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const last = JSON.parse(lines[1]!) as { reads: Array<[string, string | null, unknown]> };
  const entry = last.reads.find((r) => r[0] === path);
  assert.ok(entry, `the cache records the read of ${path}`);
  entry[1] = 'a-hash-no-page-has-aaaaaaaa';
  lines[1] = JSON.stringify(last);
  writeFileSync(file, lines.join('\n'));
}

test('--cache stamps: an unchanged tree is replayed without reading a single page', async () => {
  const { root, file, page } = fixture();
  const first = await lintCached(root, file, aMinuteLater);
  assert.equal(first.ran, true);
  assert.deepEqual(first.pageReads, PAGES.map(page));
  const second = await lintCached(root, file, aMinuteLater);
  assert.equal(second.ran, false, 'the findings are replayed');
  assert.deepEqual(second.pageReads, [], 'no page is read: their stamps vouch for them');
  assert.equal(second.stats?.rehashed, 0);
  assert.ok((second.stats?.trusted ?? 0) >= PAGES.length);
  assert.deepEqual(second.byFile, first.byFile);
  // A report that quotes the text reads it then, and only while it is still the text that was checked.
  assert.equal(second.text(page('en/initiate-close-meeting.md')), B);
  writeFileSync(join(root, 'en/initiate-close-meeting.md'), B.replace('Overview', 'Summary'));
  assert.equal(second.text(page('en/initiate-close-meeting.md')), undefined);
});

test('--cache stamps: pages written just before the cache run are racily clean, and read and hashed again', async () => {
  const { root, file, page } = fixture();
  await lintCached(root, file);
  const second = await lintCached(root, file);
  assert.equal(second.ran, false, 'still replayed: the pages hash as recorded');
  assert.deepEqual(second.pageReads, PAGES.map(page), 'each page was read again');
  assert.equal(second.stats?.rehashed, PAGES.length + 2, 'the pages, the toc and docfx.json');
});

test('--cache stamps: the racy rule catches a change that left the stamp as it was', async () => {
  // A forged hash stands for a page rewritten in the same clock tick as it was hashed: same size, same times.
  const racy = fixture();
  await lintCached(racy.root, racy.file);
  forgeRecordedHash(racy.file, racy.page('en/initiate-close-meeting.md'));
  const caught = await lintCached(racy.root, racy.file);
  assert.equal(caught.ran, true, 'the racy page was hashed again, the mismatch seen, and the rules ran');

  // An old modification time does not settle a page whose status changed just now (its times were set
  // back, as archive tools and `touch -d` do): its ctime makes it racy.
  const backdated = fixture();
  const hourAgo = Date.now() / 1000 - 3600;
  for (const rel of PAGES) utimesSync(join(backdated.root, rel), hourAgo, hourAgo);
  await lintCached(backdated.root, backdated.file);
  forgeRecordedHash(backdated.file, backdated.page('en/initiate-close-meeting.md'));
  assert.equal((await lintCached(backdated.root, backdated.file)).ran, true);

  // The same forgery on a page whose stamp predates the cache run by more than the margin goes unseen:
  // what catches it above is the racy rule, not the stamp.
  const settled = fixture();
  await lintCached(settled.root, settled.file, aMinuteLater);
  forgeRecordedHash(settled.file, settled.page('en/initiate-close-meeting.md'));
  assert.equal((await lintCached(settled.root, settled.file, aMinuteLater)).ran, false);
});

test('--cache stamps: a page changed to the same size and touched back to its old times is caught', async () => {
  for (const clock of [Date.now, aMinuteLater]) {
    const { root, file, page } = fixture();
    const a = join(root, 'en/initiate-hold-kickoff-meeting.md');
    // Whole seconds, as a file system that keeps seconds would, so the time can be put back exactly.
    const second0 = Math.floor(Date.now() / 1000);
    utimesSync(a, second0, second0);
    const first = await lintCached(root, file, clock);
    assert.deepEqual(brokenLinks(first, page), []);
    const renamed = A.replace('### Prepare the Meeting', '### Prepare the Agendas');
    assert.equal(Buffer.byteLength(renamed), Buffer.byteLength(A), 'the same size');
    writeFileSync(a, renamed);
    utimesSync(a, second0, second0);
    assert.equal(statSync(a).mtimeMs, second0 * 1000, 'the same modification time as when the cache was written');
    const second = await lintCached(root, file, clock);
    assert.equal(second.ran, true, `the change is seen (${clock === Date.now ? 'racy' : 'settled'} stamps)`);
    assert.deepEqual(brokenLinks(second, page), ['link/no-such-heading'], 'B now links to a heading that is gone');
  }
});

test('--cache stamps: a page changed with a new modification time is caught', async () => {
  const { root, file, page } = fixture();
  const a = join(root, 'en/initiate-hold-kickoff-meeting.md');
  await lintCached(root, file, aMinuteLater);
  const before = statSync(a);
  writeFileSync(a, A.replace('### Prepare the Meeting', '### Prepare the Agendas'));
  utimesSync(a, before.atime, new Date(before.mtimeMs + 5000));
  const second = await lintCached(root, file, aMinuteLater);
  assert.equal(second.ran, true);
  assert.deepEqual(brokenLinks(second, page), ['link/no-such-heading']);
});

test('--cache stamps: a page saved again while the cache run was reading it is caught', async () => {
  const { root, file, page } = fixture();
  const a = join(root, 'en/initiate-hold-kickoff-meeting.md');
  // The stamp is taken before the read: it is older than the save, so the next run reads the page again.
  const first = await lintCached(root, file, aMinuteLater, new EditedWhileReadWorkspace(root, a, A.replace('### Prepare the Meeting', '### Prepare the Agenda')));
  assert.deepEqual(brokenLinks(first, page), [], 'the first run checked the text it read');
  const second = await lintCached(root, file, aMinuteLater);
  assert.equal(second.ran, true);
  assert.deepEqual(brokenLinks(second, page), ['link/no-such-heading']);
});

test('--cache stamps: a replay that had to hash pages again writes their stamps down for the next one', async () => {
  const { root, file, page } = fixture();
  await lintCached(root, file);
  const recorded = readFileSync(file);
  // Racy for the first run's start, settled for this one's: read again, then trusted from now on.
  const second = await lintCached(root, file, aMinuteLater);
  assert.equal(second.ran, false);
  assert.deepEqual(second.pageReads, PAGES.map(page));
  assert.notDeepEqual(readFileSync(file), recorded, 'the cache file was refreshed');
  const third = await lintCached(root, file, aMinuteLater);
  assert.equal(third.ran, false);
  assert.deepEqual(third.pageReads, []);
  assert.deepEqual(third.byFile, second.byFile);
  assert.deepEqual(third.warnings, []);
});

test('--cache stamps: a replay that hashed only still-racy pages leaves the file as it is', async () => {
  const { root, file } = fixture();
  await lintCached(root, file);
  const recorded = readFileSync(file);
  const second = await lintCached(root, file);
  assert.ok((second.stats?.rehashed ?? 0) > 0);
  assert.deepEqual(readFileSync(file), recorded);
});

test('--cache records a file the engine first reads at once (readSync), so a later change to it is not replayed over', async () => {
  const { root, file } = fixture();
  writeFileSync(join(root, 'notes.txt'), 'first');
  const notes = toPosix(join(root, 'notes.txt'));
  // A run whose engine reads one file only through readSync, as the index does when it rebuilds a model.
  const run = async (): Promise<{ ran: boolean; readSync: boolean }> => {
    const cache = new LintCache(file, () => undefined, { now: aMinuteLater });
    const ws = cache.record(new NodeWorkspace(root));
    const engine = await createConfiguredEngine(ws);
    let ran = false;
    await cache.lint(engine, { scope: 'all' }, async () => {
      ran = true;
      await engine.index.load();
      assert.equal(new TextDecoder().decode(ws.readSync!(notes)), readFileSync(notes, 'utf8'));
      return lintWorkspace(engine.index, engine.rules);
    });
    return { ran, readSync: typeof ws.readSync === 'function' };
  };
  const first = await run();
  assert.deepEqual(first, { ran: true, readSync: true }, 'the recording workspace offers readSync when the disk does');
  assert.equal((await run()).ran, false, 'unchanged: replayed');
  writeFileSync(notes, 'second, longer');
  assert.equal((await run()).ran, true, 'the file read through readSync changed: the rules run again');
});

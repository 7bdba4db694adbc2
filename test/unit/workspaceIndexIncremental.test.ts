import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { Vocabulary } from '../../server/src/engine/config/vocabulary';
import { WorkspaceIndex, type IndexOptions } from '../../server/src/engine/index/workspaceIndex';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import type { PlaybookDocument } from '../../server/src/engine/model/document';
import { allRules } from '../../server/src/engine/rules/registry';
import { DocfxSlugger } from '../../server/src/engine/slug/slugger';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';
import { seededRandom as random } from '../support/random';

const config = defaultConfig({ today: TODAY });

/** A workspace that can read a file at once, as the disk can: the index keeps no text of what it read from it. */
class DiskLikeWorkspace extends MemoryWorkspace {
  readonly #bytes = new Map<string, Uint8Array>();
  /** Paths passed to `readSync`, in order. */
  readonly syncReads: string[] = [];

  constructor(root: string, files: Record<string, string> = {}) {
    super(root, files);
    for (const [p, text] of Object.entries(files)) this.#bytes.set(this.resolve(p), new TextEncoder().encode(text));
  }

  override write(p: string, content: string | Uint8Array): void {
    super.write(p, content);
    this.#bytes.set(this.resolve(p), typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  override delete(p: string): void {
    super.delete(p);
    this.#bytes.delete(this.resolve(p));
  }

  readSync(path: string): Uint8Array | undefined {
    this.syncReads.push(path);
    return this.#bytes.get(path);
  }
}

function indexOver(ws: MemoryWorkspace, options: IndexOptions = {}): WorkspaceIndex {
  return new WorkspaceIndex(ws, { config, vocabulary: new Vocabulary(config.locales), slugger: new DocfxSlugger() }, options);
}

async function freshIndex(files: ReadonlyMap<string, string>): Promise<WorkspaceIndex> {
  const index = indexOver(new MemoryWorkspace('/ws', Object.fromEntries(files)));
  await index.load();
  return index;
}

/** Pages, tocs and docfx files the sequences play with: translations, includes, nested folders, two docfx projects. */
const PAGES = [
  'en/initiate-kickoff.md', 'en/initiate-plan.md', 'en/sub/implement-build.md', 'german-playbook/initiate-kickoff-de.md',
  'german-playbook/initiate-plan-de.md', 'includes/part.md', 'site/en/initiate-kickoff.md', 'site/de/initiate-kickoff-de.md', 'README.md',
];
const TOCS = ['en/toc.yml', 'german-playbook/toc.yml', 'site/toc.yml'];
const DOCFX = ['docfx.json', 'site/docfx.json'];
const TARGETS = [
  'initiate-kickoff.md', 'initiate-plan.md', '../en/initiate-kickoff.md#prepare-the-meeting', 'sub/implement-build.md', '../includes/part.md',
  '~/en/initiate-plan.md', '/en/initiate-kickoff.md#overview', 'initiate-kickoff-de.md', 'missing.md', 'INITIATE-PLAN.md', '#objectives', 'https://example.com/x.md',
  '../german-playbook/initiate-plan-de.md', 'de/initiate-kickoff-de.md',
];
const AUTHORS = ['celiak', 'celiakk', 'v-nocoll', 'v-nocol', 'ranadir'];
const TOPICS = ['partner-playbook', 'playbook', 'partner-playbok', 'user-guide'];

function randomPage(r: ReturnType<typeof random>): string {
  const frontMatter = [
    `title: FastTrack Partner Playbook - Page ${r.int(4)}`,
    `ms.author: ${r.pick(AUTHORS)}`,
    ...(r.next() < 0.7 ? [`ms.topic: ${r.pick(TOPICS)}`] : []),
    ...(r.next() < 0.3 ? [`ms.author: ${r.pick(AUTHORS)}`] : []),
    ...(r.next() < 0.5 ? [`author: ${r.pick(['Celia Kennedy', 'Nora Collins'])}`] : []),
  ].join('\n');
  const links = Array.from({ length: r.int(4) }, () => `See [x](${r.pick(TARGETS)}).`);
  const include = r.next() < 0.3 ? [`[!INCLUDE [part](${r.pick(['../includes/part.md', 'includes/part.md', '../en/initiate-plan.md'])})]`] : [];
  const ids = Array.from({ length: r.int(3) }, () => r.pick(['5101', '5102', '5200', '12', '5300']));
  const body = [
    '## Overview', '', ...links, '', ...include, '', '## Approach', '', '### Prepare the Meeting', '',
    'Primary Role: **FastTrack Manager**  ', 'Applies To: **All Services**  ', '', '#### FTOP Tasks', '',
    '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |',
    '| ------- | --------- | :----------------------: | -------------- | -------- |',
    ...ids.map((id) => `| ${id} | ${r.pick(['Hold kickoff', 'Hold kick-off', 'Plan'])} | M | FastTrack Manager | All Services |`),
  ].join('\n');
  return processPage({ frontMatter, h1: r.pick(['Hold Kickoff Meeting', 'Plan', 'Overview']), body });
}

function randomToc(r: ReturnType<typeof random>): string {
  return Array.from({ length: 1 + r.int(3) }, () => `- name: X\n  href: ${r.pick(['initiate-kickoff.md', 'initiate-plan-de.md', 'en/initiate-kickoff.md#overview', 'sub/implement-build.md', 'https://example.com'])}\n`).join('');
}

function randomDocfx(r: ReturnType<typeof random>): string {
  return JSON.stringify({ build: { content: [{ files: ['**/*.md'], exclude: r.next() < 0.5 ? ['**/includes/**'] : [] }] } });
}

/** A model without what depends on how the index got it (its version). */
function comparable(doc: PlaybookDocument | undefined): unknown {
  if (!doc) return undefined;
  const { version: _version, ...rest } = doc;
  return rest;
}

/**
 * Plays `steps` random operations on an index (editor text changes, files created, changed and deleted
 * on disk, toc and docfx.json changes), checking after each that every relation equals what a fresh
 * index over the same files computes.
 */
async function playSequence(seed: number, steps: number, options: IndexOptions, diskLike = false): Promise<void> {
  const r = random(seed);
  const state = new Map<string, string>();
  for (const p of PAGES) if (r.next() < 0.6) state.set(p, randomPage(r));
  for (const p of TOCS) if (r.next() < 0.5) state.set(p, randomToc(r));
  if (r.next() < 0.5) state.set(r.pick(DOCFX), randomDocfx(r));
  const ws = diskLike ? new DiskLikeWorkspace('/ws', Object.fromEntries(state)) : new MemoryWorkspace('/ws', Object.fromEntries(state));
  const index = indexOver(ws, options);
  await index.load();
  for (let step = 0; step < steps; step++) {
    const kind = r.int(10);
    const file = kind < 6 ? r.pick(PAGES) : kind < 8 ? r.pick(TOCS) : r.pick(DOCFX);
    const text = kind < 6 ? randomPage(r) : kind < 8 ? randomToc(r) : randomDocfx(r);
    const abs = ws.resolve(file);
    const action = r.int(3);
    let what: string;
    if (action === 0 && state.has(file)) {
      what = `delete ${file}`;
      state.delete(file);
      ws.delete(file);
      index.remove(abs);
    } else if (action === 1) {
      what = `write and refresh ${file}`;
      state.set(file, text);
      ws.write(file, text);
      await index.refresh(abs);
    } else {
      what = `setText ${file}`;
      state.set(file, text);
      index.setText(abs, text, step + 1);
    }
    const fresh = await freshIndex(state);
    assert.deepEqual(index.relationsSnapshot(), fresh.relationsSnapshot(), `seed ${seed}, step ${step} (${what}): relations differ from a fresh index`);
  }
  const fresh = await freshIndex(state);
  for (const p of fresh.pagePaths()) assert.deepEqual(comparable(index.document(p)), comparable(fresh.document(p)), `seed ${seed}: model of ${p}`);
  const strip = (m: Map<string, unknown[]>): unknown => JSON.parse(JSON.stringify([...m]));
  assert.deepEqual(strip(lintWorkspace(index, allRules)), strip(lintWorkspace(fresh, allRules)), `seed ${seed}: findings differ from a fresh index`);
}

test('after random edits, creations and deletions, every relation equals a fresh index over the final files', async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) await playSequence(seed, 40, {});
});

test('with a model cache of one page, models are rebuilt from the text and every result stays the same', async () => {
  for (const seed of [11, 12, 13]) await playSequence(seed, 30, { modelCacheBytes: 0 });
});

test('over a workspace that reads files at once, pages read from it are read again to rebuild their models, with the same results', async () => {
  for (const seed of [21, 22, 23]) await playSequence(seed, 30, { modelCacheBytes: 0 }, true);
});

test('a page read from the disk is not kept: a dropped model is rebuilt from the file, and a file changed behind the index is indexed again', async () => {
  const ws = new DiskLikeWorkspace('/ws', { 'a.md': '# A\n\n## Intro\n', 'b.md': '# B\n\n[a](a.md#intro)\n' });
  const index = indexOver(ws, { modelCacheBytes: 0 });
  await index.load();
  assert.deepEqual(ws.syncReads, [], 'loading read each file once, asynchronously');
  index.document('/ws/b.md');
  assert.equal(index.document('/ws/a.md')!.headings[1]!.text, 'Intro');
  assert.deepEqual(ws.syncReads, ['/ws/b.md', '/ws/a.md'], 'no model fit the cache: each was rebuilt from its file');
  index.setText('/ws/b.md', '# B\n\nEdited in the editor.\n', 2);
  index.document('/ws/a.md');
  assert.equal(index.document('/ws/b.md')!.text, '# B\n\nEdited in the editor.\n', 'a text set by the host is kept: it is on no disk');
  // a.md changes on disk without the index being told: rebuilding its model finds other bytes and indexes them.
  ws.write('a.md', '# A\n\n## Scope\n');
  index.document('/ws/b.md');
  assert.deepEqual(index.document('/ws/a.md')!.headings.map((h) => h.slug), ['a', 'scope']);
  assert.deepEqual(index.facts('/ws/a.md')!.slugs, ['a', 'scope'], 'the facts follow the text read');
});

test('a link to a page that does not exist yet is counted once the page is created, and dropped again when it is deleted', async () => {
  const ws = new MemoryWorkspace('/ws', { 'en/a.md': '# A\n\n[b](b.md#intro)\n' });
  const index = indexOver(ws);
  await index.load();
  assert.deepEqual(index.incoming('/ws/en/b.md').map((l) => l.from), ['/ws/en/a.md'], 'links are kept by the path they resolve to, existing or not');
  assert.deepEqual([...index.anchorsOf('/ws/en/b.md')], []);
  ws.write('en/b.md', '# B\n\n## Intro\n');
  await index.refresh('/ws/en/b.md');
  assert.deepEqual([...index.anchorsOf('/ws/en/b.md')], ['b', 'intro']);
  index.remove('/ws/en/b.md');
  assert.equal(index.facts('/ws/en/b.md'), undefined);
  assert.deepEqual(index.incoming('/ws/en/b.md').map((l) => l.from), ['/ws/en/a.md']);
});

test('a rename is a deletion and a creation: incoming links, task uses and translations follow the new path', async () => {
  const ws = new MemoryWorkspace('/ws', {
    'english-playbook/initiate-a.md': processPage(),
    'german-playbook/initiate-a-de.md': processPage(),
    'english-playbook/linker.md': '# L\n\n[a](initiate-a.md)\n',
  });
  const index = indexOver(ws);
  await index.load();
  assert.equal(index.sourceOf('/ws/german-playbook/initiate-a-de.md')?.path, '/ws/english-playbook/initiate-a.md');
  const text = index.textOf('/ws/english-playbook/initiate-a.md')!;
  index.remove('/ws/english-playbook/initiate-a.md');
  index.setText('/ws/english-playbook/initiate-b.md', text, 1);
  assert.equal(index.sourceOf('/ws/german-playbook/initiate-a-de.md'), undefined, 'the translation lost its source');
  assert.deepEqual(index.tasks('en').get('5101')?.map((u) => u.path), ['/ws/english-playbook/initiate-b.md']);
  assert.deepEqual(index.incoming('/ws/english-playbook/initiate-a.md').map((l) => l.from), ['/ws/english-playbook/linker.md'], 'the old link now points at a missing file');
  assert.deepEqual(index.incoming('/ws/english-playbook/initiate-b.md').filter((l) => l.link.target.path !== ''), [], 'only its own #anchor links');
});

test('a docfx.json appearing moves root-relative links to its project root', async () => {
  const ws = new MemoryWorkspace('/ws', { 'site/en/a.md': '# A\n\n[b](~/en/b.md)\n' });
  const index = indexOver(ws);
  await index.load();
  assert.deepEqual(index.incoming('/ws/en/b.md').map((l) => l.from), ['/ws/site/en/a.md'], 'without docfx.json, the workspace root');
  index.setText('/ws/site/docfx.json', '{}', 1);
  assert.deepEqual(index.incoming('/ws/en/b.md'), []);
  assert.deepEqual(index.incoming('/ws/site/en/b.md').map((l) => l.from), ['/ws/site/en/a.md']);
  index.remove('/ws/site/docfx.json');
  assert.deepEqual(index.incoming('/ws/en/b.md').map((l) => l.from), ['/ws/site/en/a.md']);
});

test('relations hold paths and small records, not models: a dropped model is not kept alive by them', async () => {
  const ws = new MemoryWorkspace('/ws', { 'a.md': processPage(), 'b.md': '# B\n\n[a](a.md)\n' });
  const index = indexOver(ws, { modelCacheBytes: 0 });
  await index.load();
  const use = index.tasks('en').get('5101')![0]!;
  assert.deepEqual(Object.keys(use).sort(), ['id', 'legend', 'mandatory', 'name', 'path', 'role', 'row', 'services', 'table'], 'its spans are kept as numbers');
  assert.deepEqual(Object.keys(use.idSpan).sort(), ['end', 'start']);
  assert.equal(processPage().slice(use.nameSpan!.start, use.nameSpan!.end), use.name);
  assert.equal(typeof index.incoming('/ws/a.md')[0]!.from, 'string');
  const first = index.document('/ws/a.md')!;
  index.document('/ws/b.md');
  const again = index.document('/ws/a.md')!;
  assert.notEqual(again, first, 'the cache of one model dropped it, so it was built again');
  assert.deepEqual(comparable(again), comparable(first));
});

test('loading and a lint sweep cache models only while the cache has room; other requests replace the least recently used', async () => {
  const files: Record<string, string> = {};
  for (const n of ['a', 'b', 'c', 'd']) files[`${n}.md`] = `# ${n}\n`;
  const ws = new DiskLikeWorkspace('/ws', files);
  // Room for two of these models, by the cache's estimate (modelCache.ts: 2 KB plus 6 bytes a character).
  const index = indexOver(ws, { modelCacheBytes: 2 * (2048 + 6 * '# a\n'.length) });
  await index.load();
  const reads = (): number => ws.syncReads.length;
  index.document('/ws/a.md');
  index.document('/ws/b.md');
  assert.equal(reads(), 0, 'the first pages loaded are cached');
  index.document('/ws/c.md', { sweep: true });
  index.document('/ws/a.md');
  assert.equal(reads(), 1, 'a sweep does not push a cached model out');
  index.document('/ws/c.md');
  index.document('/ws/b.md');
  assert.equal(reads(), 3, 'any other request does: c replaced b, the least recently used');
});

test('a pinned model stays cached whatever the budget', async () => {
  const ws = new MemoryWorkspace('/ws', { 'a.md': '# A\n', 'b.md': '# B\n', 'c.md': '# C\n' });
  const index = indexOver(ws, { modelCacheBytes: 0 });
  await index.load();
  index.pin('/ws/a.md');
  const a = index.document('/ws/a.md');
  index.document('/ws/b.md');
  index.document('/ws/c.md');
  assert.equal(index.document('/ws/a.md'), a);
  index.pin('/ws/a.md', false);
  index.document('/ws/b.md');
  assert.notEqual(index.document('/ws/a.md'), a);
});

test('a page text with characters beyond Latin-1 (kept as UTF-8) and a BOM comes back the same', async () => {
  const text = '\uFEFF---\ntitle: Über — 日本語\n---\n# Kick-off 🚀\n';
  const ws = new MemoryWorkspace('/ws', { 'a.md': text, 'b.md': '# B\n' });
  const index = indexOver(ws, { modelCacheBytes: 0 });
  await index.load();
  index.document('/ws/b.md');
  assert.equal(index.textOf('/ws/a.md'), text);
  assert.equal(index.document('/ws/a.md')!.text, text);
  index.setText('/ws/a.md', 'x \uD800 lone surrogate', 2);
  index.document('/ws/b.md');
  assert.equal(index.document('/ws/a.md')!.text, 'x \uD800 lone surrogate');
});

test('a lint sweep that releases models leaves none of the pages behind it cached, except pinned ones', async () => {
  const files: Record<string, string> = {};
  for (const n of ['a', 'b', 'c']) files[`${n}.md`] = `# ${n}\n`;
  const kept = new DiskLikeWorkspace('/ws', files);
  const keeping = indexOver(kept);
  await keeping.load();
  const keptFindings = lintWorkspace(keeping, allRules);
  for (const n of ['a', 'b', 'c']) keeping.document(`/ws/${n}.md`);
  assert.equal(kept.syncReads.length, 0, 'a plain sweep leaves the cached models in place');

  const released = new DiskLikeWorkspace('/ws', files);
  const index = indexOver(released);
  await index.load();
  index.pin('/ws/c.md');
  const c = index.document('/ws/c.md');
  assert.deepEqual(lintWorkspace(index, allRules, undefined, undefined, { releaseModels: true }), keptFindings, 'the same findings');
  assert.equal(released.syncReads.length, 0, 'the sweep used the models cached by loading');
  index.document('/ws/a.md');
  index.document('/ws/b.md');
  assert.deepEqual(released.syncReads, ['/ws/a.md', '/ws/b.md'], 'released models are built again from the file');
  assert.equal(index.document('/ws/c.md'), c, 'the pinned model stays');
});

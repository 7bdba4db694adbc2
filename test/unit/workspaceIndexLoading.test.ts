import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import type { MarkdownOutline } from '../../server/src/engine/parse/outline';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

/** A workspace whose reads finish in reverse order of asking (later files first), as disks may. */
class ShuffledWorkspace extends MemoryWorkspace {
  #pending = 0;
  override async read(path: string): Promise<Uint8Array | undefined> {
    const delay = 20 - Math.min(19, this.#pending++);
    await new Promise((r) => setTimeout(r, delay));
    return super.read(path);
  }
}

const FILES = {
  'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
  'en/a.md': processPage({ h1: 'Alpha' }),
  'en/b.md': processPage({ h1: 'Beta' }),
  'en/sub/c.md': processPage({ h1: 'Gamma' }),
  'de/a-de.md': processPage({ h1: 'Alpha' }),
  'en/toc.yml': '- name: A\n  href: a.md\n',
};

test('load models every file whatever order the reads finish in', async () => {
  const ws = new ShuffledWorkspace('/ws', FILES);
  const engine = createEngine(ws, defaultConfig({ today: TODAY }));
  const progress: number[] = [];
  await engine.index.load((done) => progress.push(done));
  assert.deepEqual(engine.index.documents().map((d) => d.path), ['/ws/de/a-de.md', '/ws/en/a.md', '/ws/en/b.md', '/ws/en/sub/c.md']);
  assert.deepEqual(engine.index.documents().map((d) => d.h1s[0]?.text), ['Alpha', 'Alpha', 'Beta', 'Gamma']);
  assert.equal(engine.index.tocs().length, 1);
  assert.deepEqual(progress, [1, 2, 3, 4, 5, 6], 'progress counts up once per file');
});

test('a failed read during load is an error of load, not an unhandled rejection', async () => {
  class Failing extends MemoryWorkspace {
    override async read(path: string): Promise<Uint8Array | undefined> {
      if (path.endsWith('b.md')) throw new Error('disk on fire');
      return super.read(path);
    }
  }
  const engine = createEngine(new Failing('/ws', FILES), defaultConfig({ today: TODAY }));
  await assert.rejects(engine.index.load(), /disk on fire/);
});

test('folder listings and sorted lists follow files that are added and removed', async () => {
  const engine = createEngine(new MemoryWorkspace('/ws', FILES), defaultConfig({ today: TODAY }));
  const index = engine.index;
  await index.load();
  assert.deepEqual(index.filesIn('/ws/en'), ['/ws/en/a.md', '/ws/en/b.md', '/ws/en/toc.yml']);
  const all = index.allFiles();
  assert.equal(index.allFiles(), all, 'the same list until the files change');
  assert.equal(all.length, 6);

  index.setText('/ws/en/0.md', processPage({ h1: 'Zero' }), 1);
  assert.deepEqual(index.filesIn('/ws/en'), ['/ws/en/0.md', '/ws/en/a.md', '/ws/en/b.md', '/ws/en/toc.yml']);
  assert.equal(index.allFiles()[2], '/ws/en/0.md');
  assert.equal(all.length, 6, 'a list handed out is never changed: a new one replaces it');
  assert.equal(index.documents()[1]!.path, '/ws/en/0.md');

  index.remove('/ws/en/a.md');
  assert.deepEqual(index.filesIn('/ws/en'), ['/ws/en/0.md', '/ws/en/b.md', '/ws/en/toc.yml']);
  assert.ok(!index.allFiles().includes('/ws/en/a.md'));
  assert.ok(!index.documents().some((d) => d.path === '/ws/en/a.md'));
  assert.equal(index.exists('/ws/en/a.md'), false);
});

test('pages take their outline from the outline source; the models are the same', async () => {
  const plain = createEngine(new MemoryWorkspace('/ws', FILES), defaultConfig({ today: TODAY }));
  await plain.index.load();
  const cached = createEngine(new MemoryWorkspace('/ws', FILES), defaultConfig({ today: TODAY }));
  const asked: string[] = [];
  const kept = new Map<string, MarkdownOutline>();
  cached.index.useOutlines({
    outline: (text, parse) => {
      asked.push(text);
      const o = kept.get(text) ?? parse(text);
      kept.set(text, o);
      return o;
    },
  });
  await cached.index.load();
  assert.equal(asked.length, 4, 'one outline per page');
  const strip = (d: { lines: unknown; frontMatter?: { yaml?: unknown } }) => ({ ...d, lines: undefined, frontMatter: d.frontMatter ? { ...d.frontMatter, yaml: undefined } : undefined });
  assert.deepEqual(cached.index.documents().map(strip), plain.index.documents().map(strip));

  // An outline from the source is used as it is: a renamed heading there shows in the model.
  const text = processPage({ h1: 'Delta' });
  const outline = JSON.parse(JSON.stringify(kept.get(processPage({ h1: 'Alpha' }))!)) as MarkdownOutline;
  kept.set(text, { ...outline, headings: outline.headings.map((h, i) => (i === 0 ? { ...h, text: 'From the source' } : h)) });
  cached.index.setText('/ws/en/d.md', text, 1);
  assert.equal(cached.index.document('/ws/en/d.md')!.h1s[0]!.text, 'From the source');
});

test('load reads docfx.json and tocs before pages, so pages answered while loading know they are built and listed', async () => {
  const ws = new MemoryWorkspace('/ws', FILES);
  const engine = createEngine(ws, defaultConfig({ today: TODAY }));
  const seen: Array<{ pages: number; tocs: number; built: boolean }> = [];
  await engine.index.load(() => {
    seen.push({ pages: engine.index.pagePaths().length, tocs: engine.index.tocs().length, built: engine.index.isBuilt('/ws/en/a.md') });
  });
  // The first two files read are docfx.json and the toc; no page is modelled before both are.
  assert.deepEqual(seen.slice(0, 2).map((s) => s.tocs), [0, 1]);
  assert.ok(seen.every((s) => s.built), 'the docfx project is known from the first file on');
  assert.ok(seen.slice(2).every((s) => s.tocs === 1));
});

test('load awaits the host pause while it works, and models the same files with or without it', async () => {
  const many: Record<string, string> = { 'docfx.json': FILES['docfx.json'] };
  for (let i = 0; i < 300; i++) many[`en/p${String(i).padStart(3, '0')}.md`] = processPage({ h1: `Page ${i}` });
  const plain = createEngine(new MemoryWorkspace('/ws', many), defaultConfig({ today: TODAY }));
  await plain.index.load();
  const paused = createEngine(new MemoryWorkspace('/ws', many), defaultConfig({ today: TODAY }));
  let pauses = 0;
  await paused.index.load(undefined, async () => {
    pauses++;
    await new Promise((r) => setImmediate(r));
  });
  assert.ok(pauses >= 1, 'modelling 300 pages takes more than one 10 ms turn');
  assert.deepEqual(paused.index.pagePaths(), plain.index.pagePaths());
  assert.deepEqual(paused.index.pagePaths().map((p) => paused.index.document(p)?.h1s[0]?.text), plain.index.pagePaths().map((p) => plain.index.document(p)?.h1s[0]?.text));
});

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

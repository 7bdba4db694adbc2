import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

async function indexOf(files: Record<string, string | Uint8Array>) {
  const ws = new MemoryWorkspace('/ws', files);
  const engine = createEngine(ws, defaultConfig({ today: TODAY }));
  await engine.index.load();
  return { ws, index: engine.index };
}

test('anchors include the headings an include brings', async () => {
  const { index } = await indexOf({
    'en/a.md': '# A\n\n## Own\n\n[!INCLUDE [x](../includes/x.md)]\n',
    'includes/x.md': '---\ntitle: x\n---\n## Sign in\n\n[!INCLUDE [a](../en/a.md)]\n',
  });
  assert.deepEqual([...index.anchorsOf('/ws/en/a.md')].sort(), ['a', 'own', 'sign-in']);
});

test('docfx.json excludes decide which pages are built', async () => {
  const { index } = await indexOf({
    'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'], exclude: ['**/includes/**', 'README.md'] }] } }),
    'README.md': '# r',
    'includes/x.md': '# x',
    'en/a.md': '# a',
  });
  assert.equal(index.isBuilt('/ws/en/a.md'), true);
  assert.equal(index.isBuilt('/ws/includes/x.md'), false);
  assert.equal(index.isBuilt('/ws/README.md'), false);
});

test('translations find their English source by base name', async () => {
  const { index } = await indexOf({
    'english-playbook/initiate-a.md': processPage(),
    'german-playbook/initiate-a-de.md': processPage(),
    'german-playbook/initiate-a.md': processPage(),
  });
  const de = index.document('/ws/german-playbook/initiate-a-de.md')!;
  assert.equal(de.locale, 'de');
  assert.equal(index.sourceOf(de)?.path, '/ws/english-playbook/initiate-a.md');
  assert.deepEqual(index.translationsOf(index.document('/ws/english-playbook/initiate-a.md')!).map((d) => d.path), ['/ws/german-playbook/initiate-a-de.md']);
});

test('one document is updated without re-reading the others, and cross-file data follows', async () => {
  const { ws, index } = await indexOf({
    'a.md': processPage(),
    'b.md': '# B\n\nSee [a](a.md).\n',
    'toc.yml': '- name: A\n  href: a.md\n',
  });
  const fromB = () => index.incoming('/ws/a.md').filter((l) => l.from === '/ws/b.md').length;
  assert.equal(fromB(), 1);
  assert.equal(index.tocReferences('/ws/a.md').length, 1);
  const readsBefore = ws.reads.length;
  index.setText('/ws/b.md', '# B\n\nNo links now.\n', 2);
  assert.equal(ws.reads.length, readsBefore);
  assert.equal(fromB(), 0);
  assert.equal(index.document('/ws/b.md')!.version, 2);
  ws.write('toc.yml', '- name: B\n  href: b.md\n');
  await index.refresh('/ws/toc.yml');
  assert.equal(index.tocReferences('/ws/a.md').length, 0);
  index.remove('/ws/a.md');
  assert.equal(index.exists('/ws/a.md'), false);
  assert.equal(index.document('/ws/a.md'), undefined);
});

test('task uses are registered per language', async () => {
  const { index } = await indexOf({ 'a.md': processPage(), 'b.md': processPage() });
  assert.deepEqual(index.tasks('en').get('5101')?.map((u) => u.path), ['/ws/a.md', '/ws/b.md']);
});

test('binary and unreadable Markdown files become models with a problem', async () => {
  const { index } = await indexOf({ 'bin.md': new Uint8Array([0x89, 0x50, 0x00, 0x01]) });
  assert.deepEqual(index.document('/ws/bin.md')?.problems.map((p) => p.code), ['binary']);
});

test('toc files keep href spans; nested items count', async () => {
  const { index } = await indexOf({ 'toc.yml': '- name: Group\n  items:\n    - name: A\n      href: "a.md"\n' });
  const toc = index.toc('/ws/toc.yml')!;
  const href = toc.items[0]!.items[0]!;
  assert.equal(toc.text.slice(href.hrefSpan!.start, href.hrefSpan!.end), 'a.md');
  assert.equal(index.tocReferences('/ws/a.md').length, 1);
});

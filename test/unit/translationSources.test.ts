import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { sharedFolders } from '../../server/src/engine/index/translationSources';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

async function indexOf(files: Record<string, string>): Promise<WorkspaceIndex> {
  const engine = createEngine(new MemoryWorkspace('/ws', files), defaultConfig({ today: TODAY }));
  await engine.index.load();
  return engine.index;
}

const DOCFX = JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } });
const sourceOf = (index: WorkspaceIndex, page: string): string | undefined => index.sourceOf(`/ws/${page}`)?.path.slice('/ws/'.length);
const translationsOf = (index: WorkspaceIndex, page: string): string[] => index.translationsOf(`/ws/${page}`).map((f) => f.path.slice('/ws/'.length));

test('in a tree of two docsets, each translation translates the source of its own docset', async () => {
  const index = await indexOf({
    'copy-01/docfx.json': DOCFX,
    'copy-01/english-playbook/initiate-a.md': processPage(),
    'copy-01/german-playbook/initiate-a-de.md': processPage(),
    'copy-02/docfx.json': DOCFX,
    'copy-02/english-playbook/initiate-a.md': processPage(),
    'copy-02/german-playbook/initiate-a-de.md': processPage(),
  });
  assert.equal(sourceOf(index, 'copy-01/german-playbook/initiate-a-de.md'), 'copy-01/english-playbook/initiate-a.md');
  assert.equal(sourceOf(index, 'copy-02/german-playbook/initiate-a-de.md'), 'copy-02/english-playbook/initiate-a.md');
  assert.deepEqual(translationsOf(index, 'copy-01/english-playbook/initiate-a.md'), ['copy-01/german-playbook/initiate-a-de.md']);
  assert.deepEqual(translationsOf(index, 'copy-02/english-playbook/initiate-a.md'), ['copy-02/german-playbook/initiate-a-de.md']);
});

test('among sources in source-language folders, the one nearest the translation wins, whatever the path order', async () => {
  const index = await indexOf({
    'product-a/english-playbook/initiate-a.md': processPage(),
    'product-b/english-playbook/initiate-a.md': processPage(),
    'product-b/german-playbook/initiate-a-de.md': processPage(),
  });
  assert.equal(sourceOf(index, 'product-b/german-playbook/initiate-a-de.md'), 'product-b/english-playbook/initiate-a.md');
  assert.deepEqual(translationsOf(index, 'product-a/english-playbook/initiate-a.md'), []);
});

test('an untranslated copy among the translations is not the source, however near; equally near sources go by path order', async () => {
  const index = await indexOf({
    'site/english-playbook/initiate-a.md': processPage(),
    'site/german-playbook/initiate-a.md': processPage(),
    'site/german-playbook/initiate-a-de.md': processPage(),
    'site/en-us/initiate-b.md': processPage(),
    'site/english-playbook/initiate-b.md': processPage(),
    'site/german-playbook/initiate-b-de.md': processPage(),
  });
  assert.equal(sourceOf(index, 'site/german-playbook/initiate-a-de.md'), 'site/english-playbook/initiate-a.md');
  assert.equal(sourceOf(index, 'site/german-playbook/initiate-b-de.md'), 'site/en-us/initiate-b.md');
});

test('a source in another docset serves when the own docset has none', async () => {
  const index = await indexOf({
    'copy-01/docfx.json': DOCFX,
    'copy-01/english-playbook/initiate-a.md': processPage(),
    'copy-02/docfx.json': DOCFX,
    'copy-02/german-playbook/initiate-a-de.md': processPage(),
  });
  assert.equal(sourceOf(index, 'copy-02/german-playbook/initiate-a-de.md'), 'copy-01/english-playbook/initiate-a.md');
});

test('the choice follows the index: a source appearing, a docfx.json appearing, a source going', async () => {
  const index = await indexOf({
    'docs/docfx.json': DOCFX,
    'docs/english-playbook/initiate-a.md': processPage(),
    'docs/german-playbook/initiate-a-de.md': processPage(),
  });
  const de = 'docs/german-playbook/initiate-a-de.md';
  assert.equal(sourceOf(index, de), 'docs/english-playbook/initiate-a.md');
  // A nearer source: under the translation's own folder.
  index.setText('/ws/docs/german-playbook/english-playbook/initiate-a.md', processPage(), 1);
  assert.equal(sourceOf(index, de), 'docs/german-playbook/english-playbook/initiate-a.md');
  assert.deepEqual(translationsOf(index, 'docs/english-playbook/initiate-a.md'), []);
  // ... which becomes a docset of its own: the source of the translation's docset wins again.
  index.setText('/ws/docs/german-playbook/english-playbook/docfx.json', DOCFX, 1);
  assert.equal(sourceOf(index, de), 'docs/english-playbook/initiate-a.md');
  index.remove('/ws/docs/english-playbook/initiate-a.md');
  assert.equal(sourceOf(index, de), 'docs/german-playbook/english-playbook/initiate-a.md');
  index.remove('/ws/docs/german-playbook/english-playbook/initiate-a.md');
  assert.equal(sourceOf(index, de), undefined);
});

test('sharedFolders counts whole folders from the root down', () => {
  // The root counts: `/`, `ws`, `a`, `b`.
  assert.equal(sharedFolders('/ws/a/b/x.md', '/ws/a/b/y.md'), 4);
  assert.equal(sharedFolders('/ws/a/b/x.md', '/ws/a/c/x.md'), 3);
  assert.equal(sharedFolders('/ws/ab/x.md', '/ws/a/x.md'), 2, 'a folder name that only starts the same is not shared');
  assert.equal(sharedFolders('/ws/a/x.md', '/ws/a/b/c/x.md'), 3);
});

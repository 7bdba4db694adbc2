import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { trackReads } from '../../server/src/engine/fix/readTracker';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { TODAY } from './helpers';

const page = (author: string, alias?: string): string => `---\nauthor: ${author}\n${alias !== undefined ? `ms.author: ${alias}\n` : ''}---\n# P\n`;

async function indexOf(files: Record<string, string>): Promise<WorkspaceIndex> {
  const engine = createEngine(new MemoryWorkspace('/ws', files), defaultConfig({ today: TODAY }));
  await engine.index.load();
  return engine.index;
}

/** The distribution as plain data: [value, pages] in order, and the total. */
function plain(index: WorkspaceIndex, key: string, whereKey: string, whereValue: string, except?: string): unknown {
  const d = index.valuesWhere(key, whereKey, whereValue, except);
  return { counts: [...d.counts], total: d.total };
}

test('valuesWhere counts the values of one key over the pages with a value of another, one per page', async () => {
  const index = await indexOf({
    'a.md': page('Celia Kennedy', 'v-cekenn'),
    'b.md': page('Celia Kennedy', 'v-cekenn'),
    'c.md': page('Celia Kennedy', 'celiak'),
    'd.md': page('Celia Kennedy'),
    'e.md': page('Nora Collins', 'v-nocoll'),
    'f.md': '---\nauthor: Celia Kennedy\nms.author: x\nms.author: v-cekenn\n---\n# P\n',
  });
  assert.deepEqual(plain(index, 'ms.author', 'author', 'Celia Kennedy'), { counts: [['v-cekenn', 3], ['celiak', 1]], total: 4 }, 'a page without the key does not count; a repeated key counts by its last entry');
  assert.deepEqual(plain(index, 'ms.author', 'author', 'Nobody'), { counts: [], total: 0 });
});

test('valuesWhere leaves out the asking page only when it is among the pages counted', async () => {
  const index = await indexOf({ 'a.md': page('Celia Kennedy', 'v-cekenn'), 'b.md': page('Celia Kennedy', 'celiak'), 'e.md': page('Nora Collins', 'v-nocoll') });
  assert.deepEqual(plain(index, 'ms.author', 'author', 'Celia Kennedy', '/ws/b.md'), { counts: [['v-cekenn', 1]], total: 1 });
  assert.deepEqual(plain(index, 'ms.author', 'author', 'Celia Kennedy', '/ws/e.md'), { counts: [['v-cekenn', 1], ['celiak', 1]], total: 2 });
  assert.deepEqual(plain(index, 'ms.author', 'author', 'Celia Kennedy'), { counts: [['v-cekenn', 1], ['celiak', 1]], total: 2 }, 'leaving a page out changes nothing kept');
});

test('valuesWhere follows changes of either key, new pages and removed ones', async () => {
  const index = await indexOf({ 'a.md': page('Celia Kennedy', 'v-cekenn'), 'b.md': page('Celia Kennedy', 'celiak') });
  const celia = (): unknown => plain(index, 'ms.author', 'author', 'Celia Kennedy');
  assert.deepEqual(celia(), { counts: [['v-cekenn', 1], ['celiak', 1]], total: 2 });
  index.setText('/ws/b.md', page('Celia Kennedy', 'v-cekenn'), 2);
  assert.deepEqual(celia(), { counts: [['v-cekenn', 2]], total: 2 }, 'the counted key changed');
  index.setText('/ws/a.md', page('Nora Collins', 'v-cekenn'), 2);
  assert.deepEqual(celia(), { counts: [['v-cekenn', 1]], total: 1 }, 'a page left the selection');
  index.setText('/ws/c.md', page('Celia Kennedy', 'celiak'), 1);
  assert.deepEqual(celia(), { counts: [['v-cekenn', 1], ['celiak', 1]], total: 2 }, 'a new page joined it');
  index.remove('/ws/b.md');
  assert.deepEqual(celia(), { counts: [['celiak', 1]], total: 1 }, 'a page went');
});

test('the fix loop counts a valuesWhere read as reading the values of both keys', async () => {
  const index = await indexOf({ 'a.md': page('Celia Kennedy', 'v-cekenn') });
  const tracker = trackReads(index);
  const { reads } = tracker.record(() => tracker.index.valuesWhere('ms.author', 'author', 'Celia Kennedy', '/ws/a.md'));
  assert.deepEqual([...reads.valueKeys].sort(), ['author', 'ms.author']);
  assert.equal(reads.everything, false);
});

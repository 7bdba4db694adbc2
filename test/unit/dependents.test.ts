import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { affectedByChange, dependentsOf } from '../../server/src/engine/index/dependents';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

async function indexOf(files: Record<string, string>) {
  const ws = new MemoryWorkspace('/ws', files);
  const engine = createEngine(ws, defaultConfig({ today: TODAY }));
  await engine.index.load();
  return engine.index;
}

const sorted = (s: Iterable<string>): string[] => [...s].sort();

/** A page with one task table listing the given task IDs. */
function withTasks(...ids: string[]): string {
  return processPage({
    body: [
      '## Approach',
      '',
      '### Prepare',
      '',
      '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |',
      '| ------- | --------- | :----------------------: | -------------- | -------- |',
      ...ids.map((id) => `| ${id} | Task ${id} | M | FastTrack Manager | All Services |`),
    ].join('\n'),
  });
}

test('a text change concerns pages linking to an anchor of it, not plain links', async () => {
  const index = await indexOf({
    'a.md': '# A\n\n## Intro\n',
    'anchored.md': '# X\n\nSee [a](a.md#intro).\n',
    'plain.md': '# Y\n\nSee [a](a.md).\n',
    'other.md': '# Z\n',
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/a.md')), ['/ws/a.md', '/ws/anchored.md']);
  assert.deepEqual(sorted(dependentsOf(index, '/ws/a.md', 'deleted')), ['/ws/a.md', '/ws/anchored.md', '/ws/plain.md']);
});

test('includes pass dependence on: linking to the includer depends on the included file', async () => {
  const index = await indexOf({
    'includes/part.md': '## Sign in\n',
    'host.md': '# Host\n\n[!INCLUDE [part](includes/part.md)]\n',
    'reader.md': '# Reader\n\nSee [host](host.md#sign-in).\n',
    'unrelated.md': '# U\n\nSee [host](host.md).\n',
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/includes/part.md')), ['/ws/host.md', '/ws/includes/part.md', '/ws/reader.md']);
});

test('pages sharing a task ID in the same language depend on each other; other languages do not', async () => {
  const index = await indexOf({
    'en/initiate-a.md': withTasks('5101', '5102'),
    'en/initiate-b.md': withTasks('5102'),
    'en/initiate-c.md': withTasks('5200'),
    'german-playbook/initiate-z-de.md': withTasks('5101'),
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/initiate-a.md')), ['/ws/en/initiate-a.md', '/ws/en/initiate-b.md']);
});

test('a source page and its translations depend on each other', async () => {
  const index = await indexOf({
    'english-playbook/initiate-a.md': processPage(),
    'german-playbook/initiate-a-de.md': processPage(),
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/english-playbook/initiate-a.md')), ['/ws/english-playbook/initiate-a.md', '/ws/german-playbook/initiate-a-de.md']);
  assert.deepEqual(sorted(dependentsOf(index, '/ws/german-playbook/initiate-a-de.md')), ['/ws/english-playbook/initiate-a.md', '/ws/german-playbook/initiate-a-de.md']);
});

test('a toc concerns the pages it lists; a page appearing or disappearing concerns the tocs listing it', async () => {
  const index = await indexOf({
    'en/toc.yml': '- name: A\n  href: a.md\n- name: Web\n  href: https://example.com\n',
    'en/a.md': '# A\n',
    'en/b.md': '# B\n',
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/toc.yml')), ['/ws/en/a.md', '/ws/en/toc.yml']);
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/toc.yml', 'created')), ['/ws/en/a.md', '/ws/en/b.md', '/ws/en/toc.yml']);
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/a.md')), ['/ws/en/a.md']);
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/a.md', 'deleted')), ['/ws/en/a.md', '/ws/en/toc.yml']);
});

test('a new file concerns broken links that may now resolve or be suggested differently', async () => {
  const index = await indexOf({
    'en/new.md': '# New\n',
    'en/exact.md': '# E\n\n[x](new.md)\n',
    'en/case.md': '# C\n\n[x](NEW.md)\n',
    'en/same-folder.md': '# S\n\n[x](neww.md)\n',
    'far/elsewhere.md': '# F\n\n[x](../other/new.md)\n',
    'far/fine.md': '# G\n\n[x](elsewhere.md)\n',
    'en/toc.yml': '- name: N\n  href: nwe.md\n',
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/en/new.md', 'created')), [
    '/ws/en/case.md', '/ws/en/exact.md', '/ws/en/new.md', '/ws/en/same-folder.md', '/ws/en/toc.yml', '/ws/far/elsewhere.md',
  ]);
});

test('docfx.json concerns every page and toc below it', async () => {
  const index = await indexOf({
    'docs/docfx.json': '{}',
    'docs/a.md': '# A\n',
    'docs/en/toc.yml': '- name: A\n  href: ../a.md\n',
    'other/b.md': '# B\n',
  });
  assert.deepEqual(sorted(dependentsOf(index, '/ws/docs/docfx.json')), ['/ws/docs/a.md', '/ws/docs/docfx.json', '/ws/docs/en/toc.yml']);
});

test('affectedByChange takes relations before and after: a removed anchor and a removed task ID still concern their pages', async () => {
  const index = await indexOf({
    'en/initiate-a.md': withTasks('5101'),
    'en/initiate-b.md': withTasks('5101'),
    'en/linker.md': '# L\n\nSee [a](initiate-a.md#prepare).\n',
  });
  const changed = await affectedByChange(index, '/ws/en/initiate-a.md', 'content', () => index.setText('/ws/en/initiate-a.md', '# Nothing left\n', 2));
  assert.deepEqual(changed, ['/ws/en/initiate-a.md', '/ws/en/initiate-b.md', '/ws/en/linker.md']);
  const again = await affectedByChange(index, '/ws/en/initiate-a.md', 'content', () => index.setText('/ws/en/initiate-a.md', '# Still nothing\n', 3));
  assert.deepEqual(again, ['/ws/en/initiate-a.md', '/ws/en/linker.md']);
});

test('affectedByChange on a deletion keeps the deleted path and drops files the index no longer knows', async () => {
  const index = await indexOf({
    'a.md': '# A\n',
    'b.md': '# B\n\n[a](a.md)\n',
  });
  const changed = await affectedByChange(index, '/ws/a.md', 'deleted', () => index.remove('/ws/a.md'));
  assert.deepEqual(changed, ['/ws/a.md', '/ws/b.md']);
});

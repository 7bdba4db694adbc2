import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { affectedByChange } from '../../server/src/engine/index/dependents';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { allRules } from '../../server/src/engine/rules/registry';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';
import { seededRandom as random } from '../support/random';

const nearValue = allRules.filter((r) => r.id === 'frontmatter/near-value');

/** A process page with the given `ms.author` and `ms.topic`, and no task table (pages sharing a task depend on each other anyway). */
function page(author: string, topic: string): string {
  return processPage({
    body: '## Overview\n\nText.\n',
    frontMatter: [
      'title: FastTrack Partner Playbook - Hold Kickoff Meeting',
      'description: FastTrack Partner Playbook - Hold Kickoff Meeting',
      'author: Nora Collins',
      `ms.author: ${author}`,
      'ms.date: 10/02/2026',
      `ms.topic: ${topic}`,
      'ms.prod: non-product-specific',
      'ms.custom: partner-playbook',
      'ft.audience: partner',
    ].join('\n'),
  });
}

async function indexOf(files: Record<string, string>): Promise<WorkspaceIndex> {
  const engine = createEngine(new MemoryWorkspace('/ws', files), defaultConfig({ today: TODAY }), nearValue);
  await engine.index.load();
  return engine.index;
}

/** The near-value findings of every page, as text per path. */
function findings(index: WorkspaceIndex): Map<string, string> {
  return new Map([...lintWorkspace(index, nearValue)].map(([p, ds]) => [p, JSON.stringify(ds.map((d) => [d.span, d.message]))]));
}

test('a changed value concerns the pages whose value is within two edits of the old or the new one, not the others', async () => {
  const index = await indexOf({
    'a.md': page('v-nocoll', 'partner-playbook'),
    'b.md': page('v-nocoll', 'partner-playbook'),
    'c.md': page('v-nocolll', 'partner-playbook'),
    'd.md': page('ranadir', 'partner-playbook'),
    'e.md': page('celiak', 'partner-playbook'),
  });
  const affected = await affectedByChange(index, '/ws/a.md', 'content', () => index.setText('/ws/a.md', page('celiakk', 'partner-playbook'), 2));
  assert.deepEqual(affected, ['/ws/a.md', '/ws/b.md', '/ws/c.md', '/ws/e.md']);
  const unchanged = await affectedByChange(index, '/ws/a.md', 'content', () => index.setText('/ws/a.md', page('celiakk', 'partner-playbook') + '\nMore text.\n', 3));
  assert.deepEqual(unchanged, ['/ws/a.md'], 'a change outside the front matter concerns no other page');
});

test('a changed value of a key with an enum concerns the pages its folder judges, down to folders with values of their own', async () => {
  const index = await indexOf({
    'en/a.md': page('v-nocoll', 'playbook'),
    'en/b.md': page('ranadir', 'playbook'),
    'en/sub/c.md': page('celiak', 'partner-playbook'),
    'en/sub/c2.md': page('celiak', 'partner-playbook'),
    'en/alone/f.md': page('celiak', 'partner-playbook'),
    'en/bare/d.md': processPage({ frontMatter: 'title: D', body: '## Overview\n' }),
    'other/e.md': page('celiak', 'user-guide'),
  });
  const affected = await affectedByChange(index, '/ws/en/a.md', 'content', () => index.setText('/ws/en/a.md', page('v-nocoll', 'user-guide'), 2));
  // en/sub has two pages giving ms.topic: each is judged by the other, not by en. f is alone in its folder: it is judged by en.
  assert.deepEqual(affected, ['/ws/en/a.md', '/ws/en/alone/f.md', '/ws/en/b.md', '/ws/en/bare/d.md', '/ws/other/e.md']);
});

test('a folder tipping out of following the enum makes a typo there reported: the typo page is re-checked although its value is far from the changed one', async () => {
  const files: Record<string, string> = {
    'en/initiate-typo.md': page('v-nocoll', 'partner-playbok'),
    'en/initiate-q.md': page('v-nocoll', 'playbook'),
    'en/initiate-r.md': page('v-nocoll', 'playbook'),
    'en/initiate-s.md': page('v-nocoll', 'user-guide'),
  };
  for (let i = 0; i < 10; i++) files[`other/initiate-${i}.md`] = page('v-nocoll', 'partner-playbook');
  const index = await indexOf(files);
  const typo = '/ws/en/initiate-typo.md';
  assert.equal(lintWorkspace(index, nearValue).get(typo)?.length, 0, 'two of three other pages of en use an allowed value: en follows the enum');
  const affected = await affectedByChange(index, '/ws/en/initiate-q.md', 'content', () => index.setText('/ws/en/initiate-q.md', page('v-nocoll', 'user-guide'), 2));
  assert.equal(lintWorkspace(index, nearValue).get(typo)?.length, 1, 'now one of three: en uses its own values, and the typo is reported');
  assert.ok(affected.includes(typo));
});

test('every page whose near-value findings change with a value is among the files affectedByChange returns', async () => {
  const authors = ['v-nocoll', 'v-nocoll', 'v-nocoll', 'v-nocol', 'v-noco', 'v-nocolll', 'ranadir', 'ranadi', 'celiak'];
  // Typos of a value many pages use are reported unless the folder follows the key's enum (ms.topic has one):
  // folders here tip between following it (partner-playbook) and not (user-guide).
  const topics = [...Array<string>(8).fill('partner-playbook'), 'partner-playbok', ...Array<string>(5).fill('user-guide'), 'user-guid', 'playbook', 'playbook'];
  const folders = ['en', 'en', 'en/sub', 'de', 'de/deep/er'];
  for (const seed of [1, 2, 3, 4]) {
    const r = random(seed);
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`${r.pick(folders)}/initiate-p${i}.md`] = page(r.pick(authors), r.pick(topics));
    const index = await indexOf(files);
    const paths = [...index.pagePaths()];
    for (let step = 0; step < 25; step++) {
      const path = r.pick(paths);
      const before = findings(index);
      const affected = new Set(await affectedByChange(index, path, 'content', () => index.setText(path, page(r.pick(authors), r.pick(topics)), step + 1)));
      const after = findings(index);
      for (const p of paths) {
        if (before.get(p) !== after.get(p)) assert.ok(affected.has(p), `seed ${seed}, step ${step}: ${p} changed with ${path} but was not reported`);
      }
    }
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';
import { processPage } from './helpers';

test('pages, edges, broken links and orphans as plain data', async () => {
  const ws = await open({
    'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'], exclude: ['**/includes/**'] }] } }),
    'en/toc.yml': '- name: A\n  href: initiate-a.md\n- name: Gone\n  href: gone.md\n- name: Anchor\n  href: initiate-a.md#nope\n',
    'en/initiate-a.md': processPage({ h1: 'Hold Kickoff' }) + '\n[b](assess-b.md) [b again](assess-b.md#overview) [bad](assess-b.md#nope) [missing](missing.md) ![img](media/none.png) [self](#objectives) [web](https://x.com)\n',
    'en/assess-b.md': processPage({ h1: 'Assess B', phase: 'Assess' }) + '\n[!INCLUDE [x](../includes/x.md)]\n[out](../../outside.md)\n',
    'en/orphan-c.md': '# Orphan\n\n[a](initiate-a.md)\n',
    'de/initiate-a-de.md': processPage({ h1: 'Kickoff', phase: 'Einleitung' }) + '\n[a](../en/initiate-a.md)\n',
    'includes/x.md': '---\ntitle: x\n---\n## X\n',
  });
  const g = ws.service.getLinkGraph()!;
  const rel = (p: string): string => p.slice(4);
  assert.deepEqual(g.pages.map((p) => [rel(p.path), p.title, p.kind, p.locale, p.phase ?? '-', p.phaseName ?? '-']), [
    ['de/initiate-a-de.md', 'Kickoff', 'process', 'de', 'initiate', 'Einleitung'],
    ['en/assess-b.md', 'Assess B', 'process', 'en', 'assess', 'Assess'],
    ['en/initiate-a.md', 'Hold Kickoff', 'process', 'en', 'initiate', 'Initiate'],
    ['en/orphan-c.md', 'Orphan', 'other', 'en', '-', '-'],
    ['includes/x.md', 'x', 'include', 'en', '-', '-'],
  ]);
  assert.deepEqual(g.edges.map((e) => `${rel(e.from)} -${e.kind}-> ${rel(e.to)} x${e.count}`), [
    'de/initiate-a-de.md -link-> en/initiate-a.md x1',
    'en/assess-b.md -include-> includes/x.md x1',
    'en/initiate-a.md -link-> en/assess-b.md x3',
    'en/orphan-c.md -link-> en/initiate-a.md x1',
  ]);
  assert.deepEqual(g.broken.map((b) => `${rel(b.from)} ${b.kind} ${b.reason} ${b.target} ${ws.text(b.from, b.span)}`), [
    'en/assess-b.md link outsideWorkspace ../../outside.md ../../outside.md',
    'en/initiate-a.md link noSuchHeading assess-b.md#nope assess-b.md#nope',
    'en/initiate-a.md link noSuchFile missing.md missing.md',
    'en/initiate-a.md image noSuchFile media/none.png media/none.png',
    'en/toc.yml toc noSuchFile gone.md gone.md',
    'en/toc.yml toc noSuchHeading initiate-a.md#nope initiate-a.md#nope',
  ]);
  // Nothing links to the German page or to orphan-c.md, and no toc lists them.
  assert.deepEqual(g.orphans.map(rel), ['de/initiate-a-de.md', 'en/orphan-c.md']);
  const de = ws.service.getLinkGraph({ locale: 'de' })!;
  assert.deepEqual([de.pages.length, de.edges.length, de.broken.length, de.orphans.length], [1, 1, 0, 1]);
  assert.equal(ws.service.getLinkGraph({}, () => true), undefined);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

async function indexOf(files: Record<string, string>): Promise<WorkspaceIndex> {
  const engine = createEngine(new MemoryWorkspace('/ws', files), defaultConfig({ today: TODAY }));
  await engine.index.load();
  return engine.index;
}

const LINKS = '## Overview\n\nSee [plan](plan.md#scope), ![logo](media/logo.png) and [the kickoff](../en/kickoff.md).\n\n[!INCLUDE [part](includes/part.md)]\n';

test('the facts give the spans, dates and cells the model has', async () => {
  const index = await indexOf({ 'en/a.md': processPage({ body: `${LINKS}\n| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n| --- | --- | --- | --- | --- |\n| 5101 | Send Agenda | M | FastTrack Manager | All Services |\n| 5102 |\n` }) });
  const doc = index.document('/ws/en/a.md')!;
  const facts = index.facts('/ws/en/a.md')!;
  assert.deepEqual(facts.titleSpan, doc.h1s[0]!.textSpan);
  assert.deepEqual(facts.lastUpdated, { year: 2026, month: 10, day: 2 }, 'the newest date of the refresh summary');
  assert.deepEqual(
    facts.links.map((l) => [l.kind, l.target.raw, l.targetSpan]),
    [...doc.links.map((l) => [l.kind, l.target.raw, l.targetSpan]), ...doc.includes.map((i) => ['include', i.target.raw, i.targetSpan])],
  );
  const [agenda, bare] = facts.taskRows;
  const rows = doc.taskTables[0]!.rows;
  assert.deepEqual([agenda!.id, agenda!.name, agenda!.idSpan, agenda!.nameSpan], ['5101', 'Send Agenda', rows[0]!.byColumn.id!.span, rows[0]!.byColumn.name!.span]);
  assert.deepEqual([agenda!.mandatory, agenda!.role, agenda!.services, agenda!.table, agenda!.row], ['M', 'FastTrack Manager', 'All Services', 0, 0]);
  assert.deepEqual([bare!.id, bare!.name, bare!.idSpan, bare!.nameSpan], ['5102', '', rows[1]!.byColumn.id!.span, undefined], 'a row without a name cell has no name span');
});

test('a page without an H1, refresh dates, links or task rows has empty facts of each', async () => {
  const index = await indexOf({ 'notes.md': 'Just text.\n' });
  const facts = index.facts('/ws/notes.md')!;
  assert.deepEqual(facts.titleSpan, { start: 0, end: 0 });
  assert.equal(facts.lastUpdated, undefined);
  assert.equal(facts.phase, undefined);
  assert.deepEqual([facts.links, facts.taskRows, facts.slugs, facts.frontMatter.entries()], [[], [], [], []]);
});

test('pages linking to a target written the same way share one target, and task tables one legend', async () => {
  const index = await indexOf({ 'en/a.md': processPage({ body: LINKS }), 'en/b.md': processPage({ body: LINKS }), 'en/c.md': processPage(), 'en/d.md': processPage() });
  const [a, b] = [index.facts('/ws/en/a.md')!, index.facts('/ws/en/b.md')!];
  assert.equal(a.links.length, 4);
  a.links.forEach((l, i) => assert.equal(l.target, b.links[i]!.target, l.target.raw));
  const [c, d] = [index.facts('/ws/en/c.md')!.taskRows[0]!, index.facts('/ws/en/d.md')!.taskRows[0]!];
  assert.equal(c.legend, d.legend);
  assert.deepEqual(c.legend, { mandatory: 'M', optional: 'O' });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { NodeWorkspace } from '../../server/src/cli/nodeWorkspace';

const CORPUS = '../shared/corpus';
const COUNTS = 'test/corpus-counts.json';
/** The corpus is a snapshot; its dates are judged as of this day so the counts do not drift with time. */
const CORPUS_TODAY = { year: 2026, month: 11, day: 1 };

test('the real corpus: every page modelled, no rule crashes, per-rule counts as committed', { skip: !existsSync(CORPUS) && 'no ../shared/corpus here' }, async () => {
  const engine = createEngine(new NodeWorkspace(CORPUS), defaultConfig({ today: CORPUS_TODAY }));
  await engine.index.load();
  const docs = engine.index.documents();
  assert.ok(docs.length >= 590, `only ${docs.length} pages modelled`);
  const results = lintWorkspace(engine.index, engine.rules);
  const counts: Record<string, number> = {};
  for (const diags of results.values()) for (const d of diags) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  const sorted = Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
  assert.equal(sorted['internal/rule-error'], undefined, 'a rule threw on a corpus page');
  if (process.env['UPDATE_CORPUS_COUNTS']) writeFileSync(COUNTS, JSON.stringify(sorted, null, 2) + '\n');
  const expected = JSON.parse(readFileSync(COUNTS, 'utf8')) as Record<string, number>;
  assert.deepEqual(sorted, expected, 'corpus findings changed: if deliberate, rerun with UPDATE_CORPUS_COUNTS=1 and commit test/corpus-counts.json');
});

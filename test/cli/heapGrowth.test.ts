import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { heapGrowthFlag, LINT_HEAP_GROWTH_PERCENT, SERVER_HEAP_GROWTH_PERCENT } from '../../server/src/cli/heapGrowth';

test('a lint run bounds the heap growth by default; the language server keeps more headroom', () => {
  assert.equal(heapGrowthFlag([], {}), `--heap-growing-percent=${LINT_HEAP_GROWTH_PERCENT}`);
  assert.equal(heapGrowthFlag([], {}, SERVER_HEAP_GROWTH_PERCENT), `--heap-growing-percent=${SERVER_HEAP_GROWTH_PERCENT}`);
  assert.ok(LINT_HEAP_GROWTH_PERCENT < SERVER_HEAP_GROWTH_PERCENT);
});

test("the user's own heap options win, on the command line or in NODE_OPTIONS", () => {
  assert.equal(heapGrowthFlag(['--max-old-space-size=4096'], {}), undefined);
  assert.equal(heapGrowthFlag(['--heap-growing-percent=20'], {}), undefined);
  assert.equal(heapGrowthFlag([], { NODE_OPTIONS: '--enable-source-maps --max-old-space-size=2048' }), undefined);
  assert.equal(heapGrowthFlag([], { NODE_OPTIONS: '--enable-source-maps' }), `--heap-growing-percent=${LINT_HEAP_GROWTH_PERCENT}`);
});

test('PLAYBOOK_LINT_HEAP_GROWTH sets the percentage, and 0 leaves V8 its default', () => {
  assert.equal(heapGrowthFlag([], { PLAYBOOK_LINT_HEAP_GROWTH: '100' }), '--heap-growing-percent=100');
  assert.equal(heapGrowthFlag([], { PLAYBOOK_LINT_HEAP_GROWTH: '0' }), undefined);
  assert.equal(heapGrowthFlag([], { PLAYBOOK_LINT_HEAP_GROWTH: 'lots' }), `--heap-growing-percent=${LINT_HEAP_GROWTH_PERCENT}`);
});

test('this Node knows the flag (V8 prints an error for a flag it does not know)', () => {
  const flag = heapGrowthFlag([], {})!;
  const r = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stdout + r.stderr, '');
  const unknown = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--heap-growing-percentage=50')`], { encoding: 'utf8' });
  assert.match(unknown.stdout + unknown.stderr, /unrecognized flag/);
});

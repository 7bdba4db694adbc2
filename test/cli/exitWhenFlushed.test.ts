import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { exitWhenFlushed, type FlushableStream } from '../../server/src/cli/exitWhenFlushed';
import { CLI, tempWorkspace } from './helpers';

/** A stream whose writes complete only when the test says so. */
class SlowStream implements FlushableStream {
  readonly callbacks: Array<() => void> = [];
  write(_chunk: string, callback: () => void): boolean {
    this.callbacks.push(callback);
    return false;
  }
}

test('the process ends only once every stream has written out what it was given, with the code', () => {
  const out = new SlowStream();
  const err = new SlowStream();
  const exits: number[] = [];
  exitWhenFlushed(3, [out, err], (c) => exits.push(c));
  assert.deepEqual(exits, []);
  out.callbacks.shift()!();
  assert.deepEqual(exits, [], 'standard error is still writing');
  err.callbacks.shift()!();
  assert.deepEqual(exits, [3]);
});

test('no streams, or a closed one, do not keep the process waiting', () => {
  const exits: number[] = [];
  exitWhenFlushed(0, [], (c) => exits.push(c));
  const closed: FlushableStream = { write: () => { throw new Error('write after end'); } };
  exitWhenFlushed(1, [closed], (c) => exits.push(c));
  assert.deepEqual(exits, [0, 1]);
});

test('a large report read slowly through a pipe arrives whole, and the exit code is kept', () => {
  const pages: Record<string, string> = {};
  for (let i = 0; i < 300; i++) pages[`docs/p${i}.md`] = `# P${i}\n\n[x](missing-${i}.md) [y](gone-${i}.md#nowhere)\n`;
  const ws = tempWorkspace(pages);
  // The shell reads nothing for a while, so the pipe fills and the CLI's writes wait.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" docs --format json | (sleep 0.3; cat)`], { cwd: ws, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length > 256 * 1024, 'more than a pipe holds');
  const report = JSON.parse(r.stdout) as { files: unknown[] };
  assert.equal(report.files.length, 300);
  const direct = spawnSync(process.execPath, [CLI, 'docs', '--format', 'json'], { cwd: ws, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(direct.status, 1, 'broken links are errors: exit code 1');
});

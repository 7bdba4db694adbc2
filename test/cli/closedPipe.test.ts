import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writerUntilClosed } from '../../server/src/cli/closedPipe';
import { CLI, tempWorkspace } from './helpers';

test('a reader that stops early gets no EPIPE stack trace, and the run keeps its exit code', async () => {
  const pages: Record<string, string> = {};
  for (let i = 0; i < 300; i++) pages[`docs/p${i}.md`] = `# P${i}\n\n[x](missing-${i}.md) [y](gone-${i}.md#nowhere)\n`;
  const ws = tempWorkspace(pages);
  const child = spawn(process.execPath, [CLI, 'docs', '--format', 'json'], { cwd: ws, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Read the first chunk, then close the pipe, as `| head -c 100` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(stderr, '');
  assert.equal(code, 1, 'broken links are errors: exit code 1');
});

test('once the reader of standard output has gone, writes are dropped; other stream errors still surface', () => {
  const written: string[] = [];
  let onError: ((e: NodeJS.ErrnoException) => void) | undefined;
  const stream = { write: (s: string) => (written.push(s), true), on: (_event: 'error', listener: (e: NodeJS.ErrnoException) => void) => (onError = listener) };
  const write = writerUntilClosed(stream);
  write('first\n');
  onError!(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
  write('second\n');
  assert.deepEqual(written, ['first\n']);
  assert.throws(() => onError!(Object.assign(new Error('disk full'), { code: 'ENOSPC' })), /disk full/);
});

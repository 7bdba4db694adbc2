import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeLine, readStoredLines } from '../../server/src/cli/cacheStore';
import { tempWorkspace } from './helpers';

// The --cache file is read only as far as its first two lines; the outlines after them come later, and
// from the same file.

const header = '{"format":4}';
const lastRun = `{"findings":"${'x'.repeat(5000)}"}`;
const outlines = Array.from({ length: 300 }, (_, i) => `h${i} {"i":${i}}`).join('\n') + '\n';

test('the first two lines are decoded, however long, and the outlines follow on demand', () => {
  const ws = tempWorkspace({ cache: `${header}\n${lastRun}\n${outlines}` });
  for (const firstRead of [1, 7, 64, 5000, 1 << 20]) {
    const stored = readStoredLines(join(ws, 'cache'), firstRead)!;
    assert.equal(stored.header, header, `first read of ${firstRead} bytes`);
    assert.equal(stored.lastRun, lastRun);
    assert.equal(decodeLine(stored.outlines()), outlines);
    assert.equal(decodeLine(stored.outlines()), outlines, 'a second call gives the same');
    stored.close();
  }
});

test('a file of one line, of two, or empty', () => {
  const ws = tempWorkspace({ one: header, two: `${header}\n${lastRun}`, twoAndNewline: `${header}\n${lastRun}\n`, empty: '' });
  const read = (name: string) => {
    const s = readStoredLines(join(ws, name), 16)!;
    return { header: s.header, lastRun: s.lastRun, outlines: decodeLine(s.outlines()) };
  };
  assert.deepEqual(read('one'), { header, lastRun: '', outlines: '' });
  assert.deepEqual(read('two'), { header, lastRun, outlines: '' });
  assert.deepEqual(read('twoAndNewline'), { header, lastRun, outlines: '' });
  assert.deepEqual(read('empty'), { header: '', lastRun: '', outlines: '' });
  assert.equal(readStoredLines(join(ws, 'missing')), undefined);
});

test('the outlines are those of the file that was opened, even when another run has replaced it since', { skip: process.platform === 'win32' }, () => {
  const ws = tempWorkspace({ cache: `${header}\n${lastRun}\n${outlines}`, newer: `${header}\n{"other":1}\nzz {"z":1}\n` });
  const stored = readStoredLines(join(ws, 'cache'), 64)!;
  renameSync(join(ws, 'newer'), join(ws, 'cache'));
  writeFileSync(join(ws, 'unrelated'), 'x');
  assert.equal(decodeLine(stored.outlines()), outlines);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, MAX_TEXT_BYTES } from '../../server/src/engine/workspace/decode';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const problemOf = (b: Uint8Array): string | undefined => {
  const r = decodeText(b);
  return 'problem' in r ? r.problem.code : undefined;
};

test('UTF-8 bytes decode to text, byte-order mark kept', () => {
  assert.deepEqual(decodeText(bytes('\ufeff# Réunion\n')), { text: '\ufeff# Réunion\n' });
  assert.deepEqual(decodeText(new Uint8Array(0)), { text: '' });
});

test('a NUL byte in the first 8 KB makes the file binary; one later does not', () => {
  const at = (i: number, length: number): Uint8Array => {
    const b = new Uint8Array(length).fill(0x61);
    b[i] = 0;
    return b;
  };
  assert.equal(problemOf(at(0, 10)), 'binary');
  assert.equal(problemOf(at(9, 10)), 'binary');
  assert.equal(problemOf(at(8191, 9000)), 'binary');
  assert.equal(problemOf(at(8192, 9000)), undefined);
  // A view into a larger buffer is searched from its own start.
  const backing = new Uint8Array(100).fill(0x61);
  backing[10] = 0;
  assert.equal(problemOf(backing.subarray(20)), undefined);
  assert.equal(problemOf(backing.subarray(5)), 'binary');
});

test('a file over the size limit is reported, not decoded', () => {
  assert.equal(problemOf(new Uint8Array(MAX_TEXT_BYTES + 1)), 'too-large');
  assert.equal(problemOf(new Uint8Array(MAX_TEXT_BYTES).fill(0x61)), undefined);
});

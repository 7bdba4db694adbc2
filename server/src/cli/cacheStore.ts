import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { batched, writeAllSync } from './batchedWrites';

/** The `--cache` file: its first two lines decoded, the rest (the outlines, a line each) left as bytes until needed. */
export interface StoredLines {
  readonly header: string;
  readonly lastRun: string;
  /** Every line after the second, undecoded: a replay never needs them, a failed replay decodes them, a refresh copies them. */
  readonly outlines: Uint8Array;
}

const NEWLINE = 0x0a;

/** Reads the cache file as bytes and decodes its first two lines; undefined when it cannot be read. */
export function readStoredLines(file: string): StoredLines | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const end1 = bytes.indexOf(NEWLINE);
  if (end1 < 0) return { header: bytes.toString('utf8'), lastRun: '', outlines: new Uint8Array(0) };
  const end2 = bytes.indexOf(NEWLINE, end1 + 1);
  const lastRunEnd = end2 < 0 ? bytes.length : end2;
  return {
    header: bytes.toString('utf8', 0, end1),
    lastRun: bytes.toString('utf8', end1 + 1, lastRunEnd),
    outlines: end2 < 0 ? new Uint8Array(0) : bytes.subarray(end2 + 1),
  };
}

/** Decodes lines kept as bytes. */
export function decodeLine(line: Uint8Array): string {
  return Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8');
}

/** How much is gathered before a write: one system call per 64 KB, not one per piece. */
const CHUNK = 64 * 1024;

/**
 * Writes the cache file from its pieces, in order and as they come (the caller puts the newlines), to a
 * temporary file renamed over the file, so a reader sees the old file or the new one, never half of one.
 * The pieces may be produced while writing, so a large file never exists whole in memory. Throws when it
 * cannot be written (the temporary file is removed).
 */
export function writeStoredFile(file: string, pieces: Iterable<string | Uint8Array>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(nodePath.dirname(file), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      for (const batch of batched(pieces, CHUNK)) writeAllSync(fd, typeof batch === 'string' ? Buffer.from(batch, 'utf8') : batch);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
    throw e;
  }
}

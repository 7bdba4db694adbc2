import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The `--cache` file's lines: the first two decoded, the rest (the outlines) left as bytes until needed. */
export interface StoredLines {
  readonly header: string;
  readonly lastRun: string;
  /** The outlines line, undecoded: a replay never needs it, a failed replay decodes it, a refresh copies it. */
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
  let outlinesEnd = bytes.length;
  if (end2 >= 0) {
    const end3 = bytes.indexOf(NEWLINE, end2 + 1);
    if (end3 >= 0) outlinesEnd = end3;
  }
  return {
    header: bytes.toString('utf8', 0, end1),
    lastRun: bytes.toString('utf8', end1 + 1, lastRunEnd),
    outlines: end2 < 0 ? new Uint8Array(0) : bytes.subarray(end2 + 1, outlinesEnd),
  };
}

/** Decodes the outlines line kept as bytes. */
export function decodeLine(line: Uint8Array): string {
  return Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8');
}

/**
 * Writes the cache file's lines (each followed by a newline) to a temporary file and renames it over the
 * file, so a reader sees the old file or the new one, never half of one. Throws when it cannot be written
 * (the temporary file is removed).
 */
export function writeStoredLines(file: string, lines: ReadonlyArray<string | Uint8Array>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(nodePath.dirname(file), { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      const newline = Buffer.from('\n');
      for (const line of lines) {
        const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
        for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
        writeSync(fd, newline);
      }
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

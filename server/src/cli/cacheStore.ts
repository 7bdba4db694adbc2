import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { batched, writeAllSync } from './batchedWrites';

/** The `--cache` file: its first two lines decoded, the rest (the outlines, a line each) read only when wanted. */
export interface StoredLines {
  readonly header: string;
  readonly lastRun: string;
  /**
   * Every line after the second, undecoded: a replay never needs them, a failed replay decodes them, a
   * refresh copies them. Read on first call from the file opened for the first two lines (so they are that
   * file's, even if another run has replaced it since), which is then closed; later calls give the same.
   */
  outlines(): Uint8Array;
  /** Closes the file when the outlines are not wanted (a replay that needs no refresh). */
  close(): void;
}

const NEWLINE = 0x0a;

/** How much of the file is read at first: the header and the last run's line of a small tree. */
const FIRST_READ = 1024 * 1024;

/**
 * Opens the cache file and decodes its first two lines, reading no further than they end (on the corpus
 * the outlines are 3.9 MB of a 5 MB file, which a replay does not need); undefined when it cannot be read.
 */
export function readStoredLines(file: string, firstRead: number = FIRST_READ): StoredLines | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  try {
    // Read until the second line ends (or the file does), doubling the buffer as the line needs.
    let buffer = Buffer.allocUnsafe(Math.max(1, firstRead));
    let filled = 0;
    let end1 = -1;
    let end2 = -1;
    let eof = false;
    while (end2 < 0 && !eof) {
      if (filled === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) eof = true;
      const from = filled;
      filled += n;
      if (end1 < 0) {
        end1 = buffer.subarray(0, filled).indexOf(NEWLINE, from);
        if (end1 >= 0) end2 = buffer.subarray(0, filled).indexOf(NEWLINE, end1 + 1);
      } else {
        end2 = buffer.subarray(0, filled).indexOf(NEWLINE, from);
      }
    }
    const header = buffer.toString('utf8', 0, end1 < 0 ? filled : end1);
    const lastRun = end1 < 0 ? '' : buffer.toString('utf8', end1 + 1, end2 < 0 ? filled : end2);
    // What was read past the second line, the start of the outlines, copied so that the buffer (as large as
    // the last run's line, 44 MB on a big tree) is not held until the outlines are wanted.
    let head: Buffer | undefined = end2 < 0 ? Buffer.alloc(0) : Buffer.from(buffer.subarray(end2 + 1, filled));
    if (eof) close();
    let rest: Uint8Array | undefined;
    return {
      header,
      lastRun,
      outlines: () => {
        if (rest === undefined) {
          const pieces: Buffer[] = [head!];
          let total = head!.length;
          head = undefined;
          try {
            while (open) {
              const chunk = Buffer.allocUnsafe(FIRST_READ);
              const n = readSync(fd, chunk, 0, chunk.length, null);
              if (n === 0) break;
              pieces.push(chunk.subarray(0, n));
              total += n;
            }
          } catch {
            // A file that cannot be read further keeps the outlines read so far; a cut line is skipped when decoded.
          } finally {
            close();
          }
          rest = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, total);
        }
        return rest;
      },
      close,
    };
  } catch {
    close();
    return undefined;
  }
}

/** Decodes lines kept as bytes. */
export function decodeLine(line: Uint8Array): string {
  return Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8');
}

/** How much is gathered before a write: one system call per 64 KB, not one per piece. */
const CHUNK = 64 * 1024;

/** Permissions of a stored file and of the folders made for it (the compile cache keeps them to its owner). */
export interface StoredFileModes {
  readonly file?: number;
  readonly folder?: number;
}

/**
 * Writes a cache file (`--cache`, the compile cache) from its pieces, in order and as they come (the caller
 * puts the newlines), to a temporary file renamed over the file, so a reader sees the old file or the new
 * one, never half of one. The pieces may be produced while writing, so a large file never exists whole in
 * memory. Throws when it cannot be written (the temporary file is removed).
 */
export function writeStoredFile(file: string, pieces: Iterable<string | Uint8Array>, modes: StoredFileModes = {}): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(nodePath.dirname(file), { recursive: true, ...(modes.folder !== undefined ? { mode: modes.folder } : {}) });
    const fd = openSync(tmp, 'w', modes.file);
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

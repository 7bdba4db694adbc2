import { statSync } from 'node:fs';
import { toNative } from './nodeWorkspace';

/**
 * What the file system says about a file without reading it: size, modification time, status-change time
 * and inode, as `[size, mtimeMs, ctimeMs, ino]`. The `--cache` replay takes a file whose stamp is the one
 * recorded with its content hash as unchanged, the way git's index does (see `isRacy` for the exception).
 */
export type FileStamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/**
 * How far before the start of a run a file's times must lie for its stamp to be trusted. File systems keep
 * times coarser than the clock (FAT: 2 s; HFS+, ext3 and many network shares: 1 s; the kernel's coarse
 * clock: a tick), so a file written just after the run started can carry a time from just before it.
 */
export const RACY_MARGIN_MS = 3000;

/** The stamp of a file on disk (an engine path), or undefined when there is none (missing, or not a file). */
export function stampOf(path: string): FileStamp | undefined {
  let s;
  try {
    s = statSync(toNative(path), { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  return s?.isFile() ? [s.size, s.mtimeMs, s.ctimeMs, s.ino] : undefined;
}

/** True when two stamps say the same (a value read back from the cache file may be anything). */
export function sameStamp(a: FileStamp, b: unknown): boolean {
  return Array.isArray(b) && b.length === a.length && a.every((v, i) => v === b[i]);
}

/**
 * True when a stamp cannot vouch for the content hashed with it: the file was modified or changed (its
 * mtime or ctime) no earlier than `RACY_MARGIN_MS` before `startedMs`, the moment the recording run started
 * reading. Such a file can have been written again in the same clock tick after it was hashed, keeping its
 * size and times ("racily clean" in git's terms), so it is read and hashed again instead.
 */
export function isRacy(stamp: FileStamp, startedMs: number): boolean {
  const limit = startedMs - RACY_MARGIN_MS;
  return stamp[1] >= limit || stamp[2] >= limit;
}

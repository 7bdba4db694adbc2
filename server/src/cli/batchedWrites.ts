import { writeSync } from 'node:fs';

/** Writes all of `bytes` to an open file (one write may take only part of them). */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

/**
 * The pieces of a long output gathered into batches: text pieces are joined until a batch holds at least
 * `size` characters (one write per batch, not one per piece); byte pieces pass through as they are, after
 * the text gathered before them. Pieces are taken as they come, so the whole output never exists at once.
 */
export function batched(pieces: Iterable<string>, size: number): Generator<string>;
export function batched(pieces: Iterable<string | Uint8Array>, size: number): Generator<string | Uint8Array>;
export function* batched(pieces: Iterable<string | Uint8Array>, size: number): Generator<string | Uint8Array> {
  let pending: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (pending.length > 0) yield pending.join('');
      pending = [];
      length = 0;
      yield piece;
      continue;
    }
    pending.push(piece);
    length += piece.length;
    if (length < size) continue;
    yield pending.join('');
    pending = [];
    length = 0;
  }
  if (pending.length > 0) yield pending.join('');
}

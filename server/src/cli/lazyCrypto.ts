import type * as NodeCrypto from 'node:crypto';

/**
 * `node:crypto`, loaded on first use. Loading it is ~3 ms, a noticeable part of a `--cache` run that
 * replays the last findings, which hashes nothing when every file's stamp is unchanged; so no module of
 * the CLI imports it at its top.
 */
let loaded: typeof NodeCrypto | undefined;
function crypto(): typeof NodeCrypto {
  // A plain `require`, which the bundler keeps at this call site (an `import` would run at load).
  loaded ??= require('node:crypto') as typeof NodeCrypto;
  return loaded;
}

/** The SHA-1 of bytes or of a string's UTF-8, in base64url (27 characters). */
export function sha1(data: string | Uint8Array): string {
  return crypto().createHash('sha1').update(data).digest('base64url');
}

/** The SHA-256 of a string's UTF-8, in hexadecimal. */
export function sha256Hex(text: string): string {
  return crypto().createHash('sha256').update(text).digest('hex');
}

/** `n` random bytes in hexadecimal. */
export function randomHex(n: number): string {
  return crypto().randomBytes(n).toString('hex');
}

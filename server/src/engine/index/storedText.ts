/**
 * A page text as the index keeps it between models: a text of Latin-1 characters only stays a string
 * (V8 stores it one byte per character); any other text is kept as UTF-8 (a third or half of its size
 * as a two-byte string for mostly-Latin pages) and decoded when the page is modelled again.
 */

/** A kept page text. */
export type StoredText = string | Uint8Array;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** True when `text` has a lone surrogate (UTF-8 cannot carry it, so it is kept as a string). */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** The compact form of a text; `utf8` may be given when the caller has the text's UTF-8 bytes already. */
export function storeText(text: string, utf8?: Uint8Array): StoredText {
  if (!/[^\u0000-\u00ff]/.test(text) || hasLoneSurrogate(text)) return text;
  if (utf8 && utf8.byteOffset === 0 && utf8.byteLength === utf8.buffer.byteLength) return utf8;
  return encoder.encode(text);
}

/** A checksum of a file's bytes (length and FNV-1a): tells whether a file read again is the one indexed. */
export function fingerprint(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return `${bytes.length}:${(h >>> 0).toString(36)}`;
}

/** The text back. */
export function loadText(stored: StoredText): string {
  return typeof stored === 'string' ? stored : decoder.decode(stored);
}

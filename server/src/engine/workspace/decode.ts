import type { ParseProblem } from '../model/document';
import { span } from '../text/span';
import { t } from '../util/l10n';

/** Files larger than this are reported, not parsed. */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;

/** How far into a file a NUL byte makes it binary. */
const BINARY_PROBE_BYTES = 8192;

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes a file's bytes as UTF-8 text (BOM kept), or says why it is not a text file. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: ParseProblem } {
  if (bytes.length > MAX_TEXT_BYTES) {
    return { problem: { code: 'too-large', message: t('The file is {0} MB, larger than the {1} MB a playbook page may be; it was not checked.', (bytes.length / 1048576).toFixed(1), MAX_TEXT_BYTES / 1048576), span: span(0, 0) } };
  }
  // A NUL in the first 8 KB: the typed array's own search, several times faster than a loop in JavaScript.
  if (bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0) >= 0) {
    return { problem: { code: 'binary', message: t('The file contains NUL bytes: it is binary, not Markdown, and was not checked.'), span: span(0, 0) } };
  }
  return { text: decoder.decode(bytes) };
}

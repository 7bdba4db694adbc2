/**
 * Front matter written the plain way — one `key: value` per line, comment lines and blank lines between —
 * read without the YAML parser. Nearly every page's front matter is like that, and `yaml` costs about a
 * third of building a page model.
 *
 * The reader gives exactly the entries `yaml` (version 1.2, core schema, `uniqueKeys: false`) would, or
 * nothing at all: as soon as a line is anything but the plain forms below it returns undefined and the
 * caller parses with `yaml`. Plain forms, each line starting at column 0:
 *
 * - blank (spaces only) or a comment (`#` first);
 * - `key:` then nothing but spaces (a null value), or `key:`, spaces and a value, where `key` is a word of
 *   ASCII letters, digits, `_`, `.` and `-` starting with a letter or `_` (and not `true`, `null`, ...),
 *   and the value is
 *   - a plain scalar YAML reads as a string: no indicator first, no `: `, ` #` or tab in it, no `:` last,
 *     and not something YAML would read as a number, a boolean or null;
 *   - a single-quoted scalar (`''` for a quote) or a double-quoted one without escapes, on one line,
 *     followed by nothing but spaces.
 *
 * A tab, a carriage return that does not end a line, a control character, a non-ASCII line break or a
 * byte-order mark anywhere sends the whole block to `yaml`.
 */

/** One `key: value` line read by the plain reader; offsets are into the content it was given. */
export interface PlainEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** The value as YAML reads it: a string, or null for an empty value. */
  readonly value: string | null;
  /** Where the value's source text starts and ends (inside the quotes of a quoted value). */
  readonly valueStart: number;
  readonly valueEnd: number;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*/;
/** Keys YAML would read as something other than the same string. */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** Characters that make a block go to `yaml`: tabs, control characters, NEL, line and paragraph separators, BOM, noncharacters. */
const UNSAFE = /[\u0000-\u0008\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** First characters of a plain scalar that YAML treats as indicators (or that start a quoted scalar). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** Values YAML reads as null or a boolean. */
const NULL_OR_BOOL = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/**
 * What the YAML 1.2 core schema reads as a number (the `yaml` package's tests, one by one): octal, decimal
 * and hexadecimal integers, infinities and not-a-number, floats with and without an exponent. Such values
 * go to `yaml`; a value that merely starts like one (`40-percent-forecast-tab`, `2019-10-22`) is a string.
 */
const NUMBER_LIKE = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/**
 * Reads `content` (the text between the front-matter fences) when it is plain `key: value` lines;
 * undefined when any line needs the YAML parser.
 */
export function readPlainEntries(content: string): PlainEntry[] | undefined {
  if (UNSAFE.test(content)) return undefined;
  const entries: PlainEntry[] = [];
  let lineStart = 0;
  while (lineStart < content.length) {
    let lineEnd = content.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = content.length;
    const next = lineEnd + 1;
    if (lineEnd > lineStart && content.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = content.slice(lineStart, lineEnd);
    if (line.includes('\r')) return undefined;
    const entry = isBlankOrComment(line) ? null : readEntry(line, lineStart);
    if (entry === undefined) return undefined;
    if (entry) entries.push(entry);
    lineStart = next;
  }
  return entries;
}

function isBlankOrComment(line: string): boolean {
  if (line.charCodeAt(0) === 35 /* # */) return true;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) !== 32) return false;
  return true;
}

/** One `key: value` line starting at `at`; undefined when it is not a plain one. */
function readEntry(line: string, at: number): PlainEntry | undefined {
  const m = KEY.exec(line);
  if (!m) return undefined;
  const key = m[0];
  if (key.length > 512 || SPECIAL_KEY.test(key) || line.charCodeAt(key.length) !== 58 /* : */) return undefined;
  const afterColon = key.length + 1;
  let valueStart = afterColon;
  while (line.charCodeAt(valueStart) === 32) valueStart++;
  if (valueStart >= line.length) return { key, keyStart: at, keyEnd: at + key.length, value: null, valueStart: at + valueStart, valueEnd: at + valueStart };
  if (valueStart === afterColon) return undefined; // `key:value` is a plain scalar, not a pair
  const first = line[valueStart];
  if (first === "'" || first === '"') return quoted(line, key, valueStart, at);
  let valueEnd = line.length;
  while (line.charCodeAt(valueEnd - 1) === 32) valueEnd--;
  const value = line.slice(valueStart, valueEnd);
  if (INDICATOR.test(value) || value.includes(': ') || value.includes(' #') || value.endsWith(':')) return undefined;
  if (NULL_OR_BOOL.test(value) || NUMBER_LIKE.test(value)) return undefined;
  return { key, keyStart: at, keyEnd: at + key.length, value, valueStart: at + valueStart, valueEnd: at + valueEnd };
}

/** A quoted value from `open` (its quote) to the end of the line. */
function quoted(line: string, key: string, open: number, at: number): PlainEntry | undefined {
  const q = line[open]!;
  let value = '';
  let i = open + 1;
  let from = i;
  for (;;) {
    const close = line.indexOf(q, i);
    if (close < 0) return undefined; // continues on the next line
    if (q === "'" && line[close + 1] === "'") {
      value += line.slice(from, close + 1);
      i = from = close + 2;
      continue;
    }
    value += line.slice(from, close);
    i = close + 1;
    break;
  }
  for (let k = i; k < line.length; k++) if (line.charCodeAt(k) !== 32) return undefined;
  if (q === '"' && value.includes('\\')) return undefined;
  return { key, keyStart: at, keyEnd: at + key.length, value, valueStart: at + open + 1, valueEnd: at + i - 1 };
}

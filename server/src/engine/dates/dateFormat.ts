/**
 * Dates in refresh-summary tables: parsing against a locale's accepted formats, validation,
 * comparison, and writing a date back in a page's own style.
 *
 * A format is a string of tokens `YYYY` `YY` `MM` `M` `DD` `D`; every other character is a
 * literal, except that a run of whitespace matches any run of whitespace (or none) in the text.
 */

/** A calendar date; `month` and `day` are 1-based. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The result of matching a date string against the accepted formats. */
export interface DateMatch {
  /** The format whose shape the text matched. */
  format: string;
  /** The date, when the text is a real calendar date. */
  date?: CalendarDate;
  /** why the text matched a format's shape but is not a real date */
  invalid?: 'month' | 'day' | 'year';
}

type Token = 'YYYY' | 'YY' | 'MM' | 'M' | 'DD' | 'D';

type Part =
  | { readonly kind: 'token'; readonly token: Token }
  | { readonly kind: 'space' }
  | { readonly kind: 'literal'; readonly text: string };

interface CompiledFormat {
  readonly parts: readonly Part[];
  readonly regex: RegExp;
}

const TOKENS: readonly Token[] = ['YYYY', 'YY', 'MM', 'M', 'DD', 'D'];

const TOKEN_PATTERN: Record<Token, string> = {
  YYYY: '([0-9]{4})',
  YY: '([0-9]{2})',
  MM: '([0-9]{1,2})',
  M: '([0-9]{1,2})',
  DD: '([0-9]{1,2})',
  D: '([0-9]{1,2})',
};

const compiled = new Map<string, CompiledFormat>();

/** Splits a format into tokens, whitespace runs and literal characters. */
function tokenize(format: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      parts.push({ kind: 'token', token });
      i += token.length;
      continue;
    }
    const space = /^\s+/.exec(format.slice(i));
    if (space) {
      parts.push({ kind: 'space' });
      i += space[0].length;
      continue;
    }
    const last = parts[parts.length - 1];
    if (last?.kind === 'literal') parts[parts.length - 1] = { kind: 'literal', text: last.text + format[i] };
    else parts.push({ kind: 'literal', text: format[i]! });
    i++;
  }
  return parts;
}

/** The compiled form of `format`, built once per distinct format string. */
function compile(format: string): CompiledFormat {
  let entry = compiled.get(format);
  if (!entry) {
    const parts = tokenize(format);
    const source = parts
      .map((p) => (p.kind === 'token' ? TOKEN_PATTERN[p.token] : p.kind === 'space' ? '(\\s*)' : escapeRegex(p.text)))
      .join('');
    entry = { parts, regex: new RegExp(`^${source}$`) };
    compiled.set(format, entry);
  }
  return entry;
}

/** Escapes regular-expression metacharacters. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A format's shape matched against trimmed text: the parts paired with the captured text. */
interface ShapeMatch {
  readonly parts: readonly Part[];
  /** Captured text of each token or space part, in part order (literals have none). */
  readonly captures: readonly string[];
}

/** Matches `text` (already trimmed) against one format's shape. */
function matchShape(text: string, format: string): ShapeMatch | undefined {
  const { parts, regex } = compile(format);
  const m = regex.exec(text);
  return m ? { parts, captures: m.slice(1) } : undefined;
}

/** Builds the date of a shape match, or says which field makes it impossible. */
function evaluate(format: string, shape: ShapeMatch): DateMatch {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let c = 0;
  for (const part of shape.parts) {
    if (part.kind === 'literal') continue;
    const captured = shape.captures[c++]!;
    if (part.kind !== 'token') continue;
    const value = Number(captured);
    if (part.token === 'YYYY') year = value;
    else if (part.token === 'YY') year = 2000 + value;
    else if (part.token === 'MM' || part.token === 'M') month = value;
    else day = value;
  }
  if (year === undefined || year < 1 || year > 9999) return { format, invalid: 'year' };
  if (month === undefined || month < 1 || month > 12) return { format, invalid: 'month' };
  const date = { year, month, day: day ?? 0 };
  if (!isValidCalendarDate(date)) return { format, invalid: 'day' };
  return { format, date };
}

/**
 * Tries each format (tokens YYYY YY M MM D DD; other characters literal; any run of whitespace in
 * the format matches \s* in the text) in order; returns the first format whose shape matches, with
 * the date if it is a real calendar date. undefined when no format's shape matches.
 *
 * `M`/`MM` and `D`/`DD` each accept one or two digits, `YYYY` exactly four and `YY` exactly two
 * (read as 20YY). The text is trimmed and must match as a whole.
 *
 * When several shapes match, a format that yields a real date wins over an earlier one that does
 * not (so `02/13/2019` against `['DD/MM/YYYY', 'MM/DD/YYYY']` is 13 February); only when no match
 * is a real date is the first shape match returned with its `invalid` reason. A format without a
 * year, month or day token reports that field as invalid.
 */
export function parseDate(text: string, formats: readonly string[]): DateMatch | undefined {
  const trimmed = text.trim();
  let firstInvalid: DateMatch | undefined;
  for (const format of formats) {
    const shape = matchShape(trimmed, format);
    if (!shape) continue;
    const result = evaluate(format, shape);
    if (result.date) return result;
    firstInvalid ??= result;
  }
  return firstInvalid;
}

/** Pads a non-negative integer with leading zeros to `width` digits. */
function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Writes `date` in `format`: `M`/`D` unpadded, `MM`/`DD` two digits, `YYYY` four, `YY` the last two. */
export function formatDate(date: CalendarDate, format: string): string {
  let out = '';
  let spaceIndex = 0;
  const spaces = format.match(/\s+/g) ?? [];
  for (const part of compile(format).parts) {
    if (part.kind === 'literal') out += part.text;
    else if (part.kind === 'space') out += spaces[spaceIndex++] ?? ' ';
    else out += formatToken(date, part.token);
  }
  return out;
}

/** Writes one field of `date`. */
function formatToken(date: CalendarDate, token: Token): string {
  switch (token) {
    case 'YYYY':
      return pad(date.year, 4);
    case 'YY':
      return pad(((date.year % 100) + 100) % 100, 2);
    case 'MM':
      return pad(date.month, 2);
    case 'M':
      return String(date.month);
    case 'DD':
      return pad(date.day, 2);
    case 'D':
      return String(date.day);
  }
}

/** Negative when `a` is before `b`, positive when after, 0 when the same day. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whether `year` is a Gregorian leap year. */
function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `d` is a real Gregorian date with integer fields and a year from 1 to 9999. */
export function isValidCalendarDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  const max = d.month === 2 && isLeapYear(d.year) ? 29 : DAYS_IN_MONTH[d.month - 1]!;
  return d.day <= max;
}

/**
 * Infers the format an existing date string uses, so a fix can write a new date in the page's own
 * style (e.g. '09/27/2019' → 'MM/DD/YYYY', '5/2/19' → 'M/D/YY').
 *
 * The format is the one {@link parseDate} picks, refined by the text: a one-digit month or day
 * gives `M`/`D`, a two-digit one starting with `0` gives `MM`/`DD`. A value of 10 or more cannot
 * tell, so it follows the other field when that one shows a padding (`09/27/2019` → `MM/DD`,
 * `5/27/2019` → `M/D`) and otherwise keeps the format's own token. Whitespace is copied from the
 * text, so `2019年9月26日` against `YYYY 年 M 月 D 日` gives `YYYY年M月D日`. Impossible dates
 * still have a style; undefined when no format's shape matches.
 */
export function inferStyle(text: string, formats: readonly string[]): string | undefined {
  const trimmed = text.trim();
  const picked = parseDate(trimmed, formats);
  if (!picked) return undefined;
  const shape = matchShape(trimmed, picked.format)!;
  const padding = paddingEvidence(shape);
  let out = '';
  let c = 0;
  for (const part of shape.parts) {
    if (part.kind === 'literal') {
      out += part.text;
      continue;
    }
    const captured = shape.captures[c++]!;
    out += part.kind === 'space' ? captured : inferToken(part.token, captured, padding);
  }
  return out;
}

/** Whether the month and day fields of a match show padding (`true`), none (`false`), or both or neither. */
function paddingEvidence(shape: ShapeMatch): boolean | undefined {
  let padded = false;
  let bare = false;
  let c = 0;
  for (const part of shape.parts) {
    if (part.kind === 'literal') continue;
    const captured = shape.captures[c++]!;
    if (part.kind !== 'token' || part.token === 'YYYY' || part.token === 'YY') continue;
    if (captured.length === 1) bare = true;
    else if (captured.startsWith('0')) padded = true;
  }
  return padded === bare ? undefined : padded;
}

/** The token width a captured month or day shows; years are kept as they are. */
function inferToken(token: Token, captured: string, padding: boolean | undefined): Token {
  if (token === 'YYYY' || token === 'YY') return token;
  const isMonth = token === 'MM' || token === 'M';
  const bare: Token = isMonth ? 'M' : 'D';
  const padded: Token = isMonth ? 'MM' : 'DD';
  if (captured.length === 1) return bare;
  if (captured.startsWith('0')) return padded;
  if (padding === undefined) return token;
  return padding ? padded : bare;
}

/**
 * The numeric fields `text` shows when read in `format` (a field the format lacks is absent), even
 * when they make no real date: what a message needs to explain why `2/30/2020` is impossible.
 * undefined when the text does not have the format's shape.
 */
export function dateFields(text: string, format: string): Partial<CalendarDate> | undefined {
  const shape = matchShape(text.trim(), format);
  if (!shape) return undefined;
  const fields: Partial<CalendarDate> = {};
  let c = 0;
  for (const part of shape.parts) {
    if (part.kind === 'literal') continue;
    const value = Number(shape.captures[c++]!);
    if (part.kind !== 'token') continue;
    if (part.token === 'YYYY') fields.year = value;
    else if (part.token === 'YY') fields.year = 2000 + value;
    else if (part.token === 'MM' || part.token === 'M') fields.month = value;
    else fields.day = value;
  }
  return fields;
}

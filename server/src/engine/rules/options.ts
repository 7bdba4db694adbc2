import picomatch from 'picomatch';
import type { PlaybookDocument } from '../model/document';
import { basename } from '../util/paths';

/** A rule's options, as configuration gives them. */
export type RuleOptions = Readonly<Record<string, unknown>>;

/** A string-list option, or `fallback` when it is absent or not a list of strings. */
export function stringListOption(options: RuleOptions, key: string, fallback: readonly string[]): readonly string[] {
  const v = options[key];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : fallback;
}

/** A non-negative number option, or `fallback`. */
export function numberOption(options: RuleOptions, key: string, fallback: number): number {
  const v = options[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** A non-negative whole-number option, or `fallback` (a fractional value is rounded down). */
export function integerOption(options: RuleOptions, key: string, fallback: number): number {
  const v = numberOption(options, key, Number.NaN);
  return Number.isNaN(v) ? fallback : Math.floor(v);
}

/** A boolean option, or `fallback`. */
export function booleanOption(options: RuleOptions, key: string, fallback: boolean): boolean {
  const v = options[key];
  return typeof v === 'boolean' ? v : fallback;
}

/** A non-empty string option, or `fallback`. */
export function stringOption(options: RuleOptions, key: string, fallback: string): string {
  const v = options[key];
  return typeof v === 'string' && v !== '' ? v : fallback;
}

/** A string-to-string map option, or undefined when it is absent or malformed. */
export function recordOption(options: RuleOptions, key: string): Readonly<Record<string, string>> | undefined {
  const v = options[key];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.every(([, x]) => typeof x === 'string') ? (v as Record<string, string>) : undefined;
}

const globCache = new Map<string, (p: string) => boolean>();

/**
 * True when the page matches one of the entries: a page kind (`process`) or a file-name glob
 * (`l1l2l3-*`, case-insensitive); a glob containing `/` is matched against the whole path.
 */
export function pageMatches(doc: PlaybookDocument, entries: readonly string[]): boolean {
  for (const entry of entries) {
    if (entry === doc.kind) return true;
    let m = globCache.get(entry);
    if (!m) {
      m = entry.includes('/') ? picomatch(entry, { dot: true, contains: true, nocase: true }) : picomatch(entry, { dot: true, nocase: true });
      globCache.set(entry, m);
    }
    if (m(entry.includes('/') ? doc.path : basename(doc.path))) return true;
  }
  return false;
}

/**
 * Helpers shared by the front-matter rules: options, which pages a rule applies to, the shipped
 * front-matter schema as data (known keys, enums, descriptions), YAML-safe value writing, where a
 * missing key goes, and the values a fix can derive for a key from the page and the workspace.
 * Nothing here knows a language: words come from the config, the packs and the schema.
 */
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass, ajvFormats } from '../../util/lazyLibraries';
import { compareDates, formatDate, inferStyle } from '../../dates/dateFormat';
import type { FrontMatter, FrontMatterEntry, PlaybookDocument } from '../../model/document';
import { span, type Span } from '../../text/span';
import { looseKey } from '../../util/text';
import { dirname } from '../../util/paths';
import { frontMatterValue } from '../../index/pageFacts';
import type { PageContext } from '../rule';
import schemaJson from '../../../../../schemas/frontmatter.schema.json';
import { stringListOption, numberOption, stringOption, pageMatches } from '../options';
export { stringListOption, numberOption, stringOption, pageMatches };

/** One property of the front-matter JSON schema, as far as the rules read it. */
export interface SchemaProperty {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly description?: string;
  readonly examples?: readonly unknown[];
}

/** The front-matter JSON schema, as far as the rules read it. */
export interface FrontMatterSchema {
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | object;
  readonly properties?: Readonly<Record<string, SchemaProperty>>;
}

/** The shipped front-matter schema (`schemas/frontmatter.schema.json`). */
export const frontMatterSchema: FrontMatterSchema = schemaJson as unknown as FrontMatterSchema;

let ajvInstance: Ajv | undefined;

/** The validator compiler, made on first use (with its formats it is ~5 ms a start-up that a cached run does not need). */
function ajv(): Ajv {
  if (!ajvInstance) {
    const Ajv = ajvClass();
    ajvInstance = new Ajv({ allErrors: true, strict: false, logger: false });
    ajvFormats()(ajvInstance);
  }
  return ajvInstance;
}

let frontMatterValidator: ValidateFunction | undefined;

/** The schema's validator, compiled once, on first use (not at start-up: a cached run never needs it). */
export function compiledFrontMatterValidator(): ValidateFunction {
  frontMatterValidator ??= ajv().compile(schemaJson as object);
  return frontMatterValidator;
}

const propertyValidators = new Map<string, ValidateFunction | undefined>();

/** True when `value` is a valid value of `key` by the schema (a key the schema does not describe accepts anything). */
export function validValue(key: string, value: unknown): boolean {
  if (!propertyValidators.has(key)) {
    const prop = frontMatterSchema.properties?.[key];
    propertyValidators.set(key, prop ? ajv().compile(prop as object) : undefined);
  }
  const v = propertyValidators.get(key);
  return v ? v(value) === true : true;
}

/** An ajv error, re-exported for the schema rule. */
export type SchemaError = ErrorObject;

/** Page kinds whose front matter follows the playbook conventions, by default (not landing, include or other pages). */
export const PLAYBOOK_KINDS: readonly string[] = ['process', 'phase', 'guidance', 'statusTaxonomy', 'approach', 'resources', 'changeLog', 'landing'];

/** The text a fix writes where no value can be derived. */
export const PLACEHOLDER = 'TODO';

/** True when the rule applies to the page: its `kinds` option (kinds or globs), by default the playbook kinds. */
export function inPlaybookScope(ctx: PageContext, fallback: readonly string[] = PLAYBOOK_KINDS): boolean {
  return pageMatches(ctx.doc, stringListOption(ctx.options, 'kinds', fallback));
}

/** Every key the conventions know: the canonical order plus the schema's properties. */
export function knownKeys(ctx: PageContext): Set<string> {
  return new Set([...ctx.config.defaults.frontMatterKeyOrder, ...Object.keys(frontMatterSchema.properties ?? {})]);
}

/** The allowed values of a key when the schema gives an enum of strings. */
export function enumOf(key: string): readonly string[] | undefined {
  const e = frontMatterSchema.properties?.[key]?.enum;
  return e && e.every((x) => typeof x === 'string') ? (e as string[]) : undefined;
}

/** The schema's description of a key, if any. */
export function describeKey(key: string): string | undefined {
  return frontMatterSchema.properties?.[key]?.description;
}

/** Optimal-string-alignment distance: Levenshtein where swapping two neighbours (`pargim`/`pagrim`) costs 1. */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The key a mistyped key most likely means: the same key with stray spaces or another letter case,
 * or the single known key at most two edits away (keys of four letters or more). undefined when the
 * key is known or nothing is close.
 */
export function nearKnownKey(key: string, known: ReadonlySet<string>): { key: string; how: 'space' | 'case' | 'typo' } | undefined {
  if (known.has(key)) return undefined;
  const trimmed = key.trim();
  if (trimmed !== key && known.has(trimmed)) return { key: trimmed, how: 'space' };
  const lower = trimmed.toLowerCase();
  for (const k of known) if (k.toLowerCase() === lower) return { key: k, how: trimmed !== key ? 'space' : 'case' };
  if (lower.length < 4) return undefined;
  let best: string | undefined;
  let bestD = 3;
  let tie = false;
  for (const k of known) {
    const d = typoDistance(lower, k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
      tie = false;
    } else if (d === bestD) tie = true;
  }
  return best && !tie && bestD <= 2 ? { key: best, how: 'typo' } : undefined;
}

/** A value written so YAML reads it back as the same string: plain when that is safe, else single-quoted. */
export function yamlScalar(value: string): string {
  const plainSafe =
    value !== '' &&
    value === value.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) &&
    !/: |:$| #/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~|[-+]?\d[\d_.]*(e[-+]?\d+)?|0x[0-9a-f]+|\.inf|\.nan)$/i.test(value);
  return plainSafe ? value : `'${value.replace(/'/g, "''")}'`;
}

/**
 * The edit that sets an entry's value to `value`, keeping the entry's quoting: inside existing quotes
 * the text is escaped for that quote style; an unquoted value is written with {@link yamlScalar}.
 */
export function setValueEdit(doc: PlaybookDocument, entry: FrontMatterEntry, value: string): { span: Span; newText: string } {
  const before = doc.text[entry.valueSpan.start - 1];
  const after = doc.text[entry.valueSpan.end];
  if (entry.valueText !== '' && before === "'" && after === "'") return { span: entry.valueSpan, newText: value.replace(/'/g, "''") };
  if (entry.valueText !== '' && before === '"' && after === '"') return { span: entry.valueSpan, newText: value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') };
  if (entry.valueText === '' && entry.valueSpan.start === entry.valueSpan.end) {
    // `key:` with nothing after the colon: add the separating space too.
    const sep = doc.text[entry.valueSpan.start] === ' ' ? '' : ' ';
    return { span: entry.valueSpan, newText: sep + yamlScalar(value) };
  }
  return { span: entry.valueSpan, newText: yamlScalar(value) };
}

/**
 * Where a missing key's line goes: after the nearest canonical key before it that the page has,
 * else before the nearest canonical key after it, else at the end of the block.
 */
export function insertionPoint(fm: FrontMatter, key: string, order: readonly string[]): number {
  const i = order.indexOf(key);
  if (i >= 0) {
    for (let j = i - 1; j >= 0; j--) {
      const e = lastEntry(fm, order[j]!);
      if (e) return e.lineSpan.end;
    }
    for (let j = i + 1; j < order.length; j++) {
      const e = firstEntry(fm, order[j]!);
      if (e) return e.lineSpan.start;
    }
  }
  return fm.contentSpan.end;
}

function lastEntry(fm: FrontMatter, key: string): FrontMatterEntry | undefined {
  return fm.byKey.get(key);
}

function firstEntry(fm: FrontMatter, key: string): FrontMatterEntry | undefined {
  return fm.entries.find((e) => e.key === key);
}

/** The text of a line to insert: `key: value` and the block's end of line, with one before when the block's last line lacks it. */
export function entryLine(doc: PlaybookDocument, at: number, key: string, value: string, eol: string): string {
  const needsLeadingEol = at > 0 && doc.text[at - 1] !== '\n' && doc.text[at - 1] !== '\r';
  return `${needsLeadingEol ? eol : ''}${key}: ${yamlScalar(value)}${eol}`;
}

/** The opening `---` of the front matter. */
export function openingFence(fm: FrontMatter): Span {
  return span(fm.span.start, Math.min(fm.span.start + 3, fm.span.end));
}

/** The front-matter value of a key on a page, trimmed, when it is a non-empty string or number. */
export function valueOf(doc: PlaybookDocument, key: string): string | undefined {
  return frontMatterValue(doc, key);
}

/** The H1 text without invisible format characters (zero-width spaces pasted from editors). */
export function cleanHeading(text: string): string {
  return text.replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();
}

/** How often each value of `key` occurs on the pages of a folder other than `self`, in path order of first use (from the index's statistics). */
function countsIn(ctx: PageContext, dir: string, key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [p, v] of ctx.index.valuesInFolder(dir, key)) if (p !== ctx.doc.path) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Counts how often each value of `key` occurs on the pages in the same folder as `doc` (the page itself excluded). */
export function folderCounts(ctx: PageContext, key: string): Map<string, number> {
  return countsIn(ctx, dirname(ctx.doc.path), key);
}

/** {@link folderCounts} of the nearest folder, from the page's own up to the workspace root, where other pages give the key. */
export function nearestFolderCounts(ctx: PageContext, key: string): Map<string, number> {
  for (let dir = dirname(ctx.doc.path); ; dir = dirname(dir)) {
    const counts = countsIn(ctx, dir, key);
    if (counts.size > 0 || dir === ctx.index.root || dirname(dir) === dir) return counts;
  }
}

/** The most frequent value of a count map that passes `accept` (ties: the first seen). */
export function mostFrequent(counts: ReadonlyMap<string, number>, accept: (v: string) => boolean = () => true): string | undefined {
  let best: string | undefined;
  let bestN = 0;
  for (const [v, n] of counts) if (n > bestN && accept(v)) [best, bestN] = [v, n];
  return best;
}

/**
 * True when the pages in the page's folder (or the nearest folder above with such pages) follow the schema's allowed values for `key` (at least
 * half of those that give the key use an allowed value), or when there are no such pages. A folder
 * of another site section that uses its own values (a user guide next to the playbook) is not
 * judged by the playbook's lists. The `judgeByFolder` option (default true) turns this off.
 */
export function folderFollowsEnum(ctx: PageContext, key: string): boolean {
  const allowed = enumOf(key);
  if (!allowed || ctx.options['judgeByFolder'] === false) return true;
  let total = 0;
  let inEnum = 0;
  for (const [v, n] of nearestFolderCounts(ctx, key)) {
    total += n;
    if (allowed.includes(v)) inEnum += n;
  }
  return total === 0 || inEnum * 2 >= total;
}

/** True when the schema rule checks the key's value against an enum on this page (so other rules leave it alone). */
export function enumChecked(ctx: PageContext, key: string): boolean {
  return enumOf(key) !== undefined && inPlaybookScope(ctx) && folderFollowsEnum(ctx, key);
}

/** The prefix (text before the first ` - `) of a title, if it has one. */
export function titlePrefix(title: string): string | undefined {
  const i = title.indexOf(' - ');
  return i > 0 ? title.slice(0, i).trim() : undefined;
}

/**
 * The title prefix pages around this one use (`FastTrack Partner Playbook`): the `titlePrefix`
 * option, else the most frequent prefix in the page's folder, else in the workspace.
 */
export function usualTitlePrefix(ctx: PageContext): string | undefined {
  const opt = ctx.options['titlePrefix'];
  if (typeof opt === 'string' && opt.trim() !== '') return opt.trim();
  const tally = (counts: ReadonlyMap<string, number>): Map<string, number> => {
    const out = new Map<string, number>();
    for (const [title, n] of counts) {
      const p = titlePrefix(title);
      if (p) out.set(p, (out.get(p) ?? 0) + n);
    }
    return out;
  };
  return mostFrequent(tally(folderCounts(ctx, 'title'))) ?? mostFrequent(tally(ctx.index.valueCounts('title')));
}

/** True when two texts read the same once case, spacing and punctuation are ignored. */
export function sameWords(a: string, b: string): boolean {
  return looseKey(a) === looseKey(b);
}

/** A value a fix can write for a key, and whether writing it cannot be wrong (derived from the page itself). */
export interface Derived {
  readonly value: string;
  readonly safe: boolean;
}

/** The date-format list `ms.date` is written in: the `formats` option, else the source locale's formats. */
export function msDateFormats(ctx: PageContext): readonly string[] {
  const opt = ctx.options['formats'];
  if (Array.isArray(opt) && opt.length > 0 && opt.every((f) => typeof f === 'string')) return opt as string[];
  return ctx.vocabulary.pack(ctx.config.defaults.sourceLocale)?.dateFormats ?? ctx.pack.dateFormats;
}

/** The newest refresh-summary date that is not in the future, with the cell text it was read from. */
export function newestRefreshDate(ctx: PageContext): { date: { year: number; month: number; day: number }; text: string; span: Span } | undefined {
  let best: { date: { year: number; month: number; day: number }; text: string; span: Span } | undefined;
  const col = ctx.doc.refresh?.columns.date;
  for (const row of ctx.doc.refresh?.rows ?? []) {
    const date = row.date?.date;
    if (!date || compareDates(date, ctx.config.today) > 0) continue;
    const cell = col !== undefined ? row.cells[col] : undefined;
    if (!best || compareDates(date, best.date) > 0) best = { date, text: cell?.text ?? '', span: cell?.span ?? row.span };
  }
  return best;
}

/** The newest refresh date written as an `ms.date`, in the style of `sample` (or of the row) when it is an ms.date format. */
export function refreshAsMsDate(ctx: PageContext, sample?: string): string | undefined {
  const newest = newestRefreshDate(ctx);
  if (!newest) return undefined;
  const formats = msDateFormats(ctx);
  const style = (sample !== undefined ? inferStyle(sample, formats) : undefined) ?? inferStyle(newest.text, formats) ?? formats[0];
  return style ? formatDate(newest.date, style) : undefined;
}

/** Keys whose value is particular to each page: never copied from other pages (a new page's ms.date falls back to today). */
export const PAGE_SPECIFIC_KEYS: readonly string[] = ['title', 'description', 'ms.date'];

/** Default key pairs a value can be derived through (a display name from an alias and back). */
export const DEFAULT_DERIVE_FROM: Readonly<Record<string, readonly string[]>> = { 'ms.author': ['author'], author: ['ms.author'] };

/** The `deriveFrom` option (key → keys whose value on the page determines it across the workspace). */
function deriveFromOption(ctx: PageContext): Readonly<Record<string, readonly string[]>> {
  const v = ctx.options['deriveFrom'];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return DEFAULT_DERIVE_FROM;
  const out: Record<string, readonly string[]> = {};
  for (const [k, list] of Object.entries(v as Record<string, unknown>)) if (Array.isArray(list) && list.every((x) => typeof x === 'string')) out[k] = list as string[];
  return out;
}

/**
 * The value of `key` on the pages where `fromKey` has `fromValue`, when one valid value dominates
 * (four in five such pages at least, and two pages or more): `v-cekenn` for `author: Celia Kennedy`.
 */
export function valueThrough(ctx: PageContext, key: string, fromKey: string, fromValue: string, accept: (v: string) => boolean): string | undefined {
  // The index keeps the distribution per value: the pages with `fromKey: fromValue` are not walked again per page.
  const { counts, total } = ctx.index.valuesWhere(key, fromKey, fromValue, ctx.doc.path);
  const best = mostFrequent(counts, accept);
  const n = best !== undefined ? counts.get(best)! : 0;
  return best !== undefined && n >= 2 && n * 5 >= total * 4 ? best : undefined;
}

/**
 * A value for a key the page lacks (or has wrong), derived in this order: from the page itself
 * (title from the H1, description from the title, ms.date from the newest refresh row, the
 * ms.custom / ft.audience pairing, the only allowed value) — safe; then through a paired key
 * (`deriveFrom`), the folder's usual value, the workspace's usual value (today, for ms.date) —
 * unsafe. undefined when nothing fits; `values` are the page's (or the skeleton's) values so far.
 */
export function deriveValue(ctx: PageContext, key: string, values: ReadonlyMap<string, string>, accept: (v: string) => boolean): Derived | undefined {
  const own = deriveFromPage(ctx, key, values);
  if (own !== undefined && accept(own)) return { value: own, safe: true };
  const allowed = enumOf(key);
  if (allowed?.length === 1 && accept(allowed[0]!)) return { value: allowed[0]!, safe: true };
  for (const fromKey of deriveFromOption(ctx)[key] ?? []) {
    const fromValue = values.get(fromKey);
    const v = fromValue !== undefined ? valueThrough(ctx, key, fromKey, fromValue, accept) : undefined;
    if (v !== undefined) return { value: v, safe: false };
  }
  if (PAGE_SPECIFIC_KEYS.includes(key)) {
    const today = key === 'ms.date' ? formatDate(ctx.config.today, msDateFormats(ctx)[0] ?? 'M/D/YYYY') : undefined;
    return today !== undefined && accept(today) ? { value: today, safe: false } : undefined;
  }
  const usual = mostFrequent(folderCounts(ctx, key), accept) ?? mostFrequent(ctx.index.valueCounts(key), accept);
  return usual !== undefined ? { value: usual, safe: false } : undefined;
}

/** The part of {@link deriveValue} that reads only the page. */
function deriveFromPage(ctx: PageContext, key: string, values: ReadonlyMap<string, string>): string | undefined {
  const pairs = ctx.config.defaults.audienceByCustom;
  switch (key) {
    case 'title': {
      const h1 = ctx.doc.h1s.length === 1 ? cleanHeading(ctx.doc.h1s[0]!.text) : '';
      if (!h1) return undefined;
      const prefix = usualTitlePrefix(ctx);
      return prefix ? `${prefix} - ${h1}` : h1;
    }
    case 'description':
      return values.get('title') ?? deriveFromPage(ctx, 'title', values);
    case 'ms.date':
      return refreshAsMsDate(ctx);
    case 'ft.audience': {
      const custom = values.get('ms.custom');
      return custom !== undefined ? pairs[custom] : undefined;
    }
    case 'ms.custom': {
      const audience = values.get('ft.audience');
      const customs = Object.keys(pairs).filter((c) => pairs[c] === audience);
      return customs.length === 1 ? customs[0] : undefined;
    }
    default:
      return undefined;
  }
}

/** The page's front-matter values (last occurrence per key), trimmed, as strings: what the index keeps of every page. */
export function pageValues(doc: PlaybookDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const k of doc.frontMatter?.byKey.keys() ?? []) {
    const v = valueOf(doc, k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

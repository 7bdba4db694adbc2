/**
 * Helpers shared by the link, image, include and toc rules: option reading, the parts of a written
 * target, and the search for the file a broken target most likely meant. Nothing here knows a
 * language: locale suffixes come from the locale packs, host suffixes from options.
 */
import { pathLookup, type PathLookup } from '../../index/pathLookup';
import type { WorkspaceIndex } from '../../index/workspaceIndex';
import type { Fix } from '../../lint/diagnostic';
import type { LinkTarget } from '../../model/document';
import { looksLikeEmail, parseLinkTarget } from '../../model/linkTarget';
import type { PageContext } from '../rule';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import { basename, dirname, escapes, extname, normalize, relative } from '../../util/paths';
import { nearestUnique } from '../../util/text';
import { stringListOption, integerOption as numberOption, booleanOption } from '../options';
export { stringListOption, numberOption, booleanOption };

/** Characters that are invisible in an editor but break a link target. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
/** Schemes a cleaned-up target may turn out to have. */
const WEB_SCHEMES = new Set(['http', 'https', 'ftp', 'mailto']);
/** Default host suffixes that make a scheme-less target look like a web address (`mspartner.microsoft.com`). */
export const DEFAULT_HOST_SUFFIXES: readonly string[] = ['com', 'net', 'org', 'ms', 'io', 'edu', 'gov'];

/** True when a relative target resolves from `from` to a place above the workspace root. */
export function climbsOut(index: WorkspaceIndex, from: string, target: LinkTarget): boolean {
  if (target.scheme !== undefined || target.path === '') return false;
  if (target.path.startsWith('~/') || target.path.startsWith('/')) {
    const base = index.docfxFor(from)?.dir ?? index.root;
    return escapes(index.root, base, target.path.replace(/^~?\/+/, ''));
  }
  return escapes(index.root, dirname(from), target.path);
}

/** The span of the path part of a written target (before any `?query` or `#anchor`). */
export function pathPartSpan(text: string, targetSpan: Span): Span {
  const raw = text.slice(targetSpan.start, targetSpan.end);
  const lead = raw.length - raw.trimStart().length;
  let end = raw.length;
  for (const ch of ['?', '#']) {
    const i = raw.indexOf(ch, lead);
    if (i >= 0 && i < end) end = i;
  }
  return span(targetSpan.start + lead, targetSpan.start + end);
}

/** The span of the anchor part of a written target (after `#`), if it has one. */
export function anchorPartSpan(text: string, targetSpan: Span): Span | undefined {
  const raw = text.slice(targetSpan.start, targetSpan.end);
  const i = raw.indexOf('#');
  return i < 0 ? undefined : span(targetSpan.start + i + 1, targetSpan.end);
}

/**
 * How to write `to` as a target from the file `from`, in the style the author used: root-relative
 * (`~/`, `/`) stays root-relative, `./` stays, spaces are percent-encoded.
 */
export function writeTarget(index: WorkspaceIndex, from: string, written: string, to: string): string {
  const rooted = /^(~?\/)/.exec(written);
  let out: string;
  if (rooted) out = rooted[1] + relative(index.docfxFor(from)?.dir ?? index.root, to);
  else {
    out = relative(dirname(from), to);
    if (written.startsWith('./') && !out.startsWith('.')) out = './' + out;
  }
  return out.replace(/ /g, '%20');
}

/** A file a broken target probably meant. */
export interface Suggestion {
  /** Absolute path of the suggested file. */
  readonly path: string;
  /** How it was found: decides the wording and whether the fix is safe. */
  readonly how: 'case' | 'separator' | 'extension' | 'translation' | 'trailing' | 'near' | 'word' | 'elsewhere';
  /** True when replacing the written path with it is a safe fix. */
  readonly safe: boolean;
}

/** The outcome of looking for the file a broken target meant. */
export interface FileSearch {
  /** The one likely file, when there is one. */
  readonly suggestion?: Suggestion;
  /** Several equally likely files (no fix then), at most three. */
  readonly candidates: readonly string[];
}

/** What the search needs to know besides the resolved path. */
export interface SearchContext {
  readonly index: WorkspaceIndex;
  /** The locale of the linking page, for its translated siblings. */
  readonly locale?: string;
  /** Largest edit distance for a same-folder suggestion. */
  readonly maxDistance: number;
}

const stemOf = (name: string): string => name.slice(0, name.length - extname(name).length);
const tokens = (stem: string): string[] => stem.toLowerCase().split(/[-_ ]+/).filter(Boolean);

/** True when `a` and `b` differ by exactly one whole word inserted or removed (`x-y` vs `x-partner-y`). */
function oneWordApart(a: readonly string[], b: readonly string[]): boolean {
  if (Math.abs(a.length - b.length) !== 1) return false;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  for (let j = i; j < short.length; j++) if (short[j] !== long[j + 1]) return false;
  return true;
}

/** The single candidate `pick` accepts among the preferred ones, else among all. */
function uniqueAmong(preferred: readonly string[], all: readonly string[], pick: (names: readonly string[]) => string | undefined): string | undefined {
  return (preferred.length ? pick(preferred) : undefined) ?? pick(all);
}

function sameFolder(resolved: string, ctx: SearchContext): Suggestion | undefined {
  const { index } = ctx;
  const dir = dirname(resolved);
  const name = basename(resolved);
  if (!index.isDirectory(dir)) return undefined;
  const ext = extname(name);
  const suffix = ctx.locale ? index.context.vocabulary.pack(ctx.locale)?.fileSuffix ?? '' : '';
  const at = (n: string): string => (dir === '/' ? '/' + n : dir + '/' + n);
  if (ext === '') {
    for (const n of [name + '.md', suffix ? name + suffix + '.md' : '']) if (n && index.exists(at(n))) return { path: at(n), how: 'extension', safe: true };
  }
  if (suffix && !stemOf(name).toLowerCase().endsWith(suffix.toLowerCase())) {
    const n = stemOf(name) + suffix + (ext ? name.slice(name.length - ext.length) : '.md');
    if (index.exists(at(n))) return { path: at(n), how: 'translation', safe: true };
  }
  const files = index.filesIn(dir).map(basename);
  const trailing = files.filter((f) => extname(f) !== '' && name.length > f.length && name.startsWith(f)).sort((a, b) => b.length - a.length)[0];
  if (trailing) return { path: at(trailing), how: 'trailing', safe: false };
  const sameKind = files.filter((f) => ext === '' || extname(f) === ext);
  const preferred = ctx.locale && ext === '.md' ? sameKind.filter((f) => index.facts(at(f))?.locale === ctx.locale) : [];
  // Compare names without the page's language suffix: `x-kickoff.md` from a German page means `x-kick-off-de.md`.
  const normed = new Map<string, string>();
  const norm = (n: string): string => {
    let out = normed.get(n);
    if (out === undefined) normed.set(n, (out = (ctx.locale ? index.context.vocabulary.stripSuffix(stemOf(n), ctx.locale) : stemOf(n)).toLowerCase()));
    return out;
  };
  const wanted = norm(name);
  const max = Math.min(ctx.maxDistance, Math.max(1, Math.floor(wanted.length / 4)));
  const near = uniqueAmong(preferred, sameKind, (names) => {
    const byStem = new Map<string, string[]>();
    for (const n of names) {
      const same = byStem.get(norm(n));
      if (same) same.push(n);
      else byStem.set(norm(n), [n]);
    }
    const stem = byStem.has(wanted) ? wanted : nearestUnique(wanted, byStem.keys(), max);
    const hits = stem === undefined ? [] : byStem.get(stem) ?? [];
    return hits.length === 1 ? hits[0] : undefined;
  });
  // A one-letter change in a very short name is as likely another file as a typo: suggest, do not auto-fix.
  if (near) return { path: at(near), how: 'near', safe: wanted.length >= 6 };
  const words = tokens(wanted);
  const word = uniqueAmong(preferred, sameKind, (names) => {
    const hits = names.filter((f) => oneWordApart(words, tokens(norm(f))));
    return hits.length === 1 ? hits[0] : undefined;
  });
  return word ? { path: at(word), how: 'word', safe: false } : undefined;
}

/** The non-empty segments of a path. */
const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean);

/**
 * How many of `want` (path segments, last first) the path `path` ends with, segment by segment from its
 * last; empty segments (doubled or trailing `/`) are skipped, as splitting and dropping them would.
 */
function trailingMatch(want: readonly string[], path: string): number {
  let end = path.length;
  let n = 0;
  while (n < want.length) {
    while (end > 0 && path.charCodeAt(end - 1) === 47 /* / */) end--;
    if (end === 0) break;
    const start = path.lastIndexOf('/', end - 1) + 1;
    const seg = want[n]!;
    if (end - start !== seg.length || !path.startsWith(seg, start)) break;
    n++;
    end = start;
  }
  return n;
}

/**
 * How many `..` `relative(from, to)` starts with (`from` as its segments): the folders to climb from
 * `from` to reach `to`, plus any `..` segment left in `to` after the part they share.
 */
function climbs(from: readonly string[], to: string): number {
  let shared = 0; // leading segments of `to` that are `from`'s
  let matching = true;
  let ups = 0; // `..` segments of `to` after the shared part
  for (let pos = 0; ;) {
    while (pos < to.length && to.charCodeAt(pos) === 47 /* / */) pos++;
    if (pos >= to.length) break;
    let end = to.indexOf('/', pos);
    if (end < 0) end = to.length;
    const seg = matching ? from[shared] : undefined;
    if (seg !== undefined && end - pos === seg.length && to.startsWith(seg, pos)) shared++;
    else {
      matching = false;
      if (end - pos === 2 && to.startsWith('..', pos)) ups++;
    }
    pos = end;
  }
  return from.length - shared + ups;
}

/**
 * Files elsewhere whose trailing path segments match the target's, the closest to `near` first. A large
 * workspace has many files of one name (copies of a folder, an `index.md` per folder): each is compared
 * in place, without splitting its path.
 */
function elsewhere(resolved: string, near: string, files: PathLookup): string[] {
  const want = segmentsOf(resolved.toLowerCase()).reverse();
  const from = segmentsOf(near);
  const scored: Array<{ path: string; score: number; closeness: number }> = [];
  for (const f of files.named(want[0] ?? '')) {
    const score = trailingMatch(want, f.toLowerCase());
    if (score === 0) continue;
    scored.push({ path: f, score, closeness: -climbs(from, f) });
  }
  scored.sort((a, b) => b.score - a.score || b.closeness - a.closeness || (a.path < b.path ? -1 : 1));
  const best = scored[0];
  if (!best) return [];
  return scored.filter((s) => s.score === best.score && s.closeness === best.closeness).map((s) => s.path);
}

/**
 * Looks for the file a broken target meant: a case-only difference, backslashes, a missing
 * extension, the page's own translation, trailing junk after the file name, a near name in the same
 * folder, one word more or less, and finally a file with the same name (and folders) elsewhere.
 */
export function findIntendedFile(resolved: string, ctx: SearchContext, from: string): FileSearch {
  const { index } = ctx;
  const files = pathLookup(index);
  const caseMatch = files.withLowerPath(resolved.toLowerCase()).find((f) => f !== resolved);
  if (caseMatch) return { suggestion: { path: caseMatch, how: 'case', safe: true }, candidates: [] };
  if (resolved.includes('\\')) {
    const slashed = normalize(resolved.replace(/\\+/g, '/'));
    if (index.exists(slashed)) return { suggestion: { path: slashed, how: 'separator', safe: true }, candidates: [] };
  }
  const local = sameFolder(resolved, ctx);
  if (local) return { suggestion: local, candidates: [] };
  const far = elsewhere(resolved.replace(/\\/g, '/'), dirname(from), files).filter((f) => f !== from);
  if (far.length === 1) return { suggestion: { path: far[0]!, how: 'elsewhere', safe: false }, candidates: [] };
  return { candidates: far.slice(0, 3) };
}

/** A target that is really a web address spoiled by invisible characters, stray brackets or a missing scheme. */
export interface WebAddressRepair {
  /** The whole target as it should be written. */
  readonly replacement: string;
  readonly reason: 'invisible' | 'wrapped' | 'scheme';
  readonly safe: boolean;
}

/** Recognises a relative target that was meant as a web address. */
export function webAddressRepair(raw: string, hostSuffixes: readonly string[]): WebAddressRepair | undefined {
  const visible = raw.replace(INVISIBLE, '');
  const unwrapped = visible.trim().replace(/^\((.*)\)$/s, '$1').replace(/^["'](.*)["']$/s, '$1').trim();
  const parsed = parseLinkTarget(unwrapped);
  if (parsed.scheme && WEB_SCHEMES.has(parsed.scheme)) {
    if (visible !== raw) return { replacement: unwrapped, reason: 'invisible', safe: true };
    if (unwrapped !== raw.trim()) return { replacement: unwrapped, reason: 'wrapped', safe: true };
    return undefined;
  }
  if (parsed.scheme) return undefined;
  const host = parsed.path.split('/')[0] ?? '';
  const labels = host.toLowerCase().split('.');
  const looksLikeHost = labels.length >= 2 && labels.every((l) => /^[a-z0-9-]+$/.test(l)) && (labels[0] === 'www' || hostSuffixes.some((s) => s.toLowerCase() === labels[labels.length - 1]));
  return looksLikeHost ? { replacement: 'https://' + unwrapped, reason: 'scheme', safe: false } : undefined;
}

/** The text of a target with its invisible characters removed, when it has any. */
export function withoutInvisible(raw: string): string | undefined {
  const clean = raw.replace(INVISIBLE, '');
  return clean === raw ? undefined : clean;
}

/** The first invisible character of a text as `U+XXXX`. */
export function firstInvisible(raw: string): string {
  const m = raw.match(new RegExp(INVISIBLE.source, 'u'));
  return m ? 'U+' + m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : '';
}

/** A broken file target, as the no-such-file rules report it. */
export interface MissingTarget {
  /** The file the target is written in (a page or a toc). */
  readonly from: string;
  readonly text: string;
  readonly target: LinkTarget;
  readonly targetSpan: Span;
  /** Where the target resolves to. */
  readonly resolved: string;
  /** The locale of the linking page, if known. */
  readonly locale?: string;
}

/** A report for a missing file: message, span and fixes. */
export interface MissingReport {
  readonly span: Span;
  readonly message: string;
  readonly fixes: Fix[];
  readonly data: Record<string, unknown>;
}

const workspacePath = (index: WorkspaceIndex, p: string): string => relative(index.root, p);

/**
 * Builds the report for a target whose file does not exist: the exact span of the target, a message
 * naming what was looked for and what probably was meant, and a fix replacing only the path part.
 */
export function missingFileReport(m: MissingTarget, index: WorkspaceIndex, options: Readonly<Record<string, unknown>>, checkWeb: boolean): MissingReport {
  const raw = m.text.slice(m.targetSpan.start, m.targetSpan.end);
  const hostSuffixes = stringListOption(options, 'hostSuffixes', DEFAULT_HOST_SUFFIXES);
  const web = checkWeb ? webAddressRepair(raw, hostSuffixes) : undefined;
  if (web) return webReport(m, raw, web);
  const cleaned = withoutInvisible(raw);
  if (cleaned !== undefined) {
    const target = index.resolve(m.from, parseLinkTarget(cleaned));
    if (target && (index.exists(target) || index.isDirectory(target))) {
      return {
        span: m.targetSpan,
        message: t('`{0}` contains an invisible character ({1}), so it names no file; without it, it points to `{2}`.', raw, firstInvisible(raw), cleaned),
        fixes: [{ title: t('Remove the invisible characters'), edits: [{ span: m.targetSpan, newText: cleaned }], safe: true }],
        data: { suggestion: cleaned },
      };
    }
  }
  const pathSpan = pathPartSpan(m.text, m.targetSpan);
  const written = m.text.slice(pathSpan.start, pathSpan.end);
  const found = findIntendedFile(m.resolved, { index, ...(m.locale ? { locale: m.locale } : {}), maxDistance: numberOption(options, 'maxDistance', 3) }, m.from);
  const s = found.suggestion;
  const where = workspacePath(index, m.resolved);
  if (s) {
    const replacement = writeTarget(index, m.from, written, s.path);
    const fixes: Fix[] = [{ title: t('Change the target to `{0}`', replacement), edits: [{ span: pathSpan, newText: replacement }], safe: s.safe }];
    const data = { suggestion: replacement };
    if (s.how === 'case') {
      return { span: m.targetSpan, message: t('`{0}` does not exist: it exists as `{1}` — file names are case-sensitive on the build host.', written, replacement), fixes, data };
    }
    const main = t('`{0}` does not exist: there is no file `{1}` in the workspace.', written, where);
    const hint = s.how === 'elsewhere' ? t('A file with this name exists at `{0}`.', replacement) : s.how === 'separator' ? t('Use `/` between folders: `{0}`.', replacement) : t('Did you mean `{0}`?', replacement);
    return { span: m.targetSpan, message: `${main} ${hint}`, fixes, data };
  }
  const main = t('`{0}` does not exist: there is no file `{1}` in the workspace.', written, where);
  if (found.candidates.length > 1) {
    const list = found.candidates.map((c) => '`' + writeTarget(index, m.from, written, c) + '`').join(', ');
    return { span: m.targetSpan, message: `${main} ${t('Files with this name exist at {0}.', list)}`, fixes: [], data: { candidates: found.candidates } };
  }
  return { span: m.targetSpan, message: main, fixes: [], data: {} };
}

function webReport(m: MissingTarget, raw: string, web: WebAddressRepair): MissingReport {
  const message =
    web.reason === 'invisible'
      ? t('`{0}` starts or ends with an invisible character ({1}), so it is read as a file path that does not exist instead of the web address `{2}`.', raw, firstInvisible(raw), web.replacement)
      : web.reason === 'wrapped'
        ? t('`{0}` is read as a file path that does not exist because of the extra brackets or quotes around it; the web address is `{1}`.', raw, web.replacement)
        : t('`{0}` is read as a file path that does not exist; a web address needs its scheme: `{1}`.', raw, web.replacement);
  return {
    span: m.targetSpan,
    message,
    fixes: [{ title: t('Change the target to `{0}`', web.replacement), edits: [{ span: m.targetSpan, newText: web.replacement }], safe: web.safe }],
    data: { suggestion: web.replacement },
  };
}

/** The targets of a page that name a file in the workspace: relative, not an e-mail, inside the workspace. */
export function isFileTarget(index: WorkspaceIndex, from: string, target: LinkTarget): boolean {
  return target.scheme === undefined && target.path !== '' && !looksLikeEmail(target) && !climbsOut(index, from, target);
}

/** Reports every target of `targets` whose file does not exist (folders count as existing). */
export function reportMissingFiles(
  ctx: PageContext,
  targets: ReadonlyArray<{ readonly target: LinkTarget; readonly targetSpan: Span }>,
  checkWeb: boolean,
): void {
  const { doc, index } = ctx;
  for (const link of targets) {
    if (!isFileTarget(index, doc.path, link.target)) continue;
    const resolved = index.resolve(doc.path, link.target);
    if (!resolved || index.exists(resolved) || index.isDirectory(resolved)) continue;
    const r = missingFileReport({ from: doc.path, text: doc.text, target: link.target, targetSpan: link.targetSpan, resolved, locale: doc.locale }, index, ctx.options, checkWeb);
    ctx.report(r);
  }
}

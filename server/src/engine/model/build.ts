import picomatch from 'picomatch';
import type { PlaybookConfig } from '../config/config';
import type { PageKindSpec } from '../config/defaults';
import type { CanonicalLabel } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import { parseOutline } from '../parse/markdown';
import type { MarkdownOutline, OutlineHeading } from '../parse/outline';
import { readFrontMatter } from '../parse/frontMatter';
import type { Slugger, SlugScope } from '../slug/slugger';
import { LineIndex } from '../text/lineIndex';
import { span, contains, type Span } from '../text/span';
import { t } from '../util/l10n';
import { basename, extname } from '../util/paths';
import type {
  Alert, Comment, FrontMatter, Heading, LabelLine, LocaleSource, PageKind, ParseProblem, PlaybookDocument, Section, Step,
} from './document';
import { labelLinesOf } from './labels';
import { includesOf, linksOf } from './links';
import { refreshSummaryOf } from './refreshSummary';
import { tablesOf } from './tables';
import { taskTablesOf } from './taskTables';

/** Where a host's cached outlines come from: returns the cached outline of `text`, or parses and keeps it. */
export interface OutlineSource {
  outline(text: string, parse: (text: string) => MarkdownOutline): MarkdownOutline;
}

/** What building a document model needs besides the text. */
export interface ModelContext {
  readonly config: PlaybookConfig;
  readonly vocabulary: Vocabulary;
  readonly slugger: Slugger & { createScope(): SlugScope };
}

const ALERT = /^[ \t]*>[ \t]*\[!([^\]\s]*)\]/u;

/** The configured page kinds with their names and prefixes lower-cased. */
interface KindMatcher {
  readonly kind: PageKind;
  readonly names: readonly string[];
  readonly prefixes: readonly string[];
  /** The length of each prefix as configured (lower-casing may change it). */
  readonly prefixLengths: readonly number[];
}

/** Lower-cased page kinds per configured list (a configuration is built once and never changed). */
const kindMatchers = new WeakMap<readonly PageKindSpec[], readonly KindMatcher[]>();

function kindMatchersOf(specs: readonly PageKindSpec[]): readonly KindMatcher[] {
  let matchers = kindMatchers.get(specs);
  if (!matchers) {
    matchers = specs.map((spec) => ({
      kind: spec.kind,
      names: (spec.names ?? []).map((n) => n.toLowerCase()),
      prefixes: (spec.prefixes ?? []).map((p) => p.toLowerCase()),
      prefixLengths: (spec.prefixes ?? []).map((p) => p.length),
    }));
    kindMatchers.set(specs, matchers);
  }
  return matchers;
}

/** Decides a page's kind from its path and the configured prefixes. */
export function pageKindOf(path: string, locale: string, ctx: ModelContext): PageKind {
  if (path.split('/').includes('includes')) return 'include';
  const base = ctx.vocabulary.stripSuffix(basename(path).replace(/\.[^.]+$/, ''), locale).toLowerCase();
  let best: PageKind | undefined;
  let bestLength = 0;
  for (const spec of kindMatchersOf(ctx.config.defaults.pageKinds)) {
    if (spec.names.includes(base)) return spec.kind;
    spec.prefixes.forEach((prefix, i) => {
      const length = spec.prefixLengths[i]!;
      if (base.startsWith(prefix) && (best === undefined || length > bestLength)) {
        best = spec.kind;
        bestLength = length;
      }
    });
  }
  return best ?? 'other';
}

const matcherCache = new Map<string, (p: string) => boolean>();
function matches(pattern: string, path: string): boolean {
  let m = matcherCache.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true, contains: !pattern.startsWith('/') });
    matcherCache.set(pattern, m);
  }
  return m(path);
}

/** Decides a page's locale: configuration, then file suffix, then folder, then what its headings say. */
export function localeOf(path: string, headingTexts: readonly string[], ctx: ModelContext): { locale: string; source: LocaleSource } {
  for (const o of ctx.config.localeOverrides) if (matches(o.pattern, path)) return { locale: o.locale, source: 'config' };
  const v = ctx.vocabulary;
  const base = basename(path).replace(/\.[^.]+$/, '');
  const bySuffix = v.localeBySuffix(base);
  if (bySuffix) return { locale: bySuffix, source: 'suffix' };
  const evidence = new Map<string, number>();
  for (const h of headingTexts) for (const loc of v.sectionLocales(h)) evidence.set(loc, (evidence.get(loc) ?? 0) + 1);
  let bestLocale: string | undefined;
  let bestScore = 0;
  for (const [loc, n] of evidence) {
    if (n > bestScore) {
      bestScore = n;
      bestLocale = loc;
    }
  }
  const byFolder = v.localeByFolder(path);
  if (byFolder) {
    // A page in a language folder that is plainly written in another language (an untranslated copy) is that language.
    if (bestLocale && bestLocale !== byFolder && bestScore >= 2 && !evidence.get(byFolder)) return { locale: bestLocale, source: 'headings' };
    return { locale: byFolder, source: 'folder' };
  }
  if (bestLocale) return { locale: bestLocale, source: 'headings' };
  return { locale: ctx.config.defaults.sourceLocale, source: 'default' };
}

/**
 * Builds the model of one document version. Never throws: malformed input yields a model with problems.
 * `text` is the full text, BOM included; all spans are offsets into it.
 */
export function buildDocument(path: string, text: string, version: number, ctx: ModelContext, outlines?: OutlineSource): PlaybookDocument {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text.slice(0, 2000)) ? '\r\n' : '\n';
  const problems: ParseProblem[] = [];
  // The parse is nearly the whole cost of a model: a host may hand in outlines it cached by content.
  const c = outlines ? outlines.outline(text, parseOutline) : parseOutline(text);
  const frontMatter = frontMatterOf(text, c, hasBom, problems);

  const headingTexts = c.headings.map((h) => h.text.trim());
  const { locale, source: localeSource } = localeOf(path, headingTexts, ctx);
  const kind = extname(path) === '.md' ? pageKindOf(path, locale, ctx) : 'other';
  const v = ctx.vocabulary;
  const headings = headingsOf(c.headings, headingTexts, locale, ctx);
  const sections = sectionsOf(headings, text.length);
  const labels = labelLinesOf(text, c.paragraphs, locale, v);
  const tables = tablesOf(text, c.tables, headings);
  const steps = stepsOf(sections, labels);
  const taskTables = taskTablesOf(tables, steps, locale, v);
  const refresh = refreshSummaryOf(sections, tables, locale, v);
  // Includes (a line of their own), then links that are not part of an include.
  const includes = includesOf(text, c.paragraphs);
  const links = linksOf(text, c.links, includes);
  const alerts = alertsOf(text, c.blockquotes);
  const comments = commentsOf(text, c.html);

  const phase = labels.find((l) => l.label === 'phase');
  return {
    path, version, text, lines, hasBom, eol, kind, locale, localeSource,
    ...(frontMatter ? { frontMatter } : {}),
    headings, h1s: headings.filter((h) => h.depth === 1), sections,
    ...(phase ? { phase } : {}),
    labels, steps, tables, taskTables,
    ...(refresh ? { refresh } : {}),
    links, includes, alerts, comments,
    paragraphs: c.paragraphs, codeBlocks: c.code, blockquotes: c.blockquotes,
    problems,
  };
}

/** The front matter of a page, read; a missing or unclosed block is a problem instead. */
function frontMatterOf(text: string, c: MarkdownOutline, hasBom: boolean, problems: ParseProblem[]): FrontMatter | undefined {
  if (c.frontMatter) {
    const r = readFrontMatter(text, c.frontMatter.start, c.frontMatter.end);
    problems.push(...r.problems);
    return r.frontMatter;
  }
  const shift = hasBom ? 1 : 0;
  const body = hasBom ? text.slice(1) : text;
  if (/^---[ \t]*\r?\n/.test(body)) {
    const lineEnd = body.indexOf('\n');
    problems.push({ code: 'frontmatter-unclosed', message: t('The front matter block opened by `---` is never closed by a `---` line.'), span: span(shift, shift + (lineEnd < 0 ? 3 : lineEnd)) });
  } else {
    const lineEnd = body.search(/\r?\n/);
    problems.push({ code: 'frontmatter-missing', message: t('The page has no front matter: it must start with a `---` block of metadata.'), span: span(shift, shift + Math.max(0, lineEnd < 0 ? body.length : lineEnd)) });
  }
  return undefined;
}

/** Headings with their docfx slugs and, when the vocabulary knows their text, canonical section ids. */
function headingsOf(outlineHeadings: readonly OutlineHeading[], texts: readonly string[], locale: string, ctx: ModelContext): Heading[] {
  const v = ctx.vocabulary;
  const scope = ctx.slugger.createScope();
  return outlineHeadings.map((h, i) => {
    const s = h.span;
    const textValue = texts[i]!;
    const textSpan = h.content ?? span(s.end, s.end);
    const rec = v.section(textValue, locale);
    const slug = scope.add(textValue);
    return rec
      ? { depth: h.depth, text: textValue, span: s, textSpan, slug, canonical: rec.id, canonicalLocale: rec.locale }
      : { depth: h.depth, text: textValue, span: s, textSpan, slug };
  });
}

/** Each heading with what follows it up to the next heading of the same or a higher level. */
function sectionsOf(headings: readonly Heading[], textLength: number): Section[] {
  return headings.map((h, i) => {
    let end = textLength;
    for (let j = i + 1; j < headings.length; j++) if (headings[j]!.depth <= h.depth) { end = headings[j]!.span.start; break; }
    return { heading: h, span: span(h.span.start, end) };
  });
}

/** The steps: H3 sections under the Approach H2, with the first label line of each kind in them. */
function stepsOf(sections: readonly Section[], labels: readonly LabelLine[]): Step[] {
  const steps: Step[] = [];
  const approach = sections.find((s) => s.heading.canonical === 'approach');
  if (!approach) return steps;
  for (const s of sections) {
    if (s.heading.depth !== 3 || !contains(approach.span, s.heading.span)) continue;
    const stepLabels: Partial<Record<CanonicalLabel, LabelLine>> = {};
    for (const l of labels) if (contains(s.span, l.span) && !stepLabels[l.label]) stepLabels[l.label] = l;
    steps.push({ heading: s.heading, section: s, labels: stepLabels, taskTables: [], uncategorized: s.heading.canonical === 'uncategorizedTasks' });
  }
  return steps;
}

/** The `> [!NOTE]` alerts among the block quotes. */
function alertsOf(text: string, blockquotes: readonly Span[]): Alert[] {
  const alerts: Alert[] = [];
  for (const s of blockquotes) {
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const m = ALERT.exec(text.slice(lineStart, s.end));
    if (!m) continue;
    const kwStart = lineStart + m[0].length - 1 - m[1]!.length;
    alerts.push({ keyword: m[1]!, keywordSpan: span(kwStart, kwStart + m[1]!.length), span: s });
  }
  return alerts;
}

/** The HTML comments (inline directives live there) of the HTML blocks and inline HTML. */
function commentsOf(text: string, html: readonly Span[]): Comment[] {
  const comments: Comment[] = [];
  for (const s of html) {
    const src = text.slice(s.start, s.end);
    for (const m of src.matchAll(/<!--([\s\S]*?)-->/g)) comments.push({ text: m[1]!.trim(), span: span(s.start + m.index!, s.start + m.index! + m[0].length) });
  }
  return comments;
}

/** A model for a file that could not be read as text: empty, carrying the one problem. */
export function stubDocument(path: string, problem: ParseProblem, ctx: ModelContext): PlaybookDocument {
  const { locale, source } = localeOf(path, [], ctx);
  return {
    path, version: 0, text: '', lines: new LineIndex(''), hasBom: false, eol: '\n',
    kind: pageKindOf(path, locale, ctx), locale, localeSource: source,
    headings: [], h1s: [], sections: [], labels: [], steps: [], tables: [], taskTables: [],
    links: [], includes: [], alerts: [], comments: [], paragraphs: [], codeBlocks: [], blockquotes: [], problems: [problem],
  };
}

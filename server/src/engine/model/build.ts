import picomatch from 'picomatch';
import type { PlaybookConfig } from '../config/config';
import type { CanonicalLabel, RefreshColumn, TaskColumn } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import { parseDate } from '../dates/dateFormat';
import { parseOutline } from '../parse/markdown';
import type { MarkdownOutline, OutlineLink, OutlineRow } from '../parse/outline';
import { readFrontMatter } from '../parse/frontMatter';
import type { Slugger, SlugScope } from '../slug/slugger';
import { LineIndex } from '../text/lineIndex';
import { span, contains, type Span } from '../text/span';
import { isWhitespace } from '../text/whitespace';
import { t } from '../util/l10n';
import { basename, extname } from '../util/paths';
import type {
  Alert, Cell, Comment, FrontMatter, Heading, Include, LabelLine, Link, LocaleSource, PageKind,
  ParseProblem, PlaybookDocument, RefreshRow, RefreshSummary, Row, Section, Step, Table, TaskRow, TaskTable,
} from './document';
import { parseLinkTarget } from './linkTarget';

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

const LABEL_LINE = /^([ \t]*)([^:：*\n|#>[\]]{1,40}?)[ \t]*[:：][ \t]*\*\*(.*?)\*\*[ \t]*$/u;
const LABEL_OPEN = /^[ \t]*[^:：*\n|#>[\]]{1,40}?[ \t]*[:：][ \t]*\*\*[^*]*$/u;
const LABEL_WRAPPED = /^([ \t]*)([^:：*\n|#>[\]]{1,40}?)[ \t]*[:：][ \t]*\*\*([^*]*?)\*\*[ \t]*$/u;
const INCLUDE = /\[!INCLUDE\s*\[([^\]]*)\]\(\s*([^)\s]*)(?:\s+"[^"]*")?\s*\)\s*\]/giu;
const ALERT = /^[ \t]*>[ \t]*\[!([^\]\s]*)\]/u;

/** Decides a page's kind from its path and the configured prefixes. */
export function pageKindOf(path: string, locale: string, ctx: ModelContext): PageKind {
  if (path.split('/').includes('includes')) return 'include';
  const base = ctx.vocabulary.stripSuffix(basename(path).replace(/\.[^.]+$/, ''), locale).toLowerCase();
  let best: { kind: PageKind; length: number } | undefined;
  for (const spec of ctx.config.defaults.pageKinds) {
    if (spec.names?.some((n) => n.toLowerCase() === base)) return spec.kind;
    for (const prefix of spec.prefixes ?? []) {
      if (base.startsWith(prefix.toLowerCase()) && (!best || prefix.length > best.length)) best = { kind: spec.kind, length: prefix.length };
    }
  }
  return best?.kind ?? 'other';
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
  const shift = hasBom ? 1 : 0;
  const body = hasBom ? text.slice(1) : text;
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text.slice(0, 2000)) ? '\r\n' : '\n';
  const problems: ParseProblem[] = [];
  // The parse is nearly the whole cost of a model: a host may hand in outlines it cached by content.
  const c = outlines ? outlines.outline(text, parseOutline) : parseOutline(text);

  // Front matter.
  let frontMatter: FrontMatter | undefined;
  if (c.frontMatter) {
    const r = readFrontMatter(text, c.frontMatter.start, c.frontMatter.end);
    frontMatter = r.frontMatter;
    problems.push(...r.problems);
  } else if (/^---[ \t]*\r?\n/.test(body)) {
    const lineEnd = body.indexOf('\n');
    problems.push({ code: 'frontmatter-unclosed', message: t('The front matter block opened by `---` is never closed by a `---` line.'), span: span(shift, shift + (lineEnd < 0 ? 3 : lineEnd)) });
  } else {
    const lineEnd = body.search(/\r?\n/);
    problems.push({ code: 'frontmatter-missing', message: t('The page has no front matter: it must start with a `---` block of metadata.'), span: span(shift, shift + Math.max(0, lineEnd < 0 ? body.length : lineEnd)) });
  }

  const headingTexts = c.headings.map((h) => h.text.trim());
  const { locale, source: localeSource } = localeOf(path, headingTexts, ctx);
  const kind = extname(path) === '.md' ? pageKindOf(path, locale, ctx) : 'other';
  const v = ctx.vocabulary;

  // Headings with slugs and canonical ids.
  const scope = ctx.slugger.createScope();
  const headings: Heading[] = c.headings.map((h, i) => {
    const s = h.span;
    const textValue = headingTexts[i]!;
    const textSpan = h.content ?? span(s.end, s.end);
    const rec = v.section(textValue, locale);
    const heading: Heading = { depth: h.depth, text: textValue, span: s, textSpan, slug: scope.add(textValue), ...(rec ? { canonical: rec.id, canonicalLocale: rec.locale } : {}) };
    return heading;
  });
  const sections: Section[] = headings.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) if (headings[j]!.depth <= h.depth) { end = headings[j]!.span.start; break; }
    return { heading: h, span: span(h.span.start, end) };
  });

  // Label lines.
  const labels: LabelLine[] = [];
  for (const ps of c.paragraphs) {
    // Every label line has `**` (a wrapped one on its first line): most paragraphs have none.
    const src = text.slice(ps.start, ps.end);
    if (!src.includes('**')) continue;
    let lineStart = ps.start;
    const srcLines = src.split('\n');
    for (let li = 0; li < srcLines.length; li++) {
      let line = srcLines[li]!;
      if (!line.includes('**')) {
        lineStart += line.length + 1;
        continue;
      }
      let m = LABEL_LINE.exec(line.replace(/\r$/, ''));
      // A value wrapped onto the next line(s) (`Applies To: **A / B /` then `C**`) is still one label line.
      for (let k = 1; !m && k <= 2 && li + k < srcLines.length && LABEL_OPEN.test(line.replace(/\r$/, '')); k++) {
        const joined = srcLines.slice(li, li + k + 1).join('\n');
        const w = LABEL_WRAPPED.exec(joined.replace(/\r$/, ''));
        if (w) {
          m = w;
          line = joined;
          li += k;
        }
      }
      if (m) {
        const word = m[2]!.trim();
        const rec = v.label(word, locale);
        if (rec) {
          const labelStart = lineStart + m[1]!.length;
          const valueStart = lineStart + line.indexOf('**', m[1]!.length + m[2]!.length) + 2;
          const value = m[3]!;
          labels.push({
            label: rec.id as CanonicalLabel,
            labelText: word,
            labelSpan: span(labelStart, labelStart + word.length),
            value: value.includes('\n') ? value.replace(/\s+/g, ' ').trim() : value.trim(),
            valueSpan: span(valueStart, valueStart + value.length),
            span: span(labelStart, lineStart + line.replace(/\r$/, '').trimEnd().length),
          });
        }
      }
      lineStart += line.length + 1;
    }
  }

  // Tables.
  const headingBefore = (offset: number): Heading | undefined => {
    let found: Heading | undefined;
    for (const h of headings) {
      if (h.span.start < offset) found = h;
      else break;
    }
    return found;
  };
  const rowOf = (r: OutlineRow): Row => {
    const cells: Cell[] = r.cells.map((cell) => {
      const cs = cell.span;
      let content: Span;
      if (cell.content) content = cell.content;
      else {
        const mid = text.slice(cs.start, cs.end).startsWith('|') ? cs.start + 1 : cs.start;
        content = span(mid, mid);
      }
      return { text: cell.text.trim(), span: content, cellSpan: cs };
    });
    return { span: r.span, cells };
  };
  const tables: Table[] = c.tables.map((tb) => {
    const ts = tb.span;
    const [head, ...rest] = tb.rows;
    const header = head ? rowOf(head) : { span: span(ts.start, ts.start), cells: [] };
    const delimStart = text.indexOf('\n', header.span.end) + 1;
    let delimEnd = text.indexOf('\n', delimStart);
    if (delimEnd < 0 || delimEnd > ts.end) delimEnd = ts.end;
    const heading = headingBefore(ts.start);
    return { span: ts, header, delimiterSpan: span(delimStart, delimEnd), rows: rest.map(rowOf), ...(heading ? { heading } : {}) };
  });

  // Steps: H3 sections under the Approach H2.
  const steps: Step[] = [];
  const approach = sections.find((s) => s.heading.canonical === 'approach');
  if (approach) {
    for (const s of sections) {
      if (s.heading.depth !== 3 || !contains(approach.span, s.heading.span)) continue;
      const stepLabels: Partial<Record<CanonicalLabel, LabelLine>> = {};
      for (const l of labels) if (contains(s.span, l.span) && !stepLabels[l.label]) stepLabels[l.label] = l;
      steps.push({ heading: s.heading, section: s, labels: stepLabels, taskTables: [], uncategorized: s.heading.canonical === 'uncategorizedTasks' });
    }
  }

  // FTOP task tables.
  const taskTables: TaskTable[] = [];
  for (const table of tables) {
    const columns: Partial<Record<TaskColumn, number>> = {};
    const unknown: Cell[] = [];
    table.header.cells.forEach((cell, i) => {
      const col = v.taskColumn(cell.text, locale);
      if (col && columns[col] === undefined) columns[col] = i;
      else unknown.push(cell);
    });
    const underTasks = table.heading?.canonical === 'ftopTasks';
    const recognised = Object.keys(columns).length;
    if (!(underTasks || (columns.id !== undefined && recognised >= 3))) continue;
    const pack = v.pack(locale);
    const moHeader = columns.mandatory !== undefined ? table.header.cells[columns.mandatory]!.text : '';
    const letters = [...moHeader.matchAll(/\(\s*(\p{L})\s*\)/gu)].map((m) => m[1]!);
    const legend = letters.length >= 2
      ? { mandatory: letters[0]!, optional: letters[1]!, fromHeader: true }
      : { mandatory: pack?.mandatoryLetters.mandatory ?? 'M', optional: pack?.mandatoryLetters.optional ?? 'O', fromHeader: false };
    const rows: TaskRow[] = table.rows.map((r) => {
      const byColumn: Partial<Record<TaskColumn, Cell>> = {};
      for (const [col, i] of Object.entries(columns) as Array<[TaskColumn, number]>) {
        const cell = r.cells[i];
        if (cell) byColumn[col] = cell;
      }
      return { span: r.span, cells: r.cells, byColumn };
    });
    const step = steps.find((s) => contains(s.section.span, table.span));
    const tt: TaskTable = { table, columns, unknownHeaderCells: unknown, legend, rows, ...(step ? { step } : {}) };
    step?.taskTables.push(tt);
    taskTables.push(tt);
  }

  // Refresh (or content) summary: the last such section.
  let refresh: RefreshSummary | undefined;
  const summary = [...sections].reverse().find((s) => s.heading.canonical === 'refreshSummary' || s.heading.canonical === 'contentSummary');
  if (summary) {
    const table = tables.find((tb) => contains(summary.span, tb.span));
    const columns: Partial<Record<RefreshColumn, number>> = {};
    table?.header.cells.forEach((cell, i) => {
      const col = v.refreshColumn(cell.text, locale);
      if (col && columns[col] === undefined) columns[col] = i;
    });
    const formats = v.pack(locale)?.dateFormats ?? [];
    const dateCol = columns.date ?? 0;
    const rows: RefreshRow[] = (table?.rows ?? []).map((r) => {
      const byColumn: Partial<Record<RefreshColumn, Cell>> = {};
      for (const [col, i] of Object.entries(columns) as Array<[RefreshColumn, number]>) {
        const cell = r.cells[i];
        if (cell) byColumn[col] = cell;
      }
      const dateCell = r.cells[dateCol];
      const date = dateCell && dateCell.text ? parseDate(dateCell.text, formats) : undefined;
      return date ? { span: r.span, cells: r.cells, byColumn, date } : { span: r.span, cells: r.cells, byColumn };
    });
    refresh = { section: summary, ...(table ? { table } : {}), columns, rows };
  }

  // Includes (a line of their own), then links that are not part of an include.
  const includes: Include[] = [];
  for (const ps of c.paragraphs) {
    const src = text.slice(ps.start, ps.end);
    if (!src.includes('[!')) continue;
    for (const m of src.matchAll(INCLUDE)) {
      const start = ps.start + m.index!;
      const rawTarget = m[2]!;
      const targetStart = start + m[0].indexOf(rawTarget, m[0].indexOf('](') + 2);
      includes.push({ title: m[1]!, target: parseLinkTarget(rawTarget), targetSpan: span(targetStart, targetStart + rawTarget.length), span: span(start, start + m[0].length) });
    }
  }
  const links: Link[] = [];
  for (const n of c.links) {
    const s = n.span;
    if (includes.some((inc) => contains(inc.span, s))) continue;
    const targetSpan = linkTargetSpan(text, n);
    if (!targetSpan) continue;
    const raw = text.slice(targetSpan.start, targetSpan.end);
    links.push({ kind: n.kind, target: parseLinkTarget(raw), targetSpan, span: s, text: n.text });
  }

  // Alerts.
  const alerts: Alert[] = [];
  for (const s of c.blockquotes) {
    const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
    const m = ALERT.exec(text.slice(lineStart, s.end));
    if (!m) continue;
    const kwStart = lineStart + m[0].length - 1 - m[1]!.length;
    alerts.push({ keyword: m[1]!, keywordSpan: span(kwStart, kwStart + m[1]!.length), span: s });
  }

  // HTML comments (inline directives).
  const comments: Comment[] = [];
  for (const s of c.html) {
    const src = text.slice(s.start, s.end);
    for (const m of src.matchAll(/<!--([\s\S]*?)-->/g)) comments.push({ text: m[1]!.trim(), span: span(s.start + m.index!, s.start + m.index! + m[0].length) });
  }

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

/** Finds the span of a link's destination as written (inside `(...)`, or after `]:` for a definition). */
function linkTargetSpan(text: string, n: OutlineLink): Span | undefined {
  const s = n.span;
  if (n.kind === 'definition') {
    const colon = text.indexOf(']:', s.start);
    if (colon < 0 || colon > s.end) return undefined;
    let a = colon + 2;
    while (a < s.end && isWhitespace(text.charCodeAt(a))) a++;
    let b = a;
    if (text[a] === '<') {
      b = text.indexOf('>', a);
      return b < 0 ? undefined : span(a + 1, b);
    }
    while (b < s.end && !isWhitespace(text.charCodeAt(b))) b++;
    return span(a, b);
  }
  if (text[s.start] === '<' && text[s.end - 1] === '>') return span(s.start + 1, s.end - 1); // autolink
  // The destination follows the `](` that closes the link text.
  let open: number;
  if (n.contentEnd !== undefined) {
    open = text.indexOf('](', n.contentEnd);
  } else {
    open = text.indexOf('](', s.start);
  }
  if (open < 0 || open >= s.end) return undefined; // a reference link `[x][y]`
  let a = open + 2;
  while (a < s.end && (text[a] === ' ' || text[a] === '\t' || text[a] === '\n' || text[a] === '\r')) a++;
  if (text[a] === '<') {
    const b = text.indexOf('>', a);
    return b < 0 || b > s.end ? undefined : span(a + 1, b);
  }
  let depth = 0;
  let b = a;
  while (b < s.end) {
    const ch = text[b]!;
    if (ch === '\\') { b += 2; continue; }
    if (ch === '(') depth++;
    else if (ch === ')') { if (depth === 0) break; depth--; }
    else if (isWhitespace(text.charCodeAt(b))) break;
    b++;
  }
  return span(a, Math.min(b, s.end));
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

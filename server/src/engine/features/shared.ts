/**
 * Helpers the language features share: where things are (lines, the link under the cursor, headings
 * a page offers through its includes), how a page is named and summarised, and how places become
 * locations. Everything reads the models of the index; nothing parses text again.
 */
import { pageTitleOf } from '../index/pageFacts';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Heading, Include, Link, LinkTarget, PlaybookDocument } from '../model/document';
import { looksLikeEmail } from '../model/linkTarget';
import { tocItems, type TocFile } from '../model/toc';
import type { LineIndex } from '../text/lineIndex';
import { span, type Span } from '../text/span';
import { t } from '../util/l10n';
import { dirname, join, relative } from '../util/paths';
import type { IsCancelled, Location } from './types';

/** True when the request was cancelled. */
export function cancelled(isCancelled?: IsCancelled): boolean {
  return isCancelled?.() === true;
}

/** True when `offset` lies in `s`, its end included (a cursor right after a word is on it). */
export function touches(s: Span, offset: number): boolean {
  return offset >= s.start && offset <= s.end;
}

/** A page's display name: its H1, else its front-matter title, else its file name without extension. */
export function pageTitle(doc: PlaybookDocument): string {
  return pageTitleOf(doc);
}

/** A path relative to the workspace root, for display. */
export function workspacePath(index: WorkspaceIndex, path: string): string {
  return relative(index.root, path);
}

/** The line index of a page or toc of the index. */
export function linesOf(index: WorkspaceIndex, path: string): LineIndex | undefined {
  return index.lineIndex(path);
}

/** A location in a page or toc (the start of the file when the file is not modelled). */
export function locationOf(index: WorkspaceIndex, path: string, s: Span): Location {
  const lines = linesOf(index, path);
  return { path, span: s, range: lines ? lines.rangeOf(s) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** The start of a file, as a location. */
export function fileStart(index: WorkspaceIndex, path: string): Location {
  return locationOf(index, path, span(0, 0));
}

/** One line of a text: its start, its end before the line break, and its text. */
export interface LineSlice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The line holding `offset`. */
export function lineAt(text: string, lines: LineIndex, offset: number): LineSlice {
  const { start, end } = lines.lineAt(offset).content;
  return { start, end, text: text.slice(start, end) };
}

/** The cells of a table row as written: where each starts and ends in the line (pipes excluded). */
export interface RowCells {
  readonly lead: boolean;
  /** [start, end) of each cell's raw text relative to the line start. */
  readonly cells: ReadonlyArray<readonly [number, number]>;
}

/** Splits a row line at its unescaped pipes. */
export function splitRow(text: string): RowCells {
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '|') pipes.push(i);
  }
  const lead = /^\s*\|/.test(text);
  const starts = lead ? pipes.map((p) => p + 1) : [0, ...pipes.map((p) => p + 1)];
  const cells = starts.map((s, i): readonly [number, number] => [s, lead ? pipes[i + 1] ?? text.length : i < pipes.length ? pipes[i]! : text.length]);
  return { lead, cells };
}

/** A link, image or include of a page. */
export type Reference = Link | Include;

/** True when a reference is an `[!INCLUDE]`. */
export function isInclude(r: Reference): r is Include {
  return !('kind' in r);
}

/** The innermost link, image or include whose span holds `offset`. */
export function referenceAt(doc: PlaybookDocument, offset: number): Reference | undefined {
  let best: Reference | undefined;
  for (const r of [...doc.includes, ...doc.links]) {
    if (!touches(r.span, offset)) continue;
    if (!best || r.span.end - r.span.start < best.span.end - best.span.start) best = r;
  }
  return best;
}

/** True when a target names a file of the workspace (relative, not a web address or an e-mail). */
export function isFileTarget(target: LinkTarget): boolean {
  return target.scheme === undefined && target.path !== '' && !looksLikeEmail(target);
}

/** The file a target points at: the linking page for `#anchor`, undefined for web addresses and e-mails. */
export function resolveTarget(index: WorkspaceIndex, from: string, target: LinkTarget): string | undefined {
  if (target.scheme !== undefined || looksLikeEmail(target)) return undefined;
  return index.resolve(from, target);
}

/** True when a toc href is a web address. */
export function isExternalHref(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/** The file a toc href points at (as the index resolves it), undefined for a web address. */
export function tocHrefTarget(tocPath: string, href: string): string | undefined {
  if (isExternalHref(href)) return undefined;
  return join(dirname(tocPath), href.split('#')[0]!.split('?')[0]!);
}

/** The toc entry whose href is at `offset` of a toc file, with its href and span. */
export function tocHrefAt(toc: TocFile, offset: number): { readonly href: string; readonly hrefSpan: Span } | undefined {
  for (const item of tocItems(toc.items)) {
    if (item.href && item.hrefSpan && touches(item.hrefSpan, offset)) return { href: item.href, hrefSpan: item.hrefSpan };
  }
  return undefined;
}

/** The anchor of a toc href, if any. */
export function tocHrefAnchor(href: string): string | undefined {
  const i = href.indexOf('#');
  return i < 0 ? undefined : href.slice(i + 1);
}

/** A heading and the file it is written in. */
export interface PlacedHeading {
  readonly path: string;
  readonly heading: Heading;
}

/** The headings a page offers as anchors: its own, then those its includes bring (transitively). */
export function headingsOf(index: WorkspaceIndex, path: string): PlacedHeading[] {
  const out: PlacedHeading[] = [];
  const seen = new Set<string>();
  const visit = (p: string): void => {
    if (seen.has(p)) return;
    seen.add(p);
    const doc = index.document(p);
    if (!doc) return;
    for (const heading of doc.headings) out.push({ path: p, heading });
    for (const inc of doc.includes) {
      const target = index.resolve(p, inc.target);
      if (target) visit(target);
    }
  };
  visit(path);
  return out;
}

/** The heading an anchor of a page names (its own first, then its includes'). */
export function findHeading(index: WorkspaceIndex, path: string, anchor: string): PlacedHeading | undefined {
  return headingsOf(index, path).find((h) => h.heading.slug === anchor);
}

/** The pages that include `path`, directly or through other includes. */
export function includersOf(index: WorkspaceIndex, path: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([path]);
  const queue = [path];
  while (queue.length > 0) {
    const p = queue.shift()!;
    for (const inc of index.incoming(p)) {
      if (inc.link.kind !== 'include' || seen.has(inc.from)) continue;
      seen.add(inc.from);
      out.push(inc.from);
      queue.push(inc.from);
    }
  }
  return out;
}

/** Markdown inline markup reduced to its text: link and image text kept, emphasis, code marks and tags dropped. */
export function plainInline(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/(^|[\s(])[*_]([^*_\s])/g, '$1$2')
    .replace(/([^*_\s])[*_](?=[\s).,;:!?]|$)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of a text (up to `.`, `!` or `?` before a space, or an ideographic full stop), at most 300 characters. */
export function firstSentence(text: string): string {
  const m = /^.*?(?:[.!?](?=\s|$)|[。！？])/su.exec(text);
  const sentence = (m ? m[0] : text).trim();
  return sentence.length > 300 ? sentence.slice(0, 299).trimEnd() + '…' : sentence;
}

/** The first paragraph of a span that is prose: not a label line, an include, or inside a block quote. */
function firstProse(doc: PlaybookDocument, within: Span): Span | undefined {
  for (const p of doc.paragraphs) {
    if (p.start < within.start || p.end > within.end) continue;
    if (doc.blockquotes.some((q) => q.start <= p.start && q.end >= p.end)) continue;
    if (doc.labels.some((l) => l.span.start >= p.start && l.span.end <= p.end)) continue;
    if (doc.includes.some((i) => i.span.start >= p.start && i.span.end <= p.end)) continue;
    return p;
  }
  return undefined;
}

/** What a page is about in one sentence: the first sentence of its Overview, else of its first paragraph. */
export function summaryOf(doc: PlaybookDocument): string | undefined {
  const overview = doc.sections.find((s) => s.heading.canonical === 'overview');
  const start = doc.frontMatter ? doc.frontMatter.span.end : 0;
  const p = (overview ? firstProse(doc, overview.span) : undefined) ?? firstProse(doc, span(start, doc.text.length));
  if (!p) return undefined;
  const sentence = firstSentence(plainInline(doc.text.slice(p.start, p.end)));
  return sentence === '' ? undefined : sentence;
}

/** How an anchor is written back: percent-encoded when the written one was. */
export function writeAnchor(written: string, slug: string): string {
  return written.includes('%') ? encodeURIComponent(slug) : slug;
}

/** Sort text that keeps items in the given order: a group digit then a zero-padded position. */
export function sortKey(group: number, position: number): string {
  return `${group}${String(position).padStart(5, '0')}`;
}

/** The heading of a list of pages using a task. */
export function usedOn(pages: number): string {
  return pages === 1 ? t('Used on 1 page:') : t('Used on {0} pages:', pages);
}

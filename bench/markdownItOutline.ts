/**
 * PROTOTYPE, bench only: the page outline from markdown-it instead of micromark, to measure what another
 * parser would buy and what it would cost in fidelity (bench/fidelity.ts compares it with `parseOutline`).
 * markdown-it gives block tokens line ranges and inline tokens no positions at all, so spans are rebuilt
 * here: inline rules are wrapped to record where links, images and inline HTML start and end in their
 * block's content string, and content offsets are mapped back to the source line by line. Known gaps
 * (not handled, as a production version would have to): CRLF and NUL (markdown-it normalizes them before
 * parsing, shifting offsets), tabs in indentation, and GFM table rules where markdown-it differs from
 * micromark (rows without pipes, tables that interrupt paragraphs).
 */
import { frontMatterEnd } from '../server/src/engine/parse/frontMatterFence';
import type { MarkdownOutline, OutlineCell, OutlineHeading, OutlineLink, OutlineRow, OutlineTable } from '../server/src/engine/parse/outline';
import { span, type Span } from '../server/src/engine/text/span';

interface Token {
  type: string;
  tag: string;
  map: [number, number] | null;
  content: string;
  markup: string;
  children: Token[] | null;
  attrs: Array<[string, string]> | null;
  meta: { start: number; end: number; labelEnd: number } | null;
}
interface InlineState {
  src: string;
  pos: number;
  tokens: Token[];
  md: { helpers: { parseLinkLabel(state: InlineState, start: number, disableNested?: boolean): number } };
}
interface BlockState {
  line: number;
  env: { definitions?: Array<[number, number]> };
}
type InlineRule = (state: InlineState, silent: boolean) => boolean;
type BlockRule = (state: BlockState, startLine: number, endLine: number, silent: boolean) => boolean;
interface Ruler<R> {
  __rules__: Array<{ name: string; fn: R }>;
  at(name: string, fn: R): void;
}
interface MarkdownIt {
  enable(rule: string): MarkdownIt;
  parse(src: string, env: object): Token[];
  inline: { ruler: Ruler<InlineRule> };
  block: { ruler: Ruler<BlockRule> };
}

const md = (require('markdown-it') as (preset: string) => MarkdownIt)('commonmark').enable('table');

// Inline rules that make nodes the outline needs: record where each starts and ends in the content.
for (const name of ['link', 'image', 'autolink', 'html_inline']) {
  const original = md.inline.ruler.__rules__.find((r) => r.name === name)!.fn;
  md.inline.ruler.at(name, (state, silent) => {
    const start = state.pos;
    const count = state.tokens.length;
    const labelEnd = name === 'link' && !silent ? state.md.helpers.parseLinkLabel(state, state.pos, true) : -1;
    const ok = original(state, silent);
    // Pending text is flushed as a token of its own before the rule's first token.
    const made = ok && !silent ? state.tokens.slice(count).find((tk) => tk.type === 'link_open' || tk.type === 'image' || tk.type === 'html_inline') : undefined;
    if (made) made.meta = { start, end: state.pos, labelEnd };
    return ok;
  });
}
// Link reference definitions make no token: record their lines.
{
  const original = md.block.ruler.__rules__.find((r) => r.name === 'reference')!.fn;
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    const ok = original(state, startLine, endLine, silent);
    if (ok && !silent) (state.env.definitions ??= []).push([startLine, state.line]);
    return ok;
  });
}

/** The outline of a page (full text, BOM included) through markdown-it. */
export function markdownItOutline(text: string): MarkdownOutline {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const fmEnd = frontMatterEnd(body);
  const src = fmEnd === undefined ? body : body.slice(fmEnd);
  const base = bom + (fmEnd ?? 0);
  const env: { definitions?: Array<[number, number]> } = {};
  const tokens = md.parse(src, env);

  const lineStarts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineText = (l: number): string => src.slice(lineStarts[l] ?? src.length, (lineStarts[l + 1] ?? src.length + 1) - 1);
  const lineStart = (l: number): number => lineStarts[l] ?? src.length;
  const firstNonBlank = (l: number): number => lineStart(l) + /^[ \t]*/.exec(lineText(l))![0].length;
  const trimmedEnd = (l: number): number => lineStart(l) + lineText(l).trimEnd().length;
  const lineEnd = (l: number): number => lineStart(l) + lineText(l).length;
  const at = (o: number): number => o + base;
  const sp = (a: number, b: number): Span => span(at(a), at(b));

  /** Maps offsets in an inline token's content to source offsets (content lines are suffixes of source lines). */
  const contentMap = (content: string, firstLine: number): ((pos: number) => number) => {
    const lines = content.split('\n');
    const starts: number[] = [];
    lines.forEach((c, k) => {
      const l = firstLine + k;
      const end = k === lines.length - 1 ? trimmedEnd(l) : lineStart(l) + lineText(l).length;
      starts.push(end - c.length);
    });
    return (pos: number): number => {
      let k = 0;
      let acc = 0;
      while (k < lines.length - 1 && pos > acc + lines[k]!.length) {
        acc += lines[k]!.length + 1;
        k++;
      }
      return starts[k]! + (pos - acc);
    };
  };

  const plain = (children: readonly Token[]): string => {
    let out = '';
    for (const c of children) {
      if (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline') out += c.content;
      else if (c.type === 'softbreak') out += '\n';
      else if (c.type === 'image') out += plain(c.children ?? []);
    }
    return out;
  };

  const headings: OutlineHeading[] = [];
  const tables: OutlineTable[] = [];
  const links: OutlineLink[] = [];
  const paragraphs: Span[] = [];
  const blockquotes: Span[] = [];
  const html: Span[] = [];
  const code: Span[] = [];

  const inlineNodes = (inline: Token, map: (pos: number) => number): void => {
    const kids = inline.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i]!;
      if (!k.meta) continue;
      const s = sp(map(k.meta.start), map(k.meta.end));
      if (k.type === 'link_open') {
        let depth = 0;
        let j = i + 1;
        for (; j < kids.length; j++) {
          if (kids[j]!.type === 'link_open') depth++;
          if (kids[j]!.type === 'link_close') { if (depth === 0) break; depth--; }
        }
        const inner = kids.slice(i + 1, j);
        const contentEnd = k.markup !== 'autolink' && k.meta.labelEnd > k.meta.start + 1 ? at(map(k.meta.labelEnd)) : undefined;
        links.push({ kind: 'link', span: s, text: plain(inner), ...(contentEnd !== undefined ? { contentEnd } : {}) });
      } else if (k.type === 'image') links.push({ kind: 'image', span: s, text: plain(k.children ?? []) });
      else if (k.type === 'html_inline') html.push(s);
    }
  };

  /** Cells of a table row line: from each pipe to the next (the last keeps the closing pipe). */
  const cellsOf = (l: number, inlines: Token[]): OutlineCell[] => {
    const line = lineText(l);
    const start = lineStart(l);
    const bounds: number[] = [];
    let i = line.search(/\S/);
    const lead = line[i] === '|';
    if (!lead) bounds.push(i);
    for (let inCode = false; i < line.length; i++) {
      const ch = line[i];
      if (ch === '\\') { i++; continue; }
      if (ch === '`') inCode = !inCode;
      if (ch === '|') bounds.push(i);
    }
    const end = line.trimEnd().length;
    const cells: OutlineCell[] = [];
    for (let c = 0; c < inlines.length; c++) {
      const a = bounds[c] ?? end;
      const last = c === inlines.length - 1;
      const b = last ? end : bounds[c + 1] ?? end;
      const inner = line.slice(lead || c > 0 ? a + 1 : a, last && line[end - 1] === '|' && b === end ? end - 1 : b);
      const cs = start + (lead || c > 0 ? a + 1 : a) + (inner.length - inner.trimStart().length);
      const content = inlines[c]!.content;
      const map = (pos: number): number => cs + pos;
      inlineNodes(inlines[c]!, map);
      cells.push({ span: sp(start + a, start + b), text: plain(inlines[c]!.children ?? []), ...(content.length ? { content: sp(cs, cs + content.length) } : {}) });
    }
    return cells;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    const map = tk.map;
    switch (tk.type) {
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const l = map![0];
        const setext = tk.markup === '=' || tk.markup === '-';
        const content = inline.content;
        let cStart: number;
        if (setext) cStart = contentMap(content, l)(0);
        else {
          const line = lineText(l);
          const m = /^([ \t>]*)(#{1,6})[ \t]*/.exec(line)!;
          cStart = lineStart(l) + (content.length ? line.indexOf(content, m[0].length) : m[0].length);
        }
        const m = setext ? contentMap(content, l) : (pos: number): number => cStart + pos;
        inlineNodes(inline, m);
        const hStart = setext ? cStart : lineStart(l) + lineText(l).indexOf('#');
        const hEnd = lineEnd(map![1] - 1);
        headings.push({ depth: Number(tk.tag.slice(1)), span: sp(hStart, hEnd), text: plain(inline.children ?? []), ...(content.length ? { content: sp(m(0), m(content.length)) } : {}) });
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1]!;
        const m = contentMap(inline.content, map![0]);
        paragraphs.push(sp(m(0), lineEnd(map![1] - 1)));
        inlineNodes(inline, m);
        break;
      }
      case 'blockquote_open': blockquotes.push(sp(firstNonBlank(map![0]), lineEnd(map![1] - 1))); break;
      case 'html_block': html.push(sp(firstNonBlank(map![0]), trimmedEnd(map![1] - 1))); break;
      case 'fence': code.push(sp(firstNonBlank(map![0]), trimmedEnd(map![1] - 1))); break;
      case 'code_block': code.push(sp(lineStart(map![0]), trimmedEnd(map![1] - 1))); break;
      case 'table_open': {
        const rows: OutlineRow[] = [];
        const align: Array<'left' | 'right' | 'center' | null> = [];
        let j = i + 1;
        let cells: Token[] = [];
        let rowLine = -1;
        for (; j < tokens.length && tokens[j]!.type !== 'table_close'; j++) {
          const t = tokens[j]!;
          if (t.type === 'tr_open') { cells = []; rowLine = t.map![0]; }
          if (t.type === 'th_open') align.push((/text-align:(left|right|center)/.exec(t.attrs?.map((a) => a.join(':')).join(';') ?? '')?.[1] as 'left' | 'right' | 'center' | undefined) ?? null);
          if (t.type === 'inline') cells.push(t);
          if (t.type === 'tr_close') rows.push({ span: sp(firstNonBlank(rowLine), trimmedEnd(rowLine)), cells: cellsOf(rowLine, cells) });
        }
        tables.push({ span: sp(firstNonBlank(map![0]), trimmedEnd(map![1] - 1)), align, rows });
        i = j;
        break;
      }
      default: break;
    }
  }
  for (const [a, b] of env.definitions ?? []) {
    const first = lineText(a);
    const label = /\[((?:\\.|[^\]\\])*)\]/.exec(first)?.[1] ?? '';
    links.push({ kind: 'definition', span: sp(firstNonBlank(a), trimmedEnd(b - 1)), text: label });
  }
  const byStart = (x: { span: Span } | Span, y: { span: Span } | Span): number => ('span' in x ? x.span.start : x.start) - ('span' in y ? y.span.start : y.start);
  return {
    ...(fmEnd !== undefined ? { frontMatter: span(bom, bom + fmEnd) } : {}),
    headings, tables, links: links.sort(byStart), paragraphs, blockquotes: blockquotes.sort(byStart), html: html.sort(byStart), code,
  };
}

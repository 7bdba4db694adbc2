import type { Token } from 'markdown-it';
import { span, type Span } from '../../text/span';
import type { MarkdownOutline, OutlineCell, OutlineHeading, OutlineLink, OutlineRow, OutlineTable } from '../outline';
import { sliceMap, toSource, type ContentMap } from './contentMap';
import { plainText, type TextContext } from './plainText';
import { originalOffset, type SourceText } from './sourceText';
import { contentMapOf, notesOf, type DefinitionRecord } from './tokenData';

interface Lists {
  headings: OutlineHeading[];
  tables: OutlineTable[];
  links: OutlineLink[];
  paragraphs: Span[];
  blockquotes: Span[];
  html: Span[];
  code: Span[];
}

/**
 * Reduces markdown-it's tokens (parsed with the recording rules of `instance.ts`) to the outline, in
 * document order. `base` is added to every offset (the length of what was cut off before parsing: the
 * BOM, the front matter).
 */
export function outlineOfTokens(tokens: readonly Token[], definitions: readonly DefinitionRecord[], source: SourceText, base: number, restoreEndings: boolean): Omit<MarkdownOutline, 'frontMatter'> {
  const o: Lists = { headings: [], tables: [], links: [], paragraphs: [], blockquotes: [], html: [], code: [] };
  const at = (n: number): number => base + originalOffset(source, n);
  const sp = (r: readonly [number, number] | undefined): Span => (r ? span(at(r[0]), at(r[1])) : span(base, base));
  const context = (map: ContentMap, inTable: boolean): TextContext => ({ source, map, offset: 0, inTable, restoreEndings });
  const mapOf = (inline: Token | undefined): ContentMap => (inline && contentMapOf(inline)) ?? sliceMap(0, inline?.content.length ?? 0);
  const contentOf = (inline: Token | undefined): Span | undefined => {
    if (!inline || inline.content.length === 0) return undefined;
    const map = mapOf(inline);
    return span(at(toSource(map, 0)), at(toSource(map, map.length)));
  };
  const textOf = (inline: Token | undefined, inTable: boolean): string => {
    if (!inline) return '';
    // Most cells and headings are one text node, left unparsed (see `plainInline.ts`).
    if (notesOf(inline)?.plain) return inline.content;
    const kids = inline.children;
    if (!kids || kids.length === 0) return '';
    return plainText(kids, 0, kids.length, context(mapOf(inline), inTable));
  };
  let nextDefinition = 0;
  const definitionsBefore = (offset: number): void => {
    for (; nextDefinition < definitions.length && definitions[nextDefinition]!.span[0] < offset; nextDefinition++) {
      const d = definitions[nextDefinition]!;
      o.links.push({ kind: 'definition', span: sp(d.span), text: labelText(d, source, restoreEndings) });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const notes = notesOf(t);
    const block = notes?.span;
    if (block) definitionsBefore(block[0]);
    switch (t.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        const content = contentOf(inline);
        const depth = Number(t.tag.slice(1));
        const text = textOf(inline, false);
        o.headings.push(content ? { depth, span: sp(block), text, content } : { depth, span: sp(block), text });
        break;
      }
      case 'paragraph_open': o.paragraphs.push(sp(block)); break;
      case 'blockquote_open': o.blockquotes.push(sp(block)); break;
      case 'html_block': o.html.push(sp(block)); break;
      case 'fence':
      case 'code_block': o.code.push(sp(block)); break;
      case 'table_open': {
        const rows: OutlineRow[] = [];
        let cells: OutlineCell[] = [];
        let rowSpan: Span = span(base, base);
        for (i++; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
          const r = tokens[i]!;
          if (r.type === 'tr_open') {
            cells = [];
            rowSpan = sp(notesOf(r)?.span);
          } else if (r.type === 'tr_close') {
            rows.push({ span: rowSpan, cells });
          } else if (r.type === 'inline') {
            // A cell (see `gfmTable.ts`).
            const c = notesOf(r)?.cell;
            const cellSpan = c ? span(at(c.start), at(c.end)) : span(base, base);
            const text = textOf(r, true);
            cells.push(c?.content ? { span: cellSpan, text, content: sp(c.content) } : { span: cellSpan, text });
            inlineNodes(r, o, source, at, restoreEndings, true);
          }
        }
        o.tables.push({ span: sp(block), align: [...(notes?.aligns ?? [])], rows });
        break;
      }
      case 'inline': inlineNodes(t, o, source, at, restoreEndings, false); break;
      default: break;
    }
  }
  definitionsBefore(Infinity);
  return o;
}

/** Adds the links, images and inline HTML of an inline token to the outline lists. */
function inlineNodes(inline: Token, o: Lists, source: SourceText, at: (n: number) => number, restoreEndings: boolean, inTable: boolean): void {
  const kids = inline.children ?? [];
  if (kids.length === 0) return;
  const map = contentMapOf(inline);
  if (!map) return;
  const pos = (p: number): number => at(toSource(map, p));
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i]!;
    const r = notesOf(k)?.range;
    if (!r) continue;
    if (k.type === 'html_inline') {
      o.html.push(span(pos(r.start), pos(r.end)));
    } else if (k.type === 'link_open' && r.inline) {
      let depth = 0;
      let j = i + 1;
      for (; j < kids.length; j++) {
        const type = kids[j]!.type;
        if (type === 'link_open') depth++;
        else if (type === 'link_close' && depth-- === 0) break;
      }
      const text = plainText(kids, i + 1, j, { source, map, offset: 0, inTable, restoreEndings });
      const contentEnd = linkContentEnd(inline.content, r.start, r.labelEnd ?? -1, k.markup === 'autolink', map, at);
      o.links.push({ kind: 'link', span: span(pos(r.start), pos(r.end)), text, ...(contentEnd !== undefined ? { contentEnd } : {}) });
    } else if (k.type === 'image' && r.inline) {
      const alt = k.children ?? [];
      o.links.push({ kind: 'image', span: span(pos(r.start), pos(r.end)), text: plainText(alt, 0, alt.length, { source, map, offset: r.start + 2, inTable, restoreEndings }) });
    }
  }
}

/**
 * Where the last inline node of a link's text ends: at the `]`, or, when the text ends with a line ending
 * and blanks, just after that line ending (the blanks are indentation, not content). Undefined for `[]`.
 */
function linkContentEnd(content: string, start: number, labelEnd: number, autolink: boolean, map: ContentMap, at: (n: number) => number): number | undefined {
  if (autolink) return at(toSource(map, labelEnd));
  if (labelEnd <= start + 1) return undefined;
  let e = labelEnd;
  while (e > start + 1 && (content.charCodeAt(e - 1) === 32 || content.charCodeAt(e - 1) === 9)) e--;
  if (content.charCodeAt(e - 1) === 10) return at(toSource(map, e - 1) + 1);
  return at(toSource(map, labelEnd));
}

/** A definition's label as written, its line endings restored. */
function labelText(d: DefinitionRecord, source: SourceText, restoreEndings: boolean): string {
  if (!restoreEndings || d.labelBreaks.length === 0) return d.label;
  const parts = d.label.split('\n');
  return parts.map((p, k) => (k === 0 ? p : originalEndingAt(source, d.labelBreaks[k - 1]!) + p)).join('');
}

function originalEndingAt(source: SourceText, n: number): string {
  const o = originalOffset(source, n);
  if (source.original.charCodeAt(o) !== 13) return '\n';
  return source.original.charCodeAt(o + 1) === 10 ? '\r\n' : '\r';
}

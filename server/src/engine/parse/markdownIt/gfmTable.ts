import type { StateBlock } from 'markdown-it';
import { lineContentStart, startsListItem } from './blockExtent';
import { builtinBlockRule, type BlockRule } from './blockRules';
import { sliceMap } from './contentMap';
import { isLoneHtmlTag } from './htmlTag';
import { blockSpans, cellSpans, contentMaps, rowSpans, tableAligns } from './tokenData';
import { canHeadTable, delimiterAligns, splitRow, type Align } from './tableRow';

/** markdown-it's heading and HTML block rules, taken on first use (each costs a probe instance). */
let interrupters: { readonly heading: BlockRule; readonly htmlBlock: BlockRule } | undefined;

/**
 * A GFM table block rule in place of markdown-it's own, following GFM as micromark implements it (the
 * outline's reference, which the rules were tuned against) where markdown-it's differs: a table may
 * interrupt a paragraph; the header row needs as many cells as the delimiter row; rows keep the cells as
 * written (none added or dropped: rules check the counts), split at every unescaped pipe, code spans
 * included; a row needs no pipe; a delimiter row that starts a list item is a list item; rows end at a
 * blank line, at an outdented or lazy line, at indented code, and where another block starts (block
 * quote, list item, fence, thematic break, ATX heading, HTML block of any kind). Each row, cell and the
 * table record their spans; each cell's content is an inline token.
 */
export const gfmTable: BlockRule = (state, startLine, endLine, silent) => {
  const delimiterLine = startLine + 1;
  if (delimiterLine >= endLine) return false;
  const indent = state.blkIndent;
  const at = (line: number): number => state.sCount[line] ?? 0;
  if (at(startLine) - indent >= 4 || at(delimiterLine) < indent || at(delimiterLine) - indent >= 4) return false;
  const dStart = lineContentStart(state, delimiterLine);
  const dEnd = state.eMarks[delimiterLine] ?? state.src.length;
  if (dStart >= dEnd || startsListItem(state.src.slice(dStart, dEnd))) return false;
  const aligns = delimiterAligns(state.src.slice(dStart, dEnd));
  if (!aligns) return false;
  const hStart = lineContentStart(state, startLine);
  const head = state.src.slice(hStart, state.eMarks[startLine] ?? state.src.length);
  if (!canHeadTable(head)) return false;
  // Blocks micromark tries before a table at the start of a line.
  const { heading, htmlBlock } = (interrupters ??= { heading: builtinBlockRule('heading'), htmlBlock: builtinBlockRule('html_block') });
  if (heading(state, startLine, endLine, true) || htmlBlock(state, startLine, endLine, true)) return false;
  if (!silent && isLoneHtmlTag(head)) return false;
  const headCells = splitRow(head);
  if (headCells.length !== aligns.length) return false;
  if (silent) return true;

  const terminators = state.md.block.ruler.getRules('blockquote');
  let last = delimiterLine;
  for (let line = delimiterLine + 1; line < endLine; line++) {
    if (at(line) < indent || state.isEmpty(line) || at(line) - indent >= 4) break;
    if (terminators.some((rule) => rule(state, line, endLine, true))) break;
    if (isLoneHtmlTag(state.src.slice(lineContentStart(state, line), state.eMarks[line]))) break;
    last = line;
  }

  const table = state.push('table_open', 'table', 1);
  table.map = [startLine, last + 1];
  tableAligns.set(table, aligns);
  blockSpans.set(table, [hStart, state.eMarks[last] ?? state.src.length]);
  state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
  pushRow(state, startLine, 'th', aligns);
  state.push('thead_close', 'thead', -1);
  if (last > delimiterLine) {
    state.push('tbody_open', 'tbody', 1).map = [delimiterLine + 1, last + 1];
    for (let line = delimiterLine + 1; line <= last; line++) pushRow(state, line, 'td', aligns);
    state.push('tbody_close', 'tbody', -1);
  }
  state.push('table_close', 'table', -1);
  state.line = last + 1;
  return true;
};

/** Pushes the tokens of one row, recording its span and its cells' spans and contents. */
function pushRow(state: StateBlock, line: number, tag: 'th' | 'td', aligns: readonly Align[]): void {
  const start = lineContentStart(state, line);
  const end = state.eMarks[line] ?? state.src.length;
  const tr = state.push('tr_open', 'tr', 1);
  tr.map = [line, line + 1];
  rowSpans.set(tr, [start, end]);
  splitRow(state.src.slice(start, end)).forEach((cell, i) => {
    const open = state.push(`${tag}_open`, tag, 1);
    const align = aligns[i];
    if (align) open.attrs = [['style', `text-align:${align}`]];
    const content = cell.content ? ([start + cell.content[0], start + cell.content[1]] as const) : undefined;
    cellSpans.set(open, { span: [start + cell.start, start + cell.end], ...(content ? { content } : {}) });
    const inline = state.push('inline', '', 0);
    inline.content = content ? state.src.slice(content[0], content[1]) : '';
    inline.map = [line, line + 1];
    inline.children = [];
    contentMaps.set(inline, sliceMap(content ? content[0] : start + cell.end, inline.content.length));
    state.push(`${tag}_close`, tag, -1);
  });
  state.push('tr_close', 'tr', -1);
}

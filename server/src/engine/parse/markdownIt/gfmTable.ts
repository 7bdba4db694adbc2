import type { StateBlock } from 'markdown-it';
import { lineContentStart, startsListItem } from './blockExtent';
import { builtinBlockRule, type BlockRule } from './builtinRules';
import { isLoneHtmlTag } from './htmlTag';
import { notesFor } from './tokenData';
import { canHeadTable, delimiterAligns, splitRow, splitRowIn } from './tableRow';

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
  // Asked at nearly every line of every paragraph: a delimiter row starts with `|`, `:` or `-`.
  const d = state.src.charCodeAt(dStart);
  if (dStart >= dEnd || (d !== 124 && d !== 58 && d !== 45)) return false;
  if (startsListItem(state.src.slice(dStart, dEnd))) return false;
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
  const notes = notesFor(table);
  notes.aligns = aligns;
  notes.span = [hStart, state.eMarks[last] ?? state.src.length];
  for (let line = startLine; line <= last; line++) if (line !== delimiterLine) pushRow(state, line);
  state.push('table_close', 'table', -1);
  state.line = last + 1;
  return true;
};

/**
 * Pushes the tokens of one row: `tr_open`, an `inline` token per cell (its content, noted with the cell's
 * spans), `tr_close`. The outline needs no more, so the row has none of the `th`/`td` (nor `thead`/`tbody`)
 * tokens a rendering table rule makes: a task table has a few dozen cells a page, and two tokens fewer
 * per cell is a sixth of what a page's parse allocates. This instance never renders.
 */
function pushRow(state: StateBlock, line: number): void {
  const start = lineContentStart(state, line);
  const end = state.eMarks[line] ?? state.src.length;
  const tr = state.push('tr_open', 'tr', 1);
  tr.map = [line, line + 1];
  notesFor(tr).span = [start, end];
  for (const cell of splitRowIn(state.src, start, end)) {
    const inline = state.push('inline', '', 0);
    const content = cell.content;
    inline.content = content ? state.src.slice(content[0], content[1]) : '';
    notesFor(inline).cell = cell;
  }
  state.push('tr_close', 'tr', -1);
}

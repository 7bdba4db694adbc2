import type { StateBlock } from 'markdown-it';

/**
 * Where blocks start and end as micromark (the outline's reference) counts it, from markdown-it's block
 * state while a rule runs: markdown-it gives whole lines, micromark includes or leaves out indentation,
 * trailing blank lines and line endings in ways these functions reproduce.
 */

/** A list item marker at the start of a line, and a thematic break (which is not a list item). */
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** True when `line` (from its first non-blank character) starts a list item. */
export function startsListItem(text: string): boolean {
  return LIST_ITEM.test(text) && !THEMATIC_BREAK.test(text);
}

/** True for the characters markdown-it trims off block contents (space, tab, `\n`, `\r`). */
export function isTrimmable(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The first character of `line` after indentation and container prefixes. */
export function lineContentStart(state: StateBlock, line: number): number {
  return (state.bMarks[line] ?? 0) + (state.tShift[line] ?? 0);
}

/** Where `line` ends (before its line ending). */
export function lineEnd(state: StateBlock, line: number): number {
  return state.eMarks[line] ?? state.src.length;
}

/** Where `line` ends once trailing blanks are trimmed (never before `from`). */
export function trimmedLineEnd(state: StateBlock, line: number, from: number): number {
  let e = lineEnd(state, line);
  while (e > from && isTrimmable(state.src.charCodeAt(e - 1))) e--;
  return e;
}

/** The number of lines of the text (`lineMax` is less inside a block quote). */
function lineCount(state: StateBlock): number {
  return state.bMarks.length - 1;
}

/**
 * The end of a block quote whose last line is `last`, when micromark ends it elsewhere: a quote in a quote,
 * when the next line continues the outer quote but starts a new list item or block quote in it, ends after
 * that line's outer prefix; a quote in a list item that ends with an unclosed fence or HTML block
 * (`unclosed`), when the next line continues the item with a new list item or quote, ends after the item's
 * indentation on that line.
 */
export function quoteClosedByContainerEnd(state: StateBlock, last: number, unclosed: boolean): number | undefined {
  const next = last + 1;
  if (next >= lineCount(state)) return undefined;
  const continues = state.blkIndent > 0 ? unclosed && (state.sCount[next] ?? 0) >= state.blkIndent : isQuoted(state, next);
  const start = lineContentStart(state, next);
  const text = state.src.slice(start, lineEnd(state, next));
  return continues && (startsListItem(text) || text.startsWith('>')) ? indentationStart(state, next, start) : undefined;
}

/** Where `line` really starts, before any container prefix. */
function realLineStart(state: StateBlock, line: number): number {
  return line === 0 ? 0 : lineEnd(state, line - 1) + 1;
}

/** True when `line` is inside a block quote (markdown-it moves a quoted line's start past its `>`). */
function isQuoted(state: StateBlock, line: number): boolean {
  return state.bMarks[line] !== realLineStart(state, line);
}

/** True when nothing but blanks is on `line` (container prefixes of the enclosing blocks already cut off). */
export function isBlankLine(state: StateBlock, line: number): boolean {
  const end = lineEnd(state, line);
  for (let i = state.bMarks[line] ?? end; i < end; i++) if (!isTrimmable(state.src.charCodeAt(i))) return false;
  return true;
}

/** Columns of leading blanks (tabs to the next multiple of four). */
export function columns(blanks: string): number {
  let n = 0;
  for (const ch of blanks) n = ch === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

/**
 * Where the indentation of a block begins (micromark's indented code and HTML blocks include theirs): at the
 * column the enclosing container's content starts, `sCount - blkIndent` columns before the first non-blank
 * character, tabs expanded to the next multiple of four from the line's real start.
 */
export function indentationStart(state: StateBlock, line: number, contentStart: number): number {
  const lineStart = realLineStart(state, line);
  const from = Math.max(lineStart, state.bMarks[line] ?? lineStart);
  const cols: number[] = [];
  let col = 0;
  for (let p = lineStart; p < contentStart; p++) {
    if (p >= from) cols.push(col);
    col = state.src.charCodeAt(p) === 9 ? col + 4 - (col % 4) : col + 1;
  }
  const target = col - ((state.sCount[line] ?? 0) - state.blkIndent);
  const k = cols.findIndex((c) => c >= target);
  return k < 0 ? contentStart : from + k;
}

/**
 * The end of an indented code block whose last line is `last`: micromark takes the blank lines after it up
 * to the last one indented by four columns (also blanks after the last line ending, for which markdown-it
 * has no line).
 */
export function indentedCodeEnd(state: StateBlock, startLine: number, last: number, endLine: number): number {
  let line = last + 1;
  for (; line < endLine && state.isEmpty(line); line++) if ((state.sCount[line] ?? 0) - state.blkIndent >= 4) last = line;
  if (line === lineCount(state) && !isQuoted(state, startLine)) {
    const tail = state.src.slice(lineEnd(state, line - 1) + 1);
    if (/^[ \t]+$/.test(tail) && columns(tail) - state.blkIndent >= 4) return state.src.length;
  }
  return lineEnd(state, last);
}

/**
 * The end of a fence or HTML block (kinds 1 to 5) spanning lines `map`, when it is unclosed and micromark
 * ends it elsewhere than at the end of its last line: one that runs to the end of the text ends there,
 * trailing blank lines included (not in a block quote); one cut off by the next item of a list takes its
 * last line ending along (also by a block quote). `closes(text, indent)` tells whether a line's text
 * (indented by `indent` columns in its container) closes the block.
 */
export function unclosedBlockEnd(state: StateBlock, map: readonly [number, number], closes: (text: string, indent: number) => boolean): number | undefined {
  const last = map[1] - 1;
  // The opening line can close an HTML block too, after its first character.
  const from = lineContentStart(state, last) + (last === map[0] ? 1 : 0);
  if (closes(state.src.slice(from, lineEnd(state, last)), (state.sCount[last] ?? 0) - state.blkIndent)) return undefined;
  const next = map[1];
  if (next < lineCount(state)) {
    const text = state.src.slice(lineContentStart(state, next), lineEnd(state, next));
    // Outdented below this block's container, the line is a new container only if not indented code there.
    const base = (state.sCount[next] ?? 0) >= state.blkIndent ? state.blkIndent : Math.max(0, state.listIndent);
    const opens = (startsListItem(text) || text.startsWith('>')) && (state.sCount[next] ?? 0) - base < 4;
    return opens ? lineEnd(state, last) + 1 : undefined;
  }
  if (isQuoted(state, last)) return undefined;
  // Blanks after the last line ending (markdown-it has no line for them) up to the container's indent are its prefix.
  const tailStart = lineEnd(state, last) + 1;
  if (tailStart >= state.src.length) return state.src.length;
  return columns(state.src.slice(tailStart)) > state.blkIndent ? state.src.length : tailStart;
}

/** True when `text` (from its first non-blank character, indented by `indent` columns) closes a fence opened by `markup`. */
export function closesFence(text: string, indent: number, markup: string): boolean {
  if (indent >= 4) return false;
  const c = markup.charAt(0);
  let i = 0;
  while (text.charAt(i) === c) i++;
  return i >= markup.length && /^[ \t]*$/.test(text.slice(i));
}

/** The end condition of an HTML block of kinds 1 to 5 opened by `first` (its first line), if it is one. */
export function htmlBlockCloser(first: string): RegExp | undefined {
  if (/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i.test(first)) return /<\/(?:script|pre|style|textarea)>/i;
  if (first.startsWith('<!--')) return /-->/;
  if (first.startsWith('<?')) return /\?>/;
  if (first.startsWith('<![CDATA[')) return /\]\]>/;
  if (/^<![A-Za-z]/.test(first)) return />/;
  return undefined;
}

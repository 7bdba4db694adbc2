import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { builtinBlockRule } from './builtinRules';
import { closesFence, htmlBlockCloser, indentationStart, indentedCodeEnd, isBlankLine, isTrimmable, lineContentStart, lineEnd, quoteClosedByContainerEnd, trimmedLineEnd, unclosedBlockEnd } from './blockExtent';
import { linesMap, sliceMap, toSource } from './contentMap';
import { notesFor, notesOf, type ParseEnv } from './tokenData';

/** The chains of block rules markdown-it asks whether a line ends a paragraph, a definition, a quote, a list. */
const CHAINS = ['paragraph', 'reference', 'blockquote', 'list'];

/**
 * What a wrapper does once its rule made tokens: `first` is the index of the rule's first token, `start`
 * the first character of the start line after indentation and container prefixes.
 */
type Record = (state: StateBlock, startLine: number, endLine: number, first: number, start: number) => void;

/**
 * Wraps the block rules that make tokens the outline reads, so each records its block's span and where its
 * inline content comes from.
 */
export function recordBlockPositions(md: MarkdownIt): void {
  const wrap = (name: string, record: Record): void => {
    const original = builtinBlockRule(name);
    // `at` would drop the rule from the chains of rules that may end a paragraph, a quote, a list: keep them.
    const alt = CHAINS.filter((chain) => md.block.ruler.getRules(chain).includes(original));
    md.block.ruler.at(name, (state, startLine, endLine, silent) => {
      if (silent) return original(state, startLine, endLine, true);
      const first = state.tokens.length;
      const start = lineContentStart(state, startLine);
      if (!original(state, startLine, endLine, false)) return false;
      record(state, startLine, endLine, first, start);
      return true;
    }, { alt });
  };
  wrap('paragraph', recordLines);
  wrap('lheading', recordLines);
  wrap('heading', (state, startLine, _endLine, first, start) => {
    const open = state.tokens[first];
    const inline = state.tokens[first + 1];
    if (!open || !inline) return;
    setSpan(state, first, start);
    let a = start + open.markup.length;
    const max = lineEnd(state, startLine);
    while (a < max && isTrimmable(state.src.charCodeAt(a))) a++;
    notesFor(inline).map = sliceMap(a, inline.content.length);
  });
  wrap('blockquote', (state, startLine, _endLine, first, start) => {
    // markdown-it's line range may take a blank line after the quote; the quote ends on its last `>` or lazy line.
    let last = lastLine(state, first);
    while (last > startLine && isBlankLine(state, last)) last--;
    // A quote ending in an unclosed fence or HTML block ends with it.
    let inner = state.tokens.length - 2;
    while (inner > first && state.tokens[inner]!.nesting === -1) inner--;
    const leaf = state.tokens[inner];
    const leafEnd = leaf && (leaf.type === 'fence' || leaf.type === 'html_block') ? notesOf(leaf)?.span?.[1] : undefined;
    const end = lineEnd(state, last);
    const unclosed = leafEnd !== undefined && leafEnd > end;
    setSpan(state, first, start, Math.max(end, leafEnd ?? 0, quoteClosedByContainerEnd(state, last, unclosed) ?? 0));
  });
  wrap('fence', (state, _startLine, _endLine, first, start) => {
    const token = state.tokens[first];
    const markup = token?.markup ?? '```';
    setSpan(state, first, start, token?.map ? unclosedBlockEnd(state, token.map, (text, indent) => closesFence(text, indent, markup)) : undefined);
  });
  wrap('html_block', (state, startLine, _endLine, first, start) => {
    const token = state.tokens[first];
    const closer = htmlBlockCloser(state.src.slice(start, lineEnd(state, startLine)));
    const end = closer && token?.map ? unclosedBlockEnd(state, token.map, (text) => closer.test(text)) : undefined;
    setSpan(state, first, indentationStart(state, startLine, start), end);
  });
  wrap('code', (state, startLine, endLine, first, start) => {
    setSpan(state, first, indentationStart(state, startLine, start), indentedCodeEnd(state, startLine, lastLine(state, first), endLine));
  });
  wrap('reference', (state, startLine, _endLine, _first, start) => {
    const joined = state.getLines(startLine, state.line, state.blkIndent, false);
    const label = labelOf(joined.slice(joined.indexOf('[') + 1));
    const labelBreaks: number[] = [];
    for (let i = label.indexOf('\n'), line = startLine; i >= 0; i = label.indexOf('\n', i + 1)) labelBreaks.push(lineEnd(state, line++));
    (state.env as ParseEnv).definitions.push({ span: [start, Math.max(start, lineEnd(state, state.line - 1))], label, labelBreaks });
  });
}

/** The last line of the block whose opening token is at `index`. */
function lastLine(state: StateBlock, index: number): number {
  return (state.tokens[index]?.map?.[1] ?? state.line) - 1;
}

/** Records the span of the opening token at `index`: from `start` to `end`, or to the end of its last line. */
function setSpan(state: StateBlock, index: number, start: number, end?: number): void {
  const open = state.tokens[index];
  if (open) notesFor(open).span = [start, Math.max(start, end ?? lineEnd(state, lastLine(state, index)))];
}

/** Paragraphs and setext headings: maps the multi-line content of their inline token; the block starts with it. */
function recordLines(state: StateBlock, startLine: number, _endLine: number, first: number): void {
  const inline = state.tokens[first + 1];
  if (!inline) return;
  const content = inline.content;
  let lines = 1;
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lines++;
  const last = startLine + lines - 1;
  const map = linesMap(content, startLine, state.eMarks, state.src.length, trimmedLineEnd(state, last, state.bMarks[last] ?? 0));
  notesFor(inline).map = map;
  setSpan(state, first, toSource(map, 0));
}

/** The label of a definition: everything up to the first `]` not escaped by a backslash. */
function labelOf(afterBracket: string): string {
  for (let i = 0; i < afterBracket.length; i++) {
    const c = afterBracket.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 93) return afterBracket.slice(0, i);
  }
  return afterBracket;
}

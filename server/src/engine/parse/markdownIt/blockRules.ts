import MarkdownIt, { type StateBlock } from 'markdown-it';
import { closesFence, htmlBlockCloser, indentationStart, indentedCodeEnd, isBlankLine, isTrimmable, lineContentStart, lineEnd, quoteClosedByContainerEnd, trimmedLineEnd, unclosedBlockEnd } from './blockExtent';
import { linesMap, sliceMap, toSource } from './contentMap';
import { blockSpans, contentMaps, type ParseEnv } from './tokenData';

/** A markdown-it block rule. */
export type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** The chains of block rules markdown-it asks whether a line ends a paragraph, a definition, a quote, a list. */
const CHAINS = ['paragraph', 'reference', 'blockquote', 'list'];

/** markdown-it's own block rule `name` (taken from an instance that has only that rule enabled). */
export function builtinBlockRule(name: string): BlockRule {
  const probe = new MarkdownIt('commonmark');
  probe.block.ruler.enableOnly([name]);
  const rule = probe.block.ruler.getRules('')[0];
  if (!rule) throw new Error(`markdown-it has no block rule ${name}`);
  return rule;
}

/** What a wrapper learns: the state after the rule ran, where its tokens begin, where it started. */
interface Ran {
  readonly state: StateBlock;
  readonly startLine: number;
  readonly endLine: number;
  /** Index of the rule's first token. */
  readonly first: number;
  /** The first character of the start line after indentation and container prefixes. */
  readonly start: number;
}

/**
 * Wraps the block rules that make tokens the outline reads, so each records its block's span and where its
 * inline content comes from.
 */
export function recordBlockPositions(md: MarkdownIt): void {
  const wrap = (name: string, record: (ran: Ran) => void): void => {
    const original = builtinBlockRule(name);
    // `at` would drop the rule from the chains of rules that may end a paragraph, a quote, a list: keep them.
    const alt = CHAINS.filter((chain) => md.block.ruler.getRules(chain).includes(original));
    md.block.ruler.at(name, (state, startLine, endLine, silent) => {
      const first = state.tokens.length;
      const start = lineContentStart(state, startLine);
      if (!original(state, startLine, endLine, silent)) return false;
      if (!silent) record({ state, startLine, endLine, first, start });
      return true;
    }, { alt });
  };
  wrap('paragraph', recordLines);
  wrap('lheading', recordLines);
  wrap('heading', ({ state, startLine, first, start }) => {
    const open = state.tokens[first];
    const inline = state.tokens[first + 1];
    if (!open || !inline) return;
    setSpan(state, first, start);
    let a = start + open.markup.length;
    const max = lineEnd(state, startLine);
    while (a < max && isTrimmable(state.src.charCodeAt(a))) a++;
    contentMaps.set(inline, sliceMap(a, inline.content.length));
  });
  wrap('blockquote', ({ state, startLine, first, start }) => {
    // markdown-it's line range may take a blank line after the quote; the quote ends on its last `>` or lazy line.
    let last = lastLine(state, first);
    while (last > startLine && isBlankLine(state, last)) last--;
    // A quote ending in an unclosed fence or HTML block ends with it.
    let inner = state.tokens.length - 2;
    while (inner > first && state.tokens[inner]!.nesting === -1) inner--;
    const leaf = state.tokens[inner];
    const leafEnd = leaf && (leaf.type === 'fence' || leaf.type === 'html_block') ? blockSpans.get(leaf)?.[1] : undefined;
    const end = lineEnd(state, last);
    const unclosed = leafEnd !== undefined && leafEnd > end;
    setSpan(state, first, start, Math.max(end, leafEnd ?? 0, quoteClosedByContainerEnd(state, last, unclosed) ?? 0));
  });
  wrap('fence', ({ state, first, start }) => {
    const token = state.tokens[first];
    const markup = token?.markup ?? '```';
    setSpan(state, first, start, token?.map ? unclosedBlockEnd(state, token.map, (text, indent) => closesFence(text, indent, markup)) : undefined);
  });
  wrap('html_block', ({ state, startLine, first, start }) => {
    const token = state.tokens[first];
    const closer = htmlBlockCloser(state.src.slice(start, lineEnd(state, startLine)));
    const end = closer && token?.map ? unclosedBlockEnd(state, token.map, (text) => closer.test(text)) : undefined;
    setSpan(state, first, indentationStart(state, startLine, start), end);
  });
  wrap('code', ({ state, startLine, endLine, first, start }) => {
    setSpan(state, first, indentationStart(state, startLine, start), indentedCodeEnd(state, startLine, lastLine(state, first), endLine));
  });
  wrap('reference', ({ state, startLine, start }) => {
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
  if (open) blockSpans.set(open, [start, Math.max(start, end ?? lineEnd(state, lastLine(state, index)))]);
}

/** Paragraphs and setext headings: maps the multi-line content of their inline token; the block starts with it. */
function recordLines({ state, startLine, first }: Ran): void {
  const inline = state.tokens[first + 1];
  if (!inline) return;
  const content = inline.content;
  let lines = 1;
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) lines++;
  const last = startLine + lines - 1;
  const map = linesMap(content, startLine, (l) => lineEnd(state, l), trimmedLineEnd(state, last, state.bMarks[last] ?? 0));
  contentMaps.set(inline, map);
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

import type MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import { builtinInlineRule } from './builtinRules';
import { notesFor, type ParseEnv } from './tokenData';

/** The first token of type `type` the rule pushed (pending text is flushed as a token before it). */
function made(state: StateInline, from: number, type: string): Token | undefined {
  for (let i = from; i < state.tokens.length; i++) if (state.tokens[i]!.type === type) return state.tokens[i];
  return undefined;
}

/** True when `[text](...)` was written inline: the label is followed by `(` and the node ends with `)`. */
function writtenInline(src: string, labelEnd: number, end: number): boolean {
  return src.charCodeAt(labelEnd + 1) === 40 && src.charCodeAt(end - 1) === 41;
}

/**
 * Wraps the inline rules that make nodes the outline needs, so each records where its node starts and ends
 * in the content it parses: links, images, autolinks, inline HTML, and line breaks (these only when the
 * text has `\r` line endings to restore). A hard break after blanks that include a tab becomes a soft break,
 * as in micromark (the GFM reference parser) and therefore in the outline's contract.
 */
export function recordInlinePositions(md: MarkdownIt): void {
  const wrap = (name: string, after: (state: StateInline, start: number, first: number) => void): void => {
    const original = builtinInlineRule(name);
    md.inline.ruler.at(name, (state, silent) => {
      const start = state.pos;
      const first = state.tokens.length;
      if (!original(state, silent)) return false;
      if (!silent) after(state, start, first);
      return true;
    });
  };
  wrap('link', (state, start, first) => {
    const token = made(state, first, 'link_open');
    if (!token) return;
    const end = state.pos;
    const labelEnd = state.md.helpers.parseLinkLabel(state, start, true);
    state.pos = end;
    notesFor(token).range = { start, end, labelEnd, inline: labelEnd >= 0 && writtenInline(state.src, labelEnd, end) };
  });
  wrap('image', (state, start, first) => {
    const token = made(state, first, 'image');
    if (!token) return;
    const end = state.pos;
    const labelEnd = state.md.helpers.parseLinkLabel(state, start + 1, false);
    state.pos = end;
    notesFor(token).range = { start, end, labelEnd, inline: labelEnd >= 0 && writtenInline(state.src, labelEnd, end) };
  });
  wrap('autolink', (state, start, first) => {
    const token = made(state, first, 'link_open');
    if (token) notesFor(token).range = { start, end: state.pos, labelEnd: state.pos - 1, inline: true };
  });
  wrap('html_inline', (state, start, first) => {
    const token = made(state, first, 'html_inline');
    if (token) notesFor(token).range = { start, end: state.pos };
  });
  wrap('newline', (state, start, first) => {
    const token = state.tokens[state.tokens.length - 1];
    if (!token || state.tokens.length === first) return;
    if (token.type === 'hardbreak' && blanksBeforeHaveTab(state.src, start)) token.type = 'softbreak';
    if ((state.env as ParseEnv).keepBreaks) notesFor(token).range = { start, end: start + 1 };
  });
}

/** True when the blanks right before the line ending at `pos` include a tab. */
function blanksBeforeHaveTab(src: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = src.charCodeAt(i);
    if (c === 9) return true;
    if (c !== 32) return false;
  }
  return false;
}

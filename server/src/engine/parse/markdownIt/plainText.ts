import type { Token } from 'markdown-it';
import { toSource, type ContentMap } from './contentMap';
import { originalLineEnding, type SourceText } from './sourceText';
import { notesOf } from './tokenData';

/** What plain text needs to know about the content the tokens were parsed from. */
export interface TextContext {
  readonly source: SourceText;
  readonly map: ContentMap;
  /** Added to the tokens' content offsets to get offsets in `map`'s content (an image's label is parsed on its own). */
  readonly offset: number;
  /** In a table cell, `\|` in a code span stands for `|` (GFM). */
  readonly inTable: boolean;
  /** True when the original text has `\r` line endings to restore. */
  readonly restoreEndings: boolean;
}

/**
 * The plain text of `tokens[from..to)` as the outline's contract defines it (mdast's `toString`): texts,
 * code span contents, raw inline HTML and image alt texts, markup dropped; a soft line break is the line
 * ending as written (blanks before it dropped), a hard line break nothing.
 */
export function plainText(tokens: readonly Token[], from: number, to: number, ctx: TextContext): string {
  let out = '';
  /** Where the text token just before a line break starts in `out` (blanks before a soft break are dropped). */
  let textStart = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type !== 'softbreak') textStart = -1;
    switch (t.type) {
      case 'text':
      case 'text_special': // escapes and character references, not joined into texts inside image descriptions
        textStart = out.length;
        out += t.content;
        break;
      case 'code_inline':
        out += ctx.inTable ? t.content.replace(/\\\|/g, '|') : t.content;
        break;
      case 'html_inline':
        out += withEndings(t.content, notesOf(t)?.range?.start, ctx);
        break;
      case 'softbreak': {
        if (textStart >= 0) out = out.slice(0, textStart) + out.slice(textStart).replace(/[ \t]+$/, '');
        const at = notesOf(t)?.range?.start;
        out += ctx.restoreEndings && at !== undefined ? originalLineEnding(ctx.source, toSource(ctx.map, at + ctx.offset)) : '\n';
        break;
      }
      case 'image': {
        const kids = t.children ?? [];
        const labelStart = (notesOf(t)?.range?.start ?? 0) + 2;
        out += plainText(kids, 0, kids.length, { ...ctx, offset: ctx.offset + labelStart });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** `text` (starting at content offset `start`) with each `\n` turned back into the line ending as written. */
function withEndings(text: string, start: number | undefined, ctx: TextContext): string {
  if (!ctx.restoreEndings || start === undefined || !text.includes('\n')) return text;
  let out = '';
  let from = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    out += text.slice(from, i) + originalLineEnding(ctx.source, toSource(ctx.map, start + ctx.offset + i));
    from = i + 1;
  }
  return out + text.slice(from);
}

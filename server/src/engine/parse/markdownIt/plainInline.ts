import type { StateCore, Token } from 'markdown-it';
import { notesFor } from './tokenData';

/**
 * Characters where one of the inline rules this instance runs (markdown-it's CommonMark set: autolink,
 * backticks, emphasis, entity, escape, HTML, image, link, newline, text) can start: a line ending, `\`,
 * `` ` ``, `*`, `_`, `[` (an image is `![`), `<` and `&`. Content without any of them is one text node.
 */
const RULE_START = /[\n\\`*_[<&]/;

/** The children of every plain inline token (the table rule leaves them to this rule; later core rules read them). */
const NO_CHILDREN: Token[] = [];
Object.freeze(NO_CHILDREN);

/** True when markdown-it's inline parse of `content` is nothing but one text token holding all of it. */
export function isPlainInline(content: string): boolean {
  return !RULE_START.test(content);
}

/**
 * markdown-it's core `inline` rule (parse the content of every `inline` token into its children), except
 * that content without a character any inline rule starts at is not parsed: the token is noted as plain,
 * and the outline takes its content as the one text node the inline parser would make of it. About four in five inline tokens of a playbook page are such: table cells
 * (`FT-01`, `Owner`, `M`), headings, plain prose, and the parser's state and rule attempts per character
 * cost more than the rest of their parse. `test/unit/parse-plainInline.test.ts` checks the premise against
 * the installed markdown-it.
 */
export function parseInlines(state: StateCore): void {
  const { md, env, tokens } = state;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'inline') continue;
    const content = token.content;
    if (!isPlainInline(content)) {
      md.inline.parse(content, md, env, (token.children ??= []));
      continue;
    }
    // Noted instead of parsed: the outline takes the content as the one text node (see `outlineOfTokens.ts`).
    notesFor(token).plain = true;
    token.children ??= NO_CHILDREN;
  }
}

const ATTRIBUTE = String.raw`[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^"'=<>\x60 \t]+|'[^']*'|"[^"]*"))?`;
const OPEN_TAG = String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*[ \t]*\/?>`;
const CLOSING_TAG = String.raw`<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>`;
const ALONE = new RegExp(String.raw`^(?:${OPEN_TAG}|${CLOSING_TAG})[ \t]*$`);

/**
 * True when a line (from its first non-blank character) is a complete HTML open or closing tag and nothing
 * else: the start of an HTML block of CommonMark's kind 7, which may start a block but not interrupt a
 * paragraph (markdown-it's `html_block` rule, asked whether a line interrupts, answers no for this kind).
 */
export function isLoneHtmlTag(line: string): boolean {
  return line.charCodeAt(0) === 60 && ALONE.test(line);
}

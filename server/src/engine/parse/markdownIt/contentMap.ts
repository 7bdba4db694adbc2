/**
 * Where the characters of a markdown-it inline content string come from. markdown-it builds the content of
 * a paragraph or heading from its source lines: container prefixes and indentation cut off (a tab partly
 * inside the indentation becomes spaces), lines joined by `\n`, the whole trimmed. Each content line is
 * therefore some leading blanks followed by the exact end of its source line, so a position is mapped from
 * the end of its line. Leading blanks of a line never start an inline node (markdown-it skips them after a
 * line break), so they need no exact mapping.
 */
export interface ContentMap {
  /** Offset in the content where each content line starts. */
  readonly lineStarts: readonly number[];
  /** Offset in the normalized source just after each content line (before its `\n`). */
  readonly srcEnds: readonly number[];
  /** The content's length. */
  readonly length: number;
}

/** The line starts of a one-line content string, shared by all of them. */
const ONE_LINE: readonly number[] = Object.freeze([0]);

/** The map of a content string that is one slice of the source starting at `srcStart`. */
export function sliceMap(srcStart: number, length: number): ContentMap {
  return { lineStarts: ONE_LINE, srcEnds: [srcStart + length], length };
}

/**
 * The map of `content`, whose line `i` ends where source line `firstLine + i` ends (`lineEnds[line]`, or
 * `srcLength` past the last line), except the last, which ends at `lastEnd` (the content was trimmed there).
 */
export function linesMap(content: string, firstLine: number, lineEnds: ArrayLike<number>, srcLength: number, lastEnd: number): ContentMap {
  let i = content.indexOf('\n');
  if (i < 0) return { lineStarts: ONE_LINE, srcEnds: [lastEnd], length: content.length };
  const lineStarts = [0];
  const srcEnds: number[] = [];
  let line = firstLine;
  for (; i >= 0; i = content.indexOf('\n', i + 1)) {
    srcEnds.push(lineEnds[line++] ?? srcLength);
    lineStarts.push(i + 1);
  }
  srcEnds.push(lastEnd);
  return { lineStarts, srcEnds, length: content.length };
}

/** The normalized source offset of content offset `pos` (0 ≤ pos ≤ length). */
export function toSource(map: ContentMap, pos: number): number {
  const starts = map.lineStarts;
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > pos) i--;
  const lineEnd = i + 1 < starts.length ? starts[i + 1]! - 1 : map.length;
  return Math.max(0, map.srcEnds[i]! - (lineEnd - pos));
}

/**
 * Where the YAML front matter block of a page ends, read exactly as `micromark-extension-frontmatter`
 * reads it: the text opens with `---` (then only spaces or tabs) and a line ending, and the block closes
 * at the first later line that is `---` followed only by spaces or tabs. Returns the offset just after the
 * closing fence and its trailing blanks (its line ending excluded), or undefined when there is no closed
 * block. `body` is the text without its BOM.
 */
export function frontMatterEnd(body: string): number | undefined {
  if (!body.startsWith('---')) return undefined;
  let i = afterBlanks(body, 3);
  if (i >= body.length || !isLineEnding(body.charCodeAt(i))) return undefined;
  i = afterLineEnding(body, i);
  for (;;) {
    if (body.startsWith('---', i)) {
      const j = afterBlanks(body, i + 3);
      if (j >= body.length || isLineEnding(body.charCodeAt(j))) return j;
    }
    let k = i;
    while (k < body.length && !isLineEnding(body.charCodeAt(k))) k++;
    // A block whose last line has no line ending and is not a fence is never closed.
    if (k >= body.length) return undefined;
    i = afterLineEnding(body, k);
  }
}

function isLineEnding(c: number): boolean {
  return c === 10 || c === 13;
}

function afterBlanks(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

function afterLineEnding(s: string, i: number): number {
  return s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
}

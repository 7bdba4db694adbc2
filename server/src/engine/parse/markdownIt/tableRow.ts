/** Column alignment from a delimiter row cell: `:-` left, `-:` right, `:-:` center, `-` none. */
export type Align = 'left' | 'right' | 'center' | null;

/** A cell of a row, as offsets into the row's text. */
export interface RowCell {
  /** From the cell's leading pipe (the first cell: its first character) to the next pipe or the row's end. */
  readonly start: number;
  readonly end: number;
  /** From the first to the last non-blank character of its content; absent when the cell is empty. */
  readonly content?: readonly [number, number];
}

const PIPE = 124;
const BACKSLASH = 92;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * Splits a table row into cells the way GFM (micromark's table construct, the outline's reference) does:
 * every unescaped `|` ends a cell and starts the next, also inside code spans; `\|` and `\\` are kept as
 * content; the first cell owns a leading pipe; a trailing pipe closes the last cell, which then reaches to
 * the row's end. Cells are neither padded nor cut to the header's count. `row` starts at the row's first
 * non-blank character and ends with the line (trailing blanks included).
 */
export function splitRow(row: string): RowCell[] {
  return splitRowIn(row, 0, row.length);
}

/** {@link splitRow} for the row `src[from..to)`, without cutting it out: offsets are into `src`. */
export function splitRowIn(src: string, from: number, to: number): RowCell[] {
  const cells: RowCell[] = [];
  // The open cell: where it starts (-1: none yet), where its content starts and ends (-1: empty so far).
  let start = -1;
  let a = -1;
  let b = -1;
  for (let i = from; i < to; ) {
    const c = src.charCodeAt(i);
    if (isBlank(c)) {
      i++;
    } else if (c === PIPE) {
      if (start >= 0) cells.push(cellOf(start, a, b, i));
      start = i;
      a = -1;
      i++;
    } else {
      const first = i;
      while (i < to) {
        const d = src.charCodeAt(i);
        if (d === PIPE || isBlank(d)) break;
        i += d === BACKSLASH && i + 1 < to && (src.charCodeAt(i + 1) === BACKSLASH || src.charCodeAt(i + 1) === PIPE) ? 2 : 1;
      }
      if (start < 0) start = first;
      if (a < 0) a = first;
      b = i;
    }
  }
  if (start >= 0 && (a >= 0 || cells.length === 0)) cells.push(cellOf(start, a, b, to));
  else if (cells.length > 0) {
    const last = cells[cells.length - 1]!;
    cells[cells.length - 1] = { start: last.start, end: to, content: last.content };
  }
  return cells;
}

/** A cell; every cell has the same properties (`content` undefined when empty), so code reading cells sees one shape. */
function cellOf(start: number, a: number, b: number, end: number): RowCell {
  return { start, end, content: a >= 0 ? [a, b] : undefined };
}

/** True when a row can head a table: anything but nothing or a lone pipe. */
export function canHeadTable(row: string): boolean {
  let end = row.length;
  while (end > 0 && isBlank(row.charCodeAt(end - 1))) end--;
  return end > 1 || (end === 1 && row.charCodeAt(0) !== PIPE);
}

/**
 * The alignments of a delimiter row (`| :- | -: |`), or undefined when the line is not one: after an
 * optional leading pipe, cells of an optional `:`, one or more `-` and an optional `:`, separated by
 * pipes, blanks around them; at least one `|` or `:` somewhere (else it is a thematic break or a setext
 * underline). `line` starts at its first non-blank character.
 */
export function delimiterAligns(line: string): Align[] | undefined {
  const aligns: Align[] = [];
  let i = 0;
  let marked = false;
  const skipBlanks = (): void => {
    while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  };
  if (line.charCodeAt(0) === PIPE) {
    marked = true;
    i++;
    skipBlanks();
  }
  if (i >= line.length) return undefined;
  for (;;) {
    const left = line[i] === ':';
    if (left) {
      marked = true;
      i++;
    }
    if (line[i] !== '-') return undefined;
    while (line[i] === '-') i++;
    const right = line[i] === ':';
    if (right) {
      marked = true;
      i++;
    }
    aligns.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
    skipBlanks();
    if (i >= line.length) break;
    if (line.charCodeAt(i) !== PIPE) return undefined;
    marked = true;
    i++;
    skipBlanks();
    if (i >= line.length) break;
  }
  return marked ? aligns : undefined;
}

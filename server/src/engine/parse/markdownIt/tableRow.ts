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
  const cells: RowCell[] = [];
  let open: { start: number; a: number; b: number } | undefined;
  for (let i = 0; i < row.length; ) {
    const c = row.charCodeAt(i);
    if (isBlank(c)) {
      i++;
    } else if (c === PIPE) {
      if (open) cells.push(cellOf(open, i));
      open = { start: i, a: -1, b: -1 };
      i++;
    } else {
      const a = i;
      while (i < row.length) {
        const d = row.charCodeAt(i);
        if (d === PIPE || isBlank(d)) break;
        i += d === BACKSLASH && (row.charCodeAt(i + 1) === BACKSLASH || row.charCodeAt(i + 1) === PIPE) ? 2 : 1;
      }
      open ??= { start: a, a: -1, b: -1 };
      if (open.a < 0) open.a = a;
      open.b = i;
    }
  }
  if (open && (open.a >= 0 || cells.length === 0)) cells.push(cellOf(open, row.length));
  else if (cells.length > 0) cells[cells.length - 1] = { ...cells[cells.length - 1]!, end: row.length };
  return cells;
}

function cellOf(open: { start: number; a: number; b: number }, end: number): RowCell {
  return open.a >= 0 ? { start: open.start, end, content: [open.a, open.b] } : { start: open.start, end };
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

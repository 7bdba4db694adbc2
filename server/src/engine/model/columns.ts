import type { Cell } from './document';

/** A table's columns as the vocabulary names its header cells. */
export interface HeaderColumns<C extends string> {
  /** Each named column's position (the first header cell naming it), in header order. */
  readonly at: ReadonlyMap<C, number>;
  /** The same positions as a record, as the model keeps them. */
  readonly columns: Partial<Record<C, number>>;
  /** The header cells that name no column, or a column an earlier cell named. */
  readonly unknown: readonly Cell[];
}

/** Reads a header row: `columnOf` names the column a header text stands for, if any. */
export function headerColumns<C extends string>(header: readonly Cell[], columnOf: (text: string) => C | undefined): HeaderColumns<C> {
  // Kept in a map as well as the record: the map is read row by row, and the record's keys differ from table to table.
  const at = new Map<C, number>();
  const columns: Partial<Record<C, number>> = {};
  const unknown: Cell[] = [];
  header.forEach((cell, i) => {
    const col = columnOf(cell.text);
    if (col && !at.has(col)) {
      at.set(col, i);
      columns[col] = i;
    } else {
      unknown.push(cell);
    }
  });
  return { at, columns, unknown };
}

/** A row's cells by the column they stand in (a row with fewer cells lacks the last columns). */
export function cellsByColumn<C extends string>(cells: readonly Cell[], at: ReadonlyMap<C, number>): Partial<Record<C, Cell>> {
  const byColumn: Partial<Record<C, Cell>> = {};
  for (const [col, i] of at) {
    const cell = cells[i];
    if (cell) byColumn[col] = cell;
  }
  return byColumn;
}

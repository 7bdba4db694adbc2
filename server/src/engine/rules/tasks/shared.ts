/**
 * Helpers shared by the FTOP task-table rules: option readers, the shape of a row (how its cells line
 * up with the header, and what went wrong when they do not), and multi-value cells.
 * Not a rule: no rule logic lives here, only reading of the model.
 */
import type { Vocabulary } from '../../config/vocabulary';
import type { TaskColumn } from '../../config/localePack';
import type { Cell, PlaybookDocument, TaskRow, TaskTable } from '../../model/document';
import { span, type Span } from '../../text/span';
import { booleanOption as boolOption, integerOption as intOption, stringOption, stringListOption as listOption } from '../options';
export { boolOption, intOption, stringOption, listOption };

/** The default shape of a valid task ID: 3–4 digits. */
export const DEFAULT_ID_DIGITS = { min: 3, max: 4 } as const;

/** True when a text is a task ID of `min`–`max` digits. */
export function isTaskId(text: string, min: number = DEFAULT_ID_DIGITS.min, max: number = DEFAULT_ID_DIGITS.max): boolean {
  return /^\d+$/.test(text) && text.length >= min && text.length <= max;
}

/** True when a row has exactly as many cells as its table's header (the only rows the per-cell rules judge). */
export function isWellFormed(table: TaskTable, row: TaskRow): boolean {
  return row.cells.length === table.table.header.cells.length;
}

/** The source text a span covers. */
export function sliceOf(doc: PlaybookDocument, s: Span): string {
  return doc.text.slice(s.start, s.end);
}

/** True when a cell's source is exactly its plain text (no links, emphasis or escapes): safe to edit as text. */
export function isPlainCell(doc: PlaybookDocument, cell: Cell): boolean {
  return sliceOf(doc, cell.span) === cell.text;
}

/** The merge-conflict marker a cell's text starts with (`<<<<<<<`, `=======`, `>>>>>>>`, `|||||||`), if any. */
export function conflictMarker(text: string): string | undefined {
  const m = /^(<{7}|={7}|>{7}|\|{7})(?:\s|$)/.exec(text);
  return m ? text : undefined;
}

/** How a row's cells line up with its table's header. */
export type RowShape =
  | { readonly kind: 'ok' }
  /** One cell too many, an empty one; `certain` when removing it is plainly the repair. */
  | { readonly kind: 'extraEmpty'; readonly emptyIndex: number; readonly certain: boolean }
  /** Several rows on one line, separated by empty cells (`||` where a line break belongs). */
  | { readonly kind: 'joined'; readonly separators: readonly number[] }
  /** Too many cells, none of them an explainable empty one. */
  | { readonly kind: 'tooMany' }
  /** One cell too few because a cell holds two values (`O FastTrack Engineer`): a `|` belongs at `insertAt`. */
  | { readonly kind: 'missingPipe'; readonly cellIndex: number; readonly insertAt: number; readonly before: string }
  /** Too few cells. */
  | { readonly kind: 'tooFew' }
  /** A leftover merge-conflict marker line caught inside the table. */
  | { readonly kind: 'conflict'; readonly marker: string };

/** Every mandatory / optional letter any locale (or this table's legend) uses, lower-cased. */
function legendLetters(table: TaskTable, vocabulary: Vocabulary): Set<string> {
  const out = new Set([table.legend.mandatory.toLowerCase(), table.legend.optional.toLowerCase()]);
  for (const locale of vocabulary.locales) {
    const letters = vocabulary.pack(locale)?.mandatoryLetters;
    if (letters) {
      out.add(letters.mandatory.toLowerCase());
      out.add(letters.optional.toLowerCase());
    }
  }
  return out;
}

/**
 * True when cells (already aligned to the header) look like a task row: a valid ID where the ID column
 * is and, when `letters` is given, an M/O letter where that column is.
 */
function fits(table: TaskTable, cells: readonly Cell[], letters?: ReadonlySet<string>): boolean {
  const id = table.columns.id;
  const mo = table.columns.mandatory;
  if (id !== undefined && !isTaskId(cells[id]?.text ?? '')) return false;
  if (letters && mo !== undefined && !letters.has((cells[mo]?.text ?? '').toLowerCase())) return false;
  return true;
}

/** Finds a cell that holds two values run together where a `|` is missing (`O FastTrack Engineer`, `3184 AAD Connect`). */
function findMissingPipe(doc: PlaybookDocument, table: TaskTable, row: TaskRow, letters: ReadonlySet<string>): RowShape | undefined {
  const probes: Array<[TaskColumn, RegExp]> = [
    ['id', /^(\d{3,4})\s+\S/u],
    ['mandatory', /^(\p{L})\s+\S/u],
  ];
  for (const [col, re] of probes) {
    const i = table.columns[col];
    const cell = i === undefined ? undefined : row.cells[i];
    if (i === undefined || !cell) continue;
    const raw = sliceOf(doc, cell.span);
    const m = re.exec(raw);
    if (!m) continue;
    if (col === 'mandatory' && !letters.has(m[1]!.toLowerCase())) continue;
    return { kind: 'missingPipe', cellIndex: i, insertAt: cell.span.start + m[1]!.length, before: m[1]! };
  }
  return undefined;
}

/** Decides how a row's cells line up with its table's header, and what went wrong when they do not. */
export function rowShape(doc: PlaybookDocument, table: TaskTable, row: TaskRow, vocabulary: Vocabulary): RowShape {
  const h = table.table.header.cells.length;
  const n = row.cells.length;
  if (n === h) return { kind: 'ok' };
  const marker = n <= 1 ? conflictMarker(row.cells[0]?.text ?? '') : undefined;
  if (marker) return { kind: 'conflict', marker };
  const letters = legendLetters(table, vocabulary);
  if (n > h) {
    // Several rows run together: k rows of h cells separated by k-1 empty cells.
    if ((n + 1) % (h + 1) === 0 && h > 1) {
      const k = (n + 1) / (h + 1);
      const separators: number[] = [];
      let ok = true;
      for (let j = 1; j < k && ok; j++) {
        const sep = j * (h + 1) - 1;
        if (row.cells[sep]!.text !== '') ok = false;
        separators.push(sep);
      }
      for (let j = 0; j < k && ok; j++) if (!fits(table, row.cells.slice(j * (h + 1), j * (h + 1) + h))) ok = false;
      if (ok) return { kind: 'joined', separators };
    }
    if (n === h + 1) {
      const empties = row.cells.map((c, i) => (c.text === '' ? i : -1)).filter((i) => i >= 0);
      const fitting = empties.filter((i) => fits(table, row.cells.filter((_, j) => j !== i), letters));
      if (fitting.length > 0) {
        // Adjacent empty cells give the same row whichever is removed: still certain.
        const distinct = new Set(fitting.map((i) => row.cells.filter((_, j) => j !== i).map((c) => c.text).join('\u0000')));
        return { kind: 'extraEmpty', emptyIndex: fitting[0]!, certain: distinct.size === 1 };
      }
      if (empties.length === 1) return { kind: 'extraEmpty', emptyIndex: empties[0]!, certain: true };
      if (empties.length > 1) return { kind: 'extraEmpty', emptyIndex: empties[0]!, certain: false };
    }
    return { kind: 'tooMany' };
  }
  if (n === h - 1) {
    const missing = findMissingPipe(doc, table, row, letters);
    if (missing) return missing;
  }
  return { kind: 'tooFew' };
}

/** A row of a task table as it was meant to be: cells by column role, after undoing a certain shift. */
export interface LogicalRow {
  /** The physical row it comes from. */
  readonly row: TaskRow;
  readonly byColumn: Partial<Record<TaskColumn, Cell>>;
}

function byColumnOf(table: TaskTable, cells: readonly Cell[]): Partial<Record<TaskColumn, Cell>> {
  const out: Partial<Record<TaskColumn, Cell>> = {};
  for (const [col, i] of Object.entries(table.columns) as Array<[TaskColumn, number]>) {
    const cell = cells[i];
    if (cell) out[col] = cell;
  }
  return out;
}

/**
 * The rows of a task table as their author meant them: a row with a stray empty cell is read without
 * it, rows run together on one line are read apart, a row missing a `|` keeps the cells before the
 * damage; conflict markers are dropped. Used where the set of task IDs matters more than the shape.
 */
export function logicalRows(doc: PlaybookDocument, table: TaskTable, vocabulary: Vocabulary): LogicalRow[] {
  const out: LogicalRow[] = [];
  const h = table.table.header.cells.length;
  for (const row of table.rows) {
    const shape = rowShape(doc, table, row, vocabulary);
    switch (shape.kind) {
      case 'ok':
        out.push({ row, byColumn: row.byColumn });
        break;
      case 'extraEmpty':
        out.push({ row, byColumn: shape.certain ? byColumnOf(table, row.cells.filter((_, j) => j !== shape.emptyIndex)) : {} });
        break;
      case 'joined':
        for (let start = 0; start < row.cells.length; start += h + 1) out.push({ row, byColumn: byColumnOf(table, row.cells.slice(start, start + h)) });
        break;
      case 'missingPipe':
      case 'tooFew': {
        const limit = shape.kind === 'missingPipe' ? shape.cellIndex : row.cells.length;
        out.push({ row, byColumn: byColumnOf(table, row.cells.slice(0, limit)) });
        break;
      }
      case 'tooMany':
      case 'conflict':
        break;
    }
  }
  return out;
}

/** One value of a multi-value cell (`Exchange / SharePoint`) with its exact span. */
export interface ValuePart {
  readonly text: string;
  readonly span: Span;
}

/**
 * Splits the source text under a span at a separator (`/`), trimming each part; empty parts are kept
 * (an empty cell yields one empty part; an empty part between values spans its separators, `/ /`)
 * so callers can report them.
 */
export function splitValues(doc: PlaybookDocument, s: Span, separator: string): ValuePart[] {
  const raw = sliceOf(doc, s);
  const pieces = separator ? raw.split(separator) : [raw];
  const out: ValuePart[] = [];
  let offset = 0;
  pieces.forEach((piece, i) => {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    const pieceStart = s.start + offset;
    if (text === '' && pieces.length > 1) {
      // An empty value between separators: cover the separators around it (`/ /`).
      const from = i > 0 ? pieceStart - separator.length : pieceStart;
      const to = i < pieces.length - 1 ? pieceStart + piece.length + separator.length : pieceStart + piece.length;
      out.push({ text, span: span(from, to) });
    } else {
      out.push({ text, span: span(pieceStart + lead, pieceStart + lead + text.length) });
    }
    offset += piece.length + separator.length;
  });
  return out;
}

/**
 * Folded names already computed: `tasks/name-mismatch` folds every use of a task ID once per page that
 * uses it, so on a large workspace the same few thousand names are folded over and over. Bounded, so an
 * editor session typing names cannot grow it without end.
 */
const folded = new Map<string, string>();
const foldedWithDashes = new Map<string, string>();
const FOLD_MEMO_LIMIT = 20_000;

/**
 * Folds a task name for comparison: whitespace (dropped entirely, so `System Centerを 使用した` and
 * `System Centerを使用した` agree), case and (optionally) dash variants.
 */
export function foldName(name: string, foldDashes: boolean): string {
  const memo = foldDashes ? foldedWithDashes : folded;
  let s = memo.get(name);
  if (s !== undefined) return s;
  s = name.normalize('NFC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
  if (foldDashes) s = s.replace(/[\u2010-\u2015\u2212\uff0d]/g, '-');
  if (memo.size >= FOLD_MEMO_LIMIT) memo.clear();
  memo.set(name, s);
  return s;
}

/** The 1-based line of an offset, for messages. */
export function lineOf(doc: PlaybookDocument, offset: number): number {
  return doc.lines.lineNumber(offset);
}

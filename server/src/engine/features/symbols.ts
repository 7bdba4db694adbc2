/**
 * Symbols. Document symbols: the page's headings nested by level (the H1 is the page, H3s of the
 * Approach are steps), each FTOP task row under the heading its table stands under. Workspace
 * symbols: pages by title and task rows by ID and name, filtered by a forgiving match of the query.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Heading } from '../model/document';
import type { Range, Span } from '../text/span';
import { cancelled, locationOf, workspacePath } from './shared';
import type { IsCancelled } from './types';

/** What a symbol stands for; the host maps it to its own kinds. */
export type SymbolKind = 'page' | 'section' | 'step' | 'task';

/** A symbol of one page, with its children. */
export interface DocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  /** The whole extent: a heading's section, a task's row. */
  readonly span: Span;
  readonly range: Range;
  /** What to select: the heading text, the task ID. */
  readonly selectionSpan: Span;
  readonly selectionRange: Range;
  readonly children: DocumentSymbol[];
}

/** A symbol of the workspace. */
export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: 'page' | 'task';
  /** The page (for a task) or the folder (for a page), for display. */
  readonly containerName: string;
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
}

/** The symbols of a page: headings nested by level, task rows under their heading. */
export function provideDocumentSymbols(index: WorkspaceIndex, path: string): DocumentSymbol[] {
  const doc = index.document(path);
  if (!doc) return [];
  const stepHeadings = new Map(doc.steps.map((s) => [s.heading, s]));
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  const byHeading = new Map<Heading, DocumentSymbol>();
  for (const section of doc.sections) {
    const h = section.heading;
    const step = stepHeadings.get(h);
    const detail = h === doc.h1s[0] ? doc.phase?.value : step?.labels.primaryRole?.value;
    const end = trimEnd(doc.text, section.span.end, h.span.end);
    const symbol: DocumentSymbol = {
      name: h.text === '' ? '#'.repeat(h.depth) : h.text,
      ...(detail ? { detail } : {}),
      kind: h.depth === 1 ? 'page' : step ? 'step' : 'section',
      span: { start: h.span.start, end },
      range: doc.lines.rangeOf({ start: h.span.start, end }),
      selectionSpan: h.textSpan,
      selectionRange: doc.lines.rangeOf(h.textSpan),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1]!.symbol.children : roots).push(symbol);
    stack.push({ depth: h.depth, symbol });
    byHeading.set(h, symbol);
  }
  for (const table of doc.taskTables) {
    const owner = table.table.heading ? byHeading.get(table.table.heading) : undefined;
    const list = owner ? owner.children : roots;
    for (const row of table.rows) {
      const id = row.byColumn.id;
      const name = row.byColumn.name?.text ?? '';
      if ((!id || id.text === '') && name === '') continue;
      const selection = id && id.text !== '' ? id.span : row.byColumn.name!.span;
      const role = row.byColumn.role?.text;
      list.push({
        name: [id?.text ?? '', name].filter((x) => x !== '').join(' '),
        ...(role ? { detail: role } : {}),
        kind: 'task',
        span: row.span,
        range: doc.lines.rangeOf(row.span),
        selectionSpan: selection,
        selectionRange: doc.lines.rangeOf(selection),
        children: [],
      });
    }
  }
  const order = (list: DocumentSymbol[]): DocumentSymbol[] => {
    list.sort((a, b) => a.span.start - b.span.start);
    for (const s of list) order(s.children);
    return list;
  };
  return order(roots);
}

/** The end of a section without the blank lines before the next heading (never before the heading itself). */
function trimEnd(text: string, end: number, min: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** How well `query` matches `text`: 0 none, 1 letters in order, 2 contained, 3 at a word start, 4 prefix. */
export function matchScore(query: string, text: string): number {
  const q = query.normalize('NFC').toLowerCase().trim();
  if (q === '') return 1;
  const s = text.normalize('NFC').toLowerCase();
  if (s.startsWith(q)) return 4;
  const at = s.indexOf(q);
  if (at >= 0) return at > 0 && /[\s\-_/.(]/.test(s[at - 1]!) ? 3 : 2;
  let i = 0;
  for (const ch of s) if (ch === q[i]) i++;
  if (i === q.length) return 1;
  return 0;
}

/** Pages and task rows whose name matches `query`, best matches first, at most `limit` (default 500). */
export function provideWorkspaceSymbols(index: WorkspaceIndex, query: string, options: { limit?: number } = {}, isCancelled?: IsCancelled): WorkspaceSymbol[] {
  const scored: Array<{ symbol: WorkspaceSymbol; score: number }> = [];
  const add = (path: string, name: string, kind: 'page' | 'task', container: string, s: Span): void => {
    const score = matchScore(query, name);
    if (score > 0) scored.push({ symbol: { name, kind, containerName: container, ...locationOf(index, path, s) }, score });
  };
  // Read from the index's facts (titles and task rows of every page): a search models no page.
  for (const path of index.pagePaths()) {
    if (cancelled(isCancelled)) return [];
    const facts = index.facts(path)!;
    add(path, facts.title, 'page', workspacePath(index, path), facts.titleSpan);
    for (const row of facts.taskRows) add(path, row.name ? `${row.id} ${row.name}` : row.id, 'task', facts.title, row.idSpan);
  }
  scored.sort((a, b) => b.score - a.score || (a.symbol.kind === b.symbol.kind ? 0 : a.symbol.kind === 'page' ? -1 : 1) || cmp(a.symbol.name, b.symbol.name) || cmp(a.symbol.path, b.symbol.path) || a.symbol.span.start - b.symbol.span.start);
  return scored.slice(0, options.limit ?? 500).map((s) => s.symbol);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

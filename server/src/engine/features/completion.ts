/**
 * Completion at a position of a page or a `toc.yml`: link targets relative to the file (pages with
 * their title and phase, folders, images after `![…](`), `#anchors` of the target page (its includes'
 * headings too), front-matter keys and values, phases / roles / services after the localized label,
 * task-table cells (IDs known in the page's language, whole rows for an empty row, mandatory letters
 * of the table's legend, roles, services) and alert keywords.
 *
 * The context is read from the line up to the cursor (text being typed is not yet a link or a label
 * line the model could hold); everything offered comes from the model, the index and the vocabulary.
 */
import type { TaskUse, WorkspaceIndex } from '../index/workspaceIndex';
import type { PlaybookDocument, TaskTable } from '../model/document';
import { parseLinkTarget } from '../model/linkTarget';
import type { TaskColumn } from '../config/localePack';
import type { LineIndex } from '../text/lineIndex';
import { span, type Range, type Span } from '../text/span';
import { formatDate } from '../dates/dateFormat';
import { t } from '../util/l10n';
import { basename, dirname, extname, join } from '../util/paths';
import { describeKey, enumOf, frontMatterSchema, PAGE_SPECIFIC_KEYS } from '../rules/frontmatter/shared';
import { cancelled, headingsOf, lineAt, resolveTarget, sortKey, splitRow, usedOn, touches, workspacePath, type LineSlice, type RowCells } from './shared';
import type { IsCancelled } from './types';

/** What a completion item stands for; the host maps it to its own kinds. */
export type CompletionKind =
  | 'page' | 'file' | 'image' | 'folder' | 'anchor' | 'key' | 'value' | 'phase' | 'role' | 'service' | 'letter' | 'task' | 'keyword';

/** One completion proposal. */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** What the item replaces: the partial word (or the whole row for a task row); it holds the cursor. */
  readonly span: Span;
  readonly range: Range;
  readonly insertText: string;
  readonly sortText: string;
  /** Text the editor filters on when it differs from the label (a whole-row insertion). */
  readonly filterText?: string;
  /** True when the host should ask for completion again after inserting (a folder: its files come next). */
  readonly retrigger?: boolean;
}

/** Extensions of files offered after `![…](`. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.bmp'];

/** What the cursor's context needs to know. */
interface Ctx {
  readonly index: WorkspaceIndex;
  readonly doc: PlaybookDocument;
  readonly offset: number;
  readonly line: LineSlice;
  readonly before: string;
  readonly after: string;
  readonly isCancelled: IsCancelled | undefined;
}

/** A proposal before its range is computed. */
type Draft = Omit<CompletionItem, 'range'>;

function finish(lines: LineIndex, drafts: readonly Draft[]): CompletionItem[] {
  return drafts
    .map((d) => ({ ...d, range: lines.rangeOf(d.span) }))
    .sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** Completion proposals at `position` of a page or toc; empty where nothing applies. */
export function provideCompletionItems(index: WorkspaceIndex, path: string, position: { line: number; character: number }, isCancelled?: IsCancelled): CompletionItem[] {
  const toc = index.toc(path);
  if (toc) {
    const offset = toc.lines.offsetAt(position);
    const line = lineAt(toc.text, toc.lines, offset);
    return finish(toc.lines, tocItems(index, path, offset, toc.text.slice(line.start, offset), toc.text.slice(offset, line.end), isCancelled));
  }
  const doc = index.document(path);
  if (!doc) return [];
  const offset = doc.lines.offsetAt(position);
  const line = lineAt(doc.text, doc.lines, offset);
  const ctx: Ctx = { index, doc, offset, line, before: doc.text.slice(line.start, offset), after: doc.text.slice(offset, line.end), isCancelled };
  const drafts = frontMatterItems(ctx) ?? linkItems(ctx) ?? labelItems(ctx) ?? taskItems(ctx) ?? alertItems(ctx) ?? [];
  return cancelled(isCancelled) ? [] : finish(doc.lines, drafts);
}

// ---------------------------------------------------------------------------------------------
// Front matter

const KEY_SO_FAR = /^(\s*)([^\s:#][^:]*)?$/u;
const VALUE_SO_FAR = /^\s*([^\s:#][^:]*?)\s*:\s*(.*)$/u;

function frontMatterItems(ctx: Ctx): Draft[] | undefined {
  const fm = ctx.doc.frontMatter;
  if (!fm || ctx.line.start < fm.contentSpan.start || ctx.line.start >= fm.contentSpan.end) return undefined;
  if (/^\s*#/.test(ctx.before)) return [];
  const keyMatch = KEY_SO_FAR.exec(ctx.before);
  if (keyMatch) {
    const start = ctx.line.start + keyMatch[1]!.length;
    const rest = /^[^\s:]*/.exec(ctx.after)![0];
    const replace = span(start, ctx.offset + rest.length);
    const needsColon = !ctx.after.slice(rest.length).includes(':');
    return keyItems(ctx, replace, needsColon);
  }
  const valueMatch = VALUE_SO_FAR.exec(ctx.before);
  if (!valueMatch) return [];
  const key = valueMatch[1]!;
  const typed = valueMatch[2]!;
  const start = ctx.offset - typed.length;
  const end = Math.max(ctx.offset, ctx.line.start + ctx.line.text.trimEnd().length);
  const space = ctx.before.endsWith(':') ? ' ' : '';
  return valueItems(ctx, key, span(start, end), space);
}

function keyItems(ctx: Ctx, replace: Span, needsColon: boolean): Draft[] {
  const fm = ctx.doc.frontMatter!;
  const present = new Set<string>();
  for (const e of fm.entries) {
    if (e.keySpan.start !== replace.start) present.add(e.key);
    // YAML reads a half-typed key together with the next line's key (`ms.` + `ft.owner: x`): that one is still there.
    else for (const l of ctx.doc.text.slice(ctx.line.end, e.keySpan.end).split(/\r?\n/)) if (l.trim() !== '') present.add(l.trim().split(':')[0]!.trim());
  }
  const canonical = ctx.index.context.config.defaults.frontMatterKeyOrder;
  const schemaKeys = Object.keys(frontMatterSchema.properties ?? {}).filter((k) => !canonical.includes(k)).sort();
  const out: Draft[] = [];
  const add = (key: string, group: number, position: number, detail?: string): void => {
    const doc = describeKey(key);
    out.push({
      label: key,
      kind: 'key',
      ...(detail ? { detail } : {}),
      ...(doc ? { documentation: doc } : {}),
      span: replace,
      insertText: needsColon ? `${key}: ` : key,
      sortText: sortKey(group, position),
    });
  };
  canonical.forEach((k, i) => {
    if (!present.has(k)) add(k, 0, i, t('Missing on this page'));
  });
  schemaKeys.forEach((k, i) => {
    if (!present.has(k)) add(k, 1, i);
  });
  return out;
}

function valueItems(ctx: Ctx, key: string, replace: Span, space: string): Draft[] {
  const out: Draft[] = [];
  const allowed = enumOf(key);
  if (allowed) {
    allowed.forEach((v, i) => out.push({ label: v, kind: 'value', detail: t('Allowed value of {0}', key), ...docOf(key), span: replace, insertText: space + v, sortText: sortKey(0, i) }));
    return out;
  }
  if (key === 'ms.date') {
    const { config, vocabulary } = ctx.index.context;
    const formats = vocabulary.pack(config.defaults.sourceLocale)?.dateFormats ?? ['M/D/YYYY'];
    const seen = new Set<string>();
    formats.filter((f) => !/[年月日]/u.test(f)).slice(0, 1).forEach((f, i) => {
      const v = formatDate(config.today, f);
      if (seen.has(v)) return;
      seen.add(v);
      out.push({ label: v, kind: 'value', detail: t('Today'), ...docOf(key), span: replace, insertText: space + v, sortText: sortKey(0, i) });
    });
    return out;
  }
  if (PAGE_SPECIFIC_KEYS.includes(key)) return out;
  const counts = [...ctx.index.valueCounts(key)].filter(([v, n]) => n >= 2 && v !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 30);
  counts.forEach(([v, n], i) => out.push({ label: v, kind: 'value', detail: t('Used on {0} pages', n), ...docOf(key), span: replace, insertText: space + v, sortText: sortKey(1, i) }));
  return out;
}

function docOf(key: string): { documentation?: string } {
  const d = describeKey(key);
  return d ? { documentation: d } : {};
}

// ---------------------------------------------------------------------------------------------
// Link targets and anchors

/** `[text](` or `![alt](` up to the cursor (one level of nested brackets in the text), then the target typed so far. */
const LINK_OPEN = /(!?)\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^()\s<>]*)$/u;
const INCLUDE_OPEN = /\[!INCLUDE\s*\[[^\]]*\]\([^)]*$/iu;

function linkItems(ctx: Ctx): Draft[] | undefined {
  const before = ctx.before.length > 1000 ? ctx.before.slice(-1000) : ctx.before;
  const m = LINK_OPEN.exec(before);
  if (!m) return undefined;
  const typed = m[2]!;
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed) || typed.startsWith('//')) return [];
  const hash = typed.indexOf('#');
  if (hash >= 0) {
    const pathPart = typed.slice(0, hash);
    const target = pathPart === '' ? ctx.doc.path : resolveTarget(ctx.index, ctx.doc.path, parseLinkTarget(pathPart));
    if (!target) return [];
    const rest = /^[^)\s>]*/u.exec(ctx.after)![0];
    return anchorItems(ctx.index, target, span(ctx.offset - (typed.length - hash - 1), ctx.offset + rest.length));
  }
  const mode: PathMode = m[1] === '!' ? 'image' : INCLUDE_OPEN.test(before) ? 'include' : 'link';
  return pathItems(ctx.index, ctx.doc.path, typed, ctx.offset, ctx.after, mode, ctx.doc.locale, ctx.isCancelled);
}

function anchorItems(index: WorkspaceIndex, target: string, replace: Span): Draft[] {
  const seen = new Set<string>();
  const out: Draft[] = [];
  for (const { path, heading } of headingsOf(index, target)) {
    if (seen.has(heading.slug)) continue;
    seen.add(heading.slug);
    out.push({
      label: heading.slug,
      kind: 'anchor',
      detail: `${'#'.repeat(heading.depth)} ${heading.text}`,
      ...(path !== target ? { documentation: t('From the include `{0}`', workspacePath(index, path)) } : {}),
      span: replace,
      insertText: heading.slug,
      sortText: sortKey(0, out.length),
    });
  }
  return out;
}

type PathMode = 'link' | 'image' | 'include' | 'toc';

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Files and folders of the folder the typed path names, replacing the typed last segment. */
function pathItems(index: WorkspaceIndex, from: string, typed: string, offset: number, after: string, mode: PathMode, locale: string | undefined, isCancelled: IsCancelled | undefined): Draft[] {
  const slash = typed.lastIndexOf('/');
  const dirPart = typed.slice(0, slash + 1);
  const namePrefix = typed.slice(slash + 1);
  const root = index.docfxFor(from)?.dir ?? index.root;
  const dir = /^~?\//.test(dirPart) ? join(root, safeDecode(dirPart.replace(/^~?\/+/, ''))) : join(dirname(from), safeDecode(dirPart));
  if (dir !== index.root && !index.isDirectory(dir)) return [];
  const rest = /^[^/)#?\s>"']*/u.exec(after)![0];
  const replace = span(offset - namePrefix.length, offset + rest.length);
  const encode = (name: string): string => (mode === 'toc' ? name : name.replace(/ /g, '%20'));
  const out: Draft[] = [];

  const prefix = dir === '/' ? '/' : dir + '/';
  const folders = new Set<string>();
  let n = 0;
  for (const f of index.allFiles()) {
    if ((++n & 1023) === 0 && cancelled(isCancelled)) return [];
    if (!f.startsWith(prefix)) continue;
    const restPath = f.slice(prefix.length);
    const i = restPath.indexOf('/');
    if (i > 0) folders.add(restPath.slice(0, i));
  }
  const folderGroup = mode === 'link' ? 3 : mode === 'toc' ? 3 : 2;
  for (const name of [...folders].sort()) {
    if (name.startsWith('.')) continue;
    out.push({ label: name + '/', kind: 'folder', span: replace, insertText: encode(name) + '/', sortText: `${folderGroup}${name.toLowerCase()}`, retrigger: true });
  }

  for (const file of index.filesIn(dir)) {
    const name = basename(file);
    if (name.startsWith('.') || file === from) continue;
    const ext = extname(name);
    const isPage = ext === '.md';
    const isImage = IMAGE_EXTENSIONS.includes(ext);
    const isToc = /^toc\.ya?ml$/i.test(name);
    let group: number;
    if (mode === 'image') {
      if (!isImage) continue;
      group = 1;
    } else if (mode === 'include') {
      if (!isPage) continue;
      group = 1;
    } else if (mode === 'toc') {
      if (!isPage && !isToc) continue;
      group = isPage ? 1 : 2;
    } else {
      group = isPage ? (index.facts(file)?.locale === locale ? 1 : 2) : 4;
    }
    const page = isPage ? index.facts(file) : undefined;
    const phase = page?.phase;
    out.push({
      label: name,
      kind: isPage ? 'page' : isImage ? 'image' : 'file',
      ...(page ? { detail: phase ? `${page.title} · ${phase}` : page.title } : {}),
      documentation: '`' + workspacePath(index, file) + '`',
      span: replace,
      insertText: encode(name),
      sortText: `${group}${name.toLowerCase()}`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Label lines: Phase, Primary Role, Applies To

const LABEL_SO_FAR = /^\s*([^:：*|#>[\]\n]{1,40}?)\s*[:：]\s*\*\*([^*]*)$/u;

function labelItems(ctx: Ctx): Draft[] | undefined {
  const m = LABEL_SO_FAR.exec(ctx.before);
  if (!m) return undefined;
  const v = ctx.index.context.vocabulary;
  const label = v.label(m[1]!.trim(), ctx.doc.locale);
  if (!label) return undefined;
  const multi = label.id === 'appliesTo';
  const typedAll = m[2]!;
  const typed = (multi ? typedAll.slice(typedAll.lastIndexOf('/') + 1) : typedAll).trimStart();
  const restRaw = (multi ? /^[^*/]*/u : /^[^*]*/u).exec(ctx.after)![0];
  const rest = restRaw.trimEnd();
  const replace = span(ctx.offset - typed.length, ctx.offset + rest.length);
  const close = ctx.after.includes('**') ? '' : '**';
  const locale = ctx.doc.locale;
  const values = (words: readonly string[], kind: CompletionKind, detailOf?: (w: string) => string | undefined): Draft[] =>
    words.map((w, i) => {
      const detail = detailOf?.(w);
      return { label: w, kind, ...(detail ? { detail } : {}), span: replace, insertText: w + close, sortText: sortKey(0, i) };
    });
  switch (label.id) {
    case 'phase': {
      const pack = v.pack(locale);
      const source = v.pack(ctx.index.context.config.defaults.sourceLocale);
      const out: Draft[] = [];
      for (const [id, names] of Object.entries(pack?.phases ?? {})) {
        const sourceName = source?.phases[id]?.[0];
        for (const name of names) {
          const detail = sourceName && sourceName !== name ? sourceName : undefined;
          out.push({ label: name, kind: 'phase', ...(detail ? { detail } : {}), span: replace, insertText: name + close, sortText: sortKey(0, out.length) });
        }
      }
      return out;
    }
    case 'primaryRole':
      return values(v.roles(locale), 'role');
    case 'appliesTo':
      return values(v.services(locale), 'service');
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// FTOP task tables

function columnAt(table: TaskTable, index: number): TaskColumn | undefined {
  for (const [col, i] of Object.entries(table.columns) as Array<[TaskColumn, number]>) if (i === index) return col;
  return undefined;
}

function taskItems(ctx: Ctx): Draft[] | undefined {
  const { doc, offset, line } = ctx;
  const tt = doc.taskTables.find((x) => touches(x.table.span, offset));
  if (!tt) return undefined;
  const lineNo = doc.lines.positionAt(offset).line;
  if (lineNo === doc.lines.positionAt(tt.table.header.span.start).line || lineNo === doc.lines.positionAt(tt.table.delimiterSpan.start).line) return [];
  const row = splitRow(line.text);
  const rel = offset - line.start;
  const col = row.cells.findIndex(([a, b]) => rel >= a && rel <= b);
  if (col < 0) return [];
  const role = columnAt(tt, col);
  if (!role) return [];
  const [a, b] = row.cells[col]!;
  const raw = line.text.slice(a, b);
  const cellText = (i: number): string => {
    const c = row.cells[i];
    return c ? line.text.slice(c[0], c[1]).trim() : '';
  };
  let contentStart = a + (raw.length - raw.trimStart().length);
  let contentEnd = b - (raw.length - raw.trimEnd().length);
  if (role === 'services') {
    const slash = line.text.lastIndexOf('/', rel - 1);
    if (slash >= a) contentStart = slash + 1 + (line.text.slice(slash + 1, b).length - line.text.slice(slash + 1, b).trimStart().length);
    const nextSlash = line.text.indexOf('/', rel);
    if (nextSlash >= 0 && nextSlash < b) contentEnd = nextSlash - (line.text.slice(rel, nextSlash).length - line.text.slice(rel, nextSlash).trimEnd().length);
  }
  const replace = rel >= contentStart && rel <= contentEnd && contentEnd >= contentStart ? span(line.start + contentStart, line.start + contentEnd) : span(offset, offset);
  const v = ctx.index.context.vocabulary;
  const words = (list: readonly string[], kind: CompletionKind, detail?: string): Draft[] =>
    list.map((w, i) => ({ label: w, kind, ...(detail ? { detail } : {}), span: replace, insertText: w, sortText: sortKey(0, i) }));
  switch (role) {
    case 'id':
      return idItems(ctx, tt, row, col, replace, line.start + a);
    case 'name': {
      const idCol = tt.columns.id;
      const id = idCol !== undefined ? cellText(idCol).replace(/^\[(\d+)\]\(.*\)$/, '$1') : '';
      const uses = ctx.index.tasks(doc.locale).get(id) ?? [];
      const names = [...new Set(uses.map((u) => u.name).filter((n) => n !== ''))];
      return words(names, 'value', t('Name of task {0}', id));
    }
    case 'mandatory':
      return [
        { label: tt.legend.mandatory, kind: 'letter', detail: t('Mandatory'), span: replace, insertText: tt.legend.mandatory, sortText: sortKey(0, 0) },
        { label: tt.legend.optional, kind: 'letter', detail: t('Optional'), span: replace, insertText: tt.legend.optional, sortText: sortKey(0, 1) },
      ];
    case 'role':
      return words(v.roles(doc.locale), 'role');
    case 'services':
      return words(v.services(doc.locale), 'service');
  }
}

function idItems(ctx: Ctx, tt: TaskTable, row: RowCells, col: number, replace: Span, cellStart: number): Draft[] {
  const { doc, line, index } = ctx;
  const lineNo = doc.lines.positionAt(line.start).line;
  const taken = new Set<string>();
  for (const r of tt.rows) {
    if (doc.lines.positionAt(r.span.start).line === lineNo) continue;
    const id = r.byColumn.id?.text;
    if (id) taken.add(id);
  }
  const otherCellsEmpty = row.cells.every(([a, b], i) => i === col || line.text.slice(a, b).trim() === '');
  const indent = /^\s*/.exec(line.text)![0];
  const rowSpan = span(line.start + indent.length, line.end);
  const typedBefore = doc.text.slice(rowSpan.start, cellStart) + doc.text.slice(cellStart, replace.start).replace(/\S+$/, '');
  const out: Draft[] = [];
  const tasks = [...index.tasks(doc.locale)].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  let n = 0;
  for (const [id, uses] of tasks) {
    if ((++n & 255) === 0 && cancelled(ctx.isCancelled)) return [];
    if (taken.has(id)) continue;
    const use = uses.find((u) => u.name !== '') ?? uses[0]!;
    const pages = [...new Set(uses.map((u) => u.path))].map((p) => index.facts(p)!);
    const documentation = [usedOn(pages.length), ...pages.slice(0, 5).map((p) => `- ${p.title} (\`${workspacePath(index, p.path)}\`)`), ...(pages.length > 5 ? ['- …'] : [])].join('\n');
    const base = { label: id, kind: 'task' as const, ...(use.name ? { detail: use.name } : {}), documentation, sortText: sortKey(0, out.length) };
    if (otherCellsEmpty) out.push({ ...base, span: rowSpan, insertText: taskRowText(use, tt), filterText: typedBefore.trimStart() + id });
    else out.push({ ...base, span: replace, insertText: id });
  }
  return out;
}

/** A whole task-table row for a known task, in the columns of `table`, the mandatory letter in its legend. */
export function taskRowText(use: TaskUse, table: TaskTable): string {
  const letter = (text: string): string => {
    const l = text.toLowerCase();
    if (l === use.legend.mandatory.toLowerCase()) return table.legend.mandatory;
    if (l === use.legend.optional.toLowerCase()) return table.legend.optional;
    return text;
  };
  const cells = table.table.header.cells.map((_, i) => {
    switch (columnAt(table, i)) {
      case 'id': return use.id;
      case 'name': return use.name;
      case 'mandatory': return letter(use.mandatory);
      case 'role': return use.role;
      case 'services': return use.services;
      default: return '';
    }
  });
  return `| ${cells.join(' | ')} |`;
}

// ---------------------------------------------------------------------------------------------
// Alerts

function alertItems(ctx: Ctx): Draft[] | undefined {
  const m = /^\s*>\s*\[!([A-Za-z]*)$/u.exec(ctx.before);
  if (!m) return undefined;
  const rest = /^[A-Za-z]*/.exec(ctx.after)![0];
  const replace = span(ctx.offset - m[1]!.length, ctx.offset + rest.length);
  const close = ctx.after.slice(rest.length).startsWith(']') ? '' : ']';
  return ctx.index.context.config.defaults.alertKeywords.map((k, i) => ({
    label: k,
    kind: 'keyword' as const,
    detail: t('Renders as a {0} callout', k.charAt(0) + k.slice(1).toLowerCase()),
    span: replace,
    insertText: k + close,
    sortText: sortKey(0, i),
  }));
}

// ---------------------------------------------------------------------------------------------
// toc.yml

const TOC_HREF_SO_FAR = /^\s*(?:-\s+)?(?:href|topicHref|tocHref)\s*:\s*["']?([^"'#\s]*)$/u;

function tocItems(index: WorkspaceIndex, tocPath: string, offset: number, before: string, after: string, isCancelled: IsCancelled | undefined): Draft[] {
  const m = TOC_HREF_SO_FAR.exec(before);
  if (!m) return [];
  const items = pathItems(index, tocPath, m[1]!, offset, after, 'toc', undefined, isCancelled);
  // Right after `href:` the value needs its space, or YAML reads `href:a.md` as one plain scalar.
  return before.endsWith(':') ? items.map((d) => ({ ...d, insertText: ' ' + d.insertText })) : items;
}

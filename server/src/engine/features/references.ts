/**
 * Find references: on a page's H1 (or a link / toc href to a page) every link, include and toc entry
 * that points at the page; on another heading (or an anchored link) every link whose anchor names it,
 * through the pages that include it too; on a task ID every row of the same language that uses it.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Heading, PlaybookDocument } from '../model/document';
import { tocItems } from '../model/toc';
import { span, type Position, type Span } from '../text/span';
import { extname } from '../util/paths';
import { anchorPartSpan } from '../rules/links/shared';
import { cancelled, fileStart, findHeading, includersOf, locationOf, referenceAt, resolveTarget, tocHrefAnchor, tocHrefTarget, touches } from './shared';
import type { IsCancelled, Location } from './types';

/** One place that names a heading's anchor: the anchor text after `#` and the whole target around it. */
export interface AnchorUse {
  readonly path: string;
  /** The anchor as written, after `#`. */
  readonly anchorSpan: Span;
  /** The whole written target (`page.md#anchor`). */
  readonly targetSpan: Span;
}

/**
 * Every link and toc href whose anchor names `slug` on the page `headingPath`: links to that page,
 * and links to the pages that include it (when the including page has no heading of its own with
 * that id). Same-page `#slug` links count.
 */
export function anchorUses(index: WorkspaceIndex, headingPath: string, slug: string, isCancelled?: IsCancelled): AnchorUse[] | undefined {
  const out: AnchorUse[] = [];
  for (const target of [headingPath, ...includersOf(index, headingPath)]) {
    if (cancelled(isCancelled)) return undefined;
    if (target !== headingPath && index.facts(target)?.slugs.includes(slug)) continue;
    for (const { from, link } of index.incoming(target)) {
      if (link.kind === 'include' || link.target.anchor !== slug) continue;
      const anchorSpan = anchorPartSpan(index.textOf(from) ?? '', link.targetSpan);
      if (anchorSpan) out.push({ path: from, anchorSpan, targetSpan: link.targetSpan });
    }
    for (const { toc, item } of index.tocReferences(target)) {
      if (!item.href || !item.hrefSpan || tocHrefAnchor(item.href) !== slug) continue;
      const hash = toc.text.indexOf('#', item.hrefSpan.start);
      if (hash >= 0 && hash < item.hrefSpan.end) out.push({ path: toc.path, anchorSpan: span(hash + 1, item.hrefSpan.end), targetSpan: item.hrefSpan });
    }
  }
  return sortUnique(out, (u) => u.path, (u) => u.anchorSpan.start);
}

/** Every link, include and toc entry that points at the page `target` (same-page `#anchor` links excluded). */
export function pageReferences(index: WorkspaceIndex, target: string, isCancelled?: IsCancelled): Location[] | undefined {
  const out: Location[] = [];
  for (const { from, link } of index.incoming(target)) {
    if (cancelled(isCancelled)) return undefined;
    if (link.target.path === '') continue;
    out.push(locationOf(index, from, link.targetSpan));
  }
  for (const { toc, item } of index.tocReferences(target)) {
    if (item.hrefSpan) out.push(locationOf(index, toc.path, item.hrefSpan));
  }
  return sortUnique(out, (l) => l.path, (l) => l.span.start);
}

function sortUnique<T>(items: T[], pathOf: (x: T) => string, startOf: (x: T) => number): T[] {
  items.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : startOf(a) - startOf(b)));
  return items.filter((x, i) => i === 0 || pathOf(items[i - 1]!) !== pathOf(x) || startOf(items[i - 1]!) !== startOf(x));
}

/** References of a heading: page references for the page's first H1, anchor references otherwise. */
function headingReferences(index: WorkspaceIndex, doc: PlaybookDocument, heading: Heading, includeDeclaration: boolean, isCancelled?: IsCancelled): Location[] {
  const declaration = includeDeclaration ? [locationOf(index, doc.path, heading.span)] : [];
  if (heading === doc.h1s[0]) {
    const refs = pageReferences(index, doc.path, isCancelled);
    return refs ? [...declaration, ...refs] : [];
  }
  const uses = anchorUses(index, doc.path, heading.slug, isCancelled);
  return uses ? [...declaration, ...uses.map((u) => locationOf(index, u.path, u.targetSpan))] : [];
}

/** Rows of the page's language that use a task ID, as locations of their ID cells. */
export function taskReferences(index: WorkspaceIndex, locale: string, id: string): Location[] {
  return (index.tasks(locale).get(id) ?? []).map((u) => locationOf(index, u.path, u.idSpan));
}

/** The task ID cell at an offset, if any. */
export function taskIdAt(doc: PlaybookDocument, offset: number): string | undefined {
  for (const table of doc.taskTables) {
    if (!touches(table.table.span, offset)) continue;
    for (const row of table.rows) {
      const cell = row.byColumn.id;
      if (cell && cell.text !== '' && touches(cell.span, offset)) return cell.text;
    }
  }
  return undefined;
}

/** References of what is at `position`. Empty when nothing there has references, or when cancelled. */
export function provideReferences(index: WorkspaceIndex, path: string, position: Position, options: { includeDeclaration: boolean }, isCancelled?: IsCancelled): Location[] {
  const toc = index.toc(path);
  if (toc) {
    const offset = toc.lines.offsetAt(position);
    const item = [...tocItems(toc.items)].find((i) => i.href && i.hrefSpan && touches(i.hrefSpan, offset));
    const target = item?.href ? tocHrefTarget(path, item.href) : undefined;
    return target ? pageReferences(index, target, isCancelled) ?? [] : [];
  }
  const doc = index.document(path);
  if (!doc) return [];
  const offset = doc.lines.offsetAt(position);
  const id = taskIdAt(doc, offset);
  if (id) return taskReferences(index, doc.locale, id);
  const heading = doc.headings.find((h) => touches(h.span, offset));
  if (heading) return headingReferences(index, doc, heading, options.includeDeclaration, isCancelled);
  const ref = referenceAt(doc, offset);
  if (!ref) return [];
  const target = resolveTarget(index, path, ref.target);
  if (!target || extname(target) !== '.md') return [];
  const anchor = ref.target.anchor;
  if (anchor) {
    const found = findHeading(index, target, anchor);
    if (!found) return [];
    const owner = index.document(found.path)!;
    return headingReferences(index, owner, found.heading, options.includeDeclaration, isCancelled);
  }
  const refs = pageReferences(index, target, isCancelled);
  if (!refs) return [];
  const page = index.document(target);
  const h1 = page?.h1s[0];
  return options.includeDeclaration ? [h1 ? locationOf(index, target, h1.span) : fileStart(index, target), ...refs] : refs;
}

/**
 * Rename a heading: its text changes, and so does every `#anchor` that names it across the workspace
 * (links, same-page links, links through pages that include it, toc hrefs). The new anchor id comes
 * from the slugger, so duplicate headings are handled: when a rename frees or takes an id, the
 * `-1` / `-2` ids of the page's other headings shift and the anchors naming them follow.
 *
 * Renaming is offered on a heading and on the anchor of a link (which renames the heading it names);
 * nothing else is renamed here (files are renamed through `fileRename.ts`).
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Heading, PlaybookDocument } from '../model/document';
import { span, type Position, type Range, type Span } from '../text/span';
import { t } from '../util/l10n';
import { extname } from '../util/paths';
import { anchorPartSpan } from '../rules/links/shared';
import { anchorUses } from './references';
import { findHeading, locationOf, plainInline, resolveTarget, touches, writeAnchor } from './shared';
import type { FileEdit, IsCancelled } from './types';

/** Where a rename starts and what the editor shows in its input box. */
export interface PrepareRename {
  readonly span: Span;
  readonly range: Range;
  /** The heading text as written (markup included). */
  readonly placeholder: string;
}

/** A rename that cannot be done, with the reason to show. */
export interface RenameError {
  readonly error: string;
}

/** The edits of a rename, across files. */
export interface RenameEdits {
  readonly edits: readonly FileEdit[];
}

interface Target {
  readonly owner: PlaybookDocument;
  readonly heading: Heading;
  /** What the cursor was on: the heading text or a link's anchor. */
  readonly span: Span;
}

function targetAt(index: WorkspaceIndex, doc: PlaybookDocument, offset: number): Target | RenameError | undefined {
  const heading = doc.headings.find((h) => touches(h.span, offset));
  if (heading) return { owner: doc, heading, span: heading.textSpan };
  for (const link of doc.links) {
    if (!touches(link.targetSpan, offset) || !link.target.anchor) continue;
    const anchorSpan = anchorPartSpan(doc.text, link.targetSpan);
    if (!anchorSpan || offset < anchorSpan.start - 1) continue;
    const target = resolveTarget(index, doc.path, link.target);
    if (!target || extname(target) !== '.md') return undefined;
    const found = findHeading(index, target, link.target.anchor);
    if (!found) return { error: t('`#{0}` names no heading, so there is nothing to rename.', link.target.anchor) };
    return { owner: index.document(found.path)!, heading: found.heading, span: anchorSpan };
  }
  return undefined;
}

/** Whether (and where) a rename can start at `position`: on a heading, or on a link's anchor. */
export function prepareRename(index: WorkspaceIndex, path: string, position: Position): PrepareRename | RenameError | undefined {
  const doc = index.document(path);
  if (!doc) return undefined;
  const target = targetAt(index, doc, doc.lines.offsetAt(position));
  if (!target || 'error' in target) return target;
  const placeholder = target.owner.text.slice(target.heading.textSpan.start, target.heading.textSpan.end);
  return { span: target.span, range: doc.lines.rangeOf(target.span), placeholder };
}

/** The edits renaming the heading at `position` (or named by the anchor there) to `newName`. */
export function provideRenameEdits(index: WorkspaceIndex, path: string, position: Position, newName: string, isCancelled?: IsCancelled): RenameEdits | RenameError | undefined {
  const doc = index.document(path);
  if (!doc) return undefined;
  const target = targetAt(index, doc, doc.lines.offsetAt(position));
  if (!target || 'error' in target) return target;
  const name = newName.trim();
  if (name === '') return { error: t('A heading needs some text.') };
  if (/[\r\n]/.test(name)) return { error: t('A heading is a single line.') };
  return headingRenameEdits(index, target.owner, target.heading, name, isCancelled);
}

/** The edits renaming `heading` of `owner` to `name`: the heading text and every anchor whose id changes. */
export function headingRenameEdits(index: WorkspaceIndex, owner: PlaybookDocument, heading: Heading, name: string, isCancelled?: IsCancelled): RenameEdits | undefined {
  const edits: FileEdit[] = [];
  const written = owner.text.slice(heading.textSpan.start, heading.textSpan.end);
  if (written !== name) {
    const at = heading.textSpan.start === heading.textSpan.end && !/\s$/.test(owner.text.slice(heading.span.start, heading.textSpan.start)) ? ' ' + name : name;
    edits.push({ ...locationOf(index, owner.path, heading.textSpan), newText: at });
  }
  const scope = index.context.slugger.createScope();
  const plain = plainInline(name);
  const renamed = new Map<string, string>();
  for (const h of owner.headings) {
    const slug = scope.add(h === heading ? plain : h.text);
    if (slug !== h.slug) renamed.set(h.slug, slug);
  }
  for (const [from, to] of renamed) {
    const uses = anchorUses(index, owner.path, from, isCancelled);
    if (!uses) return undefined;
    for (const u of uses) {
      const text = index.textOf(u.path) ?? '';
      const newText = writeAnchor(text.slice(u.anchorSpan.start, u.anchorSpan.end), to);
      edits.push({ ...locationOf(index, u.path, span(u.anchorSpan.start, u.anchorSpan.end)), newText });
    }
  }
  return { edits };
}

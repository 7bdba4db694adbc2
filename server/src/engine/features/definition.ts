/**
 * Go to definition: a link, image or include goes to its file, an anchored link to the heading (in
 * the page, or in the include that brings it); a toc href goes to its file.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Position } from '../text/span';
import { extname } from '../util/paths';
import { fileStart, findHeading, locationOf, referenceAt, resolveTarget, tocHrefAnchor, tocHrefAt, tocHrefTarget } from './shared';
import type { Location } from './types';

/** Where the target of a file reference is: its heading when anchored and found, else the file's start; nothing when missing. */
export function targetLocation(index: WorkspaceIndex, target: string, anchor: string | undefined): Location | undefined {
  if (anchor && extname(target) === '.md') {
    const found = findHeading(index, target, anchor);
    if (found) return locationOf(index, found.path, found.heading.span);
  }
  return index.exists(target) ? fileStart(index, target) : undefined;
}

/** The definition of what is at `position`: the file (or heading) a link, image, include or toc href points at. */
export function provideDefinition(index: WorkspaceIndex, path: string, position: Position): Location[] {
  const toc = index.toc(path);
  if (toc) {
    const item = tocHrefAt(toc, toc.lines.offsetAt(position));
    const target = item ? tocHrefTarget(path, item.href) : undefined;
    const loc = item && target ? targetLocation(index, target, tocHrefAnchor(item.href)) : undefined;
    return loc ? [loc] : [];
  }
  const doc = index.document(path);
  if (!doc) return [];
  const ref = referenceAt(doc, doc.lines.offsetAt(position));
  if (!ref) return [];
  const target = resolveTarget(index, path, ref.target);
  const loc = target ? targetLocation(index, target, ref.target.anchor) : undefined;
  return loc ? [loc] : [];
}

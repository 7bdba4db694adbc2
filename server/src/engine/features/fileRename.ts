/**
 * Edits for files (or folders) that are about to be moved or renamed (`workspace/willRenameFiles`):
 * every link, image, include and toc href that points at a moved file is rewritten relative to its
 * referrer (wherever the referrer ends up), and the relative targets written in a moved page or toc
 * are rewritten for its new folder. `?query` and `#anchor` parts are kept; root-relative targets
 * (`~/x`, `/x`) stay root-relative; `./` stays. Edits address the files by their current paths, as
 * the host applies them before the move.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { tocItems } from '../model/toc';
import type { Span } from '../text/span';
import { isWithin } from '../util/paths';
import { pathPartSpan, writeTarget } from '../rules/links/shared';
import { cancelled, isFileTarget, isExternalHref, locationOf, tocHrefTarget } from './shared';
import type { FileEdit, IsCancelled } from './types';

/** One move: a file or a folder from `oldPath` to `newPath` (absolute workspace paths). */
export interface FileRename {
  readonly oldPath: string;
  readonly newPath: string;
}

/** Maps a path to where it will be after the moves (undefined when it does not move). */
function mover(index: WorkspaceIndex, renames: readonly FileRename[]): (p: string) => string | undefined {
  const files = new Map<string, string>();
  const folders: FileRename[] = [];
  for (const r of renames) {
    if (index.exists(r.oldPath)) files.set(r.oldPath, r.newPath);
    else folders.push(r);
  }
  // The deepest folder move wins when moves nest.
  folders.sort((a, b) => b.oldPath.length - a.oldPath.length);
  return (p) => {
    const f = files.get(p);
    if (f !== undefined) return f;
    const folder = folders.find((r) => isWithin(r.oldPath, p));
    return folder ? folder.newPath + p.slice(folder.oldPath.length) : undefined;
  };
}

/**
 * How a moved target is written from (the future place of) its referrer, in the written style: a
 * trailing `/` kept, spaces left as spaces where the author wrote them so (and in toc hrefs).
 */
function rewrite(index: WorkspaceIndex, referrer: string, written: string, target: string, rawSpaces: boolean): string {
  let out = writeTarget(index, referrer, written, target);
  if (written.endsWith('/') && !out.endsWith('/')) out += '/';
  if (!written.includes('%20') && (rawSpaces || written.includes(' '))) out = out.replace(/%20/g, ' ');
  return out;
}

/** The edits that keep every reference right after the moves. Undefined when cancelled. */
export function provideFileRenameEdits(index: WorkspaceIndex, renames: readonly FileRename[], isCancelled?: IsCancelled): FileEdit[] | undefined {
  const moved = mover(index, renames);
  const edits: FileEdit[] = [];
  const fix = (path: string, text: string, referrerAfter: string, targetSpan: Span, resolved: string, movedSelf: boolean, rawSpaces: boolean): void => {
    const targetAfter = moved(resolved);
    if (targetAfter === undefined && !movedSelf) return;
    const pathSpan = pathPartSpan(text, targetSpan);
    const written = text.slice(pathSpan.start, pathSpan.end);
    if (targetAfter === undefined && /^~?\//.test(written)) return;
    const newText = rewrite(index, referrerAfter, written, targetAfter ?? resolved, rawSpaces);
    if (newText !== written) edits.push({ ...locationOf(index, path, pathSpan), newText });
  };
  // Pages are read from the index's facts (their relative links); a page's text only when it has an edit.
  for (const path of index.pagePaths()) {
    if (cancelled(isCancelled)) return undefined;
    const after = moved(path);
    let text: string | undefined;
    for (const ref of index.facts(path)!.links) {
      if (!isFileTarget(ref.target)) continue;
      const resolved = index.resolve(path, ref.target);
      if (resolved && (after !== undefined || moved(resolved) !== undefined)) fix(path, (text ??= index.textOf(path)!), after ?? path, ref.targetSpan, resolved, after !== undefined, false);
    }
  }
  for (const toc of index.tocs()) {
    if (cancelled(isCancelled)) return undefined;
    const after = moved(toc.path);
    for (const item of tocItems(toc.items)) {
      if (!item.href || !item.hrefSpan || isExternalHref(item.href)) continue;
      const resolved = tocHrefTarget(toc.path, item.href);
      if (resolved) fix(toc.path, toc.text, after ?? toc.path, item.hrefSpan, resolved, after !== undefined, true);
    }
  }
  return edits.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.start - b.span.start));
}

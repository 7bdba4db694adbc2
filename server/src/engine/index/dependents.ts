import { tocItems } from '../model/toc';
import { basename, dirname, isWithin } from '../util/paths';
import { nearValueDependents } from './valueDependents';
import { tocHrefPath } from './relations';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * What happened to a file: its text changed (an edit, a save, a changed file on disk), or it started or
 * stopped existing (created, deleted; a rename is a deletion plus a creation).
 */
export type ChangeKind = 'content' | 'created' | 'deleted';

const isToc = (p: string): boolean => /^toc\.ya?ml$/i.test(basename(p));
const isDocfx = (p: string): boolean => basename(p) === 'docfx.json';

/** The files a toc's entries point at. */
function tocTargets(index: WorkspaceIndex, tocPath: string): string[] {
  const toc = index.toc(tocPath);
  if (!toc) return [];
  const out: string[] = [];
  for (const item of tocItems(toc.items)) {
    const target = tocHrefPath(tocPath, item.href);
    if (target !== undefined) out.push(target);
  }
  return out;
}

/**
 * Pages linking to `path` whose findings can depend on its text, following includes: a page that
 * includes `path` offers its anchors, so the pages linking to the includer depend on `path` too.
 * For a text change only anchored links, includes and links between languages matter (a plain link
 * only needs the file to exist); `all` takes every link.
 */
function linkers(index: WorkspaceIndex, path: string, all: boolean, out: Set<string>): void {
  const queue = [path];
  const seen = new Set(queue);
  while (queue.length) {
    const current = queue.shift()!;
    const target = index.facts(current);
    for (const { from, link } of index.incoming(current)) {
      const isInclude = link.kind === 'include';
      const anchored = link.target.anchor !== undefined && link.target.anchor !== '';
      const acrossLanguages = target !== undefined && index.facts(from)?.locale !== target.locale;
      if (!(all || isInclude || anchored || acrossLanguages)) continue;
      out.add(from);
      if (isInclude && !seen.has(from)) {
        seen.add(from);
        queue.push(from);
      }
    }
  }
}

/** Pages sharing a task ID with the page among the pages of its language (the task registry). */
function taskSharers(index: WorkspaceIndex, path: string, out: Set<string>): void {
  const facts = index.facts(path);
  if (!facts) return;
  const registry = index.tasks(facts.locale);
  const ids = new Set(facts.taskRows.map((u) => u.id));
  for (const id of ids) for (const use of registry.get(id) ?? []) out.add(use.path);
}

/**
 * Files whose broken targets may now resolve, or be suggested differently, because `path` started or
 * stopped existing: targets that are `path` itself, its folder, a file of its folder that does not
 * exist, or a missing file of the same name (in any case) elsewhere.
 */
function brokenTargetsNear(index: WorkspaceIndex, path: string, out: Set<string>): void {
  const dir = dirname(path);
  const name = basename(path).toLowerCase();
  const lower = path.toLowerCase();
  const concerned = (resolved: string): boolean =>
    resolved === path || resolved === dir || (!index.exists(resolved) && (dirname(resolved) === dir || basename(resolved).toLowerCase() === name || resolved.toLowerCase() === lower));
  for (const [resolved, links] of index.linkTargets()) {
    if (!concerned(resolved)) continue;
    // Same-page `#anchor` links resolve to their own page; they do not name a file.
    for (const { from, link } of links) if (link.target.path !== '') out.add(from);
  }
  for (const toc of index.tocs()) if (tocTargets(index, toc.path).some(concerned)) out.add(toc.path);
}

/**
 * The files whose diagnostics may change when `path` changes, computed on the index as it is now:
 * the file itself; pages linking to it (through includes); pages sharing a task ID with it in its
 * language; its translations and source page; the tocs listing it and, for a toc, the pages it lists
 * (orphans); everything a `docfx.json` governs. When a file appears or disappears, also the files
 * whose broken targets it may answer or the folder toc rule it affects, and the pages whose
 * front-matter statistics findings its values take part in ({@link nearValueDependents}).
 *
 * A change can add and remove relations, so call it twice — before updating the index and after —
 * and re-check the union ({@link affectedByChange} does both, and adds the pages concerned by changed
 * front-matter values).
 */
export function dependentsOf(index: WorkspaceIndex, path: string, kind: ChangeKind = 'content'): Set<string> {
  const out = new Set<string>([path]);
  const existence = kind !== 'content';
  if (isDocfx(path)) {
    const dir = dirname(path);
    for (const p of index.pagePaths()) if (isWithin(dir, p)) out.add(p);
    for (const toc of index.tocs()) if (isWithin(dir, toc.path)) out.add(toc.path);
    return out;
  }
  if (isToc(path)) {
    for (const target of tocTargets(index, path)) out.add(target);
    if (existence) for (const f of index.filesIn(dirname(path))) if (index.facts(f)) out.add(f);
  }
  linkers(index, path, existence, out);
  const facts = index.facts(path);
  if (facts) {
    taskSharers(index, path, out);
    const source = index.sourceOf(path);
    if (source) out.add(source.path);
    for (const tr of index.translationsOf(path)) out.add(tr.path);
    if (existence) nearValueDependents(index, path, facts.frontMatter.entries(), [], out);
  }
  if (existence) {
    for (const ref of index.tocReferences(path)) out.add(ref.toc.path);
    brokenTargetsNear(index, path, out);
  }
  return out;
}

/**
 * Applies a change to the index through `update` and returns, in path order, the files to re-check:
 * the dependents before the change together with those after it, and, when the page's front-matter
 * values changed, the pages whose findings over workspace value statistics may change with them;
 * keeping only files the index still knows plus `path` itself (so a deleted file's diagnostics are
 * cleared).
 */
export async function affectedByChange(index: WorkspaceIndex, path: string, kind: ChangeKind, update: () => void | Promise<void>): Promise<string[]> {
  const before = dependentsOf(index, path, kind);
  const valuesBefore = index.facts(path)?.frontMatter;
  await update();
  const after = dependentsOf(index, path, kind);
  const all = new Set([...before, ...after]);
  const valuesAfter = index.facts(path)?.frontMatter;
  if (kind === 'content' && valuesBefore !== valuesAfter && !(valuesBefore && valuesAfter?.equals(valuesBefore))) {
    nearValueDependents(index, path, valuesAfter?.entries() ?? [], valuesBefore?.entries() ?? [], all);
  }
  return [...all].filter((p) => p === path || index.facts(p) !== undefined || index.toc(p) !== undefined).sort();
}

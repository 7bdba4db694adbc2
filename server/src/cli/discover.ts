import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { t } from '../engine/util/l10n';
import { UsageError } from './args';
import { toPosix } from './nodeWorkspace';

const GLOB_CHARS = /[*?[\]{}!]/;

/** What the user asked to check: a workspace root to index, and which of its files to report on. */
export interface Targets {
  /** Absolute POSIX path of the workspace root. */
  readonly root: string;
  /** True for a file the user asked to check. */
  readonly includes: (path: string) => boolean;
}

/** The nearest folder at or above `dir` that holds a docfx.json, if any. */
export function findDocfxRoot(dir: string): string | undefined {
  for (let d = nodePath.resolve(dir); ; d = nodePath.dirname(d)) {
    if (existsSync(nodePath.join(d, 'docfx.json'))) return d;
    if (nodePath.dirname(d) === d) return undefined;
  }
}

/**
 * Turns command-line paths and globs into targets. Plain paths must exist; globs are matched against
 * paths relative to the current folder. The root is the nearest docfx.json folder above the first plain
 * path (or the current folder for globs), else that path itself.
 */
export function resolveTargets(patterns: readonly string[], cwd: string): Targets {
  const plain: string[] = [];
  const globs: Array<(p: string) => boolean> = [];
  for (const p of patterns.length ? patterns : ['.']) {
    if (GLOB_CHARS.test(p) && !existsSync(nodePath.resolve(cwd, p))) {
      globs.push(picomatch(p.replace(/\\/g, '/').replace(/^\.\//, ''), { dot: false }));
    } else {
      const abs = nodePath.resolve(cwd, p);
      if (!existsSync(abs)) throw new UsageError(t('No such file or folder: {0}', p));
      plain.push(abs);
    }
  }
  const anchor = plain[0] ?? cwd;
  const anchorDir = plain[0] && statSync(anchor).isFile() ? nodePath.dirname(anchor) : anchor;
  let root = findDocfxRoot(anchorDir) ?? anchorDir;
  // The root must contain every plain path.
  for (const p of plain) {
    while (!(p === root || p.startsWith(root + nodePath.sep))) root = nodePath.dirname(root);
  }
  const plainPosix = plain.map((p) => ({ path: toPosix(p), dir: statSync(p).isDirectory() }));
  const cwdPosix = toPosix(cwd);
  return {
    root: toPosix(root),
    includes: (path: string) => {
      if (plainPosix.some((x) => path === x.path || (x.dir && path.startsWith(x.path === '/' ? '/' : x.path + '/')))) return true;
      if (globs.length === 0) return false;
      const rel = path.startsWith(cwdPosix + '/') ? path.slice(cwdPosix.length + 1) : path;
      return globs.some((g) => g(rel));
    },
  };
}

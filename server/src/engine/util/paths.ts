/** POSIX path helpers for workspace paths (always absolute, forward slashes). No I/O. */

/** Directory part of a path. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** File name part of a path. */
export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Extension including the dot, lower-cased (`.md`), or ''. */
export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i).toLowerCase();
}

/** Resolves `.` and `..` segments; keeps a leading slash. `..` above the root stays at the root and is reported by `escapes`. */
export function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** Joins a base directory and a relative path. */
export function join(dir: string, rel: string): string {
  return normalize(rel.startsWith('/') ? rel : dir + '/' + rel);
}

/** True when resolving `rel` from `dir` climbs above `root`. */
export function escapes(root: string, dir: string, rel: string): boolean {
  if (rel.startsWith('/')) return !isWithin(root, normalize(rel));
  const segs = (dir + '/' + rel).split('/');
  const rootDepth = root.split('/').filter(Boolean).length;
  let depth = 0;
  for (const seg of segs) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      depth--;
      if (depth < rootDepth) return true;
    } else depth++;
  }
  return false;
}

/** True when `p` is `root` or inside it. */
export function isWithin(root: string, p: string): boolean {
  return p === root || p.startsWith(root.endsWith('/') ? root : root + '/');
}

/** Path of `to` relative to the directory `fromDir`. */
export function relative(fromDir: string, to: string): string {
  const a = fromDir.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel === '' ? '.' : rel;
}

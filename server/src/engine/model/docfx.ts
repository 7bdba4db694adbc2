import picomatch from 'picomatch';
import { dirname, relative } from '../util/paths';

/** The part of a `docfx.json` the linter needs: which Markdown files are built. */
export interface DocfxProject {
  readonly path: string;
  readonly dir: string;
  /** True when docfx would build the file (matched by a content group's `files`, not by its `exclude`). */
  isBuilt(path: string): boolean;
  /** Set when the file could not be read as docfx configuration. */
  readonly error?: string;
}

interface ContentGroup {
  files?: string[] | string;
  exclude?: string[] | string;
  src?: string;
}

const list = (v: string[] | string | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Reads a `docfx.json`; malformed JSON gives a project that builds everything and carries the error. */
export function parseDocfx(path: string, text: string): DocfxProject {
  const dir = dirname(path);
  let groups: ContentGroup[] = [];
  let error: string | undefined;
  try {
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as { build?: { content?: ContentGroup[] } };
    groups = json.build?.content ?? [];
  } catch (e) {
    error = (e as Error).message;
  }
  const compiled = groups.map((g) => {
    const base = g.src ? dir + '/' + g.src.replace(/^\.\/?/, '').replace(/\/$/, '') : dir;
    return {
      base,
      files: picomatch(list(g.files).length ? list(g.files) : ['**/*.md'], { dot: true }),
      exclude: list(g.exclude).length ? picomatch(list(g.exclude), { dot: true }) : () => false,
    };
  });
  return {
    path,
    dir,
    ...(error ? { error } : {}),
    isBuilt(p: string): boolean {
      if (compiled.length === 0) return true;
      return compiled.some((g) => {
        if (!p.startsWith(g.base + '/')) return false;
        const rel = relative(g.base, p);
        return g.files(rel) && !g.exclude(rel);
      });
    },
  };
}

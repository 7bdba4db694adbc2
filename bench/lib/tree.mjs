// Builds the synthetic large tree: the corpus copied N times side by side. Each copy keeps its own
// docfx.json and folder layout, so every relative and root-relative link stays inside its copy.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Markdown files under a folder (skipping node_modules and dot folders). */
export function markdownFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.toLowerCase().endsWith('.md')) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** Page count and bytes of the Markdown of a tree. */
export function treeSize(root) {
  const files = markdownFiles(root);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  return { pages: files.length, bytes };
}

/**
 * Makes (or reuses) `dir` holding ceil(targetPages / corpusPages) copies of `corpus`, as
 * `copy-01/`, `copy-02/`, ... A marker file records what was built, so a changed request rebuilds it.
 */
export function ensureSyntheticTree(corpus, dir, targetPages) {
  const { pages } = treeSize(corpus);
  const copies = Math.max(1, Math.ceil(targetPages / pages));
  const marker = join(dir, '.bench-tree.json');
  const want = JSON.stringify({ corpus, copies, pages });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return { dir, copies, rebuilt: false };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= copies; i++) {
    cpSync(corpus, join(dir, `copy-${String(i).padStart(2, '0')}`), { recursive: true, filter: (src) => !src.includes('/.git') && !src.includes('/node_modules') });
  }
  writeFileSync(marker, want);
  return { dir, copies, rebuilt: true };
}

/**
 * Makes (or reuses) `dir` holding a copy of `corpus` (its `.git` left out), so that a benchmark may
 * change a page without touching the corpus. A marker file records the source; returns `dir`.
 */
export function ensureCorpusCopy(corpus, dir) {
  const marker = join(dir, '.bench-source');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== corpus) {
    rmSync(dir, { recursive: true, force: true });
    cpSync(corpus, dir, { recursive: true, filter: (src) => !src.includes('/.git') });
    writeFileSync(marker, corpus);
  }
  return dir;
}

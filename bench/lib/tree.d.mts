/** Markdown files under a folder (skipping node_modules and dot folders), sorted. */
export function markdownFiles(root: string): string[];
/** Total bytes and page count of the Markdown files under a folder. */
export function treeSize(root: string): unknown;
/** Builds (or reuses) a synthetic tree of about `targetPages` pages by copying the corpus. */
export function ensureSyntheticTree(corpus: string, dir: string, targetPages: number): unknown;
/** Makes (or reuses) a copy of the corpus at `dir`; returns `dir`. */
export function ensureCorpusCopy(corpus: string, dir: string): string;

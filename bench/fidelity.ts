/**
 * PROTOTYPE, bench only: how closely the markdown-it outline (bench/markdownItOutline.ts) matches the
 * outline playbook-lint uses (micromark), page by page and field by field, and how fast each is.
 * Usage: node --import tsx bench/fidelity.ts [folder]   (default ../shared/corpus)
 */
import { isDeepStrictEqual } from 'node:util';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseOutline } from '../server/src/engine/parse/markdown';
import type { MarkdownOutline } from '../server/src/engine/parse/outline';
import { markdownItOutline } from './markdownItOutline';

const root = process.argv[2] ?? '../shared/corpus';
const files: string[] = [];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.md')) files.push(p);
  }
};
walk(root);
const texts = files.map((f) => readFileSync(f, 'utf8'));

const time = (f: (t: string) => MarkdownOutline): { outlines: MarkdownOutline[]; ms: number } => {
  const t0 = performance.now();
  const outlines = texts.map(f);
  return { outlines, ms: performance.now() - t0 };
};
// Warm both once, then time.
time(parseOutline);
time(markdownItOutline);
const mm = time(parseOutline);
const mi = time(markdownItOutline);

const fields = ['frontMatter', 'headings', 'tables', 'links', 'paragraphs', 'blockquotes', 'html', 'code'] as const;
const same: Record<string, number> = {};
const examples: Record<string, string[]> = {};
let whole = 0;
texts.forEach((text, i) => {
  const a = mm.outlines[i]!;
  const b = mi.outlines[i]!;
  let all = true;
  for (const f of fields) {
    if (isDeepStrictEqual(a[f], b[f])) same[f] = (same[f] ?? 0) + 1;
    else {
      all = false;
      const ex = (examples[f] ??= []);
      if (ex.length < 3) {
        const av = a[f] as unknown;
        const bv = b[f] as unknown;
        const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
        const k = list(av).findIndex((x, j) => !isDeepStrictEqual(x, list(bv)[j]));
        const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && 'start' in x && 'end' in x ? text.slice((x as { start: number }).start, (x as { end: number }).end) : x))?.slice(0, 300) ?? 'undefined';
        ex.push(`${files[i]}\n      micromark:   ${show(list(av)[k])}\n      markdown-it: ${show(list(bv)[k])}`);
      }
    }
  }
  if (all) whole++;
});
console.log(`${files.length} pages. Warm single-threaded outline time: micromark ${(mm.ms / 1000).toFixed(2)} s, markdown-it ${(mi.ms / 1000).toFixed(2)} s (${(mm.ms / mi.ms).toFixed(1)}× faster)`);
console.log(`Pages whose whole outline is identical: ${whole} / ${files.length}`);
for (const f of fields) console.log(`  ${f.padEnd(12)} identical on ${String(same[f] ?? 0).padStart(4)} pages${examples[f] ? '; e.g.\n    ' + examples[f]!.join('\n    ') : ''}`);

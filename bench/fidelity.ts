/**
 * How closely the outline playbook-lint uses (markdown-it, `parseOutline`) matches the previous pipeline's
 * (micromark, test/support/micromarkOutline/, the parse tests' oracle), page by page and field by field,
 * which documented class explains each difference, and how fast each is.
 * Usage: node --import tsx bench/fidelity.ts [folder]   (default ../shared/corpus)
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseOutline } from '../server/src/engine/parse/markdown';
import type { MarkdownOutline } from '../server/src/engine/parse/outline';
import { explainDifference } from '../test/support/micromarkOutline/differenceClasses';
import { micromarkOutline } from '../test/support/micromarkOutline/markdown';
import { markdownFiles } from './lib/tree.mjs';

const root = process.argv[2] ?? '../shared/corpus';
const files = markdownFiles(root);
const texts = files.map((f) => readFileSync(f, 'utf8'));

const time = (f: (t: string) => MarkdownOutline): { outlines: MarkdownOutline[]; ms: number } => {
  const t0 = performance.now();
  const outlines = texts.map(f);
  return { outlines, ms: performance.now() - t0 };
};
// Warm both once, then time.
time(micromarkOutline);
time(parseOutline);
const previous = time(micromarkOutline);
const ours = time(parseOutline);

const fields = ['frontMatter', 'headings', 'tables', 'links', 'paragraphs', 'blockquotes', 'html', 'code'] as const;
const same: Record<string, number> = {};
const classes: Record<string, number> = {};
const unexplained: string[] = [];
let whole = 0;
texts.forEach((text, i) => {
  const a = previous.outlines[i]!;
  const b = ours.outlines[i]!;
  for (const f of fields) if (isDeepStrictEqual(a[f], b[f])) same[f] = (same[f] ?? 0) + 1;
  if (isDeepStrictEqual(a, b)) {
    whole++;
    return;
  }
  const why = explainDifference(text, micromarkOutline, parseOutline);
  if (why) for (const id of why) classes[id] = (classes[id] ?? 0) + 1;
  else unexplained.push(files[i]!);
});
console.log(`${files.length} pages. Warm single-threaded outline time: micromark ${(previous.ms / 1000).toFixed(2)} s, markdown-it ${(ours.ms / 1000).toFixed(2)} s (${(previous.ms / ours.ms).toFixed(1)}× faster)`);
console.log(`Pages whose whole outline is identical: ${whole} / ${files.length}`);
for (const f of fields) console.log(`  ${f.padEnd(12)} identical on ${String(same[f] ?? 0).padStart(4)} pages`);
if (Object.keys(classes).length) console.log(`Documented differences: ${JSON.stringify(classes)}`);
if (unexplained.length) console.log(`Unexplained differences:\n  ${unexplained.join('\n  ')}`);

/**
 * Parse floors: reads every Markdown page under a folder (not timed), then times one single-threaded
 * pass over all of them in this process, and prints `{ "ms": …, "cpuMs": …, "pages": …, "bytes": … }`.
 *
 *   pipeline     the parse playbook-lint uses (`parseOutline`: markdown-it, CommonMark + GFM tables, front matter
 *                cut off)
 *   micromark    the previous pipeline, the same outline through micromark (test/support/micromarkOutline/:
 *                mdast-util-from-markdown + the guarded GFM table extension), kept as the parse tests' oracle
 *   before       the parse as it was before the outline: unified + remark-parse + remark-frontmatter + GFM tables
 *   remark       remark-parse alone (CommonMark, through unified), the issue's reference floor
 *   model        parse plus the whole page model (`buildDocument`), no index and no rules
 *
 * Bundled and run by bench/run.mjs; usage: node floor.js <mode> <folder>.
 */
import { readFileSync, statSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { defaultConfig } from '../server/src/engine/config/builtin';
import { createEngine } from '../server/src/engine/engine';
import { buildDocument } from '../server/src/engine/model/build';
import { parseOutline } from '../server/src/engine/parse/markdown';
import { MemoryWorkspace } from '../server/src/engine/workspace/memoryWorkspace';
import { micromarkOutline } from '../test/support/micromarkOutline/markdown';
import { markdownFiles } from './lib/tree.mjs';

const [mode = 'pipeline', root = '.'] = process.argv.slice(2);
const paths = markdownFiles(root);
const pages = paths.map((p) => ({ path: '/' + p.split('\\').join('/').replace(/^\/+/, ''), text: readFileSync(p, 'utf8') }));
const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);

const remark = unified().use(remarkParse).freeze();
const before = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(function tablesOnly(this: { data(): { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] } }) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  })
  .freeze();
const noBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
const context = createEngine(new MemoryWorkspace('/'), defaultConfig()).index.context;
const parsers: Record<string, (path: string, text: string) => unknown> = {
  pipeline: (_path, text) => parseOutline(text),
  micromark: (_path, text) => micromarkOutline(text),
  before: (_path, text) => before.parse(noBom(text)),
  remark: (_path, text) => remark.parse(noBom(text)),
  model: (path, text) => buildDocument(path, text, 0, context),
};
const parse = parsers[mode];
if (!parse) throw new Error(`unknown mode ${mode}: use ${Object.keys(parsers).join(', ')}`);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const { path, text } of pages) parse(path, text);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, pages: pages.length, bytes }) + '\n');

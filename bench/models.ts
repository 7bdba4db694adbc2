/**
 * Page models: what building them costs next to the parse, and what each one keeps in memory.
 *
 * Reads every Markdown page under a folder (not timed), then, warm and in one process, times several
 * rounds of
 *
 *   parse     `parseOutline` for every page (the outlines only)
 *   parse+model  `buildDocument` for every page, parsing as the tool does without a cache
 *   model     `buildDocument` for every page from outlines parsed beforehand (the model alone)
 *
 * and prints medians, milliseconds per page and the ratio model / parse. Then it measures the heap after a
 * forced collection with the texts kept, with the texts and every outline kept, and with the texts and
 * every model kept (the outlines dropped): the difference is what a model retains, per page (array
 * buffers included).
 *
 * `--baseline DIR` loads a second engine from another checkout (DIR/server/src/engine, e.g. an unpacked
 * `git archive` of the last commit with node_modules linked in) and measures it round by round beside
 * this one, so before/after ratios come from the same run on the same (busy) machine.
 *
 * Usage: node --import tsx --expose-gc bench/models.ts [folder] [--rounds N] [--baseline DIR] [--json FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ModelContext, OutlineSource } from '../server/src/engine/model/build';
import type { PlaybookDocument } from '../server/src/engine/model/document';
import type { MarkdownOutline } from '../server/src/engine/parse/outline';
import { markdownFiles } from './lib/tree.mjs';

/** The entry points of one engine checkout that this measurement uses. */
interface EngineUnderTest {
  readonly name: string;
  readonly parse: (text: string) => MarkdownOutline;
  readonly build: (path: string, text: string, outlines?: OutlineSource) => PlaybookDocument;
}

/** One page as read from disk. */
interface Page {
  readonly path: string;
  readonly text: string;
}

/** Timings of one engine, one list of milliseconds per measurement. */
interface Timings {
  parse: number[];
  parseAndModel: number[];
  model: number[];
}

/** Heap figures of one engine, in bytes over the texts alone. */
interface Retained {
  readonly outlines: number;
  readonly models: number;
  /** The models once every line index has been asked for (a language server, pages with findings). */
  readonly modelsWithLines: number;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const rounds = Number(option('--rounds') ?? 5);
const baselineDir = option('--baseline');
const jsonOut = option('--json');
const folder = resolve(args[0] ?? '../shared/corpus');

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc: node --import tsx --expose-gc bench/models.ts [folder]');
const collect = gc;

/** Loads the engine under `root` (a checkout) and builds its model context with the default configuration. */
async function loadEngine(name: string, root: string): Promise<EngineUnderTest> {
  const at = (p: string): string => pathToFileURL(resolve(root, 'server/src/engine', p)).href;
  const builtin = (await import(at('config/builtin.ts'))) as typeof import('../server/src/engine/config/builtin');
  const engine = (await import(at('engine.ts'))) as typeof import('../server/src/engine/engine');
  const memory = (await import(at('workspace/memoryWorkspace.ts'))) as typeof import('../server/src/engine/workspace/memoryWorkspace');
  const model = (await import(at('model/build.ts'))) as typeof import('../server/src/engine/model/build');
  const markdown = (await import(at('parse/markdown.ts'))) as typeof import('../server/src/engine/parse/markdown');
  const context: ModelContext = engine.createEngine(new memory.MemoryWorkspace('/'), builtin.defaultConfig()).index.context;
  return {
    name,
    parse: (text) => markdown.parseOutline(text),
    build: (path, text, outlines) => model.buildDocument(path, text, 0, context, outlines),
  };
}

/** An outline source that hands out the outline parsed beforehand for the page being built. */
function cached(outline: MarkdownOutline): OutlineSource {
  return { outline: () => outline };
}

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Heap in use after a full collection, plus array buffers (typed arrays live outside the JS heap). */
function heap(): number {
  collect();
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** One round of the three timings for one engine. */
function round(e: EngineUnderTest, pages: readonly Page[], into: Timings): void {
  let outlines: MarkdownOutline[] = [];
  into.parse.push(time(() => { outlines = pages.map((p) => e.parse(p.text)); }));
  into.parseAndModel.push(time(() => { for (const p of pages) e.build(p.path, p.text); }));
  into.model.push(time(() => { pages.forEach((p, i) => e.build(p.path, p.text, cached(outlines[i]!))); }));
}

/** Heap kept by every outline, then by every model (outlines dropped), over the texts alone. */
function retained(e: EngineUnderTest, pages: readonly Page[]): Retained {
  const base = heap();
  let outlines: MarkdownOutline[] | undefined = pages.map((p) => e.parse(p.text));
  const withOutlines = heap();
  let models: PlaybookDocument[] | undefined = pages.map((p, i) => e.build(p.path, p.text, cached(outlines![i]!)));
  outlines = undefined;
  const withModels = heap();
  let lines = 0;
  for (const m of models) lines += m.lines.lineCount;
  const withLines = heap();
  if (models.length !== pages.length || lines < pages.length) throw new Error('lost a model');
  models = undefined;
  return { outlines: withOutlines - base, models: withModels - base, modelsWithLines: withLines - base };
}

async function main(): Promise<void> {
  const files = markdownFiles(folder);
  const pages: Page[] = files.map((f) => ({ path: '/' + relative(folder, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));
  const bytes = pages.reduce((n, p) => n + p.text.length, 0);
  const engines = [await loadEngine('current', resolve(__dirname, '..'))];
  if (baselineDir) engines.push(await loadEngine('baseline', resolve(baselineDir)));

  const timings = new Map<string, Timings>(engines.map((e) => [e.name, { parse: [], parseAndModel: [], model: [] }]));
  for (const e of engines) round(e, pages, { parse: [], parseAndModel: [], model: [] }); // warm-up, not counted
  for (let r = 0; r < rounds; r++) for (const e of engines) round(e, pages, timings.get(e.name)!);
  const memory = new Map<string, Retained>(engines.map((e) => [e.name, retained(e, pages)]));

  const n = pages.length;
  const kb = (b: number): string => (b / 1024 / n).toFixed(1);
  const report: Record<string, unknown> = { folder, pages: n, chars: bytes, rounds };
  process.stdout.write(`${n} pages, ${(bytes / 1e6).toFixed(1)} M chars, median of ${rounds} warm rounds\n\n`);
  process.stdout.write('engine    parse ms  parse+model ms  model ms  model ms/page  model÷parse  outline KB/page  model KB/page  with lines\n');
  for (const e of engines) {
    const t = timings.get(e.name)!;
    const m = memory.get(e.name)!;
    const parse = median(t.parse);
    const both = median(t.parseAndModel);
    const model = median(t.model);
    report[e.name] = {
      parseMs: parse, parseAndModelMs: both, modelMs: model, modelMsPerPage: model / n, modelOverParse: model / parse,
      outlineKbPerPage: m.outlines / 1024 / n, modelKbPerPage: m.models / 1024 / n, modelWithLinesKbPerPage: m.modelsWithLines / 1024 / n,
    };
    process.stdout.write(
      `${e.name.padEnd(8)}  ${parse.toFixed(0).padStart(8)}  ${both.toFixed(0).padStart(14)}  ${model.toFixed(0).padStart(8)}  ${(model / n).toFixed(3).padStart(13)}  ${(model / parse).toFixed(2).padStart(11)}  ${kb(m.outlines).padStart(15)}  ${kb(m.models).padStart(13)}  ${kb(m.modelsWithLines).padStart(10)}\n`,
    );
  }
  if (baselineDir) {
    type Figures = { parseMs: number; parseAndModelMs: number; modelMs: number; modelKbPerPage: number; modelWithLinesKbPerPage: number };
    const cur = report.current as Figures;
    const base = report.baseline as Figures;
    const ratio = (k: keyof Figures): string => `${(cur[k] / base[k]).toFixed(2)}×`;
    process.stdout.write(`\ncurrent ÷ baseline: parse ${ratio('parseMs')}, parse+model ${ratio('parseAndModelMs')}, model time ${ratio('modelMs')}, retained per model ${ratio('modelKbPerPage')} (${ratio('modelWithLinesKbPerPage')} with line indexes)\n`);
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2) + '\n');
}

void main();

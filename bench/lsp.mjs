// The language server part of `npm run bench`: spawns dist/server.js over stdio on a tree, as an editor
// would, and measures what the author waits for (docs/performance.md, "Language server"). Run by
// bench/run.mjs after the CLI part, or alone:
//
//   node bench/lsp.mjs [--runs N] [--big] [--big-runs N] [--pages N] [--samples N] [--corpus DIR] [--json FILE] [--server FILE]
//
//   --runs N      rounds on the corpus copy (default 3; 0 skips it); each round is a cold CLI run and two fresh servers
//   --big         also the synthetic tree of about --pages pages (default 15000); --big-runs rounds (default 1)
//   --samples N   edits (each followed by a pull, three completions and three hovers) per round (default 30),
//                 and pages opened while the index is built per round (at most)
//   --server FILE another build of the server to measure (to compare two builds, run twice)
//
// Each round: (1) the CLI's cold full lint of the tree (`playbook-lint` in it, a fresh process), the
// reference for the index time, run again after the last round: each round's index time is divided by
// the mean of the CLI runs before and after it, so a change in the machine's load hits both; (2) a server that opens page after page while its initial index is
// still being built, pulling each page's diagnostics right after `didOpen`; (3) a server left to
// index, then timed: initialize → end of its indexing progress, its memory (VmRSS, VmHWM), then on a
// few typical pages (front matter, a relative link, a task table) a keystroke followed at once by a
// diagnostic pull, and completion and hover at a link target, a task ID cell and a front-matter key;
// last, one workspace diagnostic pull (every file's diagnostics). The client announces what VS Code
// does and sets `playbook.diagnostics.debounceMs` to 0: a pull answers once the document is quiet for
// the debounce time (lsp/diagnostics.ts waits for `sync.settled`), and the debounce is not server work.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from './lib/lspClient.mjs';
import { measureNode, median } from './lib/measure.mjs';
import { isTypical, placesIn } from './lib/pagePlaces.mjs';
import { ensureCorpusCopy, ensureSyntheticTree, markdownFiles, treeSize } from './lib/tree.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let SERVER = join(REPO, 'dist/server.js');
const CLI = join(REPO, 'dist/cli.js');
const SETTINGS = { diagnostics: { debounceMs: 0 } };
/** Typical pages edited and asked about per round. */
const TYPICAL_PAGES = 6;

/** The goals of issue 4 (milliseconds, a ratio, megabytes). */
export const LSP_GOALS = { openWhileIndexingP95: 150, keystrokeP95: 50, requestP95: 50, indexRatio: 1.3, rssMb: 500 };

/** The value at percentile `p` (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

/**
 * Times one promise-returning call: wall milliseconds, and the server's CPU milliseconds meanwhile (in
 * clock ticks of 10 ms: only their mean over many samples means something, but unlike the wall time it
 * does not grow with the load other processes put on the machine).
 */
async function timed(client, fn) {
  const cpu0 = client.cpuMs();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, cpu: client.cpuMs() - cpu0, value };
}

/** `count` items of a list spread evenly over it. */
function spread(list, count) {
  if (list.length <= count) return [...list];
  return Array.from({ length: count }, (_, i) => list[Math.floor(((i + 0.5) * list.length) / count)]);
}

/** A server opening pages while its initial index is built: the latency of each page's diagnostics after didOpen. */
async function openWhileIndexing(dir, pages, note) {
  const client = new LspClient(SERVER, dir, { settings: SETTINGS });
  const samples = [];
  let late = 0;
  try {
    await client.initialize();
    for (const path of pages) {
      if (client.indexedAt !== undefined) break;
      const text = readFileSync(path, 'utf8');
      const { ms } = await timed(client, async () => {
        await client.open(path, text);
        return client.pull(path);
      });
      // Only answers that arrived while the index was still being built count.
      if (client.indexedAt === undefined) samples.push(ms);
      else late++;
    }
    note(` ${samples.length} opened while indexing${late ? ` (+${late} after)` : ''}`);
  } finally {
    await client.stop();
  }
  return samples;
}

/** One typical page as the benchmark edits it: its path, current text and whether the typed character is in. */
class TypicalPage {
  constructor(path) {
    this.path = path;
    this.text = readFileSync(path, 'utf8');
    this.typed = false;
    this.typing = placesIn(this.text).typing;
  }

  /** Types a character at the typing place, or deletes the one typed before: the text comes back every other time. */
  async keystroke(client) {
    const { line, character } = this.typing;
    const lines = this.text.split(/(\r\n|\r|\n)/);
    const at = lines[2 * line];
    if (this.typed) {
      await client.change(this.path, { start: { line, character }, end: { line, character: character + 1 } }, '');
      lines[2 * line] = at.slice(0, character) + at.slice(character + 1);
    } else {
      await client.change(this.path, { start: { line, character }, end: { line, character } }, 'x');
      lines[2 * line] = at.slice(0, character) + 'x' + at.slice(character);
    }
    this.typed = !this.typed;
    this.text = lines.join('');
  }
}

/** A server left to index, then timed on typical pages and for the whole workspace. */
async function indexedSession(dir, typical, samples, note) {
  const client = new LspClient(SERVER, dir, { settings: SETTINGS });
  const out = { keystroke: [], openAfter: [], completion: { link: [], task: [], key: [] }, hover: { link: [], task: [], key: [] }, cpu: {} };
  const cpu = (key, ms) => (out.cpu[key] ??= []).push(ms);
  try {
    await client.initialize();
    await client.indexed;
    out.indexMs = client.indexedAt - client.startedAt;
    out.indexCpuMs = client.cpuMs();
    out.afterIndex = client.memory();
    note(` indexed in ${(out.indexMs / 1000).toFixed(1)} s`);
    const pages = typical.map((p) => new TypicalPage(p));
    const resultIds = new Map();
    for (const page of pages) {
      const { ms, cpu: c, value } = await timed(client, async () => {
        await client.open(page.path, page.text);
        return client.pull(page.path);
      });
      out.openAfter.push(ms);
      cpu('openAfter', c);
      resultIds.set(page.path, value.resultId);
    }
    for (let i = 0; i < samples; i++) {
      const page = pages[i % pages.length];
      const { ms, cpu: c, value } = await timed(client, async () => {
        await page.keystroke(client);
        return client.pull(page.path, resultIds.get(page.path));
      });
      out.keystroke.push(ms);
      cpu('keystroke', c);
      resultIds.set(page.path, value.resultId);
      const places = placesIn(page.text);
      const uri = client.uri(page.path);
      for (const what of ['link', 'task', 'key']) {
        const context = what === 'link' ? { triggerKind: 2, triggerCharacter: '(' } : { triggerKind: 1 };
        const completion = await timed(client, () => client.request('textDocument/completion', { textDocument: { uri }, position: places[what].complete, context }));
        out.completion[what].push(completion.ms);
        cpu(`completion.${what}`, completion.cpu);
        const hover = await timed(client, () => client.request('textDocument/hover', { textDocument: { uri }, position: places[what].hover }));
        out.hover[what].push(hover.ms);
        cpu(`hover.${what}`, hover.cpu);
      }
    }
    note(', edits and requests timed');
    const ws = await timed(client, () => client.request('workspace/diagnostic', { previousResultIds: [] }));
    out.workspaceMs = ws.ms;
    out.workspaceFiles = ws.value.items.length;
    out.workspaceDiagnostics = ws.value.items.reduce((n, i) => n + (i.items?.length ?? 0), 0);
    out.afterWorkspace = client.memory();
    note(`, workspace diagnostics in ${(ws.ms / 1000).toFixed(1)} s\n`);
  } finally {
    await client.stop();
  }
  return out;
}

/**
 * Measures the language server on one tree for `rounds` rounds and returns every sample. `note`
 * receives progress text (standard error by default).
 */
export async function benchLanguageServer({ name, dir, rounds, samples = 30, note = (s) => process.stderr.write(s) }) {
  const all = markdownFiles(dir);
  const typical = spread(all.filter((p) => isTypical(placesIn(readFileSync(p, 'utf8')))), TYPICAL_PAGES);
  if (typical.length === 0) throw new Error(`no page of ${dir} has a front matter, a relative link, a task table and a prose line`);
  const size = treeSize(dir);
  note(`\nlanguage server, ${name}: ${size.pages} pages, ${rounds} round(s), typical pages: ${typical.map((p) => p.slice(dir.length + 1)).join(', ')}\n`);
  const r = { tree: name, pages: size.pages, bytes: size.bytes, rounds, typical: typical.map((p) => p.slice(dir.length + 1)), cli: [], openWhileIndexing: [], sessions: [] };
  for (let round = 0; round < rounds; round++) {
    note(`  round ${round + 1}: CLI cold`);
    const cli = await measureNode(CLI, [], { cwd: dir });
    r.cli.push(cli);
    note(` ${(cli.wallMs / 1000).toFixed(1)} s; server opening pages while indexing:`);
    // A different slice of the tree each round, so no page is opened twice.
    const pages = spread(all, samples * rounds).filter((_, i) => i % rounds === round);
    r.openWhileIndexing.push(...(await openWhileIndexing(dir, pages, note)));
    note('; server indexing:');
    r.sessions.push(await indexedSession(dir, typical, samples, note));
  }
  note('  CLI cold again');
  const last = await measureNode(CLI, [], { cwd: dir });
  r.cli.push(last);
  note(` ${(last.wallMs / 1000).toFixed(1)} s\n`);
  return r;
}

const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms` : '–').padStart(9);
const sec = (v) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : '–').padStart(9);
const mbOf = (kb) => kb / 1024;

/** Prints a tree's language server figures; returns its goals as [name, value, met, unit]. */
export function printLanguageServer(r) {
  const s = r.sessions;
  const cpuOf = (key) => s.flatMap((x) => x.cpu[key] ?? []);
  const rows = [
    ['diagnostics of a page opened while indexing', r.openWhileIndexing, [], LSP_GOALS.openWhileIndexingP95],
    ['diagnostics of a page opened after indexing', s.flatMap((x) => x.openAfter), cpuOf('openAfter')],
    ['diagnostics after a keystroke (pull, no debounce)', s.flatMap((x) => x.keystroke), cpuOf('keystroke'), LSP_GOALS.keystrokeP95],
    ['completion: link target, after `](`', s.flatMap((x) => x.completion.link), cpuOf('completion.link'), LSP_GOALS.requestP95],
    ['completion: task ID cell', s.flatMap((x) => x.completion.task), cpuOf('completion.task'), LSP_GOALS.requestP95],
    ['completion: front-matter key', s.flatMap((x) => x.completion.key), cpuOf('completion.key'), LSP_GOALS.requestP95],
    ['hover: link target', s.flatMap((x) => x.hover.link), cpuOf('hover.link'), LSP_GOALS.requestP95],
    ['hover: task ID', s.flatMap((x) => x.hover.task), cpuOf('hover.task'), LSP_GOALS.requestP95],
    ['hover: front-matter key', s.flatMap((x) => x.hover.key), cpuOf('hover.key'), LSP_GOALS.requestP95],
  ];
  const goals = [];
  const mean = (v) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN);
  console.log(`\nLanguage server — ${r.tree}: ${r.pages} pages, ${r.rounds} round(s); latencies over every sample of every round`);
  console.log(`  ${'measurement'.padEnd(50)} ${'n'.padStart(4)} ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'max'.padStart(9)} ${'cpu/op'.padStart(9)}  goal`);
  for (const [label, values, cpus, goal] of rows) {
    const p95 = percentile(values, 95);
    console.log(`  ${label.padEnd(50)} ${String(values.length).padStart(4)} ${ms(percentile(values, 50))} ${ms(p95)} ${ms(Math.max(...values))} ${ms(mean(cpus))}  ${goal ? `p95 ≤ ${goal} ms` : ''}`);
    if (goal) goals.push([`${r.tree}: ${label}, p95 ≤ ${goal} ms`, p95, values.length > 0 && p95 <= goal, 'ms']);
  }
  const cliMs = median(r.cli.map((c) => c.wallMs));
  const indexMs = median(s.map((x) => x.indexMs));
  // Each round's index against the CLI runs just before and after it.
  const cliAround = (i, field) => (r.cli[i][field] + r.cli[i + 1][field]) / 2;
  const ratio = median(s.map((x, i) => x.indexMs / cliAround(i, 'wallMs')));
  const cpuRatio = median(s.map((x, i) => x.indexCpuMs / cliAround(i, 'cpuMs')));
  const withWorkspace = median(s.map((x, i) => (x.indexMs + x.workspaceMs) / cliAround(i, 'wallMs')));
  const rss = Math.max(...s.map((x) => mbOf(x.afterIndex.rssKb)));
  const hwm = Math.max(...s.map((x) => mbOf(x.afterIndex.hwmKb)));
  const rssAfterAll = Math.max(...s.map((x) => mbOf(x.afterWorkspace.rssKb)));
  const hwmAfterAll = Math.max(...s.map((x) => mbOf(x.afterWorkspace.hwmKb)));
  console.log(`  ${'CLI cold full lint (playbook-lint in the tree)'.padEnd(50)} ${sec(cliMs)}  cpu ${sec(median(r.cli.map((c) => c.cpuMs)))}`);
  console.log(`  ${'full index: spawn → end of indexing progress'.padEnd(50)} ${sec(indexMs)}  cpu ${sec(median(s.map((x) => x.indexCpuMs)))}  ÷ CLI ${ratio.toFixed(2)}× (cpu ${cpuRatio.toFixed(2)}×)  goal ≤ ${LSP_GOALS.indexRatio}×`);
  console.log(`  ${'… then every file\'s diagnostics (workspace pull)'.padEnd(50)} ${sec(median(s.map((x) => x.workspaceMs)))}  index + all ÷ CLI ${withWorkspace.toFixed(2)}×  (${s[0]?.workspaceFiles} files, ${s[0]?.workspaceDiagnostics} diagnostics)`);
  console.log(`  ${'server memory after indexing: RSS / peak (HWM)'.padEnd(50)} ${rss.toFixed(0).padStart(6)} MB / ${hwm.toFixed(0)} MB  (goal RSS < ${LSP_GOALS.rssMb} MB)`);
  console.log(`  ${'… after the workspace pull: RSS / peak'.padEnd(50)} ${rssAfterAll.toFixed(0).padStart(6)} MB / ${hwmAfterAll.toFixed(0)} MB`);
  goals.push([`${r.tree}: full index ≤ ${LSP_GOALS.indexRatio}× the CLI's cold full lint`, ratio, ratio <= LSP_GOALS.indexRatio]);
  goals.push([`${r.tree}: server memory after indexing < ${LSP_GOALS.rssMb} MB`, rss, rss < LSP_GOALS.rssMb, 'MB']);
  return goals;
}

/** Prints goals as run.mjs does. */
export function printGoals(goals) {
  console.log('\nGoals');
  for (const [name, value, met, unit] of goals) console.log(`  ${met ? 'met    ' : 'NOT met'}  ${name}: ${unit ? value.toFixed(0) + ' ' + unit : value.toFixed(2) + '×'}`);
}

// Run alone: `node bench/lsp.mjs` (after `node esbuild.mjs`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const corpus = resolve(REPO, option('--corpus', '../shared/corpus'));
  SERVER = resolve(option('--server', SERVER));
  if (!existsSync(SERVER) || !existsSync(CLI)) throw new Error('dist/server.js or dist/cli.js is missing: run `node esbuild.mjs` first');
  if (!existsSync(corpus)) {
    console.log(`No corpus at ${corpus}: nothing to measure (pass --corpus DIR).`);
    process.exit(0);
  }
  const work = join(tmpdir(), 'playbook-lint-bench');
  const trees = [{ name: 'corpus', dir: ensureCorpusCopy(corpus, join(work, 'corpus')), rounds: Number(option('--runs', '3')) }];
  if (process.argv.includes('--big') || process.env.BENCH_BIG === '1') {
    const t = ensureSyntheticTree(corpus, join(work, 'big'), Number(option('--pages', '15000')));
    trees.push({ name: `synthetic (${t.copies} copies)`, dir: t.dir, rounds: Number(option('--big-runs', '1')) });
  }
  const samples = Number(option('--samples', '30'));
  const results = [];
  for (const tree of trees) if (tree.rounds > 0) results.push(await benchLanguageServer({ ...tree, samples }));
  const goals = results.flatMap(printLanguageServer);
  printGoals(goals);
  const jsonOut = option('--json', undefined);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ node: process.version, results, goals }, null, 2));
}

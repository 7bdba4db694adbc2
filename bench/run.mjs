// `npm run bench`: playbook-lint against markdownlint-cli2 (default configuration) over the same trees, and
// against the raw parse floors, in one run. Prints medians and the ratios the performance goals are
// stated in (docs/performance.md). Usage:
//
//   node bench/run.mjs [--runs N] [--big] [--big-runs N] [--pages N] [--corpus DIR] [--json FILE]
//                      [--lsp-runs N] [--lsp-samples N] [--no-lsp | --lsp-only]
//
//   --runs N      runs per measurement on the corpus tree (default 5; medians are reported)
//   --big         also measure the synthetic tree of about --pages pages (default 15000): the corpus copied
//                 side by side. Slow: markdownlint-cli2 takes minutes per run there. Also BENCH_BIG=1.
//   --big-runs N  runs per measurement on the big tree (default 1)
//   --corpus DIR  the corpus (default ../shared/corpus)
//   --json FILE   also write every measurement as JSON
//   --lsp-runs N  rounds of the language server part per tree (default 3 on the corpus; --big-runs on the big tree)
//   --lsp-samples N  edits and requests timed per language server round (default 30)
//   --no-lsp      skip the language server part; --lsp-only: run only it (bench/lsp.mjs)
//
// Every tool runs as a fresh child process (cold: no warm JIT, an empty playbook-lint cache unless the
// measurement is about the cache), one measurement after the other within a round, so load on the machine
// hits all of them alike. Peak memory is the child's own maximum resident set size (bench/lib/stats.cjs).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { benchLanguageServer, printGoals, printLanguageServer } from './lsp.mjs';
import { measureNode, median } from './lib/measure.mjs';
import { ensureCorpusCopy, ensureSyntheticTree, markdownFiles, treeSize } from './lib/tree.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// What users run: bin/playbook-lint.js, which loads dist/cli.js through its V8 code cache (server/src/cli/compileCache.ts).
const CLI = join(REPO, 'bin/playbook-lint.js');
const MDL = join(REPO, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const runs = Number(option('--runs', '5'));
const big = process.argv.includes('--big') || process.env.BENCH_BIG === '1';
const bigRuns = Number(option('--big-runs', '1'));
const pagesWanted = Number(option('--pages', '15000'));
const corpus = resolve(REPO, option('--corpus', '../shared/corpus'));
const jsonOut = option('--json', undefined);
const lspOnly = process.argv.includes('--lsp-only');
const withLsp = !process.argv.includes('--no-lsp');
const lspRuns = Number(option('--lsp-runs', '3'));
const lspSamples = Number(option('--lsp-samples', '30'));

if (!existsSync(join(REPO, 'dist/cli.js')) || !existsSync(join(REPO, 'dist/server.js'))) throw new Error('dist/cli.js or dist/server.js is missing: run `npm run bench` (it builds first)');
if (!existsSync(MDL)) throw new Error('markdownlint-cli2 is not installed (npm install)');
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}: nothing to measure (pass --corpus DIR).`);
  process.exit(0);
}

const work = join(tmpdir(), 'playbook-lint-bench');
mkdirSync(work, { recursive: true });

// The CLI's code cache in a folder of the bench's own, made once before anything is measured (as after
// an install's first run), so that every round measures the same thing.
process.env.PLAYBOOK_LINT_COMPILE_CACHE = join(work, 'compile-cache');
if (!lspOnly) spawnSync(process.execPath, [CLI, '--version'], { stdio: 'ignore' });

// The parse floors run from a bundle of bench/floor.ts, built like the CLI.
const FLOOR = join(work, 'floor.js');
if (!lspOnly) await esbuild.build({ entryPoints: [join(REPO, 'bench/floor.ts')], outfile: FLOOR, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  // As in esbuild.mjs: jsonc-parser's UMD main cannot be bundled, its ESM build can.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } });

/** The trees: a private copy of the corpus (so one page can be changed), and optionally the big one. */
const trees = [];
trees.push({ name: 'corpus', dir: ensureCorpusCopy(corpus, join(work, 'corpus')), runs, lspRuns });
if (big) {
  const t = ensureSyntheticTree(corpus, join(work, 'big'), pagesWanted);
  trees.push({ name: `synthetic (${t.copies} copies)`, dir: t.dir, runs: bigRuns, lspRuns: bigRuns });
}

/** Removes the run time from a stylish report, the only part that differs between equal runs. */
const timeless = (file) => readFileSync(file, 'utf8').replace(/checked in [\d.]+ s/g, 'checked in 0 s');

const results = [];
for (const tree of lspOnly ? [] : trees) {
  const size = treeSize(tree.dir);
  const cacheFile = join(work, `cache-${tree.name.split(' ')[0]}.json`);
  const out = (name) => join(work, `out-${tree.name.split(' ')[0]}-${name}.txt`);
  // One page to change between cached runs: the middle one in path order.
  const all = markdownFiles(tree.dir);
  const changed = all[all.length >> 1];
  const original = readFileSync(changed);
  const m = {};
  const add = (key, r) => (m[key] ??= []).push(r);
  const note = (s) => process.stderr.write(s);
  note(`\n${tree.name}: ${size.pages} pages, ${(size.bytes / 1e6).toFixed(1)} MB, ${tree.runs} run(s)\n`);
  for (let r = 0; r < tree.runs; r++) {
    note(`  round ${r + 1}: markdownlint-cli2`);
    add('mdl', await measureNode(MDL, ['**/*.md'], { cwd: tree.dir, outFile: out('mdl') }));
    note(', playbook-lint cold');
    add('cold', await measureNode(CLI, [], { cwd: tree.dir, outFile: out('cold') }));
    note(', --cache first');
    rmSync(cacheFile, { force: true });
    add('cacheFirst', await measureNode(CLI, ['--cache-location', cacheFile], { cwd: tree.dir, outFile: out('first') }));
    note(', --cache second');
    add('cacheSecond', await measureNode(CLI, ['--cache-location', cacheFile], { cwd: tree.dir, outFile: out('second') }));
    note(', one page changed');
    appendFileSync(changed, '\n');
    try {
      add('cacheChanged', await measureNode(CLI, ['--cache-location', cacheFile], { cwd: tree.dir, outFile: out('changed') }));
    } finally {
      writeFileSync(changed, original);
    }
    for (const mode of ['pipeline', 'micromark', 'before', 'remark', 'model']) {
      note(`, floor ${mode}`);
      const f = spawnSync(process.execPath, [FLOOR, mode, tree.dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (f.status !== 0) throw new Error(`floor ${mode} failed: ${f.stderr}`);
      add(`floor:${mode}`, { ...JSON.parse(f.stdout), wallMs: JSON.parse(f.stdout).ms });
    }
    note('\n');
  }
  const same = timeless(out('cold')) === timeless(out('first')) && timeless(out('first')) === timeless(out('second'));
  const med = (key, field = 'wallMs') => median((m[key] ?? []).map((x) => x[field]));
  results.push({ tree: tree.name, pages: size.pages, bytes: size.bytes, runs: tree.runs, sameOutput: same, medians: Object.fromEntries(Object.keys(m).map((k) => [k, { wallMs: med(k), cpuMs: med(k, 'cpuMs'), maxRssKb: Math.max(...m[k].map((x) => x.maxRssKb ?? NaN)) }])), raw: m });
}

// Report.
const s = (ms) => (ms / 1000).toFixed(2).padStart(7) + ' s';
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0).padStart(5) + ' MB' : '     –  ');
const x = (r) => (Number.isFinite(r) ? r.toFixed(2).padStart(6) + '×' : '     – ');
const LABELS = {
  mdl: 'markdownlint-cli2 (default config)',
  cold: 'playbook-lint, cold, every rule',
  cacheFirst: 'playbook-lint --cache, first run',
  cacheSecond: 'playbook-lint --cache, second run',
  cacheChanged: 'playbook-lint --cache, one page changed',
  'floor:pipeline': 'parse floor: our pipeline (1 thread)',
  'floor:before': 'parse as it was (unified, unguarded table)',
  'floor:remark': 'parse floor: remark-parse alone',
  'floor:model': 'parse + page models, no rules',
  'floor:micromark': 'previous pipeline: micromark (test oracle)',
};
console.log(`\nplaybook-lint benchmark — node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB`);
const goals = [];
for (const r of results) {
  const md = r.medians;
  const mdl = md.mdl.wallMs;
  const floor = md['floor:pipeline'].wallMs;
  console.log(`\n${r.tree}: ${r.pages} pages, ${(r.bytes / 1e6).toFixed(1)} MB, median of ${r.runs} run(s)`);
  console.log(`  ${'measurement'.padEnd(42)} ${'wall'.padStart(9)} ${'cpu'.padStart(9)} ${'peak RSS'.padStart(8)}  ${'÷ mdl'.padStart(7)} ${'÷ floor'.padStart(7)}`);
  for (const [k, v] of Object.entries(md)) {
    console.log(`  ${(LABELS[k] ?? k).padEnd(42)} ${s(v.wallMs)} ${s(v.cpuMs)} ${k.startsWith('floor:') ? '        ' : mb(v.maxRssKb)}  ${x(v.wallMs / mdl)} ${x(v.wallMs / floor)}`);
  }
  console.log(`  reports of the cold, first and second runs identical: ${r.sameOutput ? 'yes' : 'NO'}`);
  const cold = md.cold.wallMs;
  goals.push([`${r.tree}: cold full lint ≤ 0.25× markdownlint-cli2`, cold / mdl, cold / mdl <= 0.25]);
  // The floor of that goal before any rule runs: parsing and modelling every page, in-process (docs/performance.md, Goals).
  const models = md['floor:model']?.wallMs;
  const modelsNote = models ? ` (parse + page models alone: ${(models / floor).toFixed(2)}×)` : '';
  goals.push([`${r.tree}: cold full lint ≤ 1.5× our single-threaded parse${modelsNote}`, cold / floor, cold / floor <= 1.5]);
  // The first --cache run parses each distinct text once: on the synthetic tree (identical copies) it is
  // faster than a cold run, so the ratio to the cold run is shown as well.
  const speedup = md.cacheFirst.wallMs / md.cacheSecond.wallMs;
  goals.push([`${r.tree}: second --cache run ≥ 10× faster than the first (${(cold / md.cacheSecond.wallMs).toFixed(1)}× than a cold run)`, speedup, speedup >= 10]);
  if (r.pages >= 10000) {
    const peak = Math.max(md.cold.maxRssKb, md.cacheFirst.maxRssKb, md.cacheSecond.maxRssKb, md.cacheChanged.maxRssKb) / 1024;
    goals.push([`${r.tree}: peak memory < 400 MB`, peak, peak < 400, 'MB']);
  }
}

// The language server (bench/lsp.mjs), after the CLI part so that neither slows the other.
const lspResults = [];
if (withLsp) for (const tree of trees) lspResults.push(await benchLanguageServer({ name: tree.name, dir: tree.dir, rounds: tree.lspRuns, samples: lspSamples }));
for (const r of lspResults) goals.push(...printLanguageServer(r));

printGoals(goals);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ node: process.version, cores: cpus().length, results, lsp: lspResults, goals }, null, 2));

import * as nodePath from 'node:path';
import { ConfigError } from '../engine/config/configError';
import { loadConfig } from '../engine/config/loader';
import { createEngine } from '../engine/engine';
import type { Diagnostic } from '../engine/lint/diagnostic';
import { lintWorkspace } from '../engine/lint/linter';
import { t } from '../engine/util/l10n';
import packageJson from '../../../package.json';
import { helpText, parseArgs, UsageError, type CliOptions } from './args';
import { configLoadOptions, formatConfigError } from './configOptions';
import { printConfig } from './configPrint';
import { LintCache } from './cache';
import { resolveTargets } from './discover';
import { checkFixOptions, runFixStep } from './fix';
import { quotesText } from './formatters/index';
import { NodeWorkspace, toNative } from './nodeWorkspace';
import { createProgress, type Progress, type ProgressStream } from './progress';
import { rulesThatRan, summarize, type FileResult, type LintRun, type RuleInfo } from './report';
import { writeReports } from './writeReports';

/**
 * How a report names a file: relative to the working folder (the file's name when it is that folder). A
 * plain file path inside a normalised working folder is cut off its prefix, which is what `path.relative`
 * gives, without normalising both paths again for each of thousands of files.
 */
export function displayPathIn(cwd: string): (nativePath: string) => string {
  const prefix = nodePath.normalize(cwd) === cwd ? (cwd.endsWith(nodePath.sep) ? cwd : cwd + nodePath.sep) : undefined;
  // Segments that are neither empty nor `.` or `..`, joined by the platform's separator.
  const plain = nodePath.sep === '/' ? /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/ : /^(?!\.\.?(?:\\|$))[^\\/]+(?:\\(?!\.\.?(?:\\|$))[^\\/]+)*$/;
  return (nativePath) => {
    if (prefix !== undefined && nativePath.startsWith(prefix)) {
      const rest = nativePath.slice(prefix.length);
      if (plain.test(rest)) return rest;
    }
    return nodePath.relative(cwd, nativePath) || nodePath.basename(nativePath);
  };
}

/** Where the CLI writes. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the progress bar is drawn (standard error); without one, or when it is no terminal, none is. */
  readonly progressStream?: ProgressStream;
}

/** The exit code of a finished run. */
function exitCode(all: readonly Diagnostic[], options: CliOptions, io: Io): number {
  if (all.some((d) => d.severity === 'error')) return 1;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(t('playbook-lint: {0} warnings, more than --max-warnings {1} allows.', warnings, options.maxWarnings) + '\n');
    return 1;
  }
  return 0;
}

/** What the checking part of a run leaves for the reports. */
interface Checked {
  readonly byFile: Map<string, Diagnostic[]>;
  readonly writeFailed: boolean;
  readonly rules: readonly RuleInfo[];
  /**
   * A file's text as checked, for reports that quote it (SARIF); undefined when no report does, so that
   * nothing holds the engine, its index and its models while the reports are built.
   */
  readonly textOf: ((path: string) => string | undefined) | undefined;
}

/**
 * Loads, lints and (with --fix / --fix-dry-run) fixes the targeted files. `onProgress` receives the
 * progress bar once there is one (the caller clears it when something goes wrong).
 */
async function check(options: CliOptions, io: Io, onProgress: (bar: Progress) => void): Promise<Checked> {
  const targets = resolveTargets(options.patterns, io.cwd);
  let progress: Progress | undefined;
  // --cache (cache.ts): records what the run reads, replays unchanged findings, keeps parsed outlines.
  const cache = options.cache ? new LintCache(nodePath.resolve(io.cwd, options.cacheLocation), (m) => { progress?.clear(); io.stderr(m + '\n'); }) : undefined;
  const disk = new NodeWorkspace(toNative(targets.root), { blockingReads: true });
  const workspace = cache ? cache.record(disk) : disk;
  const engine = createEngine(workspace, await loadConfig(workspace, configLoadOptions(options, io.cwd)));
  progress = createProgress(options.progress, io.progressStream);
  onProgress(progress);
  const bar = progress;
  const loadAndLint = async (): Promise<Map<string, Diagnostic[]>> => {
    await engine.index.load((done, total) => bar.update(t('Reading'), done, total));
    return lintWorkspace(engine.index, engine.rules, targets.includes, (done, total) => bar.update(t('Checking'), done, total), {
      // A plain run asks for no model again once a page is checked; --fix applies fixes to the models.
      releaseModels: !(options.fix || options.fixDryRun),
    });
  };
  const linted = cache ? await cache.lint(engine, { patterns: options.patterns, cwd: io.cwd }, loadAndLint, !(options.fix || options.fixDryRun)) : { byFile: await loadAndLint() };
  let byFile = linted.byFile;
  bar.clear();
  // --fix / --fix-dry-run (fix.ts): apply the safe fixes, write or diff them; the report shows what remains.
  let writeFailed = false;
  if (options.fix || options.fixDryRun) ({ byFile, writeFailed } = runFixStep(engine, targets.includes, byFile, options, io));
  // The text is read when a report asks for it, so the results keep no page text alive.
  const quoted = options.outputs.some((o) => quotesText[o.format]);
  const textOf = quoted ? (path: string): string | undefined => engine.index.textOf(path) ?? linted.replayed?.texts.get(path) : undefined;
  return { byFile, writeFailed, rules: rulesThatRan(engine.rules, engine.config), textOf };
}

/** Runs playbook-lint and returns its exit code (0 clean, 1 errors or too many warnings, 2 usage error). */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  // Date.now, not performance.now: the run's duration needs no finer clock, and loading perf_hooks is a
  // few milliseconds of a run that replays its findings from the cache.
  const started = Date.now();
  let progress: Progress | undefined;
  try {
    const options = parseArgs(argv, io.isTTY, io.env ?? process.env);
    if (options.help) {
      io.stdout(helpText() + '\n');
      return 0;
    }
    if (options.version) {
      io.stdout(packageJson.version + '\n');
      return 0;
    }
    checkFixOptions(options);
    if (options.printConfig !== undefined) return await printConfig(options.printConfig, options, io.cwd, io.stdout);
    // Once checked, only the findings (and a way to read texts, when a report quotes them) are kept.
    const { byFile, writeFailed, rules, textOf } = await check(options, io, (bar) => (progress = bar));
    const results: FileResult[] = [];
    const displayPathOf = displayPathIn(io.cwd);
    for (const [path, diagnostics] of byFile) {
      const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
      const displayPath = displayPathOf(toNative(path));
      results.push(textOf ? { path, displayPath, diagnostics: shown, get text() { return textOf(path); } } : { path, displayPath, diagnostics: shown });
    }
    const run: LintRun = {
      results, summary: summarize(results, Date.now() - started), version: packageJson.version, packageRoot: nodePath.resolve(__dirname, '..'),
      rules, cwd: io.cwd,
    };
    writeReports(run, options, io.cwd, io.stdout);
    const code = exitCode([...byFile.values()].flat(), options, io);
    return writeFailed ? Math.max(code, 1) : code;
  } catch (e) {
    progress?.clear();
    if (e instanceof UsageError) {
      io.stderr(`playbook-lint: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr(formatConfigError(e, io.cwd) + '\n');
      return 2;
    }
    io.stderr(t('playbook-lint: internal error: {0}', (e as Error)?.stack ?? String(e)) + '\n');
    return 2;
  }
}

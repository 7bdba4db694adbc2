import { mkdirSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { defaultConfig } from '../engine/config/builtin';
import { createEngine } from '../engine/engine';
import type { Diagnostic } from '../engine/lint/diagnostic';
import { lintWorkspace } from '../engine/lint/linter';
import { t } from '../engine/util/l10n';
import packageJson from '../../../package.json';
import { helpText, parseArgs, UsageError, type CliOptions } from './args';
import { resolveTargets } from './discover';
import { formatters } from './formatters/index';
import { NodeWorkspace, toNative } from './nodeWorkspace';
import { summarize, type FileResult, type LintRun } from './report';

/** Where the CLI writes. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Writes every requested report: to its file, or to standard output. */
function writeReports(run: LintRun, options: CliOptions, io: Io): void {
  for (const spec of options.outputs) {
    const formatter = formatters[spec.format];
    if (!formatter) throw new UsageError(t('The {0} format is not available yet.', spec.format));
    const text = formatter(run, spec.output === undefined && options.color);
    if (spec.output === undefined) io.stdout(text);
    else {
      const file = nodePath.resolve(io.cwd, spec.output);
      mkdirSync(nodePath.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
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

/** Runs playbook-lint and returns its exit code (0 clean, 1 errors or too many warnings, 2 usage error). */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const started = performance.now();
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
    const targets = resolveTargets(options.patterns, io.cwd);
    const engine = createEngine(new NodeWorkspace(toNative(targets.root)), defaultConfig());
    await engine.index.load();
    const byFile = lintWorkspace(engine.index, engine.rules, targets.includes);
    const results: FileResult[] = [];
    for (const [path, diagnostics] of byFile) {
      const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
      results.push({ path, displayPath: nodePath.relative(io.cwd, toNative(path)) || nodePath.basename(toNative(path)), diagnostics: shown });
    }
    const run: LintRun = { results, summary: summarize(results, performance.now() - started), version: packageJson.version, packageRoot: nodePath.resolve(__dirname, '..') };
    writeReports(run, options, io);
    return exitCode([...byFile.values()].flat(), options, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`playbook-lint: ${e.message}\n`);
      return 2;
    }
    io.stderr(t('playbook-lint: internal error: {0}', (e as Error)?.stack ?? String(e)) + '\n');
    return 2;
  }
}

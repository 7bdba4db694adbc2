import * as nodePath from 'node:path';
import { defaultConfig } from '../engine/config/builtin';
import { createEngine } from '../engine/engine';
import { lintWorkspace } from '../engine/lint/linter';
import { t } from '../engine/util/l10n';
import packageJson from '../../../package.json';
import { helpText, parseArgs, UsageError } from './args';
import { resolveTargets } from './discover';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { NodeWorkspace, toNative } from './nodeWorkspace';
import { summarize, type FileResult, type LintRun } from './report';

/** Where the CLI writes. */
export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTTY: boolean;
}

/** Runs playbook-lint and returns its exit code (0 clean, 1 errors or too many warnings, 2 usage error). */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const started = performance.now();
  try {
    const options = parseArgs(argv, io.isTTY);
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
    const summary = summarize(results, performance.now() - started);
    const run: LintRun = { results, summary, version: packageJson.version, packageRoot: nodePath.resolve(__dirname, '..') };
    io.stdout(options.format === 'json' ? formatJson(run) : formatStylish(run, options.color));
    const allWarnings = [...byFile.values()].flat().filter((d) => d.severity === 'warning').length;
    if (summary.errors > 0) return 1;
    if (options.maxWarnings >= 0 && allWarnings > options.maxWarnings) {
      io.stderr(t('playbook-lint: {0} warnings, more than --max-warnings {1} allows.', allWarnings, options.maxWarnings) + '\n');
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`playbook-lint: ${e.message}\n`);
      return 2;
    }
    io.stderr(t('playbook-lint: internal error: {0}', (e as Error)?.stack ?? String(e)) + '\n');
    return 2;
  }
}

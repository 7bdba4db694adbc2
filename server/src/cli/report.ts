import type { Diagnostic } from '../engine/lint/diagnostic';

/** The findings of one file, with its display path. */
export interface FileResult {
  /** Absolute engine path. */
  readonly path: string;
  /** Path as shown to the user (relative to the current folder). */
  readonly displayPath: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Totals of a run. */
export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixableErrors: number;
  readonly fixableWarnings: number;
  readonly durationMs: number;
}

/** Everything a formatter needs. */
export interface LintRun {
  readonly results: readonly FileResult[];
  readonly summary: Summary;
  readonly version: string;
  /** Absolute path of the package, for resolving rule docs pages. */
  readonly packageRoot: string;
}

/** Counts a run's findings. */
export function summarize(results: readonly FileResult[], durationMs: number): Summary {
  let errors = 0, warnings = 0, infos = 0, fixableErrors = 0, fixableWarnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      const fixable = d.fixes.some((f) => f.safe);
      if (d.severity === 'error') { errors++; if (fixable) fixableErrors++; }
      else if (d.severity === 'warning') { warnings++; if (fixable) fixableWarnings++; }
      else infos++;
    }
  }
  return { files: results.length, errors, warnings, infos, fixableErrors, fixableWarnings, durationMs };
}

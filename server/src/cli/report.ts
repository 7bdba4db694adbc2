import type { PlaybookConfig } from '../engine/config/config';
import type { Diagnostic, Severity } from '../engine/lint/diagnostic';
import type { Rule } from '../engine/rules/rule';

/** The findings of one file, with its display path. */
export interface FileResult {
  /** Absolute engine path. */
  readonly path: string;
  /** Path as shown to the user (relative to the current folder). */
  readonly displayPath: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text as checked, when known (SARIF fingerprints and fix regions are computed from it). */
  readonly text?: string;
}

/** A rule that ran, with the severity it ran at, as reports describe it. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
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
  /** The rules that ran (SARIF lists them); reports fall back to the rules their findings name. */
  readonly rules?: readonly RuleInfo[];
  /** The folder the CLI ran in, which paths in reports are relative to. */
  readonly cwd?: string;
}

/** The rules a configuration enables, with their effective severity. */
export function rulesThatRan(rules: readonly Rule[], config: PlaybookConfig): RuleInfo[] {
  const out: RuleInfo[] = [];
  for (const r of rules) {
    const severity = config.rules[r.id]?.severity ?? r.defaultSeverity;
    if (severity !== 'off') out.push({ id: r.id, description: r.description, severity });
  }
  return out;
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

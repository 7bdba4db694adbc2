import { t } from '../../engine/util/l10n';
import type { LintRun } from '../report';

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Human-readable output grouped by file, in the style of ESLint's `stylish`, piece by piece (one file's
 * block at a time, then the summary), so a large report is never held whole.
 */
export function* formatStylishChunks(run: LintRun, color: boolean): Generator<string> {
  for (const r of run.results) {
    if (r.diagnostics.length === 0) continue;
    const out: string[] = [];
    out.push(paint(color, '4', r.displayPath));
    const rows = r.diagnostics.map((d) => [
      `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      d.severity,
      d.message.replace(/\s*\n\s*/g, ' '),
      d.ruleId,
    ]);
    const w0 = Math.max(...rows.map((x) => x[0]!.length));
    const w1 = Math.max(...rows.map((x) => x[1]!.length));
    for (const [pos, sev, msg, id] of rows) {
      const sevText = sev!.padEnd(w1);
      const sevPainted = sev === 'error' ? paint(color, '31', sevText) : sev === 'warning' ? paint(color, '33', sevText) : paint(color, '36', sevText);
      out.push(`  ${paint(color, '2', pos!.padEnd(w0))}  ${sevPainted}  ${msg}  ${paint(color, '2', id!)}`);
    }
    yield out.join('\n') + '\n\n';
  }
  const out: string[] = [];
  const s = run.summary;
  const problems = s.errors + s.warnings + s.infos;
  const seconds = (s.durationMs / 1000).toFixed(2);
  if (problems === 0) {
    out.push(paint(color, '32', t('✔ {0} files checked in {1} s: no problems.', s.files, seconds)));
  } else {
    const line = t('✖ {0} problems ({1} errors, {2} warnings, {3} info) in {4} files checked in {5} s.', problems, s.errors, s.warnings, s.infos, s.files, seconds);
    out.push(paint(color, s.errors > 0 ? '31;1' : '33;1', line));
    if (s.fixableErrors + s.fixableWarnings > 0) out.push(t('  {0} errors and {1} warnings have a safe automatic fix.', s.fixableErrors, s.fixableWarnings));
  }
  yield out.join('\n') + '\n';
}

/** Human-readable output grouped by file, in the style of ESLint's `stylish`. */
export function formatStylish(run: LintRun, color: boolean): string {
  return [...formatStylishChunks(run, color)].join('');
}

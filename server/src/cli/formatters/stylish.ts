import { t } from '../../engine/util/l10n';
import type { FileResult, LintRun } from '../report';

const paint = (on: boolean, code: string, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * Human-readable output grouped by file, in the style of ESLint's `stylish`, piece by piece (one file's
 * block at a time, then the summary), so a large report is never held whole.
 */
export function* formatStylishChunks(run: LintRun, color: boolean): Generator<string> {
  for (const r of run.results) if (r.diagnostics.length > 0) yield stylishBlock(r, color);
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

/**
 * One file's block: its path, then a row per finding with the columns aligned. A function of its own, not
 * the generator's body: V8 optimises a small function far quicker than a generator, whose optimisation a
 * short run would otherwise wait for at exit.
 */
function stylishBlock(r: FileResult, color: boolean): string {
  const diagnostics = r.diagnostics;
  const positions: string[] = [];
  let w0 = 0;
  let w1 = 0;
  for (const d of diagnostics) {
    const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    positions.push(pos);
    if (pos.length > w0) w0 = pos.length;
    if (d.severity.length > w1) w1 = d.severity.length;
  }
  let out = paint(color, '4', r.displayPath);
  for (let i = 0; i < diagnostics.length; i++) {
    const d = diagnostics[i]!;
    const code = d.severity === 'error' ? '31' : d.severity === 'warning' ? '33' : '36';
    out += `\n  ${paint(color, '2', positions[i]!.padEnd(w0))}  ${paint(color, code, d.severity.padEnd(w1))}  ${oneLine(d.message)}  ${paint(color, '2', d.ruleId)}`;
  }
  return out + '\n\n';
}

/** A message on one line: a line break and the blanks around it become one space. */
function oneLine(message: string): string {
  return message.includes('\n') ? message.replace(/\s*\n\s*/g, ' ') : message;
}

/** Human-readable output grouped by file, in the style of ESLint's `stylish`. */
export function formatStylish(run: LintRun, color: boolean): string {
  return [...formatStylishChunks(run, color)].join('');
}

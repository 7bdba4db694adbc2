import type { Diagnostic } from '../../engine/lint/diagnostic';
import { t } from '../../engine/util/l10n';
import type { LintRun } from '../report';
import { escapeXmlAttr, escapeXmlText } from './escape';

/** The name of the one test suite, and the class name of every test case. */
const SUITE = 'playbook-lint';

function line(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.message.replace(/\s*\n\s*/g, ' ')} (${d.ruleId})`;
}

/**
 * JUnit XML for CI test reports (Jenkins, GitLab, Azure DevOps): one `<testsuite name="playbook-lint">`
 * with one `<testcase>` per checked file, named by its path. A file with errors fails: one `<failure>`
 * lists them all (readers show a single failure per test case). Warnings and information do not fail
 * a file — they would turn a passing run red in every reader — and are listed in its `<system-out>`.
 */
export function formatJunit(run: LintRun): string {
  const seconds = (run.summary.durationMs / 1000).toFixed(3);
  const failures = run.results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length;
  const tests = run.results.length;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${SUITE}" tests="${tests}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="${SUITE}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
  ];
  for (const r of run.results) {
    const name = escapeXmlAttr(r.displayPath.split('\\').join('/'));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const others = r.diagnostics.filter((d) => d.severity !== 'error');
    if (errors.length === 0 && others.length === 0) {
      out.push(`    <testcase classname="${SUITE}" name="${name}"/>`);
      continue;
    }
    out.push(`    <testcase classname="${SUITE}" name="${name}">`);
    if (errors.length > 0) {
      const message = errors.length === 1 ? errors[0]!.message : t('{0} errors; the first: {1}', errors.length, errors[0]!.message);
      out.push(`      <failure message="${escapeXmlAttr(message)}" type="error">${escapeXmlText(errors.map(line).join('\n'))}</failure>`);
    }
    if (others.length > 0) out.push(`      <system-out>${escapeXmlText(others.map(line).join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
}

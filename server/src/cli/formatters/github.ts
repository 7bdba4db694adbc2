import type { Severity } from '../../engine/lint/diagnostic';
import { t } from '../../engine/util/l10n';
import type { LintRun } from '../report';
import { escapeCommandData, escapeCommandProperty } from './escape';

/** The workflow command of each severity. */
const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one per finding
 * (`::error file=en/x.md,line=3,col=5,endLine=3,endColumn=9,title=link/no-such-file::message`), which
 * the runner turns into annotations on the pull request, then one plain summary line. Paths are
 * relative to the current folder (run the CLI from the repository root) with `/` separators.
 */
export function formatGithub(run: LintRun): string {
  const out: string[] = [];
  for (const r of run.results) {
    const file = r.displayPath.split('\\').join('/');
    for (const d of r.diagnostics) {
      const props = [
        `file=${escapeCommandProperty(file)}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${escapeCommandProperty(d.ruleId)}`,
      ];
      out.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeCommandData(d.message)}`);
    }
  }
  const s = run.summary;
  const problems = s.errors + s.warnings + s.infos;
  out.push(
    problems === 0
      ? t('playbook-lint: {0} files checked, no problems.', s.files)
      : t('playbook-lint: {0} problems ({1} errors, {2} warnings, {3} info) in {4} files checked.', problems, s.errors, s.warnings, s.infos, s.files),
  );
  return out.join('\n') + '\n';
}

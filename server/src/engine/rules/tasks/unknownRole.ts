import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { checkValues, knownValueOptions, type KnownValues } from './knownValues';
import { boolOption, isPlainCell, isWellFormed, sliceOf } from './shared';

const roles: Omit<KnownValues, 'isKnown' | 'list'> = {
  suggest: (value, near) => t('`{0}` is not a known FastTrack role: did you mean `{1}`? (If it is a new role, add it to the roles of your playbook configuration.)', value, near),
  unknown: (value, language, examples) => t('`{0}` is not a known FastTrack role for {1} pages: use a role of the vocabulary (such as {2}), or add it to the roles of your playbook configuration.', value, language, examples),
  empty: (examples) => t('The FastTrack role is empty: name the role that performs this task (such as {0}).', examples),
  fixTitle: (near) => t('Write `{0}`', near),
};

/** Roles in FTOP task tables (and, by default, on `Primary Role` lines) must be known roles of the page's language. */
export const unknownRole: PageRule = {
  id: 'tasks/unknown-role',
  target: 'page',
  description: t('FastTrack roles in task tables and Primary Role lines must be known roles of the page\'s language.'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc, vocabulary, options } = ctx;
    const opts = knownValueOptions(options);
    const kind: KnownValues = { ...roles, isKnown: (v, l) => vocabulary.isKnownRole(v, l), list: (l) => vocabulary.roles(l) };
    for (const tt of doc.taskTables) {
      for (const row of tt.rows) {
        const cell = row.byColumn.role;
        if (!cell || !isWellFormed(tt, row)) continue;
        checkValues(ctx, kind, opts, cell.span, cell.text, isPlainCell(doc, cell), cell.text === '' ? cell.cellSpan : cell.span);
      }
    }
    if (!boolOption(options, 'checkLabels', true)) return;
    for (const step of doc.steps) {
      const label = step.labels.primaryRole;
      if (!label) continue;
      const plain = sliceOf(doc, label.valueSpan).trim() === label.value;
      checkValues(ctx, kind, opts, label.valueSpan, label.value, plain, label.value === '' ? label.labelSpan : label.valueSpan);
    }
  },
};

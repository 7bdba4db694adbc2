import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { checkValues, knownValueOptions, type KnownValues } from './knownValues';
import { boolOption, isPlainCell, isWellFormed, sliceOf } from './shared';

const services: Omit<KnownValues, 'isKnown' | 'list'> = {
  suggest: (value, near) => t('`{0}` is not a known service: did you mean `{1}`? (If it is a new service, add it to the services of your playbook configuration.)', value, near),
  unknown: (value, language, examples) => t('`{0}` is not a known service for {1} pages: use a service of the vocabulary (such as {2}), separate several services with `/`, or add it to the services of your playbook configuration.', value, language, examples),
  empty: (examples) => t('The service is empty: name the service(s) this task applies to (such as {0}), separated by `/`.', examples),
  fixTitle: (near) => t('Write `{0}`', near),
};

/** Services in FTOP task tables (and, by default, on `Applies To` lines) must be known services of the page's language. */
export const unknownService: PageRule = {
  id: 'tasks/unknown-service',
  target: 'page',
  description: t('Services in task tables and Applies To lines must be known services of the page\'s language.'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc, vocabulary, options } = ctx;
    const opts = knownValueOptions(options);
    const kind: KnownValues = { ...services, isKnown: (v, l) => vocabulary.isKnownService(v, l), list: (l) => vocabulary.services(l) };
    for (const tt of doc.taskTables) {
      for (const row of tt.rows) {
        const cell = row.byColumn.services;
        if (!cell || !isWellFormed(tt, row)) continue;
        checkValues(ctx, kind, opts, cell.span, cell.text, isPlainCell(doc, cell), cell.text === '' ? cell.cellSpan : cell.span);
      }
    }
    if (!boolOption(options, 'checkLabels', true)) return;
    for (const step of doc.steps) {
      const label = step.labels.appliesTo;
      if (!label) continue;
      const plain = sliceOf(doc, label.valueSpan).trim() === label.value;
      checkValues(ctx, kind, opts, label.valueSpan, label.value, plain, label.value === '' ? label.labelSpan : label.valueSpan);
    }
  },
};

import { suggestRuleId, suggestWord } from '../../config/suggest';
import { DIRECTIVE_KEYWORDS, directivesOf } from '../../lint/directives';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';

/**
 * Every rule id named in a `playbook-lint-*` comment must be a rule, and the comment's keyword a directive:
 * a misspelt one silences nothing. `knownIds` lists every rule (the registry passes its own list, read when
 * the rule runs, so the rule needs no import of the registry).
 */
export const unknownRule = (knownIds: () => readonly string[]): PageRule => ({
  id: 'inline/unknown-rule',
  target: 'page',
  description: t('Rule ids and keywords in playbook-lint comments must exist.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, report }) {
    const known = knownIds();
    const { directives, mistakes } = directivesOf(doc);
    for (const m of mistakes) {
      const near = suggestWord(m.keyword, DIRECTIVE_KEYWORDS);
      report({
        span: m.span,
        message: near
          ? t('`{0}` is not a playbook-lint directive, so this comment does nothing: did you mean `{1}`?', m.keyword, near)
          : t('`{0}` is not a playbook-lint directive, so this comment does nothing: use one of {1}.', m.keyword, DIRECTIVE_KEYWORDS.map((k) => `\`${k}\``).join(', ')),
        ...(near ? { fixes: [{ title: t('Write `{0}`', near), edits: [{ span: m.span, newText: near }], safe: false }] } : {}),
      });
    }
    for (const d of directives) {
      for (const { id, span } of d.ids) {
        if (known.includes(id)) continue;
        const near = suggestRuleId(id, known);
        report({
          span,
          message: near
            ? t('`{0}` is not a playbook-lint rule, so this comment does not silence it: did you mean `{1}`?', id, near)
            : t('`{0}` is not a playbook-lint rule, so this comment does not silence it: rule ids look like `tasks/unknown-role` (see docs/rules/).', id),
          ...(near ? { fixes: [{ title: t('Write `{0}`', near), edits: [{ span, newText: near }], safe: false }] } : {}),
          ...(near ? { data: { suggestion: near } } : {}),
        });
      }
    }
  },
});

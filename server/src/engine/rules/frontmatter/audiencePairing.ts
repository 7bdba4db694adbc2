import type { Fix } from '../../lint/diagnostic';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { setValueEdit, stringOption, valueOf } from './shared';

/**
 * `ft.audience` agrees with `ms.custom` as `config.defaults.audienceByCustom` pairs them
 * (`partner-playbook` ↔ `partner`). A value that is no audience at all is the schema's business.
 */
export const audiencePairing: PageRule = {
  id: 'frontmatter/audience-pairing',
  target: 'page',
  description: t('ft.audience agrees with ms.custom (partner-playbook ↔ partner, internal-playbook ↔ internal).'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const customKey = stringOption(ctx.options, 'customKey', 'ms.custom');
    const audienceKey = stringOption(ctx.options, 'audienceKey', 'ft.audience');
    const pairs = ctx.config.defaults.audienceByCustom;
    const custom = valueOf(doc, customKey);
    const expected = custom !== undefined ? pairs[custom] : undefined;
    const entry = doc.frontMatter?.byKey.get(audienceKey);
    const customEntry = doc.frontMatter?.byKey.get(customKey);
    const audience = valueOf(doc, audienceKey);
    if (expected === undefined || !entry || !customEntry || audience === undefined || audience === expected) return;
    const audiences = new Set(Object.values(pairs));
    if (!audience.split(',').every((a) => audiences.has(a.trim()))) return;
    const customs = Object.keys(pairs).filter((c) => pairs[c] === audience);
    const fixes: Fix[] = [{ title: t('Set {0} to `{1}`', audienceKey, expected), edits: [setValueEdit(doc, entry, expected)], safe: false }];
    if (customs.length === 1) fixes.push({ title: t('Set {0} to `{1}`', customKey, customs[0]!), edits: [setValueEdit(doc, customEntry, customs[0]!)], safe: false });
    ctx.report({
      span: entry.valueSpan,
      message: t('`{0}: {1}` does not go with `{2}: {3}`: pages with `{2}: {3}` have `{0}: {4}`. Correct whichever of the two is wrong.', audienceKey, audience, customKey, custom!, expected),
      related: [{ path: doc.path, span: customEntry.valueSpan, message: t('The `{0}` value the audience must match.', customKey) }],
      fixes,
    });
  },
};

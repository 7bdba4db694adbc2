import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { knownKeys, nearKnownKey } from './shared';

/**
 * A key that is almost a known key — stray spaces in its name, another letter case, or a typo
 * (`ms.autor`) — is a misspelling: docfx would publish the page without the real key.
 */
export const unknownKey: PageRule = {
  id: 'frontmatter/unknown-key',
  target: 'page',
  description: t('A front-matter key is spelled exactly like a known key (no stray spaces, case or typos).'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const fm = ctx.doc.frontMatter;
    if (!fm) return;
    const known = knownKeys(ctx);
    for (const e of fm.entries) {
      const near = nearKnownKey(e.key, known);
      if (!near) continue;
      const taken = fm.byKey.has(near.key);
      if (taken) {
        ctx.report({ span: e.keySpan, message: t('The key {0} is a misspelling of `{1}`, which the page also has: keep only one of them.', JSON.stringify(e.key), near.key) });
        continue;
      }
      const message =
        near.how === 'space'
          ? t('The key {0} has spaces in its name: write `{1}`.', JSON.stringify(e.key), near.key)
          : near.how === 'case'
            ? t('The key `{0}` is written in the wrong case: keys are case-sensitive; write `{1}`.', e.key, near.key)
            : t('`{0}` is not a known front-matter key: did you mean `{1}`?', e.key, near.key);
      ctx.report({
        span: e.keySpan,
        message,
        fixes: [{ title: t('Rename the key to `{0}`', near.key), edits: [{ span: e.keySpan, newText: near.key }], safe: near.how !== 'typo' }],
      });
    }
  },
};

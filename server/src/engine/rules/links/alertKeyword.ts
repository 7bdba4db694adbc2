import type { LocalePack } from '../../config/localePack';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { stringListOption } from './shared';

/** Other docfx `[!...]` block extensions that are not alerts. */
export const DEFAULT_OTHER_DIRECTIVES: readonly string[] = ['INCLUDE', 'VIDEO', 'DIV', 'CODE'];

/** The English keyword a translated keyword stands for: the page's own pack first, then any pack. */
function translationOf(keyword: string, own: LocalePack, packs: readonly LocalePack[]): string | undefined {
  const upper = keyword.toUpperCase();
  for (const pack of [own, ...packs]) {
    for (const [word, english] of Object.entries(pack.alertTranslations ?? {})) if (word.toUpperCase() === upper) return english;
  }
  return undefined;
}

/** `> [!KEYWORD]` must be one of the alert keywords docfx knows, in upper case. */
export const alertKeyword: PageRule = {
  id: 'alert/keyword',
  target: 'page',
  description: t('An alert (> [!NOTE]) uses one of the keywords docfx knows, in upper case.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, pack, config, options, report }) {
    const keywords = config.defaults.alertKeywords.map((k) => k.toUpperCase());
    const others = stringListOption(options, 'otherDirectives', DEFAULT_OTHER_DIRECTIVES).map((d) => d.toUpperCase());
    const list = keywords.map((k) => '`' + k + '`').join(', ');
    for (const alert of doc.alerts) {
      const kw = alert.keyword;
      const upper = kw.toUpperCase();
      if (kw === '' || keywords.includes(kw)) continue;
      if (others.some((d) => upper === d || upper.startsWith(d + '-'))) continue;
      if (keywords.includes(upper)) {
        report({
          span: alert.keywordSpan,
          message: t('Alert keyword `{0}` must be written in upper case: `[!{1}]`.', kw, upper),
          fixes: [{ title: t('Write `{0}`', upper), edits: [{ span: alert.keywordSpan, newText: upper }], safe: true }],
        });
        continue;
      }
      const english = translationOf(kw, pack, config.locales);
      if (english && keywords.includes(english.toUpperCase())) {
        const fixed = english.toUpperCase();
        report({
          span: alert.keywordSpan,
          message: t('Alert keyword `{0}` is translated: docfx only understands the English keywords, so this alert shows as plain text. Write `[!{1}]`.', kw, fixed),
          fixes: [{ title: t('Write `{0}`', fixed), edits: [{ span: alert.keywordSpan, newText: fixed }], safe: true }],
        });
        continue;
      }
      report({
        span: alert.keywordSpan,
        message: t('`{0}` is not an alert keyword docfx knows, so this alert shows as plain text: use one of {1}.', kw, list),
      });
    }
  },
};

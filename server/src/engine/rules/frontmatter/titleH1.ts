import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { PLAYBOOK_KINDS, cleanHeading, inPlaybookScope, sameWords, setValueEdit, titlePrefix, usualTitlePrefix } from './shared';

/** Page kinds checked by default: the playbook kinds but landing pages, whose title names the site. */
export const TITLE_KINDS: readonly string[] = PLAYBOOK_KINDS.filter((k) => k !== 'landing');

/** The title a page with this H1 should have: its own prefix (or the whole title when other titles use it as a prefix; else the usual one) and the H1. */
function expectedTitle(ctx: PageContext, title: string, h1: string): string {
  const prefix = titlePrefix(title) ?? (isUsedPrefix(ctx, title) ? title : usualTitlePrefix(ctx));
  return prefix ? `${prefix} - ${h1}` : h1;
}

/** True when other titles in the workspace start with `text - ` (twice or more): the title is a bare prefix. */
function isUsedPrefix(ctx: PageContext, text: string): boolean {
  let n = 0;
  for (const [title, count] of ctx.index.valueCounts('title')) if (titlePrefix(title) === text) n += count;
  return n >= 2;
}

/**
 * On source-language pages the title names the page like its H1: `<prefix> - <H1>`. Translated pages
 * keep the English title, so they are skipped.
 */
export const titleH1: PageRule = {
  id: 'frontmatter/title-h1',
  target: 'page',
  description: t('The front-matter title ends with the page\u2019s H1 (`FastTrack Partner Playbook - <H1>`).'),
  defaultSeverity: 'warning',
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    if (doc.locale !== ctx.config.defaults.sourceLocale || doc.h1s.length !== 1 || !inPlaybookScope(ctx, TITLE_KINDS)) return;
    const entry = doc.frontMatter?.byKey.get('title');
    if (!entry || typeof entry.value !== 'string') return;
    const title = entry.value.trim();
    const h1 = cleanHeading(doc.h1s[0]!.text);
    if (!title || !h1) return;
    const prefix = titlePrefix(title);
    const page = prefix !== undefined ? title.slice(title.indexOf(' - ') + 3) : title;
    if (sameWords(page, h1) || sameWords(title, h1)) return;
    const expected = expectedTitle(ctx, title, h1);
    ctx.report({
      span: entry.valueSpan,
      message: t('The title `{0}` does not name the page like its heading `{1}`: the title should be `{2}`.', title, h1, expected),
      related: [{ path: doc.path, span: doc.h1s[0]!.textSpan, message: t('The page heading.') }],
      fixes: [{ title: t('Set title to `{0}`', expected), edits: [setValueEdit(doc, entry, expected)], safe: false }],
    });
  },
};

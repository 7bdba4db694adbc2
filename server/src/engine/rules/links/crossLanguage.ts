import type { PageFacts, WorkspaceIndex } from '../../index/workspaceIndex';
import { t } from '../../util/l10n';
import { basename, dirname } from '../../util/paths';
import { nearestUnique } from '../../util/text';
import type { PageRule } from '../rule';
import { pathPartSpan, writeTarget } from './shared';

/** The name of a locale for messages (its pack's English name, else its id). */
function languageName(index: WorkspaceIndex, locale: string): string {
  return index.context.vocabulary.pack(locale)?.name ?? locale;
}

/**
 * The page in `locale` that corresponds to `target`: through the translation graph (same base name,
 * locale suffixes stripped), else a same-folder page of that locale whose name differs by at most
 * two characters (an untranslated `x-en.md` copy next to `x-es.md`).
 */
function siblingIn(index: WorkspaceIndex, target: PageFacts, locale: string, near: string): PageFacts | undefined {
  const sourceLocale = index.context.config.defaults.sourceLocale;
  const source = target.locale === sourceLocale ? target : index.sourceOf(target);
  if (source) {
    if (locale === sourceLocale) return source;
    const translations = index.translationsOf(source).filter((d) => d.locale === locale);
    const best = translations.find((d) => dirname(d.path) === near) ?? translations[0];
    if (best) return best;
  }
  for (const dir of new Set([near, dirname(target.path)])) {
    const docs = index.filesIn(dir).map((f) => index.facts(f)).filter((d): d is PageFacts => d !== undefined && d.locale === locale && d.kind === target.kind);
    const name = nearestUnique(basename(target.path), docs.map((d) => basename(d.path)), 2);
    const hit = name ? docs.find((d) => basename(d.path) === name) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** A translated page links to the pages of its own language wherever a translation exists. */
export const crossLanguage: PageRule = {
  id: 'link/cross-language',
  target: 'page',
  description: t('A translated page links to the translation of a page in its own language when one exists.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, index, report }) {
    if (doc.locale === index.context.config.defaults.sourceLocale) return;
    for (const link of doc.links) {
      if (link.kind === 'image' || link.target.scheme !== undefined || link.target.path === '') continue;
      const resolved = index.resolve(doc.path, link.target);
      const target = resolved && resolved !== doc.path ? index.facts(resolved) : undefined;
      if (!target || target.locale === doc.locale || target.localeSource === 'default' || target.kind === 'include') continue;
      const sibling = siblingIn(index, target, doc.locale, dirname(doc.path));
      if (!sibling || sibling.path === doc.path) continue;
      const pathSpan = pathPartSpan(doc.text, link.targetSpan);
      const written = doc.text.slice(pathSpan.start, pathSpan.end);
      const replacement = writeTarget(index, doc.path, written, sibling.path);
      report({
        span: link.targetSpan,
        message: t('This {0} page links to the {1} page `{2}`, but the {0} version `{3}` exists: link to it so readers stay in their language.', languageName(index, doc.locale), languageName(index, target.locale), written, replacement),
        fixes: [{ title: t('Link to `{0}`', replacement), edits: [{ span: pathSpan, newText: replacement }], safe: true }],
        data: { suggestion: replacement },
      });
    }
  },
};

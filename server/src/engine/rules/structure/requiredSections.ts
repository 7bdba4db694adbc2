import type { CanonicalSection } from '../../config/localePack';
import type { Heading, PlaybookDocument } from '../../model/document';
import type { Fix } from '../../lint/diagnostic';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { booleanOption, headingAfter, kindSpec, lineStart, looksLikeKind, pageAnchor, sectionName, sourcePack, stringListOption, titleHeading } from './common';

/** The first heading of each canonical section present on the page. */
export function firstHeadings(doc: PlaybookDocument, ids: readonly CanonicalSection[]): Map<CanonicalSection, Heading> {
  const found = new Map<CanonicalSection, Heading>();
  for (const h of doc.headings) if (h.canonical && ids.includes(h.canonical) && !found.has(h.canonical)) found.set(h.canonical, h);
  return found;
}

/** Where the missing section goes: before the next present required section, else after the previous one. */
function insertion(doc: PlaybookDocument, prev: Heading | undefined, next: Heading | undefined, heading: string): { at: number; newText: string } {
  const eol = doc.eol;
  const block = `## ${heading}${eol}${eol}`;
  if (next) return { at: lineStart(doc, next.span.start), newText: block };
  let end = doc.text.length;
  if (prev) {
    end = doc.sections.find((s) => s.heading === prev)?.span.end ?? end;
  } else {
    // Nothing to go after: right after the title's introduction (before the first heading under it).
    const h1 = titleHeading(doc);
    const following = h1 ? headingAfter(doc, h1) : doc.headings[0];
    if (following) end = following.span.start;
  }
  if (end < doc.text.length) return { at: lineStart(doc, end), newText: block };
  // Appending at the end of the file: make sure a blank line separates it from what comes before.
  const text = doc.text;
  const endsWithEol = text.endsWith('\n') || text.endsWith('\r');
  const endsWithBlank = /(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(text) || text.length === 0;
  return { at: text.length, newText: `${endsWithEol ? '' : eol}${endsWithBlank ? '' : eol}## ${heading}${eol}` };
}

function message(local: string, english: string, sourceLanguage: string, kind: string, prev: string | undefined, next: string | undefined): string {
  const translated = local !== english;
  if (prev !== undefined) {
    return translated
      ? t('The page has no `{0}` section (`{1}` in {2}): every {3} page needs one, after `{4}`.', local, english, sourceLanguage, kind, prev)
      : t('The page has no `{0}` section: every {1} page needs one, after `{2}`.', local, kind, prev);
  }
  if (next !== undefined) {
    return translated
      ? t('The page has no `{0}` section (`{1}` in {2}): every {3} page needs one, before `{4}`.', local, english, sourceLanguage, kind, next)
      : t('The page has no `{0}` section: every {1} page needs one, before `{2}`.', local, kind, next);
  }
  return translated
    ? t('The page has no `{0}` section (`{1}` in {2}): every {3} page needs one.', local, english, sourceLanguage, kind)
    : t('The page has no `{0}` section: every {1} page needs one.', local, kind);
}

function check(ctx: PageContext): void {
  const { doc, pack, options, report } = ctx;
  const spec = kindSpec(ctx);
  const ignore = stringListOption(options, 'ignore', []);
  // A missing refresh summary is `refresh/missing`'s finding (with its own fix): do not report it twice.
  const ownedElsewhere = (id: string): boolean => Boolean(spec?.requiresRefreshSummary) && (id === 'refreshSummary' || id === 'contentSummary');
  const required = (spec?.requiredSections ?? []).filter((id) => !ignore.includes(id) && !ownedElsewhere(id));
  if (!spec || required.length === 0) return;
  if (booleanOption(options, 'skipWhenNonePresent', true) && !looksLikeKind(doc, spec)) return;
  const present = firstHeadings(doc, required);
  const english = sourcePack(ctx);
  required.forEach((id, i) => {
    if (present.has(id)) return;
    let prev: Heading | undefined;
    for (let j = i - 1; j >= 0 && !prev; j--) prev = present.get(required[j]!);
    let next: Heading | undefined;
    for (let j = i + 1; j < required.length && !next; j++) next = present.get(required[j]!);
    const local = sectionName(pack, id);
    const anchor: Span = prev?.textSpan ?? pageAnchor(doc);
    const { at, newText } = insertion(doc, prev, next, local);
    const fix: Fix = { title: t('Add a `{0}` section', local), edits: [{ span: span(at, at), newText }], safe: false };
    report({
      span: anchor,
      message: message(local, sectionName(english, id), english?.name ?? ctx.config.defaults.sourceLocale, doc.kind, prev?.text, prev ? undefined : next?.text),
      fixes: [fix],
      data: { section: id },
    });
  });
}

/** The sections a page kind requires (configured per kind, matched in every language) are present. */
export const requiredSections: PageRule = {
  id: 'structure/required-sections',
  target: 'page',
  description: t('A page has every section its kind requires (Overview, Objectives, Approach, ... for process pages).'),
  defaultSeverity: 'error',
  fixable: true,
  check,
};

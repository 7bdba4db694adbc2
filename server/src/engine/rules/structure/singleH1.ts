import type { PlaybookDocument } from '../../model/document';
import { t } from '../../util/l10n';
import type { PageRule, Report } from '../rule';
import { firstContentLine, headingMarker, pageMatches, stringListOption } from './common';

/** Pages that may have no H1, by default: include files (the including page has the title). */
export const DEFAULT_ALLOW_NONE: readonly string[] = ['include'];
/** Pages that may have several H1s, by default: the status-taxonomy home list (one H1 per L1 status). */
export const DEFAULT_ALLOW_MANY: readonly string[] = ['l1l2l3-homepage-list*'];

function reportMissing(doc: PlaybookDocument, report: (r: Report) => void): void {
  const first = doc.headings[0];
  if (!first) {
    report({ span: firstContentLine(doc), message: t('The page has no title: it needs exactly one level-1 heading (`# Title`) at the top of its content.') });
    return;
  }
  const marker = headingMarker(doc, first);
  report({
    span: first.textSpan,
    message: t('The page has no level-1 heading: its first heading `{0}` is level {1}. A page needs exactly one `# Title` at the top.', first.text, first.depth),
    fixes: marker.end > marker.start
      ? [{ title: t('Make `{0}` the page title (level 1)', first.text), edits: [{ span: marker, newText: '#' }], safe: false }]
      : [],
  });
}

/** Exactly one H1 per page: the page title. */
export const singleH1: PageRule = {
  id: 'structure/single-h1',
  target: 'page',
  description: t('A page has exactly one level-1 heading: its title.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, options, report }) {
    const h1s = doc.h1s;
    if (h1s.length === 0) {
      if (!pageMatches(doc, stringListOption(options, 'allowNone', DEFAULT_ALLOW_NONE))) reportMissing(doc, report);
      return;
    }
    if (h1s.length === 1 || pageMatches(doc, stringListOption(options, 'allowMany', DEFAULT_ALLOW_MANY))) return;
    const title = h1s[0]!;
    for (const h of h1s.slice(1)) {
      const marker = headingMarker(doc, h);
      report({
        span: h.textSpan,
        message: t('`{0}` is a second level-1 heading: a page has one title (`{1}`); make this a `##` section heading.', h.text, title.text),
        related: [{ path: doc.path, span: title.textSpan, message: t('The page title.') }],
        fixes: marker.end > marker.start
          ? [{ title: t('Make `{0}` a level-2 heading', h.text), edits: [{ span: marker, newText: '##' }], safe: false }]
          : [],
      });
    }
  },
};

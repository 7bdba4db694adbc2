import type { PlaybookDocument } from '../../model/document';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import { basename, dirname } from '../../util/paths';
import type { PageRule } from '../rule';
import { booleanOption, stringListOption } from './shared';

/** Page kinds that must be reachable from a table of contents, by default. */
export const DEFAULT_ORPHAN_KINDS: readonly string[] = ['process', 'phase'];
const TOC_NAMES = ['toc.yml', 'toc.yaml'];

/** Where to report: the title (H1) text, else the first non-empty line after the front matter. */
function titleSpan(doc: PlaybookDocument): Span {
  const h1 = doc.h1s[0] ?? doc.headings[0];
  if (h1) return h1.textSpan;
  let pos = doc.frontMatter ? doc.frontMatter.span.end : doc.hasBom ? 1 : 0;
  while (pos < doc.text.length) {
    const end = doc.text.indexOf('\n', pos);
    const lineEnd = end < 0 ? doc.text.length : end;
    const line = doc.text.slice(pos, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '') {
      const lead = line.length - line.trimStart().length;
      return span(pos + lead, pos + line.trimEnd().length);
    }
    pos = lineEnd + 1;
  }
  return span(0, 0);
}

/**
 * A built page of a navigable kind (process and phase pages by default) is listed in some `toc.yml`;
 * otherwise readers cannot reach it from the site navigation. docfx shows a page's folder toc; a toc
 * that points at another toc or folder does not list that folder's pages for it, so only a direct
 * entry counts. Pages in a folder without its own toc are navigated by links and are not checked
 * unless `requireFolderToc` is false.
 */
export const tocOrphan: PageRule = {
  id: 'toc/orphan',
  target: 'page',
  description: t('Every built process and phase page is listed in a toc.yml.'),
  defaultSeverity: 'warning',
  check({ doc, index, options, report }) {
    if (!stringListOption(options, 'kinds', DEFAULT_ORPHAN_KINDS).includes(doc.kind)) return;
    if (!index.isBuilt(doc.path) || index.tocReferences(doc.path).length > 0) return;
    const dir = dirname(doc.path);
    const folderToc = TOC_NAMES.map((n) => dir + '/' + n).find((p) => index.exists(p));
    if (!folderToc && booleanOption(options, 'requireFolderToc', true)) return;
    report({
      span: titleSpan(doc),
      message: folderToc
        ? t('No `toc.yml` lists this page (`{0}`), so readers cannot reach it from the site navigation: add an entry with `href: {0}` to `toc.yml` in its folder.', basename(doc.path))
        : t('No `toc.yml` lists this page (`{0}`), so readers cannot reach it from the site navigation: add it to a `toc.yml`.', basename(doc.path)),
    });
  },
};

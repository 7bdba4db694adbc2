import { parseLinkTarget } from '../../model/linkTarget';
import { tocItems } from '../../model/toc';
import { t } from '../../util/l10n';
import type { TocRule } from '../rule';
import { climbsOut, missingFileReport } from './shared';

/** File names docfx reads as a folder's table of contents. */
const TOC_NAMES = ['toc.yml', 'toc.yaml'];

/**
 * Every relative `href` of a `toc.yml` points to a file that exists, or to a folder with its own
 * `toc.yml`. External addresses and site-absolute paths (`/help/`, as breadcrumb tocs use) are skipped.
 */
export const tocNoSuchFile: TocRule = {
  id: 'toc/no-such-file',
  target: 'toc',
  description: t('Every relative href of a toc.yml points to a file, or a folder with a toc.yml, that exists.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ toc, index, options, report }) {
    const locale = index.context.vocabulary.localeByFolder(toc.path);
    for (const item of tocItems(toc.items)) {
      if (item.href === undefined || !item.hrefSpan) continue;
      const target = parseLinkTarget(item.href);
      if (target.scheme !== undefined || target.path === '' || target.path.startsWith('/')) continue;
      const written = toc.text.slice(item.hrefSpan.start, item.hrefSpan.end);
      if (climbsOut(index, toc.path, target)) {
        report({ span: item.hrefSpan, message: t('`{0}` climbs above the workspace root: the build only sees files inside the workspace.', written) });
        continue;
      }
      const resolved = index.resolve(toc.path, target);
      if (!resolved || index.exists(resolved)) continue;
      if (index.isDirectory(resolved)) {
        if (!TOC_NAMES.some((n) => index.exists(resolved + '/' + n))) {
          report({ span: item.hrefSpan, message: t('`{0}` is a folder without a `toc.yml`: a toc entry that names a folder shows that folder\'s `toc.yml`. Link to a page in it instead, or add its `toc.yml`.', written) });
        }
        continue;
      }
      const r = missingFileReport({ from: toc.path, text: toc.text, target, targetSpan: item.hrefSpan, resolved, ...(locale ? { locale } : {}) }, index, options, true);
      report(r);
    }
  },
};

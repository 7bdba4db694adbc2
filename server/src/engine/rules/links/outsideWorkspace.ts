import type { Fix } from '../../lint/diagnostic';
import { t } from '../../util/l10n';
import { join } from '../../util/paths';
import type { PageRule } from '../rule';
import { climbsOut, findIntendedFile, numberOption, pathPartSpan, writeTarget } from './shared';

/** A relative link, image or include must stay inside the workspace: the build sees nothing above it. */
export const outsideWorkspace: PageRule = {
  id: 'link/outside-workspace',
  target: 'page',
  description: t('A relative link, image or include does not climb above the workspace root.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, index, options, report }) {
    for (const link of [...doc.links, ...doc.includes]) {
      if (!climbsOut(index, doc.path, link.target)) continue;
      const pathSpan = pathPartSpan(doc.text, link.targetSpan);
      const written = doc.text.slice(pathSpan.start, pathSpan.end);
      // The file the author probably meant: the same trailing folders and name, inside the workspace.
      const tail = link.target.path.split('/').filter((s) => s !== '..' && s !== '.' && s !== '~' && s !== '').join('/');
      const inside = tail ? join(index.root, tail) : undefined;
      const found = inside && !index.exists(inside) ? findIntendedFile(inside, { index, locale: doc.locale, maxDistance: numberOption(options, 'maxDistance', 3) }, doc.path).suggestion : undefined;
      const meant = inside && index.exists(inside) ? inside : found && (found.how === 'case' || found.how === 'elsewhere') ? found.path : undefined;
      const replacement = meant ? writeTarget(index, doc.path, written, meant) : undefined;
      const fixes: Fix[] = replacement ? [{ title: t('Change the target to `{0}`', replacement), edits: [{ span: pathSpan, newText: replacement }], safe: false }] : [];
      const main = t('`{0}` climbs above the workspace root: the build only sees files inside the workspace.', written);
      report({
        span: link.targetSpan,
        message: replacement ? `${main} ${t('Did you mean `{0}`?', replacement)}` : `${main} ${t('Link to a file inside the workspace, or to its web address.')}`,
        fixes,
        ...(replacement ? { data: { suggestion: replacement } } : {}),
      });
    }
  },
};

import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { reportMissingFiles } from './shared';

/** A relative link must point to a file (or folder) that exists, with the exact case of its name. */
export const linkNoSuchFile: PageRule = {
  id: 'link/no-such-file',
  target: 'page',
  description: t('A relative link points to a file or folder that exists (file names are case-sensitive).'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    reportMissingFiles(ctx, ctx.doc.links.filter((l) => l.kind !== 'image'), true);
  },
};

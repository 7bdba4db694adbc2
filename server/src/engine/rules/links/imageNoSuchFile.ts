import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { reportMissingFiles } from './shared';

/** An image must point to a file that exists, with the exact case of its name. */
export const imageNoSuchFile: PageRule = {
  id: 'image/no-such-file',
  target: 'page',
  description: t('An image points to a file that exists (file names are case-sensitive).'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    reportMissingFiles(ctx, ctx.doc.links.filter((l) => l.kind === 'image'), true);
  },
};

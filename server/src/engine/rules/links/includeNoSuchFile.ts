import { t } from '../../util/l10n';
import type { PageRule } from '../rule';
import { reportMissingFiles } from './shared';

/** An `[!INCLUDE]` must point to a file that exists, with the exact case of its name. */
export const includeNoSuchFile: PageRule = {
  id: 'include/no-such-file',
  target: 'page',
  description: t('An [!INCLUDE] points to a file that exists (file names are case-sensitive).'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    reportMissingFiles(ctx, ctx.doc.includes, false);
  },
};

import { t } from '../../util/l10n';
import type { PageRule } from '../rule';

/** A Markdown file that is binary, too large or unreadable: reported, never skipped silently. */
export const unreadable: PageRule = {
  id: 'file/unreadable',
  target: 'page',
  description: t('A Markdown file must be readable UTF-8 text of a reasonable size.'),
  defaultSeverity: 'error',
  check({ doc, report }) {
    for (const p of doc.problems) {
      if (p.code === 'binary' || p.code === 'too-large' || p.code === 'unreadable') report({ span: p.span, message: p.message });
    }
  },
};

import { looksLikeEmail } from '../../model/linkTarget';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';

/**
 * A link to an e-mail address needs `mailto:`; without it the address is read as a file path.
 * `mailto://x@y` is flagged too: the slashes become part of the address.
 */
export const mailto: PageRule = {
  id: 'link/mailto',
  target: 'page',
  description: t('A link to an e-mail address starts with `mailto:`.'),
  defaultSeverity: 'warning',
  fixable: true,
  check({ doc, report }) {
    for (const link of doc.links) {
      if (link.kind === 'image') continue;
      const s = link.targetSpan;
      const raw = doc.text.slice(s.start, s.end);
      // `<someone@contoso.com>` is an autolink: Markdown adds `mailto:` itself.
      if (doc.text[link.span.start] === '<') continue;
      if (looksLikeEmail(link.target)) {
        const fixed = 'mailto:' + raw.trim();
        report({
          span: s,
          message: t('`{0}` is an e-mail address written as a file path: write `{1}` so that the link opens a new e-mail.', raw, fixed),
          fixes: [{ title: t('Add `mailto:`'), edits: [{ span: span(s.start, s.start), newText: 'mailto:' }], safe: true }],
        });
      } else if (link.target.scheme === 'mailto' && /^mailto:\/\//i.test(raw.trim())) {
        const lead = raw.length - raw.trimStart().length;
        const fixed = 'mailto:' + raw.trim().slice('mailto://'.length);
        report({
          span: s,
          message: t('`{0}` has `//` after `mailto:`, which becomes part of the address: write `{1}`.', raw, fixed),
          fixes: [{ title: t('Remove the `//`'), edits: [{ span: span(s.start + lead + 'mailto:'.length, s.start + lead + 'mailto://'.length), newText: '' }], safe: true }],
        });
      }
    }
  },
};

import type { FrontMatterEntry } from '../../model/document';
import { t } from '../../util/l10n';
import type { PageRule } from '../rule';

/** A front-matter key is given once. */
export const duplicateKey: PageRule = {
  id: 'frontmatter/duplicate-key',
  target: 'page',
  description: t('A front-matter key is given only once.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    const first = new Map<string, FrontMatterEntry>();
    for (const e of fm.entries) {
      const earlier = first.get(e.key);
      if (!earlier) {
        first.set(e.key, e);
        continue;
      }
      const line = doc.lines.positionAt(earlier.keySpan.start).line + 1;
      const related = [{ path: doc.path, span: earlier.keySpan, message: t('`{0}` is first given here.', e.key) }];
      if (earlier.valueText.trim() === e.valueText.trim()) {
        report({
          span: e.keySpan,
          message: t('`{0}` is given twice (first on line {1}), with the same value: remove this line.', e.key, line),
          related,
          fixes: [{ title: t('Remove the repeated `{0}` line', e.key), edits: [{ span: e.lineSpan, newText: '' }], safe: true }],
        });
      } else {
        // Only the author knows which value is right: offer both choices, neither applied by --fix.
        report({
          span: e.keySpan,
          message: t('`{0}` is given twice with different values: `{1}` on line {2} and `{3}` here. Tools disagree on which one counts; keep the right one and delete the other.', e.key, earlier.valueText, line, e.valueText),
          related,
          fixes: [
            { title: t('Keep `{0}: {1}` (remove this line)', e.key, earlier.valueText), edits: [{ span: e.lineSpan, newText: '' }], safe: false },
            { title: t('Keep `{0}: {1}` (remove line {2})', e.key, e.valueText, line), edits: [{ span: earlier.lineSpan, newText: '' }], safe: false },
          ],
        });
      }
    }
  },
};

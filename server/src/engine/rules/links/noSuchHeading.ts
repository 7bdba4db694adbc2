import type { Fix } from '../../lint/diagnostic';
import { t } from '../../util/l10n';
import { extname, relative } from '../../util/paths';
import { nearestUnique } from '../../util/text';
import type { PageRule } from '../rule';
import { anchorPartSpan, numberOption } from './shared';

/** How to write an anchor id in the style of the written one (percent-encoded when it was). */
function writeAnchor(written: string, slug: string): string {
  return written.includes('%') ? encodeURIComponent(slug) : slug;
}

/** The nearest anchor id: a case-only difference first, then the unique nearest by edit distance. */
function nearestAnchor(anchor: string, anchors: ReadonlySet<string>, maxDistance: number): string | undefined {
  const lower = anchor.toLowerCase();
  if (anchors.has(lower)) return lower;
  const max = Math.min(maxDistance, Math.max(1, Math.floor(anchor.length / 4)));
  return nearestUnique(lower, anchors, max);
}

/** A `#anchor` must name a heading of the target page (or of a file it includes). */
export const noSuchHeading: PageRule = {
  id: 'link/no-such-heading',
  target: 'page',
  description: t('A link anchor (#...) names a heading that exists on the target page.'),
  defaultSeverity: 'error',
  fixable: true,
  check({ doc, index, options, report }) {
    const maxDistance = numberOption(options, 'maxDistance', 3);
    for (const link of doc.links) {
      const anchor = link.target.anchor;
      if (link.target.scheme !== undefined || anchor === undefined || anchor === '') continue;
      const resolved = index.resolve(doc.path, link.target);
      if (!resolved || extname(resolved) !== '.md') continue;
      // Another page is read from the index's facts (no model needed); this page is readable, or no rule would run.
      const target = resolved === doc.path ? undefined : index.facts(resolved);
      if (resolved !== doc.path && (!target || target.unreadable)) continue;
      const anchors = index.anchorsOf(resolved);
      if (anchors.has(anchor)) continue;
      const s = anchorPartSpan(doc.text, link.targetSpan);
      if (!s) continue;
      const written = doc.text.slice(s.start, s.end);
      const own = resolved === doc.path;
      const page = relative(index.root, resolved);
      const near = nearestAnchor(anchor, anchors, maxDistance);
      const fixes: Fix[] = near ? [{ title: t('Change the anchor to `#{0}`', near), edits: [{ span: s, newText: writeAnchor(written, near) }], safe: true }] : [];
      const rule = t('An anchor is the lower-case heading text with spaces as `-` and punctuation dropped.');
      const what = own ? t('`#{0}` names no heading of this page.', anchor) : t('`#{0}` names no heading of `{1}`.', anchor, page);
      const hint = near ? t('Did you mean `#{0}`?', near) : rule;
      report({
        span: s,
        message: `${what} ${hint}`,
        fixes,
        ...(near ? { data: { suggestion: near } } : {}),
      });
    }
  },
};

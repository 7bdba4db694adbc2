import type { CanonicalSection } from '../../config/localePack';
import type { Heading } from '../../model/document';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';
import { headingMarker, kindSpec, stringListOption } from './common';

interface Placed {
  readonly heading: Heading;
  /** Position of the section in the kind's canonical order. */
  readonly rank: number;
}

/** Indexes (into `items`) of one longest strictly increasing run of ranks, preferring the earliest-ending one. */
export function longestIncreasing(items: readonly Placed[]): Set<number> {
  const tails: number[] = [];
  const prevOf: number[] = new Array<number>(items.length).fill(-1);
  items.forEach((item, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.rank < item.rank) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prevOf[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = prevOf[i]!) keep.add(i);
  return keep;
}

/** The level most of the sections use (the smaller one on a tie), or undefined when there are none. */
function usualLevel(headings: readonly Heading[]): number | undefined {
  const counts = new Map<number, number>();
  for (const h of headings) counts.set(h.depth, (counts.get(h.depth) ?? 0) + 1);
  let best: number | undefined;
  for (const [depth, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && depth < best)) best = depth;
  return best;
}

/** Reports a required section written at another level than its siblings (`### Refresh Summary` among `##`s). */
function checkLevels(ctx: PageContext, headings: readonly Heading[]): void {
  const level = usualLevel(headings);
  if (level === undefined || headings.length < 2) return;
  for (const h of headings) {
    // A second H1 is structure/single-h1's finding.
    if (h.depth === level || h.depth === 1) continue;
    const marker = headingMarker(ctx.doc, h);
    const hashes = '#'.repeat(level);
    ctx.report({
      span: h.textSpan,
      message: t('`{0}` is a level-{1} heading, but the page\'s other sections are level {2}: write `{3} {0}`.', h.text, h.depth, level, hashes),
      fixes: marker.end > marker.start ? [{ title: t('Make `{0}` a level-{1} heading', h.text, level), edits: [{ span: marker, newText: hashes }], safe: false }] : [],
    });
  }
}

function check(ctx: PageContext): void {
  const { doc, options, report } = ctx;
  const ignore = stringListOption(options, 'ignore', []);
  const order: readonly CanonicalSection[] = (kindSpec(ctx)?.requiredSections ?? []).filter((id) => !ignore.includes(id));
  if (order.length < 2) return;
  const first = new Map<CanonicalSection, Heading>();
  const placed: Placed[] = [];
  for (const h of doc.headings) {
    if (!h.canonical || !order.includes(h.canonical)) continue;
    const earlier = first.get(h.canonical);
    if (earlier) {
      report({
        span: h.textSpan,
        message: t('`{0}` appears again (first at line {1}): a page has one `{0}` section; merge them.', h.text, doc.lines.positionAt(earlier.span.start).line + 1),
        related: [{ path: doc.path, span: earlier.textSpan, message: t('The first `{0}` section.', earlier.text) }],
      });
      continue;
    }
    first.set(h.canonical, h);
    placed.push({ heading: h, rank: order.indexOf(h.canonical) });
  }
  checkLevels(ctx, placed.map((p) => p.heading));
  const keep = longestIncreasing(placed);
  placed.forEach((item, i) => {
    if (keep.has(i)) return;
    let before: Placed | undefined;
    let after: Placed | undefined;
    for (const j of keep) {
      const other = placed[j]!;
      if (other.rank < item.rank && (!before || other.rank > before.rank)) before = other;
      if (other.rank > item.rank && (!after || other.rank < after.rank)) after = other;
    }
    const name = item.heading.text;
    const message = before && after
      ? t('`{0}` is out of order: it belongs between `{1}` and `{2}`.', name, before.heading.text, after.heading.text)
      : before
        ? t('`{0}` is out of order: it belongs after `{1}`.', name, before.heading.text)
        : t('`{0}` is out of order: it belongs before `{1}`.', name, after?.heading.text ?? '');
    report({ span: item.heading.textSpan, message });
  });
}

/** The required sections that are present come in the kind's canonical order, each once and at one level. */
export const sectionOrder: PageRule = {
  id: 'structure/section-order',
  target: 'page',
  description: t('The sections a page kind requires appear in their canonical order, each once and at the same level.'),
  defaultSeverity: 'warning',
  fixable: true,
  check,
};

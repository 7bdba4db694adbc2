import type { CanonicalLabel } from '../../config/localePack';
import type { Fix } from '../../lint/diagnostic';
import type { LabelLine, Step } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import { normalizeWord } from '../../util/text';
import type { PageContext, PageRule } from '../rule';
import { labelName, lineEnd, nextLineBlank, pageMatches, stringListOption, stringOption } from './common';

/** Labels every step needs, by default (`Motions` is optional). */
export const DEFAULT_REQUIRED: readonly CanonicalLabel[] = ['primaryRole', 'appliesTo'];

/** The labels of a step in the order the locale pack lists them (its canonical order). */
function canonicalOrder(ctx: PageContext): CanonicalLabel[] {
  return Object.keys(ctx.pack.labels) as CanonicalLabel[];
}

/** The fix inserting `<Label>: **placeholder**` where the label belongs among the step's label lines. */
function insertFix(ctx: PageContext, step: Step, id: CanonicalLabel, placeholder: string): Fix {
  const { doc } = ctx;
  const word = labelName(ctx.pack, id);
  const line = `${word}: **${placeholder}**`;
  const order = canonicalOrder(ctx);
  const rank = order.indexOf(id);
  const present = order.map((l) => step.labels[l]).filter((l): l is LabelLine => l !== undefined).sort((a, b) => a.span.start - b.span.start);
  const after = present.find((l) => order.indexOf(l.label) > rank);
  const before = [...present].reverse().find((l) => order.indexOf(l.label) < rank);
  let at: number;
  let newText: string;
  if (after && (!before || before.span.start < after.span.start)) {
    at = after.labelSpan.start;
    newText = `${line}  ${doc.eol}`;
  } else if (before) {
    at = before.span.end;
    newText = `  ${doc.eol}${line}`;
  } else {
    at = lineEnd(doc, step.heading.span.end);
    newText = `${doc.eol}${doc.eol}${line}  ${nextLineBlank(doc, step.heading.span.end) ? '' : doc.eol}`;
  }
  return { title: t('Add `{0}`', line), edits: [{ span: span(at, at), newText }], safe: false };
}

function checkWords(ctx: PageContext, step: Step): void {
  for (const label of Object.values(step.labels)) {
    if (!label || label.label === 'phase') continue;
    const words = ctx.pack.labels[label.label] ?? [];
    if (words.length === 0 || words.some((w) => normalizeWord(w) === normalizeWord(label.labelText))) continue;
    const expected = words[0]!;
    ctx.report({
      span: label.labelSpan,
      message: t('`{0}` is not the {1} label: in {1} pages write `{2}:`.', label.labelText, ctx.pack.name, expected),
      fixes: [{ title: t('Write `{0}`', expected), edits: [{ span: label.labelSpan, newText: expected }], safe: true }],
    });
  }
}

function check(ctx: PageContext): void {
  const { doc, options, pack, report } = ctx;
  if (!pageMatches(doc, stringListOption(options, 'kinds', ['process']))) return;
  const required = stringListOption(options, 'required', DEFAULT_REQUIRED) as readonly CanonicalLabel[];
  const placeholder = stringOption(options, 'placeholder', 'TODO');
  for (const step of doc.steps) {
    // A known section heading at step level (`### Refresh Summary`) is a misplaced section, not a step.
    if (step.heading.canonical && !step.uncategorized) continue;
    checkWords(ctx, step);
    for (const id of required) {
      if (step.labels[id]) continue;
      const word = labelName(pack, id);
      report({
        span: step.heading.textSpan,
        message: t('Step `{0}` has no `{1}:` line: every step names it right under its heading, like `{1}: **…**`.', step.heading.text, word),
        fixes: [insertFix(ctx, step, id, placeholder)],
        data: { label: id },
      });
    }
  }
}

/** Every step of a process page's Approach states its primary role and what it applies to. */
export const stepLabels: PageRule = {
  id: 'structure/step-labels',
  target: 'page',
  description: t('Every step under Approach has `Primary Role:` and `Applies To:` lines (in the page\'s language).'),
  defaultSeverity: 'error',
  fixable: true,
  check,
};

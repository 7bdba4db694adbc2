import type { Fix } from '../../lint/diagnostic';
import type { LabelLine } from '../../model/document';
import { span } from '../../text/span';
import { t } from '../../util/l10n';
import { basename } from '../../util/paths';
import { nearestUnique, normalizeWord } from '../../util/text';
import type { PageContext, PageRule } from '../rule';
import { booleanOption, headingAfter, kindSpec, labelName, lineEnd, looksLikeKind, nextLineBlank, pageAnchor, recordOption, titleHeading } from './common';

/** The phase a page's file name puts it in (`assess-…` → `assess`), by configured prefixes or by its first word. */
export function phaseFromFileName(ctx: PageContext): string | undefined {
  const { doc, vocabulary, options, config } = ctx;
  const base = vocabulary.stripSuffix(basename(doc.path).replace(/\.[^.]+$/, ''), doc.locale).toLowerCase();
  const prefixes = recordOption(options, 'fileNamePhases');
  if (prefixes) {
    let best: { prefix: string; id: string } | undefined;
    for (const [prefix, id] of Object.entries(prefixes)) {
      if (base.startsWith(prefix.toLowerCase()) && (!best || prefix.length > best.prefix.length)) best = { prefix, id };
    }
    return best?.id;
  }
  const word = base.split('-')[0] ?? '';
  return config.locales.some((p) => Object.prototype.hasOwnProperty.call(p.phases, word)) ? word : undefined;
}

/** The name a page of the context's language uses for a phase id. */
function phaseName(ctx: PageContext, id: string): string | undefined {
  return ctx.pack.phases[id]?.[0];
}

/** The first name of every phase of the page's language, for messages. */
function phaseList(ctx: PageContext): string {
  return Object.values(ctx.pack.phases).map((names) => `\`${names[0] ?? ''}\``).join(', ');
}

function checkMissing(ctx: PageContext, fileId: string | undefined): void {
  const { doc, pack, report } = ctx;
  const label = labelName(pack, 'phase');
  const expected = fileId ? phaseName(ctx, fileId) : undefined;
  const example = expected ?? Object.values(pack.phases)[0]?.[0] ?? '…';
  const h1 = titleHeading(doc);
  const fixes: Fix[] = [];
  if (h1 && expected) {
    const at = lineEnd(doc, h1.span.end);
    const line = `${label}: **${expected}**  `;
    const newText = `${doc.eol}${doc.eol}${line}${nextLineBlank(doc, h1.span.end) ? '' : doc.eol}`;
    fixes.push({ title: t('Add `{0}` after the title', `${label}: **${expected}**`), edits: [{ span: span(at, at), newText }], safe: false });
  }
  report({
    span: pageAnchor(doc),
    message: t('The page has no `{0}:` line: every {1} page states its phase right after the title, like `{0}: **{2}**`.', label, doc.kind, example),
    fixes,
  });
}

function checkLabelWord(ctx: PageContext, phase: LabelLine): void {
  const words = ctx.pack.labels.phase ?? [];
  if (words.length === 0 || words.some((w) => normalizeWord(w) === normalizeWord(phase.labelText))) return;
  const expected = words[0]!;
  ctx.report({
    span: phase.labelSpan,
    message: t('`{0}` is not the {1} label: in {1} pages write `{2}:`.', phase.labelText, ctx.pack.name, expected),
    fixes: [{ title: t('Write `{0}`', expected), edits: [{ span: phase.labelSpan, newText: expected }], safe: true }],
  });
}

function checkPosition(ctx: PageContext, phase: LabelLine): void {
  const { doc } = ctx;
  const h1 = titleHeading(doc);
  if (!h1) return;
  const next = headingAfter(doc, h1);
  const inIntro = phase.span.start >= h1.span.end && (!next || phase.span.end <= next.span.start);
  if (inIntro) return;
  ctx.report({
    span: phase.labelSpan,
    message: t('The `{0}:` line belongs right after the page title `{1}`, before any section.', phase.labelText, h1.text),
  });
}

function checkValue(ctx: PageContext, phase: LabelLine, fileId: string | undefined): void {
  const { pack, vocabulary, report } = ctx;
  const value = phase.value;
  if (value === '') {
    report({ span: phase.valueSpan, message: t('The phase is empty: write one of {0}.', phaseList(ctx)) });
    return;
  }
  const rec = vocabulary.phase(value, pack.locale);
  if (rec && rec.locale === pack.locale) {
    const expected = fileId ? phaseName(ctx, fileId) : undefined;
    if (fileId && expected && rec.id !== fileId) {
      report({
        span: phase.valueSpan,
        message: t('The phase `{0}` does not match the file name `{1}`, which puts the page in the `{2}` phase.', value, basename(ctx.doc.path), expected),
        fixes: [{ title: t('Write `{0}`', expected), edits: [{ span: phase.valueSpan, newText: expected }], safe: false }],
      });
    }
    return;
  }
  if (rec) {
    const other = vocabulary.pack(rec.locale)?.name ?? rec.locale;
    const expected = phaseName(ctx, rec.id);
    if (expected) {
      report({
        span: phase.valueSpan,
        message: t('`{0}` is the {1} phase name; in {2} pages write `{3}`.', value, other, pack.name, expected),
        fixes: [{ title: t('Write `{0}`', expected), edits: [{ span: phase.valueSpan, newText: expected }], safe: true }],
      });
    } else {
      report({ span: phase.valueSpan, message: t('`{0}` is a {1} phase name; {2} pages use one of {3}.', value, other, pack.name, phaseList(ctx)) });
    }
    return;
  }
  const names = Object.values(pack.phases).flat();
  const byKey = new Map(names.map((n) => [normalizeWord(n), n]));
  const near = nearestUnique(normalizeWord(value), byKey.keys(), Math.max(2, Math.floor(value.length / 3)));
  const suggestion = near !== undefined ? byKey.get(near) : fileId ? phaseName(ctx, fileId) : undefined;
  report({
    span: phase.valueSpan,
    message: suggestion
      ? t('`{0}` is not a known phase: did you mean `{1}`? {2} pages use one of {3}.', value, suggestion, pack.name, phaseList(ctx))
      : t('`{0}` is not a known phase: {1} pages use one of {2}.', value, pack.name, phaseList(ctx)),
    fixes: suggestion ? [{ title: t('Write `{0}`', suggestion), edits: [{ span: phase.valueSpan, newText: suggestion }], safe: false }] : [],
  });
}

function check(ctx: PageContext): void {
  const { doc } = ctx;
  const spec = kindSpec(ctx);
  const fileId = booleanOption(ctx.options, 'checkFileName', true) ? phaseFromFileName(ctx) : undefined;
  const phase = doc.phase;
  if (!phase) {
    const required = spec?.requiresPhase === true && (!booleanOption(ctx.options, 'skipWhenNonePresent', true) || looksLikeKind(doc, spec));
    if (required) checkMissing(ctx, fileId);
    return;
  }
  checkLabelWord(ctx, phase);
  checkPosition(ctx, phase);
  checkValue(ctx, phase, fileId);
}

/** Process pages state a known phase, in their own language, right after the title. */
export const phase: PageRule = {
  id: 'structure/phase',
  target: 'page',
  description: t('A process page has a `Phase:` line right after its title naming a known phase in the page\'s language.'),
  defaultSeverity: 'error',
  fixable: true,
  check,
};

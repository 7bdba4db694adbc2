import type { Fix } from '../../lint/diagnostic';
import type { PlaybookDocument } from '../../model/document';
import { span, type Span } from '../../text/span';
import { t } from '../../util/l10n';
import type { PageContext, PageRule } from '../rule';

/** True when the configured page kinds say pages of this kind end with a refresh summary. */
function requiresSummary(ctx: PageContext): boolean {
  return ctx.config.defaults.pageKinds.some((k) => k.kind === ctx.doc.kind && k.requiresRefreshSummary === true);
}

/** Where a missing section is reported: the H1's text, else the end of the page. */
function anchorSpan(doc: PlaybookDocument): Span {
  const h1 = doc.h1s[0];
  if (h1 && h1.textSpan.end > h1.textSpan.start) return h1.textSpan;
  return span(doc.text.length, doc.text.length);
}

/** The localized `| Date | Who Changed | What Changed |` header and its delimiter row. */
function headerLines(ctx: PageContext): [string, string] | undefined {
  const cols = ctx.pack.refreshTable;
  const words = [cols.date[0], cols.who[0], cols.what[0]];
  if (words.some((w) => !w)) return undefined;
  return [`| ${words.join(' | ')} |`, `| ${words.map(() => '---').join(' | ')} |`];
}

/** The fix that appends an empty, localized refresh summary at the end of the page. */
function appendFix(ctx: PageContext, heading: string): Fix | undefined {
  const lines = headerLines(ctx);
  if (!lines) return undefined;
  const { text, eol } = ctx.doc;
  let lead = '';
  if (text.length > 0 && !text.endsWith('\n') && !text.endsWith('\r')) lead = eol + eol;
  else if (text.length > 0 && !/(\r?\n|\r)[ \t]*(\r?\n|\r)$/.test(text)) lead = eol;
  const block = `${lead}## ${heading}${eol}${eol}${lines[0]}${eol}${lines[1]}${eol}`;
  return {
    title: t('Add an empty "{0}" section at the end of the page', heading),
    edits: [{ span: span(text.length, text.length), newText: block }],
    safe: false,
  };
}

/**
 * Pages of kinds that must end with a refresh summary have one, and a refresh-summary section
 * (on any page) holds a table.
 */
export const missing: PageRule = {
  id: 'refresh/missing',
  target: 'page',
  description: t('Process, phase, guidance and similar pages end with a Refresh Summary section holding a change table.'),
  defaultSeverity: 'error',
  fixable: true,
  check(ctx) {
    const { doc, pack } = ctx;
    if (doc.kind === 'include' || doc.problems.some((p) => p.code === 'binary' || p.code === 'too-large' || p.code === 'unreadable')) return;
    const heading = pack.headings.refreshSummary?.[0] ?? '';
    const expectedHeader = [pack.refreshTable.date[0], pack.refreshTable.who[0], pack.refreshTable.what[0]].join(' | ');
    const summary = doc.refresh;
    if (!summary) {
      if (!requiresSummary(ctx)) return;
      const fix = heading ? appendFix(ctx, heading) : undefined;
      ctx.report({
        span: anchorSpan(doc),
        message: t(
          'This page has no "{0}" section: pages of this kind end with a "## {0}" section whose table (`| {1} |`) lists every change, newest first.',
          heading,
          expectedHeader,
        ),
        ...(fix ? { fixes: [fix] } : {}),
      });
      return;
    }
    if (summary.table) return;
    const h = summary.section.heading;
    ctx.report({
      span: h.textSpan.end > h.textSpan.start ? h.textSpan : h.span,
      message: t(
        'The "{0}" section has no table: it needs a header row (`| {1} |`), a delimiter row with as many cells (`| --- | --- | --- |`), then one row per change.',
        h.text,
        expectedHeader,
      ),
    });
  },
};

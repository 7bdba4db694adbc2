import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Report } from '../rules/rule';
import type { DetachedStrings } from '../text/detached';
import type { LineIndex } from '../text/lineIndex';
import { t } from '../util/l10n';
import type { Diagnostic, Fix, RelatedLocation, Severity } from './diagnostic';

/**
 * At most this many related places are kept per finding; the last one kept says how many more there
 * were. A task ID named differently on many pages relates every other page (34 per finding on a tree of
 * 26 copies of the corpus); editors list every related place under the finding, SARIF viewers too.
 */
export const MAX_RELATED = 10;

/** What a finding without fixes or related places holds: one shared empty list, never changed. */
const NONE: readonly never[] = Object.freeze([]);

/** The rule and file a finding belongs to, as the linter knows them. */
export interface FindingSource {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly docs: string;
  readonly path: string;
  /** The line index of the file the finding is in. */
  readonly lines: LineIndex;
  /** Line indexes of other files, for related places there. */
  readonly index: WorkspaceIndex;
  /** Where the finding's strings are copied to (shared by every finding of a lint run). */
  readonly strings: DetachedStrings;
}

function fixOf(f: Fix, strings: DetachedStrings): Fix {
  return { title: strings.of(f.title), edits: f.edits.map((e) => ({ span: e.span, newText: strings.of(e.newText) })), safe: f.safe };
}

function relatedOf(related: NonNullable<Report['related']>, source: FindingSource): readonly RelatedLocation[] {
  if (related.length === 0) return NONE;
  const kept = related.length > MAX_RELATED ? related.slice(0, MAX_RELATED) : related;
  const more = related.length - kept.length;
  return kept.map((rel, i) => {
    const lines = rel.path === source.path ? source.lines : source.index.lineIndex(rel.path) ?? source.lines;
    const message = more > 0 && i === kept.length - 1 ? t('{0} … and {1} more place(s) not listed here.', rel.message, more) : rel.message;
    // Written out field by field: an object spread gave every related place a hidden class of its own.
    return { path: rel.path, span: rel.span, message: source.strings.of(message), range: lines.rangeOf(rel.span) };
  });
}

/**
 * The diagnostic of one report. It outlives the page model it was found in, so it holds none of the
 * model's strings (they may keep the page text alive: `text/detached.ts`; equal strings of a lint run are
 * one string), and it lists at most {@link MAX_RELATED} related places.
 */
export function findingOf(r: Report, source: FindingSource): Diagnostic {
  return {
    ruleId: source.ruleId,
    severity: source.severity,
    message: source.strings.of(r.message),
    path: source.path,
    span: r.span,
    range: source.lines.rangeOf(r.span),
    fixes: r.fixes && r.fixes.length > 0 ? r.fixes.map((f) => fixOf(f, source.strings)) : NONE,
    related: r.related ? relatedOf(r.related, source) : NONE,
    docs: source.docs,
    ...(r.data ? { data: source.strings.value(r.data) } : {}),
  };
}

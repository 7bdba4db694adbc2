/**
 * Inline directives: HTML comments that silence rules in part of a page.
 *
 * - `<!-- playbook-lint-disable [ids] -->` … `<!-- playbook-lint-enable [ids] -->`: from the comment's line on;
 * - `<!-- playbook-lint-disable-line [ids] -->`: the line(s) the comment is on;
 * - `<!-- playbook-lint-disable-next-line [ids] -->`: the line after the comment;
 * - `<!-- playbook-lint-disable-file [ids] -->`: the whole file, wherever the comment is.
 *
 * Ids are separated by spaces or commas; no id means every rule. Text after ` -- ` is a free comment.
 */
import type { PlaybookDocument } from '../model/document';
import { span, type Span } from '../text/span';
import type { Diagnostic } from './diagnostic';

/** What a directive does. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

/** Every directive keyword, as written in a comment. */
export const DIRECTIVE_KEYWORDS: readonly string[] = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'].map((k) => `playbook-lint-${k}`);

/** A rule id written in a directive, with its exact span in the page. */
export interface DirectiveId {
  readonly id: string;
  readonly span: Span;
}

/** One directive comment. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** The rules it names; empty means every rule. */
  readonly ids: readonly DirectiveId[];
  /** The whole comment. */
  readonly span: Span;
  /** Zero-based lines of the comment's start and end. */
  readonly line: number;
  readonly endLine: number;
}

/** A comment that starts like a directive but whose keyword is not one (`playbook-lint-disabled`). */
export interface DirectiveMistake {
  readonly keyword: string;
  readonly span: Span;
}

/** The directives of a page, in source order. */
export interface PageDirectives {
  readonly directives: readonly Directive[];
  readonly mistakes: readonly DirectiveMistake[];
}

const PREFIX = /^(\s*)(playbook-lint[A-Za-z-]*)/i;
const cache = new WeakMap<PlaybookDocument, PageDirectives>();

/** Reads the directives of a page from its HTML comments (cached per model). */
export function directivesOf(doc: PlaybookDocument): PageDirectives {
  const cached = cache.get(doc);
  if (cached) return cached;
  const directives: Directive[] = [];
  const mistakes: DirectiveMistake[] = [];
  for (const c of doc.comments) {
    const raw = doc.text.slice(c.span.start, c.span.end);
    if (!raw.startsWith('<!--') || !raw.endsWith('-->')) continue;
    const bodyStart = c.span.start + 4;
    const body = raw.slice(4, raw.length - 3);
    const m = PREFIX.exec(body);
    if (!m) continue;
    const keyword = m[2]!;
    const keywordStart = bodyStart + m[1]!.length;
    if (!DIRECTIVE_KEYWORDS.includes(keyword)) {
      mistakes.push({ keyword, span: span(keywordStart, keywordStart + keyword.length) });
      continue;
    }
    const restStart = m[0].length;
    let rest = body.slice(restStart);
    const note = /(?:^|\s)--(?:\s|$)/.exec(rest);
    if (note) rest = rest.slice(0, note.index);
    const ids: DirectiveId[] = [];
    for (const idMatch of rest.matchAll(/[^\s,]+/g)) {
      const start = bodyStart + restStart + idMatch.index!;
      ids.push({ id: idMatch[0], span: span(start, start + idMatch[0].length) });
    }
    directives.push({
      kind: keyword.slice('playbook-lint-'.length) as DirectiveKind,
      ids,
      span: c.span,
      line: doc.lines.positionAt(c.span.start).line,
      endLine: doc.lines.positionAt(c.span.end).line,
    });
  }
  const result = { directives, mistakes };
  cache.set(doc, result);
  return result;
}

/** Findings no directive can silence: a rule that crashed must stay visible. */
const UNSUPPRESSIBLE = new Set(['internal/rule-error']);

const names = (d: Directive, ruleId: string): boolean => d.ids.length === 0 || d.ids.some((x) => x.id === ruleId);

/** True when a directive of the page silences `ruleId` on a zero-based line. */
export function isSuppressed(directives: readonly Directive[], ruleId: string, line: number): boolean {
  if (UNSUPPRESSIBLE.has(ruleId)) return false;
  // Block state, replayed up to the line: every rule off (with exceptions), or some rules off.
  let all = false;
  const except = new Set<string>();
  const off = new Set<string>();
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        if (names(d, ruleId)) return true;
        break;
      case 'disable-line':
        if (line >= d.line && line <= d.endLine && names(d, ruleId)) return true;
        break;
      case 'disable-next-line':
        if (line === d.endLine + 1 && names(d, ruleId)) return true;
        break;
      case 'disable':
      case 'enable': {
        if (d.line > line) break;
        const disabling = d.kind === 'disable';
        if (d.ids.length === 0) {
          all = disabling;
          except.clear();
          off.clear();
        } else {
          for (const { id } of d.ids) {
            if (all && disabling) except.delete(id);
            else if (all) except.add(id);
            else if (disabling) off.add(id);
            else off.delete(id);
          }
        }
        break;
      }
    }
  }
  return all ? !except.has(ruleId) : off.has(ruleId);
}

/** The diagnostics of a page that its directives leave standing. */
export function applyDirectives(doc: PlaybookDocument, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const { directives } = directivesOf(doc);
  if (directives.length === 0) return [...diagnostics];
  return diagnostics.filter((d) => d.path !== doc.path || !isSuppressed(directives, d.ruleId, d.range.start.line));
}

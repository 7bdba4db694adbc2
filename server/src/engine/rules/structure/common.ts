/**
 * Small helpers shared by the structure rules: option reading, page-kind lookup, line geometry and
 * localized names. Nothing here knows a language: every word comes from the packs and the config.
 */
import type { PageKindSpec } from '../../config/defaults';
import type { CanonicalLabel, CanonicalSection, LocalePack } from '../../config/localePack';
import type { Heading, PlaybookDocument } from '../../model/document';
import { span, type Span } from '../../text/span';
import type { PageContext } from '../rule';
import { stringListOption, booleanOption, stringOption, recordOption, pageMatches } from '../options';
export { stringListOption, booleanOption, stringOption, recordOption, pageMatches };

/** The configured specification of the page's kind, if any. */
export function kindSpec(ctx: PageContext): PageKindSpec | undefined {
  return ctx.config.defaults.pageKinds.find((s) => s.kind === ctx.doc.kind);
}

/** Summary sections end pages of every kind, so they say nothing about what kind a page is. */
const SUMMARIES: readonly CanonicalSection[] = ['refreshSummary', 'contentSummary'];

/**
 * True when the page shows any playbook section at all (a summary does not count) — or its kind
 * requires none. A file whose name merely starts with a process prefix (`engagement-scenario-…-tab.md`
 * in a report guide) has none and is not held to the kind.
 */
export function looksLikeKind(doc: PlaybookDocument, spec: PageKindSpec): boolean {
  if ((spec.requiredSections ?? []).length === 0) return true;
  return doc.headings.some((h) => h.canonical !== undefined && !SUMMARIES.includes(h.canonical));
}

/** Offset where the page body starts: after the front matter's closing line, else after the BOM. */
export function bodyStart(doc: PlaybookDocument): number {
  if (!doc.frontMatter) return doc.hasBom ? 1 : 0;
  return lineEnd(doc, doc.frontMatter.span.end, true);
}

/** Offset of the end of the line holding `offset`: before its line break, or after it when `pastBreak`. */
export function lineEnd(doc: PlaybookDocument, offset: number, pastBreak = false): number {
  const line = doc.lines.positionAt(offset).line;
  if (line + 1 >= doc.lines.lineCount) return doc.text.length;
  const next = doc.lines.lineStart(line + 1);
  if (pastBreak) return next;
  return doc.text[next - 2] === '\r' ? next - 2 : next - 1;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(doc: PlaybookDocument, offset: number): number {
  return doc.lines.lineStart(doc.lines.positionAt(offset).line);
}

/** True when the line after the one holding `offset` is blank or missing. */
export function nextLineBlank(doc: PlaybookDocument, offset: number): boolean {
  const start = lineEnd(doc, offset, true);
  if (start >= doc.text.length) return true;
  return doc.text.slice(start, lineEnd(doc, start)).trim() === '';
}

/** The trimmed span of the first non-blank line of the body, or an empty span where the body starts. */
export function firstContentLine(doc: PlaybookDocument): Span {
  let offset = bodyStart(doc);
  while (offset < doc.text.length) {
    const end = lineEnd(doc, offset);
    const line = doc.text.slice(offset, end);
    if (line.trim() !== '') {
      const lead = line.length - line.trimStart().length;
      return span(offset + lead, offset + line.trimEnd().length);
    }
    const next = lineEnd(doc, offset, true);
    if (next <= offset) break;
    offset = next;
  }
  return span(Math.min(offset, doc.text.length), Math.min(offset, doc.text.length));
}

/** The page's title heading: its first H1, if any. */
export function titleHeading(doc: PlaybookDocument): Heading | undefined {
  return doc.h1s[0];
}

/** The heading that follows `heading` in the page, if any. */
export function headingAfter(doc: PlaybookDocument, heading: Heading): Heading | undefined {
  const i = doc.headings.indexOf(heading);
  return i < 0 ? undefined : doc.headings[i + 1];
}

/** Where a finding about the page as a whole goes: the title's text, else the first heading's, else the first line of the body. */
export function pageAnchor(doc: PlaybookDocument): Span {
  return (titleHeading(doc) ?? doc.headings[0])?.textSpan ?? firstContentLine(doc);
}

/** A section's heading as a page of `pack`'s language writes it (falls back to the canonical id). */
export function sectionName(pack: LocalePack | undefined, id: CanonicalSection): string {
  return pack?.headings[id]?.[0] ?? id;
}

/** A label word as a page of `pack`'s language writes it (falls back to the canonical id). */
export function labelName(pack: LocalePack | undefined, id: CanonicalLabel): string {
  return pack?.labels[id]?.[0] ?? id;
}

/** The pack of the configured source language (whose words name canonical sections in messages). */
export function sourcePack(ctx: PageContext): LocalePack | undefined {
  return ctx.vocabulary.pack(ctx.config.defaults.sourceLocale);
}

/** The span of a heading's `#` marker as written (`###` of `### Title`); empty for a setext heading. */
export function headingMarker(doc: PlaybookDocument, h: Heading): Span {
  const raw = doc.text.slice(h.span.start, h.textSpan.start);
  const lead = raw.length - raw.trimStart().length;
  let hashes = 0;
  while (raw[lead + hashes] === '#') hashes++;
  return span(h.span.start + lead, h.span.start + lead + hashes);
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from './harness';
import { processPage } from '../unit/helpers';

/** The front matter of a clean page (every required key, valid values). */
const FRONT_MATTER = processPage().split('---\n')[1]!;

/** A clean page of no particular kind: valid front matter, an H1, then `body`. */
export function page(h1: string, body: string): string {
  return `---\n${FRONT_MATTER}---\n\n# ${h1}\n\n${body}\n`;
}




/** The LSP range of the `occurrence`-th (0-based) `needle` in `text` (which must contain it). */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`\`${needle}\` (#${occurrence}) is not in the text`);
  }
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}
/** What a test expects of one published diagnostic. */
export interface ExpectedDiagnostic {
  rule: string;
  severity: 1 | 2 | 3;
  range: ReturnType<typeof rangeOf>;
  message: string;
  /** The document version the fixes refer to (null for a file that is not open). */
  version: number | null;
  fixes?: Array<{ title: string; safe: boolean; edits: Array<{ range: ReturnType<typeof rangeOf>; newText: string }> }>;
  related?: Array<{ location: { uri: string; range: ReturnType<typeof rangeOf> }; message: string }>;
}

/** The `file:` URL of a rule's documentation page in this package. */
export function docsHref(rule: string): string {
  return pathToFileURL(join(PACKAGE_ROOT, 'docs', 'rules', ...rule.split('/')) + '.md').href;
}

/** The whole LSP diagnostic the server sends for an expected finding. */
export function lspDiagnostic(e: ExpectedDiagnostic): Record<string, unknown> {
  return {
    range: e.range,
    severity: e.severity,
    code: e.rule,
    codeDescription: { href: docsHref(e.rule) },
    source: 'playbook',
    message: e.message,
    data: { version: e.version, fixes: e.fixes ?? [] },
    ...(e.related ? { relatedInformation: e.related } : {}),
  };
}

/** Applies LSP text edits (non-overlapping) to a text with `\n` line breaks. */
export function applyLspEdits(text: string, edits: ReadonlyArray<{ range: ReturnType<typeof rangeOf>; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

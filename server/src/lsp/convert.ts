import { join as joinNative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { Diagnostic, Fix, Severity, TextEdit } from '../engine/lint/diagnostic';
import type { LineIndex } from '../engine/text/lineIndex';

/** The `source` of every diagnostic the server publishes. */
export const SOURCE = 'playbook';

/** A fix as a diagnostic carries it to the client, ready to become a code action. */
export interface FixData {
  readonly title: string;
  readonly safe: boolean;
  readonly edits: LspTextEdit[];
}

/** What a published diagnostic carries in `data`: its fixes, and the document version their ranges refer to. */
export interface DiagnosticData {
  /** The editor version of the document the diagnostic was computed on; null for a file not open. */
  readonly version: number | null;
  readonly fixes: FixData[];
}

/** What converting needs besides the diagnostic. */
export interface ConvertContext {
  /** The URI of an engine path. */
  toUri(path: string): string;
  /** The folder the rule documentation ships in (the package root, holding `docs/rules`). */
  readonly packageRoot: string;
  /** The line index of the diagnostic's file, to turn fix spans into ranges. */
  readonly lines: LineIndex;
  /** The document version the diagnostic was computed on (null when the file is not open). */
  readonly version: number | null;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** An engine text edit as an LSP one. */
export function toLspEdit(edit: TextEdit, lines: LineIndex): LspTextEdit {
  return { range: lines.rangeOf(edit.span), newText: edit.newText };
}

/** An engine fix as the data a code action is made from. */
export function toFixData(fix: Fix, lines: LineIndex): FixData {
  return { title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => toLspEdit(e, lines)) };
}

/** The `file:` URL of a rule's documentation page (`docs/rules/<id>.md` in the package). */
export function docsUrl(packageRoot: string, docs: string): string {
  return pathToFileURL(joinNative(packageRoot, ...docs.split('/'))).href;
}

/** Converts an engine diagnostic to an LSP one: code is the rule id, linked to its documentation. */
export function toLspDiagnostic(d: Diagnostic, ctx: ConvertContext): LspDiagnostic {
  const data: DiagnosticData = { version: ctx.version, fixes: d.fixes.map((f) => toFixData(f, ctx.lines)) };
  const out: LspDiagnostic = {
    range: { start: { ...d.range.start }, end: { ...d.range.end } },
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: docsUrl(ctx.packageRoot, d.docs) },
    source: SOURCE,
    message: d.message,
    data,
  };
  if (d.related.length) {
    out.relatedInformation = d.related.map((r): DiagnosticRelatedInformation => ({
      location: { uri: ctx.toUri(r.path), range: { start: { ...r.range.start }, end: { ...r.range.end } } },
      message: r.message,
    }));
  }
  return out;
}

/** Reads the data a diagnostic of this server carries; undefined for anything else. */
export function diagnosticData(d: LspDiagnostic): DiagnosticData | undefined {
  if (d.source !== SOURCE) return undefined;
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.fixes)) return undefined;
  const version = typeof data.version === 'number' ? data.version : null;
  return { version, fixes: data.fixes };
}

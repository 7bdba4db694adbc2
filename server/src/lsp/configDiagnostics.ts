import { createScanner, type SyntaxKind } from 'jsonc-parser';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver/node';
import type { ConfigError } from '../engine/config/configError';
import { LineIndex } from '../engine/text/lineIndex';
import { t } from '../engine/util/l10n';
import { decodeText } from '../engine/workspace/decode';
import type { Workspace } from '../engine/workspace/workspace';
import { SOURCE } from './convert';

/** The `code` of a diagnostic about a configuration file (it names no rule). */
export const CONFIG_ERROR_CODE = 'config/invalid';

/** A mistake in a configuration file, placed for the editor. */
export interface ConfigProblem {
  /** The configuration file the mistake is in (not always in the workspace: a file above it, or one it extends). */
  readonly path: string;
  /** The diagnostic to show on that file. */
  readonly diagnostic: LspDiagnostic;
}

/**
 * Tokens that are a place of their own: null, true, false, a string, a number, an unknown word
 * (jsonc-parser's `SyntaxKind` 7–11 and 16, a const enum this build cannot import). Anything else (a
 * brace, a colon, a comment) is shown as one character.
 */
const WHOLE_TOKENS: ReadonlySet<SyntaxKind> = new Set([7, 8, 9, 10, 11, 16] as SyntaxKind[]);

/**
 * The range a configuration mistake covers: the JSON token (a key, a string, a number, a keyword, or
 * an unexpected word) that starts at the error's position, else one character there (nothing at the end of the file).
 */
export function configErrorRange(text: string, line: number, column: number): Range {
  const lines = new LineIndex(text);
  const offset = Math.min(lines.offsetAt({ line: Math.max(0, line - 1), character: Math.max(0, column - 1) }), text.length);
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  const kind = scanner.scan();
  const at = scanner.getTokenOffset();
  let end = offset;
  if (at === offset && WHOLE_TOKENS.has(kind)) end = offset + Math.max(1, scanner.getTokenLength());
  else if (offset < text.length && !/[\r\n]/.test(text[offset]!)) end = offset + 1;
  // A token never runs past its line in the editor's eyes (an unclosed string does in the scanner's).
  end = Math.min(end, lines.lineAt(offset).content.end);
  if (end < offset) end = offset;
  return { start: lines.positionAt(offset), end: lines.positionAt(end) };
}

/** A configuration error as the diagnostic shown on its file, given the file's text. */
export function configErrorDiagnostic(error: ConfigError, text: string): LspDiagnostic {
  return {
    range: configErrorRange(text, error.line, error.column),
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR_CODE,
    source: SOURCE,
    message: t('{0} The built-in defaults apply until this is corrected.', error.detail),
  };
}

/** Places a configuration error, reading its file through the workspace (so an open buffer counts as the editor shows it). */
export async function configProblemOf(error: ConfigError, workspace: Workspace): Promise<ConfigProblem> {
  const bytes = await workspace.read(error.file);
  const decoded = bytes ? decodeText(bytes) : undefined;
  const text = decoded && 'text' in decoded ? decoded.text : '';
  return { path: error.file, diagnostic: configErrorDiagnostic(error, text) };
}

import type { CancellationToken, DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import type { Range } from '../engine/text/span';
import { guard } from './guard';
import type { LspFeature, Services } from './services';

/** The edits aligning the tables of a document (those touching `range` when given); the formatting options do not apply to tables. */
async function tableEdits(s: Services, uri: string, range: Range | undefined, token: CancellationToken): Promise<TextEdit[] | null> {
  const model = await s.documentAt(uri, token);
  if (!model) return null;
  return createLanguageService(model.index).provideTableFormatting(model.path, range).map((e) => ({ range: e.range, newText: e.newText }));
}

/** Formatting of tables: columns aligned, East Asian wide characters counted as two columns. */
export const formatting: LspFeature = {
  name: 'formatting',
  capabilities: () => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true }),
  register: (s) => {
    s.connection.onDocumentFormatting(guard(s.log, 'textDocument/formatting', (params: DocumentFormattingParams, token) => tableEdits(s, params.textDocument.uri, undefined, token)));
    s.connection.onDocumentRangeFormatting(guard(s.log, 'textDocument/rangeFormatting', (params: DocumentRangeFormattingParams, token) => tableEdits(s, params.textDocument.uri, params.range, token)));
  },
};

import { SymbolKind, type DocumentSymbol as LspDocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver/node';
import { createLanguageService, type DocumentSymbol, type SymbolKind as EngineSymbolKind } from '../engine/features/index';
import { guard } from './guard';
import type { LspFeature } from './services';

/** How the page's parts show in an outline: the page (H1) as a file, sections as strings (as Markdown editors show headings), steps as functions, task rows as fields. */
export const SYMBOL_KINDS: Record<EngineSymbolKind, SymbolKind> = {
  page: SymbolKind.File,
  section: SymbolKind.String,
  step: SymbolKind.Function,
  task: SymbolKind.Field,
};

/** An engine symbol tree as LSP document symbols. */
export function toLspDocumentSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail !== undefined ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toLspDocumentSymbol),
  };
}

/** An engine symbol tree flattened for a client without hierarchical symbols: each symbol names its parent. */
export function toSymbolInformation(uri: string, symbols: readonly DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: SYMBOL_KINDS[symbol.kind], location: { uri, range: symbol.range }, ...(container !== undefined ? { containerName: container } : {}) },
    ...toSymbolInformation(uri, symbol.children, symbol.name),
  ]);
}

/** Document symbols: headings nested by level, steps, and task rows (a flat list for clients without hierarchy). */
export const documentSymbols: LspFeature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: true }),
  register: (s) => {
    const hierarchical = s.client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    s.connection.onDocumentSymbol(guard(s.log, 'textDocument/documentSymbol', async (params: DocumentSymbolParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      const symbols = createLanguageService(model.index).provideDocumentSymbols(model.path);
      return hierarchical ? symbols.map(toLspDocumentSymbol) : toSymbolInformation(model.uri, symbols);
    }));
  },
};

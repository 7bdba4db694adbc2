import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import { indexedProjects } from './fullIndex';
import { guard, throwIfCancelled, yieldToEventLoop } from './guard';
import type { LspFeature } from './services';

/** At most this many symbols answer one query. */
export const WORKSPACE_SYMBOL_LIMIT = 500;

/** Workspace symbols: pages by title and task rows by ID and name, best matches first, folder by folder. */
export const workspaceSymbols: LspFeature = {
  name: 'workspaceSymbols',
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register: (s) => {
    s.connection.onWorkspaceSymbol(guard(s.log, 'workspace/symbol', async (params: WorkspaceSymbolParams, token) => {
      const out: SymbolInformation[] = [];
      for (const { index } of await indexedProjects(s, token)) {
        await yieldToEventLoop();
        throwIfCancelled(token);
        const found = createLanguageService(index).provideWorkspaceSymbols(params.query, { limit: WORKSPACE_SYMBOL_LIMIT - out.length }, () => token.isCancellationRequested);
        throwIfCancelled(token);
        for (const symbol of found) {
          out.push({ name: symbol.name, kind: symbol.kind === 'page' ? SymbolKind.File : SymbolKind.Field, location: { uri: s.toUri(symbol.path), range: symbol.range }, containerName: symbol.containerName });
        }
        if (out.length >= WORKSPACE_SYMBOL_LIMIT) break;
      }
      return out;
    }));
  },
};

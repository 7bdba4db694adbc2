import type { ReferenceParams } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import { documentInFullIndex } from './fullIndex';
import { guard, throwIfCancelled, yieldToEventLoop } from './guard';
import type { LspFeature } from './services';
import { toLspLocation } from './workspaceEdit';

/** References: who links to a page or heading, where a task ID is used (over the complete index). */
export const references: LspFeature = {
  name: 'references',
  capabilities: () => ({ referencesProvider: true }),
  register: (s) => {
    s.connection.onReferences(guard(s.log, 'textDocument/references', async (params: ReferenceParams, token) => {
      const model = await documentInFullIndex(s, params.textDocument.uri, token);
      if (!model) return null;
      await yieldToEventLoop();
      throwIfCancelled(token);
      const found = createLanguageService(model.index).provideReferences(model.path, params.position, { includeDeclaration: params.context.includeDeclaration }, () => token.isCancellationRequested);
      throwIfCancelled(token);
      return found.map((l) => toLspLocation(s, l));
    }));
  },
};

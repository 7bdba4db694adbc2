import type { DefinitionParams } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import { guard } from './guard';
import type { LspFeature } from './services';
import { toLspLocation } from './workspaceEdit';

/** Go to definition: a link, image, include or toc href to its file, an anchor to its heading. */
export const definition: LspFeature = {
  name: 'definition',
  capabilities: () => ({ definitionProvider: true }),
  register: (s) => {
    s.connection.onDefinition(guard(s.log, 'textDocument/definition', async (params: DefinitionParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      return createLanguageService(model.index).provideDefinition(model.path, params.position).map((l) => toLspLocation(s, l));
    }));
  },
};

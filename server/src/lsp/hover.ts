import type { HoverParams } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import { guard } from './guard';
import { markup, takesMarkdown } from './markup';
import type { LspFeature } from './services';

/** Hover: a link's target page, a task ID's name and pages, a front-matter key's description, ... (Markdown when the client takes it). */
export const hover: LspFeature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register: (s) => {
    const markdown = takesMarkdown(s.client.textDocument?.hover?.contentFormat);
    s.connection.onHover(guard(s.log, 'textDocument/hover', async (params: HoverParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      const found = createLanguageService(model.index).provideHover(model.path, params.position);
      return found ? { contents: markup(found.contents, markdown), range: found.range } : null;
    }));
  },
};

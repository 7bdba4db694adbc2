import type { DocumentLink as LspDocumentLink, DocumentLinkParams } from 'vscode-languageserver/node';
import { createLanguageService, type DocumentLink } from '../engine/features/index';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import { guard } from './guard';
import type { LspFeature, Services } from './services';

/**
 * The URI a link opens: a web address as written; a workspace file by its URI, with the line of the
 * anchor's heading as the fragment (`#L12,4`, which editors such as VS Code open at that line) when
 * the heading is found. A file or folder that does not exist has no link: its diagnostic says why.
 */
export function linkTarget(s: Services, index: WorkspaceIndex, link: DocumentLink): string | undefined {
  if (link.kind === 'external') return link.uri;
  if (!link.path || !link.exists || index.isDirectory(link.path)) return undefined;
  const at = link.heading?.range.start;
  return s.toUri(link.path) + (at ? `#L${at.line + 1},${at.character + 1}` : '');
}

/** Document links: link, image and include targets of a page, hrefs of a `toc.yml`. */
export const documentLinks: LspFeature = {
  name: 'documentLinks',
  capabilities: () => ({ documentLinkProvider: { resolveProvider: false } }),
  register: (s) => {
    s.connection.onDocumentLinks(guard(s.log, 'textDocument/documentLink', async (params: DocumentLinkParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      const out: LspDocumentLink[] = [];
      for (const link of createLanguageService(model.index).provideDocumentLinks(model.path)) {
        const target = linkTarget(s, model.index, link);
        if (target !== undefined) out.push({ range: link.range, target });
      }
      return out;
    }));
  },
};

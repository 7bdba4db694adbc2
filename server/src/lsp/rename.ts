import { LSPErrorCodes, ResponseError, type PrepareRenameParams, type RenameParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { createLanguageService } from '../engine/features/index';
import { documentInFullIndex } from './fullIndex';
import { guard, throwIfCancelled, yieldToEventLoop } from './guard';
import type { LspFeature } from './services';
import { toWorkspaceEdit } from './workspaceEdit';

/** A rename the engine refuses, as the error the editor shows. */
function refused(message: string): ResponseError<undefined> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

/**
 * Rename a heading: its text and every anchor naming it across the workspace (`prepareRename` says
 * where a rename can start and what to put in the input box, when the client asks first).
 */
export const rename: LspFeature = {
  name: 'rename',
  capabilities: (client): ServerCapabilities => ({ renameProvider: client.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true }),
  register: (s) => {
    if (s.client.textDocument?.rename?.prepareSupport === true) {
      s.connection.onPrepareRename(guard(s.log, 'textDocument/prepareRename', async (params: PrepareRenameParams, token) => {
        const model = await s.documentAt(params.textDocument.uri, token);
        if (!model) return null;
        const found = createLanguageService(model.index).prepareRename(model.path, params.position);
        if (!found) return null;
        if ('error' in found) throw refused(found.error);
        return { range: found.range, placeholder: found.placeholder };
      }));
    }
    s.connection.onRenameRequest(guard(s.log, 'textDocument/rename', async (params: RenameParams, token) => {
      const model = await documentInFullIndex(s, params.textDocument.uri, token);
      if (!model) return null;
      await yieldToEventLoop();
      throwIfCancelled(token);
      const result = createLanguageService(model.index).provideRenameEdits(model.path, params.position, params.newName, () => token.isCancellationRequested);
      throwIfCancelled(token);
      if (!result) return null;
      if ('error' in result) throw refused(result.error);
      return toWorkspaceEdit(s, model.index, result.edits);
    }));
  },
};

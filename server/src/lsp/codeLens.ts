import { CodeLensRefreshRequest, type CodeLens as LspCodeLens, type CodeLensParams } from 'vscode-languageserver/node';
import { createLanguageService, type CodeLens } from '../engine/features/index';
import { documentInFullIndex } from './fullIndex';
import { guard, throwIfCancelled, yieldToEventLoop } from './guard';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArguments } from './protocol';
import type { LspFeature, Services } from './services';
import { toLspLocation } from './workspaceEdit';

/** How long the server waits after the last change before asking the client to refresh its lenses, in milliseconds. */
export const LENS_REFRESH_DELAY_MS = 300;

/** An engine lens as an LSP one whose command shows what it counts ({@link SHOW_REFERENCES_COMMAND}). */
export function toLspCodeLens(s: Services, uri: string, lens: CodeLens): LspCodeLens {
  const args: ShowReferencesArguments = [uri, lens.range.start, lens.locations.map((l) => toLspLocation(s, l))];
  return { range: lens.range, command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: args } };
}

/**
 * Code lenses: "N pages link here" on the H1, "Also on N pages" on task rows (over the complete
 * index). Counts change when other files do, so a client that can be told to refresh them is, a
 * moment after files change.
 */
export const codeLens: LspFeature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register: (s) => {
    s.connection.onCodeLens(guard(s.log, 'textDocument/codeLens', async (params: CodeLensParams, token) => {
      const model = await documentInFullIndex(s, params.textDocument.uri, token);
      if (!model) return null;
      await yieldToEventLoop();
      throwIfCancelled(token);
      const lenses = createLanguageService(model.index).provideCodeLenses(model.path, () => token.isCancellationRequested);
      throwIfCancelled(token);
      return lenses.map((l) => toLspCodeLens(s, model.uri, l));
    }));
    if (s.client.workspace?.codeLens?.refreshSupport !== true) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    s.sync.onAffected(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        s.connection.sendRequest(CodeLensRefreshRequest.type).catch((e: unknown) => s.log.warn(`workspace/codeLens/refresh failed: ${(e as Error)?.message ?? String(e)}`));
      }, LENS_REFRESH_DELAY_MS);
    });
  },
};

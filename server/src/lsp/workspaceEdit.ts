import { TextDocumentEdit, type Location as LspLocation, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { FileEdit, Location } from '../engine/features/index';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { Services } from './services';

/** An engine location as an LSP one. */
export function toLspLocation(s: Services, location: Location): LspLocation {
  return { uri: s.toUri(location.path), range: location.range };
}

/**
 * Engine edits across files as one workspace edit, files in path order. A client that takes
 * `documentChanges` gets each file's edits with its version: the editor version the index read for
 * an open document (so an edit computed on an older text is refused, never misapplied), null for a
 * file that is not open. Other clients get `changes`.
 */
export function toWorkspaceEdit(s: Services, index: WorkspaceIndex, edits: readonly FileEdit[]): WorkspaceEdit {
  const byPath = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const list = byPath.get(e.path) ?? [];
    list.push({ range: e.range, newText: e.newText });
    byPath.set(e.path, list);
  }
  const paths = [...byPath.keys()].sort();
  if (s.client.workspace?.workspaceEdit?.documentChanges === true) {
    return {
      documentChanges: paths.map((p) => {
        const open = s.sync.versionOf(p) !== undefined;
        const version = open ? index.document(p)?.version ?? index.toc(p)?.version ?? null : null;
        return TextDocumentEdit.create({ uri: s.toUri(p), version }, byPath.get(p)!);
      }),
    };
  }
  return { changes: Object.fromEntries(paths.map((p) => [s.toUri(p), byPath.get(p)!])) };
}

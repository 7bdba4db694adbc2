import type { CancellationToken, ClientCapabilities, Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../engine/engine';
import type { WorkspaceIndex } from '../engine/index/workspaceIndex';
import type { PlaybookDocument } from '../engine/model/document';
import type { TocFile } from '../engine/model/toc';
import type { LineIndex } from '../engine/text/lineIndex';
import type { DiagnosticsManager } from './diagnostics';
import { throwIfCancelled, untilCancelled, type Logger } from './guard';
import type { Project, ProjectSet } from './project';
import type { SettingsStore } from './settings';
import type { ModelSync } from './sync';
import type { UriMapper } from './uri';

/** A document's current model, as a request handler needs it. */
export interface DocumentModel {
  readonly uri: string;
  readonly path: string;
  readonly project: Project;
  readonly engine: Engine;
  readonly index: WorkspaceIndex;
  /** The page model (for a Markdown file). */
  readonly doc?: PlaybookDocument;
  /** The toc model (for a `toc.yml`). */
  readonly toc?: TocFile;
  /** Offsets ↔ LSP positions of the current text. */
  readonly lines: LineIndex;
  /** The editor version of the text, null when the file is not open. */
  readonly version: number | null;
}

/** Everything a feature's handlers may use. Handlers stay thin: the logic lives in the engine. */
export interface Services {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** What the client said it can do (initialize). */
  readonly client: ClientCapabilities;
  readonly uris: UriMapper;
  readonly projects: ProjectSet;
  readonly sync: ModelSync;
  readonly settings: SettingsStore;
  readonly diagnostics: DiagnosticsManager;
  readonly log: Logger;
  /** The package root (holding `docs/rules`, `schemas`). */
  readonly packageRoot: string;
  /**
   * The current model of a document, after its pending edits are applied (the index is listed by
   * then, possibly still loading). Undefined for a URI that is no file or a file the engine does not model.
   */
  documentAt(uri: string, token?: CancellationToken): Promise<DocumentModel | undefined>;
  /** The URI to send for an engine path (an open document's as the client spelled it). */
  toUri(path: string): string;
}

/**
 * One editor feature of the server. `server/src/lsp/features.ts` lists them; the server merges their
 * capabilities into the initialize result and calls `register` once, before any request is served.
 */
export interface LspFeature {
  readonly name: string;
  /** The server capabilities the feature adds, given what the client can do. */
  capabilities(client: ClientCapabilities): ServerCapabilities;
  /** Installs the feature's handlers (wrap each in `guard` from ./guard). */
  register(services: Services): void;
}

/** Builds `documentAt` over the sync layer. */
export function documentAtFor(uris: UriMapper, sync: ModelSync): Services['documentAt'] {
  return async (uri, token) => {
    const path = uris.toPath(uri);
    if (path === undefined) return undefined;
    const project = await untilCancelled(sync.ensureCurrent(path), token);
    throwIfCancelled(token);
    const engine = project.engine;
    if (!engine) return undefined;
    const index = engine.index;
    const doc = index.document(path);
    const toc = doc ? undefined : index.toc(path);
    const lines = doc?.lines ?? toc?.lines;
    if (!lines) return undefined;
    return { uri, path, project, engine, index, ...(doc ? { doc } : {}), ...(toc ? { toc } : {}), lines, version: sync.versionOf(path) ?? null };
  };
}

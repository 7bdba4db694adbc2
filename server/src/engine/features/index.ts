/**
 * The editor features as one pure service over a workspace index. A host (the language server)
 * keeps the index current (`setText` / `refresh` / `remove`), converts URIs to the index's absolute
 * paths, and maps each request onto a `provide*` / `get*` method; results are editor-neutral plain
 * data with spans and line/character ranges. Every method that walks the workspace accepts an
 * optional `isCancelled` and returns an empty result (or undefined) once it reports true.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Position, Range } from '../text/span';
import { provideCodeLenses, type CodeLens } from './codeLens';
import { provideCompletionItems, type CompletionItem } from './completion';
import { provideDefinition } from './definition';
import { provideDocumentLinks, type DocumentLink } from './documentLinks';
import { provideFileRenameEdits, type FileRename } from './fileRename';
import { provideFoldingRanges, type FoldingRange } from './folding';
import { provideTableFormatting } from './formatTables';
import { provideHover, type Hover } from './hover';
import { getLinkGraph, type LinkGraph } from './linkGraph';
import { getOutline, type Outline } from './outline';
import { provideReferences } from './references';
import { prepareRename, provideRenameEdits, type PrepareRename, type RenameEdits, type RenameError } from './rename';
import { provideDocumentSymbols, provideWorkspaceSymbols, type DocumentSymbol, type WorkspaceSymbol } from './symbols';
import type { FileEdit, IsCancelled, Location, TextEdit } from './types';

export type { CodeLens } from './codeLens';
export type { CompletionItem, CompletionKind } from './completion';
export type { DocumentLink } from './documentLinks';
export type { FileRename } from './fileRename';
export type { FoldingKind, FoldingRange } from './folding';
export type { Hover } from './hover';
export type { BrokenLink, GraphEdge, GraphPage, LinkGraph } from './linkGraph';
export type { Outline, OutlineLocale, OutlinePhase, OutlineProcess, OutlineStep, OutlineTask } from './outline';
export type { PrepareRename, RenameEdits, RenameError } from './rename';
export type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from './symbols';
export type { FileEdit, IsCancelled, Location, TextEdit } from './types';

/** Every editor feature, over one workspace index. Paths are the index's absolute paths. */
export interface LanguageService {
  /** Completion proposals at a position of a page or `toc.yml`. */
  provideCompletionItems(path: string, position: Position, isCancelled?: IsCancelled): CompletionItem[];
  /** Hover at a position of a page or `toc.yml`. */
  provideHover(path: string, position: Position): Hover | undefined;
  /** Where the link, include, image or toc href at a position points. */
  provideDefinition(path: string, position: Position): Location[];
  /** Who points at the page (H1), heading, task ID, or link target at a position. */
  provideReferences(path: string, position: Position, options: { includeDeclaration: boolean }, isCancelled?: IsCancelled): Location[];
  /** Whether a rename can start at a position (headings and link anchors); an error to show, or undefined for "not here". */
  prepareRename(path: string, position: Position): PrepareRename | RenameError | undefined;
  /** The edits renaming the heading at (or named by the anchor at) a position. */
  provideRenameEdits(path: string, position: Position, newName: string, isCancelled?: IsCancelled): RenameEdits | RenameError | undefined;
  /** The edits that keep references right when files or folders move (`workspace/willRenameFiles`). */
  provideFileRenameEdits(renames: readonly FileRename[], isCancelled?: IsCancelled): FileEdit[] | undefined;
  /** The page's headings, steps and task rows, nested. */
  provideDocumentSymbols(path: string): DocumentSymbol[];
  /** Pages and task rows matching a query. */
  provideWorkspaceSymbols(query: string, options?: { limit?: number }, isCancelled?: IsCancelled): WorkspaceSymbol[];
  /** Link, image and include targets of a page, hrefs of a toc. */
  provideDocumentLinks(path: string): DocumentLink[];
  /** Foldable regions of a page. */
  provideFoldingRanges(path: string): FoldingRange[];
  /** "N pages link here" on the H1, "also on N pages" on task rows. */
  provideCodeLenses(path: string, isCancelled?: IsCancelled): CodeLens[];
  /** Edits aligning the tables of a page (those touching `range` when given). */
  provideTableFormatting(path: string, range?: Range): TextEdit[];
  /** Phases → processes → steps → tasks, per language (custom request). */
  getOutline(options?: { locale?: string }, isCancelled?: IsCancelled): Outline | undefined;
  /** Pages, cross-links, broken links and orphans (custom request). */
  getLinkGraph(options?: { locale?: string }, isCancelled?: IsCancelled): LinkGraph | undefined;
}

/** Creates the language service over an index (which the host keeps current). */
export function createLanguageService(index: WorkspaceIndex): LanguageService {
  return {
    provideCompletionItems: (path, position, isCancelled) => provideCompletionItems(index, path, position, isCancelled),
    provideHover: (path, position) => provideHover(index, path, position),
    provideDefinition: (path, position) => provideDefinition(index, path, position),
    provideReferences: (path, position, options, isCancelled) => provideReferences(index, path, position, options, isCancelled),
    prepareRename: (path, position) => prepareRename(index, path, position),
    provideRenameEdits: (path, position, newName, isCancelled) => provideRenameEdits(index, path, position, newName, isCancelled),
    provideFileRenameEdits: (renames, isCancelled) => provideFileRenameEdits(index, renames, isCancelled),
    provideDocumentSymbols: (path) => provideDocumentSymbols(index, path),
    provideWorkspaceSymbols: (query, options, isCancelled) => provideWorkspaceSymbols(index, query, options, isCancelled),
    provideDocumentLinks: (path) => provideDocumentLinks(index, path),
    provideFoldingRanges: (path) => provideFoldingRanges(index, path),
    provideCodeLenses: (path, isCancelled) => provideCodeLenses(index, path, isCancelled),
    provideTableFormatting: (path, range) => provideTableFormatting(index, path, range),
    getOutline: (options, isCancelled) => getOutline(index, options, isCancelled),
    getLinkGraph: (options, isCancelled) => getLinkGraph(index, options, isCancelled),
  };
}

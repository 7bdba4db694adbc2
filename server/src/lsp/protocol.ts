/**
 * What the playbook server and its clients agree on beyond the Language Server Protocol: the custom
 * requests (`playbook/outline`, `playbook/linkGraph`) with their parameters and results, and the
 * commands the server puts into its answers for the client to implement. The VS Code client imports
 * this file, so it holds plain constants and types only (no runtime import).
 *
 * Every place is a document URI and an LSP range (zero-based lines, UTF-16 characters).
 */
import type { Location, Position, Range } from 'vscode-languageserver-protocol';

// ---- commands ---------------------------------------------------------------------------------

/**
 * The command of every code lens ("3 pages link here", "Also on 2 pages"). Its arguments are
 * {@link ShowReferencesArguments}; the client shows the locations as references at the position
 * (in VS Code: `editor.action.showReferences`, after turning the plain data into `vscode` objects).
 */
export const SHOW_REFERENCES_COMMAND = 'playbook.showReferences';

/** The arguments of {@link SHOW_REFERENCES_COMMAND}: the document, where the lens sits, and what it counts. */
export type ShowReferencesArguments = [uri: string, position: Position, locations: Location[]];

/**
 * The command a completion item carries when the editor should ask for completion again after
 * inserting it (a folder: its files come next). VS Code's own command; other clients may ignore it.
 */
export const TRIGGER_SUGGEST_COMMAND = 'editor.action.triggerSuggest';

// ---- playbook/outline -------------------------------------------------------------------------

/** Phases → process pages → steps → tasks of every workspace folder, for a tree view. */
export const OUTLINE_REQUEST = 'playbook/outline';

/** The parameters of {@link OUTLINE_REQUEST}. */
export interface OutlineParams {
  /** Only the pages of this language (`en`, `de`, ...); every language when absent. */
  readonly locale?: string;
}

/** The result of {@link OUTLINE_REQUEST}: one entry per workspace folder, in folder order. */
export interface OutlineResult {
  readonly folders: OutlineFolder[];
}

/** The outline of one workspace folder. */
export interface OutlineFolder {
  /** The folder's URI. */
  readonly uri: string;
  /** One entry per language, in the order of the locale packs. */
  readonly locales: OutlineLanguage[];
}

/** The process pages of one language, by phase. */
export interface OutlineLanguage {
  readonly locale: string;
  /** Phases in the locale pack's order, then unrecognised phase names, then pages without a phase. */
  readonly phases: OutlinePhaseNode[];
}

/** A phase and its process pages. */
export interface OutlinePhaseNode {
  /** The canonical phase id (`initiate`); absent when the page's phase name is not recognised or missing. */
  readonly id?: string;
  /** The phase name in the language. */
  readonly name: string;
  readonly processes: OutlineProcessNode[];
}

/** A process page. */
export interface OutlineProcessNode {
  readonly title: string;
  readonly uri: string;
  /** The H1 (the start of the file when there is none). */
  readonly range: Range;
  readonly steps: OutlineStepNode[];
}

/** A step of a process (an H3 of its Approach section). */
export interface OutlineStepNode {
  readonly name: string;
  readonly primaryRole?: string;
  readonly appliesTo?: string;
  readonly uri: string;
  /** The step's heading. */
  readonly range: Range;
  readonly tasks: OutlineTaskNode[];
}

/** A row of a step's FTOP task table, its cells as written. */
export interface OutlineTaskNode {
  readonly id: string;
  readonly name: string;
  readonly mandatory: string;
  readonly role: string;
  readonly services: string;
  readonly uri: string;
  /** The table row. */
  readonly range: Range;
}

// ---- playbook/linkGraph -----------------------------------------------------------------------

/** Pages, links between them, links that lead nowhere, and orphan pages of every workspace folder. */
export const LINK_GRAPH_REQUEST = 'playbook/linkGraph';

/** The parameters of {@link LINK_GRAPH_REQUEST}. */
export interface LinkGraphParams {
  /** Only the pages of this language; every language (and the toc files' hrefs) when absent. */
  readonly locale?: string;
}

/** The result of {@link LINK_GRAPH_REQUEST}: one entry per workspace folder, in folder order. */
export interface LinkGraphResult {
  readonly folders: LinkGraphFolder[];
}

/** The link graph of one workspace folder. */
export interface LinkGraphFolder {
  /** The folder's URI. */
  readonly uri: string;
  readonly pages: LinkGraphPage[];
  readonly edges: LinkGraphEdge[];
  readonly broken: LinkGraphBrokenLink[];
  /** The URIs of the pages that docfx builds but no other page links to and no toc lists. */
  readonly orphans: string[];
}

/** A page of the graph. */
export interface LinkGraphPage {
  readonly uri: string;
  readonly title: string;
  /** The page kind: `process`, `phase`, `guidance`, `include`, ... */
  readonly kind: string;
  readonly locale: string;
  /** The canonical phase id, when the page's `Phase:` line names a known phase. */
  readonly phase?: string;
  /** The phase as written on the page. */
  readonly phaseName?: string;
}

/** Links (or includes) from one page to another, counted. */
export interface LinkGraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'link' | 'include';
  readonly count: number;
}

/** A link, image, include or toc href that leads nowhere. */
export interface LinkGraphBrokenLink {
  /** The page or toc it is written in. */
  readonly from: string;
  readonly kind: 'link' | 'image' | 'include' | 'toc';
  readonly reason: 'noSuchFile' | 'noSuchHeading' | 'outsideWorkspace';
  /** The target as written. */
  readonly target: string;
  /** The URI it resolves to, when it resolves inside the workspace. */
  readonly resolved?: string;
  /** The target in `from`. */
  readonly range: Range;
}

/**
 * The shape of a locale vocabulary pack (`schemas/locales/<locale>.json`).
 * Packs are data: every word the engine recognises in a language comes from here
 * (or from a team's configuration that extends it), never from code.
 */

/** Canonical section ids, shared by every language. */
export type CanonicalSection =
  | 'overview'
  | 'objectives'
  | 'approach'
  | 'keyInputs'
  | 'keyOutputs'
  | 'nextSteps'
  | 'refreshSummary'
  | 'contentSummary'
  | 'ftopTasks'
  | 'uncategorizedTasks';

/** Canonical label ids of `<Label>: **<Value>**` lines. */
export type CanonicalLabel = 'phase' | 'primaryRole' | 'motions' | 'appliesTo';

/** Canonical column roles of an FTOP task table. */
export type TaskColumn = 'id' | 'name' | 'mandatory' | 'role' | 'services';

/** Canonical column roles of a refresh-summary table. */
export type RefreshColumn = 'date' | 'who' | 'what' | 'notes';

/** One language's vocabulary. All string lists are matched case-insensitively after whitespace folding. */
export interface LocalePack {
  /** BCP-47-ish id used in configuration: `en`, `de`, `es`, `ja`, `pt-br`, `zh-cn`. */
  locale: string;
  /** Human name of the language, in English. */
  name: string;
  /** File-name suffix of translated pages (`-de`); empty for the source language. */
  fileSuffix: string;
  /** Folder names that signal this language (`german-playbook`, `de-playbook`). */
  folderHints: string[];
  /** Localized headings, by canonical section id. For `uncategorizedTasks` the words are a prefix. */
  headings: Partial<Record<CanonicalSection, string[]>>;
  /** Localized label words, by canonical label id (without the colon). */
  labels: Record<CanonicalLabel, string[]>;
  /** Localized phase names, by canonical phase id (`initiate`, `assess`, ...). */
  phases: Record<string, string[]>;
  /** Header words of task-table columns, by column role. Matched tolerantly. */
  taskTable: Record<TaskColumn, string[]>;
  /** The default mandatory / optional letters when a table's legend cannot be read. */
  mandatoryLetters: { mandatory: string; optional: string };
  /** Header words of refresh-summary columns, by column role. */
  refreshTable: Record<RefreshColumn, string[]>;
  /** Accepted refresh-summary / ms.date formats, most usual first (tokens: YYYY YY M MM D DD, literal text). */
  dateFormats: string[];
  /** Translated alert keywords that docfx does not understand, mapped to the keyword they should be. */
  alertTranslations: Record<string, string>;
  /** Known FastTrack roles in this language (for task tables and Primary Role lines). */
  roles: string[];
  /** Known services in this language (for task tables and Applies To lines). */
  services: string[];
}

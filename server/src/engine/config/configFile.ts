/**
 * The shape of a configuration file (`.playbook-lint.jsonc` / `.playbook-lint.json`), as
 * `schemas/config.schema.json` describes it. `docs/configuration.md` is the reference.
 */
import type { Severity } from '../lint/diagnostic';
import type { PageKind } from '../model/document';

/** A rule's severity in configuration; `off` disables the rule. */
export type ConfigSeverity = Severity | 'off';

/** A rule entry: a severity, or a severity and the rule's options. */
export type RuleEntry = ConfigSeverity | readonly [ConfigSeverity] | readonly [ConfigSeverity, Readonly<Record<string, unknown>>];

/**
 * A change to a list of words. A plain list adds its words; the object form can also `remove` words
 * and `replace` the whole list. Applied as: replace (when given), then remove, then add.
 */
export type ListPatch = readonly string[] | { readonly replace?: readonly string[]; readonly remove?: readonly string[]; readonly add?: readonly string[] };

/** Changes to lists of words by id (`headings`, `labels`, `phases`, `taskTable`, `refreshTable`). */
export type ListMapPatch = Readonly<Record<string, ListPatch>>;

/** Changes to one locale pack; for a locale that is not shipped, the pack itself. */
export interface LocalePatch {
  readonly name?: string;
  readonly fileSuffix?: string;
  readonly folderHints?: ListPatch;
  readonly headings?: ListMapPatch;
  readonly labels?: ListMapPatch;
  readonly phases?: ListMapPatch;
  readonly taskTable?: ListMapPatch;
  readonly mandatoryLetters?: { readonly mandatory?: string; readonly optional?: string };
  readonly refreshTable?: ListMapPatch;
  readonly dateFormats?: ListPatch;
  /** Translated alert keyword → docfx keyword; `null` removes a shipped entry. */
  readonly alertTranslations?: Readonly<Record<string, string | null>>;
  readonly roles?: ListPatch;
  readonly services?: ListPatch;
}

/** Changes to one page kind of `schemas/playbook.defaults.json`. */
export interface PageKindPatch {
  readonly prefixes?: ListPatch;
  readonly names?: ListPatch;
  readonly requiredSections?: ListPatch;
  readonly requiresPhase?: boolean;
  readonly requiresRefreshSummary?: boolean;
}

/** Changes to the language-independent defaults (`schemas/playbook.defaults.json`). */
export interface DefaultsPatch {
  readonly sourceLocale?: string;
  readonly frontMatterKeyOrder?: ListPatch;
  readonly pageKinds?: Readonly<Partial<Record<PageKind, PageKindPatch>>>;
  /** `ms.custom` value → `ft.audience` value; `null` removes a shipped pair. */
  readonly audienceByCustom?: Readonly<Record<string, string | null>>;
  readonly alertKeywords?: ListPatch;
}

/** Rules for the files matching some globs. */
export interface ConfigOverride {
  /** Globs relative to the configuration's folder (a glob without `/` also matches a file name at any depth). */
  readonly files: readonly string[];
  /** Globs of files the override does not apply to after all. */
  readonly excludedFiles?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
}

/** A configuration file, as written. */
export interface ConfigFile {
  readonly $schema?: string;
  /** Stop looking for configuration files in folders above this one. */
  readonly root?: boolean;
  /** Configurations this one builds on: paths relative to this file, or package names. */
  readonly extends?: string | readonly string[];
  readonly rules?: Readonly<Record<string, RuleEntry>>;
  /** Globs of files not to lint (still read: their headings, tasks and links count). `!glob` re-includes. */
  readonly ignore?: readonly string[];
  readonly overrides?: readonly ConfigOverride[];
  /** Workspace-wide: the locales in use, in lookup order (default: every shipped and configured one). */
  readonly locales?: readonly string[];
  /** Workspace-wide: glob → locale, decided before any file-name or folder convention. */
  readonly localeByPath?: Readonly<Record<string, string>>;
  /** Workspace-wide: changes to the locale packs, or new packs, by locale id. */
  readonly vocabulary?: Readonly<Record<string, LocalePatch>>;
  /** Workspace-wide: changes to the page-kind and front-matter defaults. */
  readonly defaults?: DefaultsPatch;
}

/** The keys whose settings hold for the whole workspace: only the workspace's root configuration may set them. */
export const WORKSPACE_KEYS = ['locales', 'localeByPath', 'vocabulary', 'defaults'] as const;

/** The file names a configuration can have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['.playbook-lint.jsonc', '.playbook-lint.json'] as const;

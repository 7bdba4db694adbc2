import type { CanonicalSection } from './localePack';
import type { PageKind } from '../model/document';

/** How one page kind is recognised and what it must contain. */
export interface PageKindSpec {
  readonly kind: PageKind;
  /** File-name prefixes (before the language suffix). */
  readonly prefixes?: readonly string[];
  /** Whole base names (without suffix and extension), like `index`. */
  readonly names?: readonly string[];
  /** Canonical sections the page must have, in this order. */
  readonly requiredSections?: readonly CanonicalSection[];
  /** True when the page must have a `Phase:` line. */
  readonly requiresPhase?: boolean;
  /** True when the page must end with a refresh (or content) summary. */
  readonly requiresRefreshSummary?: boolean;
}

/** Language-independent defaults (`schemas/playbook.defaults.json`). */
export interface PlaybookDefaults {
  readonly frontMatterKeyOrder: readonly string[];
  readonly pageKinds: readonly PageKindSpec[];
  /** `ms.custom` value → the `ft.audience` it pairs with. */
  readonly audienceByCustom: Readonly<Record<string, string>>;
  /** Alert keywords docfx understands. */
  readonly alertKeywords: readonly string[];
  /** The locale of source pages (translations are checked against them). */
  readonly sourceLocale: string;
}

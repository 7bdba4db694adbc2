import type { Range, Span } from '../text/span';

/** How serious a finding is. `off` only appears in configuration. */
export type Severity = 'error' | 'warning' | 'info';

/** A replacement of a span of one document's text. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A repair for a diagnostic: text edits in the diagnostic's own file. */
export interface Fix {
  /** What the fix does, shown as the quick-fix title. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe fixes are applied by `--fix`; unsafe ones only on request in the editor. */
  readonly safe: boolean;
}

/** Another place that explains a diagnostic (the first definition of a duplicated key, say). */
export interface RelatedLocation {
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
  readonly message: string;
}

/** One finding of one rule, editor-neutral plain data. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly span: Span;
  readonly range: Range;
  readonly fixes: readonly Fix[];
  readonly related: readonly RelatedLocation[];
  /** The rule's documentation page, relative to the package root (`docs/rules/link/no-such-file.md`). */
  readonly docs: string;
  /** Extra data a host may need (suggestions, expected values). */
  readonly data?: Readonly<Record<string, unknown>>;
}

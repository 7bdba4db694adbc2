import type { PlaybookConfig } from '../config/config';
import type { LocalePack } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Fix, Severity } from '../lint/diagnostic';
import type { PlaybookDocument } from '../model/document';
import type { TocFile } from '../model/toc';
import type { Span } from '../text/span';

/** What a rule reports; the linter adds the rule id, severity, path, range and docs link. */
export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  readonly related?: ReadonlyArray<{ readonly path: string; readonly span: Span; readonly message: string }>;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** What every rule can see. */
export interface BaseContext {
  readonly index: WorkspaceIndex;
  readonly vocabulary: Vocabulary;
  readonly config: PlaybookConfig;
  /** The rule's options from configuration (`{}` when none). */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: Report): void;
}

/** The context of a rule checking one Markdown page. */
export interface PageContext extends BaseContext {
  readonly doc: PlaybookDocument;
  /** The page's locale pack (the source locale's when the page's is unknown). */
  readonly pack: LocalePack;
}

/** The context of a rule checking one `toc.yml`. */
export interface TocContext extends BaseContext {
  readonly toc: TocFile;
}

/** The data every rule carries. */
interface RuleMeta {
  /** Stable id, `family/name`. */
  readonly id: string;
  /** One line, shown in `--help`-style listings and SARIF. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** True when some reports carry fixes. */
  readonly fixable?: boolean;
}

/** A rule over Markdown pages. */
export interface PageRule extends RuleMeta {
  readonly target: 'page';
  check(ctx: PageContext): void;
}

/** A rule over `toc.yml` files. */
export interface TocRule extends RuleMeta {
  readonly target: 'toc';
  check(ctx: TocContext): void;
}

/** Any rule. */
export type Rule = PageRule | TocRule;

/** The documentation page of a rule, relative to the package root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

import type { Node as YamlNode, YAMLError } from 'yaml';
import type { CanonicalLabel, CanonicalSection, RefreshColumn, TaskColumn } from '../config/localePack';
import type { DateMatch } from '../dates/dateFormat';
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';

/** What a page is, decided from its file name by the configured prefixes. */
export type PageKind =
  | 'process'
  | 'phase'
  | 'guidance'
  | 'statusTaxonomy'
  | 'approach'
  | 'resources'
  | 'landing'
  | 'changeLog'
  | 'include'
  | 'other';

/** How a page's locale was decided. */
export type LocaleSource = 'config' | 'suffix' | 'folder' | 'headings' | 'default';

/** A problem found while modelling (before any rule runs): malformed input the rules should report. */
export interface ParseProblem {
  readonly code: 'frontmatter-missing' | 'frontmatter-unclosed' | 'frontmatter-yaml' | 'frontmatter-not-map' | 'binary' | 'too-large' | 'unreadable';
  readonly message: string;
  readonly span: Span;
}

/** One `key: value` of the front matter. */
export interface FrontMatterEntry {
  readonly key: string;
  readonly keySpan: Span;
  /** The value as YAML reads it (string, number, ...). `null` for an empty value. */
  readonly value: unknown;
  /** The value's source text (without quotes), '' when empty. */
  readonly valueText: string;
  /** The value's span; an empty span right after the colon when the value is empty. */
  readonly valueSpan: Span;
  /** The whole line(s) of the entry, newline included: what a removal deletes. */
  readonly lineSpan: Span;
}

/** What the YAML parser reported on a front-matter block. */
export interface FrontMatterYaml {
  /** Its errors, positions relative to `contentSpan.start`; empty when the YAML is valid. */
  readonly errors: readonly YAMLError[];
  /** The top-level node when it is not a map (a list, a scalar: malformed front matter); null for a map or an empty block. */
  readonly contents: YamlNode | null;
}

/** The YAML front matter block. */
export interface FrontMatter {
  /** From the opening `---` to the end of the closing `---`. */
  readonly span: Span;
  /** The YAML text between the fences. */
  readonly contentSpan: Span;
  /** Entries in source order, duplicates included. */
  readonly entries: readonly FrontMatterEntry[];
  /** Last entry per key (what YAML tools would keep). */
  readonly byKey: ReadonlyMap<string, FrontMatterEntry>;
  /** What the YAML parser reported (its syntax tree is not kept); undefined when it threw. */
  readonly yaml: FrontMatterYaml | undefined;
  /** The end-of-line sequence the block uses. */
  readonly eol: string;
}

/** A heading with its docfx anchor id. */
export interface Heading {
  readonly depth: number;
  /** Plain text of the heading. */
  readonly text: string;
  readonly span: Span;
  /** Span of the heading's text (after the `#`s). */
  readonly textSpan: Span;
  /** Anchor id, duplicates already suffixed. */
  readonly slug: string;
  /** Canonical section id when the text is a known localized heading. */
  readonly canonical?: CanonicalSection;
  /** The locale whose vocabulary recognised the heading. */
  readonly canonicalLocale?: string;
}

/** A section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  readonly heading: Heading;
  readonly span: Span;
}

/** A `<Label>: **<Value>**` line. */
export interface LabelLine {
  readonly label: CanonicalLabel;
  /** The label word as written. */
  readonly labelText: string;
  readonly labelSpan: Span;
  readonly value: string;
  readonly valueSpan: Span;
  readonly span: Span;
}

/** One table cell: its plain text and exact spans. */
export interface Cell {
  /** Plain text, trimmed (markup removed: `[3615](url)` reads `3615`). */
  readonly text: string;
  /** Span of the content, trimmed; empty span in the middle of an empty cell. */
  readonly span: Span;
  /** Span from the cell's leading pipe (if any) to its end. */
  readonly cellSpan: Span;
}

/** One row of a table. */
export interface Row {
  readonly span: Span;
  readonly cells: readonly Cell[];
}

/** A GFM table. */
export interface Table {
  readonly span: Span;
  readonly header: Row;
  /** The `|---|:---:|` line. */
  readonly delimiterSpan: Span;
  readonly rows: readonly Row[];
  /** The heading the table stands under, if any. */
  readonly heading?: Heading;
}

/** A row of an FTOP task table with its cells resolved by column role. */
export interface TaskRow extends Row {
  readonly byColumn: Partial<Record<TaskColumn, Cell>>;
}

/** An FTOP task table. */
export interface TaskTable {
  readonly table: Table;
  /** Column index per role, from the header. */
  readonly columns: Partial<Record<TaskColumn, number>>;
  /** Header cells that matched no known column. */
  readonly unknownHeaderCells: readonly Cell[];
  /** The mandatory / optional letters of this table's own legend (header of the M/O column), else the locale's. */
  readonly legend: { readonly mandatory: string; readonly optional: string; readonly fromHeader: boolean };
  readonly rows: readonly TaskRow[];
  /** The step the table belongs to, if any. */
  readonly step?: Step;
}

/** A refresh-summary row with its parsed date. */
export interface RefreshRow extends Row {
  readonly byColumn: Partial<Record<RefreshColumn, Cell>>;
  /** The date cell parsed with the locale's formats; undefined when no format's shape matches. */
  readonly date?: DateMatch;
}

/** The refresh summary (or content summary) of a page. */
export interface RefreshSummary {
  readonly section: Section;
  readonly table?: Table;
  readonly columns: Partial<Record<RefreshColumn, number>>;
  readonly rows: readonly RefreshRow[];
}

/** A step of the Approach section (an H3 and what follows it). */
export interface Step {
  readonly heading: Heading;
  readonly section: Section;
  readonly labels: Partial<Record<CanonicalLabel, LabelLine>>;
  readonly taskTables: TaskTable[];
  /** True for the `Uncategorized Tasks (...)` step. */
  readonly uncategorized: boolean;
}

/** A link's target split into its parts. */
export interface LinkTarget {
  /** The target as written. */
  readonly raw: string;
  /** `https`, `mailto`, ... when absolute; undefined for a relative target. */
  readonly scheme?: string;
  /** The path part of a relative target (percent-decoded), '' for a same-page `#anchor`. */
  readonly path: string;
  /** The anchor without `#`, if any. */
  readonly anchor?: string;
  /** The query string, if any. */
  readonly query?: string;
}

/** A link or image reference. */
export interface Link {
  readonly kind: 'link' | 'image' | 'definition';
  readonly target: LinkTarget;
  /** Span of the target text inside the parentheses. */
  readonly targetSpan: Span;
  /** Span of the whole link. */
  readonly span: Span;
  /** The link text (or alt text). */
  readonly text: string;
}

/** A `[!INCLUDE [title](path)]` line. */
export interface Include {
  readonly title: string;
  readonly target: LinkTarget;
  readonly targetSpan: Span;
  readonly span: Span;
}

/** A `> [!NOTE]` alert. */
export interface Alert {
  /** The keyword as written, without brackets and `!`. */
  readonly keyword: string;
  readonly keywordSpan: Span;
  readonly span: Span;
}

/** An HTML comment (inline directives live there). */
export interface Comment {
  readonly text: string;
  readonly span: Span;
}

/** The typed model of one version of one Markdown page. Built once; everything else reads it. */
export interface PlaybookDocument {
  readonly path: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly hasBom: boolean;
  readonly eol: string;
  readonly kind: PageKind;
  readonly locale: string;
  readonly localeSource: LocaleSource;
  readonly frontMatter?: FrontMatter;
  readonly headings: readonly Heading[];
  readonly h1s: readonly Heading[];
  readonly sections: readonly Section[];
  readonly phase?: LabelLine;
  readonly labels: readonly LabelLine[];
  readonly steps: readonly Step[];
  readonly tables: readonly Table[];
  readonly taskTables: readonly TaskTable[];
  readonly refresh?: RefreshSummary;
  readonly links: readonly Link[];
  readonly includes: readonly Include[];
  readonly alerts: readonly Alert[];
  readonly comments: readonly Comment[];
  /** Spans of every paragraph (nested ones included), in source order. */
  readonly paragraphs: readonly Span[];
  /** Spans of fenced and indented code blocks, in source order. */
  readonly codeBlocks: readonly Span[];
  /** Spans of every block quote (alerts included), in source order. */
  readonly blockquotes: readonly Span[];
  readonly problems: readonly ParseProblem[];
}

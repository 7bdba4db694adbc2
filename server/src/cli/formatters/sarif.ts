import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../engine/lint/diagnostic';
import { ruleById } from '../../engine/rules/registry';
import { ruleDocsPath } from '../../engine/rules/rule';
import { LineIndex } from '../../engine/text/lineIndex';
import type { Range, Span } from '../../engine/text/span';
import { t } from '../../engine/util/l10n';
import packageJson from '../../../../package.json';
import { toNative } from '../nodeWorkspace';
import type { FileResult, LintRun, RuleInfo } from '../report';
import { sha256Hex } from '../lazyCrypto';
import { pathToUriReference } from './escape';
import type { SarifFix, SarifLevel, SarifLocation, SarifLog, SarifRegion, SarifResult, SarifRule } from './sarifTypes';

/** The schema address GitHub code scanning documents for SARIF 2.1.0. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The base id relative artifact URIs are resolved against: the repository root (the current folder). */
export const SRCROOT = '%SRCROOT%';

/** The partial fingerprint key playbook-lint writes (GitHub adds its own `primaryLocationLineHash`). */
export const FINGERPRINT_KEY = 'playbookLint/v1';

/** GitHub code scanning rejects a run with more results than this; the least severe are left out. */
export const MAX_RESULTS = 25_000;

/** GitHub shows at most this many locations of a result; more related locations are left out. */
const MAX_RELATED = 100;

/** GitHub's limits on rule texts. */
const MAX_DESCRIPTION = 1024;
const MAX_NAME = 255;

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const PROBLEM_SEVERITY = { error: 'error', warning: 'warning', info: 'recommendation' } as const;

function cap(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

/** The package's `homepage`, when package.json declares one. */
function homepage(): string | undefined {
  const h = (packageJson as { homepage?: unknown }).homepage;
  return typeof h === 'string' && h.trim() !== '' ? h.trim() : undefined;
}

/**
 * The absolute address of a rule's documentation page. With a `homepage` in package.json — the address
 * under which the package's files can be browsed, such as `https://github.com/org/repo/blob/main/` —
 * the page is `<homepage>/docs/rules/<id>.md`; without one, it is the `file://` URL of the page in the
 * installed package.
 */
export function ruleHelpUri(id: string, packageRoot: string, home: string | undefined = homepage()): string {
  const docs = ruleDocsPath(id);
  if (home !== undefined) {
    const base = new URL(home);
    base.hash = '';
    base.search = '';
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    return new URL(docs, base).href;
  }
  return pathToFileURL(nodePath.join(packageRoot, ...docs.split('/'))).href;
}

/** The tool's information address: the homepage, else the installed README. */
function informationUri(packageRoot: string): string {
  return homepage() ?? pathToFileURL(nodePath.join(packageRoot, 'README.md')).href;
}

/** A rule's documentation page, when the package ships it. */
function docsPage(packageRoot: string, id: string): string | undefined {
  try {
    return readFileSync(nodePath.join(packageRoot, ...ruleDocsPath(id).split('/')), 'utf8');
  } catch {
    return undefined;
  }
}

/** The first paragraph after a page's title, on one line. */
function firstParagraph(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let i = 0;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.startsWith('#'))) i++;
  const paragraph: string[] = [];
  while (i < lines.length && lines[i]!.trim() !== '') paragraph.push(lines[i++]!.trim());
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

function describeRule(info: RuleInfo, packageRoot: string): SarifRule {
  const helpUri = ruleHelpUri(info.id, packageRoot);
  const page = docsPage(packageRoot, info.id);
  const description = cap(info.description, MAX_DESCRIPTION);
  return {
    id: info.id,
    name: cap(info.id, MAX_NAME),
    shortDescription: { text: description },
    fullDescription: { text: cap((page && firstParagraph(page)) ?? description, MAX_DESCRIPTION) },
    helpUri,
    help: { text: t('{0} See {1}', description, helpUri), ...(page !== undefined ? { markdown: page } : {}) },
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { tags: [info.id.split('/')[0]!], 'problem.severity': PROBLEM_SEVERITY[info.severity] },
  };
}

/** The rules to list: those that ran, then any other a finding names (an internal rule error, say). */
function ruleInfos(run: LintRun): RuleInfo[] {
  const out = [...(run.rules ?? [])];
  const known = new Set(out.map((r) => r.id));
  for (const r of run.results) {
    for (const d of r.diagnostics) {
      if (known.has(d.ruleId)) continue;
      known.add(d.ruleId);
      const rule = ruleById(d.ruleId);
      out.push({ id: d.ruleId, description: rule?.description ?? d.ruleId, severity: rule?.defaultSeverity ?? d.severity });
    }
  }
  return out;
}

function region(range: Range): SarifRegion {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** Where paths in the report are relative to, and how to name a file there. */
class Artifacts {
  readonly #cwd: string | undefined;
  readonly #display = new Map<string, string>();

  constructor(run: LintRun) {
    this.#cwd = run.cwd;
    for (const r of run.results) this.#display.set(r.path, r.displayPath);
  }

  /** A file's location: relative to the root when it lies inside it, else an absolute `file:` URI. */
  location(enginePath: string): { uri: string; uriBaseId?: string } {
    const native = toNative(enginePath);
    const relative = this.#cwd !== undefined ? nodePath.relative(this.#cwd, native) : this.#display.get(enginePath);
    if (relative === undefined || relative === '' || relative.startsWith('..') || nodePath.isAbsolute(relative)) return { uri: pathToFileURL(native).href };
    return { uri: pathToUriReference(relative), uriBaseId: SRCROOT };
  }
}

/** The text a finding is about — its span, or the line it sits on when the span is empty. */
function excerpt(d: Diagnostic, text: string | undefined, lines: LineIndex | undefined): string {
  if (text === undefined || lines === undefined) return d.message;
  if (d.span.end > d.span.start) return text.slice(d.span.start, d.span.end);
  const line = d.range.start.line;
  return text.slice(lines.lineStart(line), lines.lineStart(line + 1)).trim();
}

/**
 * A stable identity for a finding: a hash of the rule id, the file and the offending text, plus which
 * occurrence of that same text it is — so it survives lines added or removed above it.
 */
export function fingerprint(ruleId: string, uri: string, offendingText: string, occurrence: number): string {
  return sha256Hex([ruleId, uri, offendingText, String(occurrence)].join('\u0000')).slice(0, 32);
}

function fixesOf(d: Diagnostic, location: { uri: string; uriBaseId?: string }, lines: LineIndex | undefined): SarifFix[] | undefined {
  if (lines === undefined || d.fixes.length === 0) return undefined;
  const rangeOf = (s: Span): Range => lines.rangeOf(s);
  return d.fixes.map((f) => ({
    description: { text: f.title },
    artifactChanges: [{ artifactLocation: location, replacements: f.edits.map((e) => ({ deletedRegion: region(rangeOf(e.span)), insertedContent: { text: e.newText } })) }],
    properties: { safe: f.safe },
  }));
}

function resultsOf(file: FileResult, artifacts: Artifacts, ruleIndex: ReadonlyMap<string, number>): Array<{ severity: Severity; result: SarifResult }> {
  const location = artifacts.location(file.path);
  const lines = file.text !== undefined ? new LineIndex(file.text) : undefined;
  const seen = new Map<string, number>();
  return file.diagnostics.map((d) => {
    const text = excerpt(d, file.text, lines);
    const key = `${d.ruleId}\u0000${text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const related: SarifLocation[] = d.related.slice(0, MAX_RELATED).map((rel, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: artifacts.location(rel.path), region: region(rel.range) },
      message: { text: rel.message },
    }));
    const fixes = fixesOf(d, location, lines);
    const result: SarifResult = {
      ruleId: d.ruleId,
      ruleIndex: ruleIndex.get(d.ruleId)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(d.ruleId, location.uri, text, occurrence) },
      ...(fixes ? { fixes } : {}),
    };
    return { severity: d.severity, result };
  });
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run of `playbook-lint` listing the
 * rules that ran (with their documentation), and one result per finding, located relative to the
 * repository root (`%SRCROOT%`, the current folder) with 1-based UTF-16 columns.
 */
export function formatSarif(run: LintRun): string {
  const infos = ruleInfos(run);
  const rules = infos.map((info) => describeRule(info, run.packageRoot));
  const ruleIndex = new Map(infos.map((r, i) => [r.id, i] as const));
  const artifacts = new Artifacts(run);
  const all = run.results.flatMap((r) => resultsOf(r, artifacts, ruleIndex));
  let kept = all;
  if (all.length > MAX_RESULTS) {
    const order = all.map((_, i) => i).sort((a, b) => RANK[all[a]!.severity] - RANK[all[b]!.severity] || a - b);
    const keep = new Set(order.slice(0, MAX_RESULTS));
    kept = all.filter((_, i) => keep.has(i));
  }
  const notifications =
    kept.length < all.length
      ? [{ level: 'warning' as const, message: { text: t('{0} of {1} results are left out: GitHub code scanning accepts at most {2} per run. The most severe are kept.', all.length - kept.length, all.length, MAX_RESULTS) } }]
      : [];
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'playbook-lint', version: run.version, semanticVersion: run.version, informationUri: informationUri(run.packageRoot), rules } },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        ...(run.cwd !== undefined
          ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(run.cwd.endsWith(nodePath.sep) ? run.cwd : run.cwd + nodePath.sep).href, description: { text: t('The repository root: the folder playbook-lint ran in.') } } } }
          : {}),
        columnKind: 'utf16CodeUnits',
        results: kept.map((k) => k.result),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Diagnostic, Severity } from '../../server/src/engine/lint/diagnostic';
import { allRules } from '../../server/src/engine/rules/registry';
import { formatGithub } from '../../server/src/cli/formatters/github';
import { formatJunit } from '../../server/src/cli/formatters/junit';
import { formatSarif, MAX_RESULTS, ruleHelpUri } from '../../server/src/cli/formatters/sarif';
import { summarize, type FileResult, type LintRun } from '../../server/src/cli/report';
import { processPage, tocFor } from '../unit/helpers';
import { OASIS_SARIF_SCHEMA, SARIF_SUBSET_SCHEMA } from './sarifSchema';
import { parseXml, type XmlElement } from './xmlCheck';
import { runCli, tempWorkspace, type CliRun } from './helpers';

const ODD_NAME = 'en/initiate-q&a, notes.md';

/** A workspace with known defects: a duplicated key (with a related location), the same broken link twice, e-mail links written as paths (warnings, with fixes), and a file name that needs escaping everywhere. */
function defects(extraLinesOnTop = 0): Record<string, string> {
  const base = processPage();
  const pageA = base
    .replace('ft.owner: ranadir', 'ft.owner: ranadir\nauthor: Nora Collins')
    .replace('The kickoff meeting starts the engagement.', 'The kickoff meeting starts the engagement.\n' + 'Filler line.\n'.repeat(extraLinesOnTop) + 'Ask [the desk](desk@contoso.com).')
    .replace('- Agree on scope.', '- Agree on scope, see [plan](initiate-plan.md) and [plan again](initiate-plan.md).');
  const pageB = processPage({ h1: 'Q&A Notes', frontMatter: base.split('---\n')[1]!.trim().replace(/Hold Kickoff Meeting/g, 'Q&A Notes') })
    .replace('The kickoff meeting starts the engagement.', 'Write to [the team](team@contoso.com).')
    .replace(/5101/g, '5201')
    .replace(/5102/g, '5202');
  return {
    'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md', '**/toc.yml'] }] } }),
    'en/toc.yml': tocFor('initiate-hold-kickoff-meeting.md', 'initiate-q&a, notes.md'),
    'en/initiate-hold-kickoff-meeting.md': pageA,
    [ODD_NAME]: pageB,
  };
}

const workspace = (files: Record<string, string | Buffer>): string => tempWorkspace(files, 'playbook-lint-formats-');

const run = (args: string[], cwd: string): CliRun => runCli(args, cwd);

interface Finding {
  path: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: Array<{ path: string; line: number; column: number; message: string }>;
  fixes: Array<{ title: string; edits: Array<{ start: number; end: number; newText: string }> }>;
}

/** The JSON report, the reference the other formats are checked against. */
function reference(root: string): { files: string[]; findings: Finding[] } {
  const r = run(['--format', 'json'], root);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<Omit<Finding, 'path'>> }> };
  const posix = (p: string) => p.split('\\').join('/');
  return {
    files: report.files.map((f) => posix(f.path)),
    findings: report.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, path: posix(f.path) }))),
  };
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifLoc { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion }; message?: { text: string } }
interface SarifOutput {
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; help: { text: string; markdown?: string }; defaultConfiguration: { level: string } }> } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations: Array<{ toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    results: Array<{
      ruleId: string; ruleIndex: number; level: string; message: { text: string };
      locations: SarifLoc[]; relatedLocations?: SarifLoc[]; partialFingerprints: Record<string, string>;
      fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }> }> }>;
    }>;
  }>;
}

/** Validators for the OASIS SARIF 2.1.0 schema and for the subset GitHub code scanning reads, compiled once. */
const sarifValidators = (() => {
  let compiled: Array<{ name: string; validate: ValidateFunction }> | undefined;
  return () => {
    if (compiled) return compiled;
    const oasis = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    const subset = new Ajv({ allErrors: true, strict: false });
    addFormats(oasis as unknown as Ajv);
    addFormats(subset);
    compiled = [
      { name: 'the OASIS SARIF 2.1.0 schema', validate: oasis.compile(OASIS_SARIF_SCHEMA) },
      { name: 'the subset GitHub code scanning reads', validate: subset.compile(SARIF_SUBSET_SCHEMA) },
    ];
    return compiled;
  };
})();

function validateSarif(log: unknown): void {
  for (const { name, validate } of sarifValidators()) assert.ok(validate(log), `not valid against ${name}: ${JSON.stringify(validate.errors, null, 2)}`);
}

/** Offset of a 1-based SARIF line and column in a text with LF line ends. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

function applyEdits(text: string, edits: Array<{ start: number; end: number; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

test('SARIF: valid against the OASIS SARIF 2.1.0 schema and the subset GitHub code scanning reads, and says what the JSON report says', () => {
  const files = defects();
  const root = workspace(files);
  const ref = reference(root);
  const r = run(['--format', 'sarif'], root);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout) as SarifOutput;
  validateSarif(log);
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  const driver = sarifRun!.tool.driver;
  assert.equal(driver.name, 'playbook-lint');

  // Every rule that ran is described, with its documentation page.
  const ids = driver.rules.map((x) => x.id);
  for (const rule of allRules) assert.ok(ids.includes(rule.id), `rule ${rule.id} is not listed`);
  assert.equal(new Set(ids).size, ids.length, 'a rule is listed twice');
  for (const rule of driver.rules) {
    assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
    if (rule.helpUri.startsWith('file:')) assert.ok(existsSync(fileURLToPath(rule.helpUri)), `${rule.helpUri} does not exist`);
    assert.equal(rule.defaultConfiguration.level, SARIF_LEVEL[allRules.find((x) => x.id === rule.id)?.defaultSeverity ?? 'error']);
  }
  assert.match(driver.rules.find((x) => x.id === 'link/no-such-file')!.help.markdown ?? '', /^# link\/no-such-file/);
  assert.equal(fileURLToPath(sarifRun!.originalUriBaseIds?.['%SRCROOT%']?.uri ?? 'file:///none'), root + sep);

  // One result per finding, in order, at the same place.
  assert.equal(sarifRun!.results.length, ref.findings.length);
  assert.ok(ref.findings.length >= 5, 'the workspace should have its deliberate defects');
  sarifRun!.results.forEach((res, i) => {
    const f = ref.findings[i]!;
    assert.equal(res.ruleId, f.ruleId);
    assert.equal(driver.rules[res.ruleIndex]!.id, f.ruleId);
    assert.equal(res.level, SARIF_LEVEL[f.severity]);
    assert.equal(res.message.text, f.message);
    const loc = res.locations[0]!.physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(decodeURIComponent(loc.artifactLocation.uri), f.path);
    assert.deepEqual(loc.region, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
    assert.deepEqual(
      (res.relatedLocations ?? []).map((x) => ({ path: decodeURIComponent(x.physicalLocation.artifactLocation.uri), line: x.physicalLocation.region.startLine, column: x.physicalLocation.region.startColumn, message: x.message?.text })),
      f.related.map((x) => ({ path: f.path, line: x.line, column: x.column, message: x.message })),
    );
    // A SARIF fix, applied by its lines and columns, gives the same text as the JSON fix, applied by offsets.
    const text = files[f.path]!;
    assert.equal((res.fixes ?? []).length, f.fixes.length);
    (res.fixes ?? []).forEach((fix, j) => {
      assert.equal(fix.description.text, f.fixes[j]!.title);
      const edits = fix.artifactChanges[0]!.replacements.map((x) => ({
        start: offsetOf(text, x.deletedRegion.startLine, x.deletedRegion.startColumn),
        end: offsetOf(text, x.deletedRegion.endLine, x.deletedRegion.endColumn),
        newText: x.insertedContent.text,
      }));
      assert.equal(applyEdits(text, edits), applyEdits(text, f.fixes[j]!.edits));
    });
  });
  assert.ok(sarifRun!.results.some((x) => x.relatedLocations?.length), 'the duplicated key should point at its first definition');
  assert.ok(sarifRun!.results.some((x) => x.fixes?.length), 'the e-mail links should carry fixes');
  // The odd file name is percent-encoded in the URI.
  assert.ok(sarifRun!.results.some((x) => x.locations[0]!.physicalLocation.artifactLocation.uri === 'en/initiate-q%26a%2C%20notes.md'));
});

test('SARIF: fingerprints survive lines added above a finding, and tell repeated findings apart', () => {
  const fingerprints = (extra: number) => {
    const log = JSON.parse(run(['-f', 'sarif'], workspace(defects(extra))).stdout) as SarifOutput;
    return log.runs[0]!.results.filter((x) => x.ruleId === 'link/no-such-file').map((x) => ({ line: x.locations[0]!.physicalLocation.region.startLine, fp: x.partialFingerprints['playbookLint/v1']! }));
  };
  const before = fingerprints(0);
  const after = fingerprints(3);
  assert.equal(before.length, 2);
  assert.notEqual(before[0]!.fp, before[1]!.fp, 'the same broken link twice must be two alerts');
  assert.deepEqual(after.map((x) => x.line), before.map((x) => x.line + 3));
  assert.deepEqual(after.map((x) => x.fp), before.map((x) => x.fp));
});

/** Undoes GitHub's escaping of a command property or message. */
function unescapeCommand(s: string): string {
  return s.replace(/%(25|0D|0A|3A|2C)/g, (_, c: string) => ({ '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })[c]!);
}

const COMMAND = /^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$/;

test('github: one workflow command per finding, whose properties and message round-trip, then a summary line', () => {
  const root = workspace(defects());
  const ref = reference(root);
  const r = run(['--format', 'github'], root);
  assert.equal(r.code, 1, r.stderr);
  assert.ok(r.stdout.endsWith('\n'));
  const lines = r.stdout.slice(0, -1).split('\n');
  assert.equal(lines.length, ref.findings.length + 1);
  const severityOf = { error: 'error', warning: 'warning', notice: 'info' } as const;
  lines.slice(0, -1).forEach((line, i) => {
    const m = COMMAND.exec(line);
    assert.ok(m, `not a workflow command: ${line}`);
    const props = Object.fromEntries(m![2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescapeCommand(p.slice(p.indexOf('=') + 1))]));
    const f = ref.findings[i]!;
    assert.equal(severityOf[m![1] as keyof typeof severityOf], f.severity);
    assert.deepEqual(props, { file: f.path, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn), title: f.ruleId });
    assert.equal(unescapeCommand(m![3]!), f.message);
  });
  assert.ok(lines.some((l) => l.includes('file=en/initiate-q&a%2C notes.md,')), 'the comma in the file name is escaped');
  const errors = ref.findings.filter((f) => f.severity === 'error').length;
  const warnings = ref.findings.filter((f) => f.severity === 'warning').length;
  assert.match(lines.at(-1)!, new RegExp(`^playbook-lint: ${ref.findings.length} problems \\(${errors} errors, ${warnings} warnings, 0 info\\) in ${ref.files.length} files checked\\.$`));
});

function descendants(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}

test('JUnit: well-formed XML, one test case per checked file, failing only for errors', () => {
  const root = workspace(defects());
  const ref = reference(root);
  const r = run(['--format', 'junit'], root);
  assert.equal(r.code, 1, r.stderr);
  const doc = parseXml(r.stdout);
  assert.equal(doc.name, 'testsuites');
  const suites = doc.children.filter((c) => c.name === 'testsuite');
  assert.equal(suites.length, 1);
  const suite = suites[0]!;
  assert.equal(suite.attrs['name'], 'playbook-lint');
  const cases = suite.children.filter((c) => c.name === 'testcase');
  assert.deepEqual(cases.map((c) => c.attrs['name']), ref.files);
  const failing = ref.files.filter((p) => ref.findings.some((f) => f.path === p && f.severity === 'error'));
  assert.ok(failing.length > 0 && failing.length < ref.files.length, 'the workspace should have failing and passing files');
  for (const el of [doc, suite]) {
    assert.equal(el.attrs['tests'], String(ref.files.length));
    assert.equal(el.attrs['failures'], String(failing.length));
    assert.equal(el.attrs['errors'], '0');
  }
  assert.equal(descendants(doc, 'failure').length, failing.length);
  for (const c of cases) {
    const path = c.attrs['name']!;
    const errors = ref.findings.filter((f) => f.path === path && f.severity === 'error');
    const others = ref.findings.filter((f) => f.path === path && f.severity !== 'error');
    const failure = c.children.find((x) => x.name === 'failure');
    assert.equal(Boolean(failure), errors.length > 0, path);
    for (const e of errors) assert.ok(failure!.text.includes(`${e.line}:${e.column} error ${e.message} (${e.ruleId})`), `${path}: ${e.message}`);
    if (errors.length > 0) assert.ok(failure!.attrs['message']!.includes(errors[0]!.message));
    const out = c.children.find((x) => x.name === 'system-out');
    assert.equal(Boolean(out), others.length > 0, path);
    for (const w of others) assert.ok(out!.text.includes(`${w.line}:${w.column} ${w.severity} ${w.message} (${w.ruleId})`));
  }
  assert.ok(cases.some((c) => c.attrs['name'] === ODD_NAME));
});

test('-f sarif -o a.sarif -f junit -o j.xml -f stylish writes both files and stylish to standard output', () => {
  const root = workspace(defects());
  const r = run(['-f', 'sarif', '-o', 'a.sarif', '-f', 'junit', '-o', 'reports/j.xml', '-f', 'stylish'], root);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /✖ \d+ problems/);
  assert.doesNotMatch(r.stdout, /<\?xml|"\$schema"/);
  validateSarif(JSON.parse(readFileSync(join(root, 'a.sarif'), 'utf8')));
  assert.equal(parseXml(readFileSync(join(root, 'reports/j.xml'), 'utf8')).name, 'testsuites');
});

test('piped output holds no progress-bar escape codes, even outside CI', () => {
  const root = workspace(defects());
  for (const format of ['stylish', 'github', 'junit', 'sarif']) {
    const r = run(['-f', format], root);
    assert.equal(r.stderr, '', format);
    assert.doesNotMatch(r.stdout, /\u001b|\r/, format);
  }
});

// The formatters on hand-made runs: what the CLI cannot easily produce.

function diagnostic(severity: Severity, message: string, line: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  const range = { start: { line, character: 0 }, end: { line, character: 4 } };
  return { ruleId: 'link/no-such-file', severity, message, path: '/ws/a.md', span: { start: 0, end: 4 }, range, fixes: [], related: [], docs: 'docs/rules/link/no-such-file.md', ...extra };
}

function lintRun(results: FileResult[]): LintRun {
  return { results, summary: summarize(results, 1234), version: '9.9.9', packageRoot: resolve('.'), cwd: '/ws' };
}

test('SARIF of the bundled examples (every kind of finding, fixes and related locations) is valid against both schemas', () => {
  const r = run(['--format', 'sarif'], resolve('examples'));
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout) as SarifOutput;
  assert.ok(log.runs[0]!.results.length >= 19, 'the examples should keep their deliberate defects');
  validateSarif(log);
});

test('SARIF: both schemas reject a log that breaks the standard, so passing them means something', () => {
  const results: FileResult[] = [{ path: '/ws/a.md', displayPath: 'a.md', diagnostics: [diagnostic('warning', 'Broken.', 1)], text: 'text\nline\n' }];
  const good = JSON.parse(formatSarif(lintRun(results))) as SarifOutput;
  validateSarif(good);
  const broken: Array<[string, (log: SarifOutput) => void]> = [
    ['a version SARIF does not have', (log) => ((log as unknown as { version: string }).version = '2.0.0')],
    ['a level SARIF does not have', (log) => ((log.runs[0]!.results[0]! as { level: string }).level = 'fatal')],
    ['a line before the first', (log) => (log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0)],
    ['a property the standard does not define', (log) => ((log.runs[0]!.results[0]! as unknown as Record<string, unknown>).severity = 'high')],
    ['a result without a message', (log) => delete (log.runs[0]!.results[0]! as Partial<SarifOutput['runs'][0]['results'][0]>).message],
  ];
  for (const [what, breakIt] of broken) {
    const log = structuredClone(good);
    breakIt(log);
    for (const { name, validate } of sarifValidators()) assert.equal(validate(log), false, `${name} accepted ${what}`);
  }
});

test('information becomes a `notice` command, SARIF `note` and JUnit output; odd characters survive every format', () => {
  const message = 'Line one 100% <b>&</b>\nline two: a, b\r\u0007 bell';
  const results: FileResult[] = [{ path: '/ws/a.md', displayPath: 'a.md', diagnostics: [diagnostic('info', message, 2)], text: 'text\nline\nmore\n' }];
  const github = formatGithub(lintRun(results)).split('\n')[0]!;
  const m = COMMAND.exec(github);
  assert.ok(m, github);
  assert.equal(m![1], 'notice');
  assert.equal(unescapeCommand(m![3]!), message);

  const junit = parseXml(formatJunit(lintRun(results)));
  assert.equal(descendants(junit, 'failure').length, 0);
  assert.equal(descendants(junit, 'system-out')[0]!.text, `3:1 info ${message.replace(/\s*\n\s*/g, ' ').replace('\u0007', '')} (link/no-such-file)`);

  const sarif = JSON.parse(formatSarif(lintRun(results))) as SarifOutput;
  validateSarif(sarif);
  assert.equal(sarif.runs[0]!.results[0]!.level, 'note');
  assert.equal(sarif.runs[0]!.results[0]!.message.text, message);
});

test(`SARIF keeps at most ${MAX_RESULTS} results, the most severe, and says how many it left out`, () => {
  const many: Diagnostic[] = [];
  for (let i = 0; i < MAX_RESULTS + 10; i++) many.push(diagnostic(i % 1000 === 0 ? 'error' : 'warning', `finding ${i}`, i));
  const log = JSON.parse(formatSarif(lintRun([{ path: '/ws/a.md', displayPath: 'a.md', diagnostics: many }]))) as SarifOutput;
  const results = log.runs[0]!.results;
  assert.equal(results.length, MAX_RESULTS);
  assert.equal(results.filter((x) => x.level === 'error').length, many.filter((d) => d.severity === 'error').length);
  assert.match(log.runs[0]!.invocations[0]!.toolExecutionNotifications?.[0]?.message.text ?? '', /^10 of 25010 results are left out/);
});

test('rule help addresses: the homepage when package.json has one, else the installed docs page', () => {
  assert.equal(ruleHelpUri('link/no-such-file', '/pkg', 'https://example.com/org/repo/blob/main#readme'), 'https://example.com/org/repo/blob/main/docs/rules/link/no-such-file.md');
  assert.equal(ruleHelpUri('link/no-such-file', '/pkg', 'https://example.com/docs/'), 'https://example.com/docs/docs/rules/link/no-such-file.md');
  const installed = ruleHelpUri('link/no-such-file', resolve('/pkg'), undefined);
  assert.match(installed, /^file:\/\//);
  assert.equal(fileURLToPath(installed), join(resolve('/pkg'), 'docs', 'rules', 'link', 'no-such-file.md'));
});

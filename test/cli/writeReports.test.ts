import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../server/src/cli/args';
import { formatJson, formatJsonChunks } from '../../server/src/cli/formatters/json';
import { formatStylish, formatStylishChunks } from '../../server/src/cli/formatters/stylish';
import type { FileResult, LintRun } from '../../server/src/cli/report';
import { summarize } from '../../server/src/cli/report';
import { writeReports } from '../../server/src/cli/writeReports';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';

/** A finding with a bit of everything a JSON report shows: fixes, related places, data, non-ASCII text. */
function finding(path: string, i: number): Diagnostic {
  return {
    ruleId: i % 2 ? 'tasks/name-mismatch' : 'link/no-such-file', severity: i % 3 ? 'warning' : 'error',
    message: `Finding ${i}: \`名前\` "quoted" \\ tab\there, lone \ud800 surrogate`,
    path, span: { start: i, end: i + 4 }, range: { start: { line: i, character: 2 }, end: { line: i, character: 6 } },
    fixes: i % 2 ? [{ title: `Rename ${i}`, edits: [{ span: { start: i, end: i + 4 }, newText: 'x\ny' }], safe: i % 4 === 1 }] : [],
    related: i % 2 ? [{ path: '/ws/other.md', span: { start: 1, end: 2 }, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, message: 'There.' }] : [],
    docs: 'docs/rules/x.md',
    ...(i % 5 === 0 ? { data: { suggestion: 'b.md', list: [1, 'two', null], nested: { deep: true } } } : {}),
  };
}

/** A run over `files` files of `perFile` findings each. */
function runOf(files: number, perFile: number): LintRun {
  const results: FileResult[] = Array.from({ length: files }, (_, f) => {
    const path = `/ws/folder/page-${f}.md`;
    return { path, displayPath: `folder/page-${f}.md`, diagnostics: Array.from({ length: perFile }, (_, i) => finding(path, i)) };
  });
  return { results, summary: summarize(results, 12.5), version: '0.1.0', packageRoot: '/pkg' };
}

/** The text `JSON.stringify(value, null, 2)` gives for what `text` holds: equal to it when it was written so. */
const canonical = (text: string): string => JSON.stringify(JSON.parse(text), null, 2) + '\n';

test('the JSON report, written piece by piece, is the text JSON.stringify gives with two-space indents', () => {
  for (const run of [runOf(0, 0), runOf(1, 0), runOf(1, 1), runOf(3, 7)]) {
    const text = formatJson(run);
    assert.equal(text, canonical(text));
    assert.equal([...formatJsonChunks(run)].length, run.results.length === 0 ? 2 : run.results.length + 3, 'one piece per file, besides the head and the tail');
    const parsed = JSON.parse(text) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    assert.deepEqual(parsed.files.map((f) => [f.path, f.diagnostics.length]), run.results.map((r) => [r.displayPath, r.diagnostics.length]));
  }
  assert.match(formatJson(runOf(0, 0)), /"files": \[\]\n\}\n$/);
});

test('the stylish report comes one file block at a time, then the summary', () => {
  const run = runOf(3, 2);
  const chunks = [...formatStylishChunks(run, false)];
  assert.equal(chunks.length, 4);
  assert.equal(chunks[0], [
    'folder/page-0.md',
    '  1:3  error    Finding 0: `名前` "quoted" \\ tab\there, lone \ud800 surrogate  link/no-such-file',
    '  2:3  warning  Finding 1: `名前` "quoted" \\ tab\there, lone \ud800 surrogate  tasks/name-mismatch',
    '', '',
  ].join('\n'));
  assert.match(chunks[3]!, /^✖ 6 problems \(3 errors, 3 warnings, 0 info\) in 3 files checked in 0\.01 s\.\n {2}0 errors and 3 warnings have a safe automatic fix\.\n$/);
  assert.equal(formatStylish(run, false), chunks.join(''));
});

test('a report larger than one write goes out whole and in order, to a file and to standard output alike', () => {
  const run = runOf(400, 12); // about 3 MB of JSON: several writes
  const expected = formatJson(run);
  assert.ok(expected.length > 2_500_000);
  const dir = mkdtempSync(join(tmpdir(), 'playbook-lint-reports-'));
  try {
    const written: string[] = [];
    writeReports(run, parseArgs(['--format', 'json', '--format', 'stylish', '--output', 'out/report.txt'], false, {}), dir, (s) => written.push(s));
    assert.ok(written.length > 1, 'the JSON report went out in several writes');
    assert.equal(written.join(''), expected);
    assert.deepEqual(readFileSync(join(dir, 'out/report.txt')), Buffer.from(formatStylish(run, false)), 'the file holds the UTF-8 of the stylish report');
    written.length = 0;
    writeReports(run, parseArgs(['--format', 'json', '--output', 'report.json'], false, {}), dir, (s) => written.push(s));
    assert.deepEqual(written, []);
    assert.equal(readFileSync(join(dir, 'report.json'), 'utf8'), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

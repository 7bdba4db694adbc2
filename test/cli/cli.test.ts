import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { processPage, tocFor } from '../unit/helpers';
import { runCli, tempWorkspace, type CliRun } from './helpers';


const workspace = (files: Record<string, string | Buffer>): string => tempWorkspace(files, 'playbook-lint-');

const run = (args: string[], cwd: string): CliRun => runCli(args, cwd);

const clean = {
  'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'], exclude: ['**/includes/**', 'README.md'] }] } }),
  'en/toc.yml': tocFor('initiate-hold-kickoff-meeting.md'),
  'en/initiate-hold-kickoff-meeting.md': processPage(),
};

test('--help and --version answer and exit 0', () => {
  const help = run(['--help'], process.cwd());
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: playbook-lint/);
  const version = run(['--version'], process.cwd());
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(require('node:fs').readFileSync('package.json', 'utf8')).version);
});

test('usage mistakes exit 2 with one clear message', () => {
  const unknown = run(['--frobnicate'], process.cwd());
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown option `--frobnicate`/);
  const format = run(['--format', 'xml'], process.cwd());
  assert.equal(format.code, 2);
  assert.match(format.stderr, /Unknown format `xml`/);
  const missing = run(['no/such/folder'], process.cwd());
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /No such file or folder: no\/such\/folder/);
});

test('a clean workspace exits 0 and says so', () => {
  const root = workspace(clean);
  const r = run([], root);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /2 files checked in [\d.]+ s: no problems/);
  assert.equal(r.code, 0);
});

test('errors exit 1; the JSON report names rule, position and message', () => {
  const root = workspace({ ...clean, 'en/initiate-hold-kickoff-meeting.md': processPage({ body: processPage().split('## Overview')[1]!.replace('](#prepare-the-meeting)', '](missing-page.md)').replace(/^/, '## Overview') }) });
  const r = run(['--format', 'json'], root);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  const d = report.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics).find((x: { ruleId: string }) => x.ruleId === 'link/no-such-file');
  assert.ok(d, r.stdout);
  assert.equal(d.severity, 'error');
  assert.equal(report.files.find((f: { path: string }) => f.path.endsWith('initiate-hold-kickoff-meeting.md')).path, join('en', 'initiate-hold-kickoff-meeting.md'));
  assert.ok(report.summary.errors >= 1);
});

test('a binary .md file is reported, not a crash', () => {
  const root = workspace({ ...clean, 'en/initiate-broken.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]) });
  const r = run(['--format', 'json'], root);
  assert.equal(r.code, 1);
  const file = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path.endsWith('initiate-broken.md'));
  assert.deepEqual(file.diagnostics.map((d: { ruleId: string }) => d.ruleId), ['file/unreadable']);
});

test('docfx.json excludes are honoured', () => {
  const root = workspace({ ...clean, 'en/includes/bad.md': Buffer.from([0, 1, 2]), 'README.md': Buffer.from([0, 1]) });
  const r = run(['--format', 'json'], root);
  assert.equal(r.code, 0, r.stdout);
  assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path).sort(), [join('en', 'initiate-hold-kickoff-meeting.md'), join('en', 'toc.yml')]);
});

test('warnings alone exit 0, --max-warnings turns too many into exit 1, --quiet hides them', () => {
  const page = processPage().replace('## Objectives', '> [!Note]\n> Mind the agenda.\n\n## Objectives');
  const root = workspace({ ...clean, 'en/initiate-hold-kickoff-meeting.md': page });
  const plain = run([], root);
  assert.equal(plain.code, 0, plain.stdout);
  assert.match(plain.stdout, /warning .*alert\/keyword/);
  assert.equal(run(['--max-warnings', '0'], root).code, 1);
  assert.equal(run(['--max-warnings', '5'], root).code, 0);
  const quiet = run(['--quiet'], root);
  assert.doesNotMatch(quiet.stdout, /alert\/keyword/);
});

test('paths and globs limit what is reported, while the whole root is indexed', () => {
  const root = workspace({ ...clean, 'en/other.md': Buffer.from([0, 0]) });
  const onlyPage = run(['--format', 'json', 'en/initiate-hold-kickoff-meeting.md'], root);
  assert.deepEqual(JSON.parse(onlyPage.stdout).files.map((f: { path: string }) => f.path), [join('en', 'initiate-hold-kickoff-meeting.md')]);
  assert.equal(onlyPage.code, 0);
  const glob = run(['--format', 'json', 'en/*.yml'], root);
  assert.deepEqual(JSON.parse(glob.stdout).files.map((f: { path: string }) => f.path), [join('en', 'toc.yml')]);
});

test('output is deterministic', () => {
  const root = workspace({ ...clean, 'en/b.md': '# B\n\n[x](nope.md) [y](nope2.md)\n', 'en/a.md': '# A\n\n[x](nope.md)\n' });
  const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), summary: null });
  assert.equal(strip(run(['--format', 'json'], root).stdout), strip(run(['--format', 'json'], root).stdout));
});

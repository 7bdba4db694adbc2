import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { processPage, tocFor } from '../unit/helpers';
import { runCli, tempWorkspace, type CliRun } from './helpers';

const CORPUS = resolve('../shared/corpus');
const PAGE = 'en/initiate-hold-kickoff-meeting.md';

const workspace = (files: Record<string, string | Buffer>): string => tempWorkspace(files, 'playbook-fix-');

const run = (args: string[], cwd: string): CliRun => runCli(args, cwd);

/** Every file under a folder with its bytes, by relative path. */
function tree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(root, p), readFileSync(p));
    }
  };
  walk(root);
  return out;
}

/** The paths whose bytes differ between two trees (or exist in one only). */
function changedPaths(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [p, bytes] of a) if (!b.get(p)?.equals(bytes)) out.push(p);
  for (const p of b.keys()) if (!a.has(p)) out.push(p);
  return out.sort();
}

/** A page whose only defects have safe fixes: a lower-case alert keyword and a stale ms.date, in CRLF with a BOM. */
const fixable = '\uFEFF' + processPage()
  .replace('ms.date: 10/02/2026', 'ms.date: 3/15/2026')
  .replace('The kickoff meeting starts the engagement.', 'The kickoff meeting starts the engagement.  \n\n> [!note]\n> Bring the agenda.')
  .replace(/\n/g, '\r\n');

const base = {
  'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
  'en/toc.yml': tocFor('initiate-hold-kickoff-meeting.md'),
};

test('--fix writes the safe fixes in place, keeping BOM, CRLF, trailing spaces and the file mode; the exit code reflects what remains', () => {
  const root = workspace({ ...base, [PAGE]: fixable });
  const file = join(root, PAGE);
  chmodSync(file, 0o640);
  const before = run([], root);
  assert.equal(before.code, 0, 'warnings only');
  assert.match(before.stdout, /alert\/keyword/);
  assert.match(before.stdout, /refresh\/ms-date-stale/);

  const r = run(['--fix'], root);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, 'Fixed 2 problems in 1 file (alert/keyword 1, refresh/ms-date-stale 1).\n');
  assert.match(r.stdout, /no problems/);
  const expected = fixable.replace('[!note]', '[!NOTE]').replace('ms.date: 3/15/2026', 'ms.date: 10/2/2026');
  assert.equal(readFileSync(file, 'utf8'), expected);
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(readdirSync(join(root, 'en')).sort(), ['initiate-hold-kickoff-meeting.md', 'toc.yml'], 'no temporary file left behind');

  const again = run(['--fix'], root);
  assert.equal(again.stderr, 'Fixed 0 problems in 0 files.\n');
  assert.equal(readFileSync(file, 'utf8'), expected);
});

test('--fix reports the problems it cannot fix, and exits 1 when errors remain', () => {
  const broken = processPage().replace('](#prepare-the-meeting)', '](nowhere-at-all.md)').replace('## Objectives', '> [!Tip]\n> Start early.\n\n## Objectives');
  const root = workspace({ ...base, [PAGE]: broken });
  const r = run(['--fix', '--format', 'json'], root);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'Fixed 1 problem in 1 file (alert/keyword 1).\n');
  const left = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: Array<{ ruleId: string }> }) => f.diagnostics.map((d) => d.ruleId));
  assert.deepEqual(left, ['link/no-such-file']);
  assert.ok(readFileSync(join(root, PAGE), 'utf8').includes('> [!TIP]\n'));
});

test('--fix-dry-run prints a unified diff per file and writes nothing', () => {
  const root = workspace({ ...base, [PAGE]: fixable, 'en/other.md': '# Other\n\n> [!warning]\n> Careful.\n' });
  const before = tree(root);
  const r = run(['--fix-dry-run'], root);
  assert.deepEqual(changedPaths(before, tree(root)), [], 'no file written');
  assert.match(r.stdout, /^--- a\/en\/initiate-hold-kickoff-meeting\.md\n\+\+\+ b\/en\/initiate-hold-kickoff-meeting\.md\n@@ /m);
  assert.match(r.stdout, /^-> \[!note\]\r\n\+> \[!NOTE\]\r\n/m);
  assert.match(r.stdout, /^-ms\.date: 3\/15\/2026\r\n\+ms\.date: 10\/2\/2026\r\n/m);
  assert.match(r.stdout, /^--- a\/en\/other\.md\n\+\+\+ b\/en\/other\.md\n@@ -1,4 \+1,4 @@\n # Other\n \n-> \[!warning\]\n\+> \[!WARNING\]\n/m);
  assert.equal(r.stderr, 'Would fix 3 problems in 2 files (alert/keyword 2, refresh/ms-date-stale 1).\n');
  assert.ok(r.stdout.indexOf('+++ b/en/other.md') < r.stdout.indexOf('problem'), 'the diff comes before the report');
});

test('--fix-dry-run refuses to mix its diff with a machine-readable report on standard output', () => {
  const root = workspace({ ...base, [PAGE]: fixable });
  const r = run(['--fix-dry-run', '--format', 'json'], root);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--fix-dry-run prints its diff on standard output: write the json report to a file with --output/);
  const toFile = run(['--fix-dry-run', '--format', 'json', '--output', 'report.json'], root);
  assert.match(toFile.stdout, /^--- a\/en\/initiate-hold-kickoff-meeting\.md/m);
  assert.ok(JSON.parse(readFileSync(join(root, 'report.json'), 'utf8')).files);
});

test('--fix leaves a file that is not valid UTF-8 untouched and says why', () => {
  const [head, tail] = processPage().replace('## Objectives', '> [!note]\n> Mind X.\n\n## Objectives').split('X') as [string, string];
  const page = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0xff]), Buffer.from(tail, 'utf8')]);
  const root = workspace({ ...base, [PAGE]: page });
  const r = run(['--fix'], root);
  assert.ok(readFileSync(join(root, PAGE)).equals(page), 'bytes unchanged');
  assert.match(r.stderr, /en\/initiate-hold-kickoff-meeting\.md was not fixed: it is not valid UTF-8, so its bytes could not be kept exactly\./);
  assert.match(r.stderr, /Fixed 0 problems in 0 files\./);
  assert.match(r.stdout, /alert\/keyword/, 'the finding is still reported');
  assert.equal(r.code, 1, 'a file that could not be fixed fails the run');
});

test('the real corpus: --fix twice gives the same tree as once, and leaves no problem with a safe fix', { skip: !existsSync(CORPUS) && 'no ../shared/corpus here' }, (t) => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-fix-corpus-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const copy = join(root, 'corpus');
  cpSync(CORPUS, copy, { recursive: true });
  // The shared corpus may be read-only: the copy must be writable by whoever runs the tests.
  const writable = (p: string): void => {
    const s = statSync(p);
    chmodSync(p, s.mode | (s.isDirectory() ? 0o700 : 0o600));
    if (s.isDirectory()) for (const n of readdirSync(p)) writable(join(p, n));
  };
  writable(copy);
  const original = tree(copy);

  const first = run(['--fix', 'corpus'], root);
  const fixed = tree(copy);
  const m = /^Fixed (\d+) problems in (\d+) files/m.exec(first.stderr);
  assert.ok(m, first.stderr);
  const changed = changedPaths(original, fixed);
  assert.equal(changed.length, Number(m[2]), 'as many files changed as the summary says');
  assert.ok(Number(m[1]) > 0 && changed.every((p) => /\.(md|yml)$/.test(p)), changed.join(', '));

  const second = run(['--fix', '--format', 'json', 'corpus'], root);
  assert.match(second.stderr, /^Fixed 0 problems in 0 files\.$/m);
  assert.deepEqual(changedPaths(fixed, tree(copy)), [], 'the second --fix changed nothing');
  const report = JSON.parse(second.stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; fixes: Array<{ safe: boolean }> }> }> };
  const stillFixable = report.files.flatMap((f) => f.diagnostics.filter((d) => d.fixes.some((x) => x.safe)).map((d) => `${f.path}:${d.line} ${d.ruleId}`));
  assert.deepEqual(stillFixable, [], 'every problem with a safe fix was fixed');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processPage, tocFor } from '../unit/helpers';
import { CLI, runCli, tempWorkspace, type CliRun } from './helpers';


const workspace = (files: Record<string, string | Buffer>): string => tempWorkspace(files, 'playbook-cache-');

const run = (args: string[], cwd: string): CliRun => runCli(args, cwd);

/** A report without the run time, the one thing that differs between two runs. */
const timeless = (report: string): string => report.replace(/"durationMs": [\d.]+/g, '"durationMs": 0').replace(/checked in [\d.]+ s/g, 'checked in 0 s').replace(/time="[\d.]+"/g, 'time="0"');

/** The findings of one file in a JSON report, as `ruleId line:column`. */
function findingsOf(report: string, file: string): string[] {
  const parsed = JSON.parse(report) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; column: number }> }> };
  return (parsed.files.find((f) => f.path === file)?.diagnostics ?? []).map((d) => `${d.ruleId} ${d.line}:${d.column}`);
}

const A = processPage();
const B = processPage({ h1: 'Close the Meeting', body: ['## Overview', '', 'See [the preparation](initiate-hold-kickoff-meeting.md#prepare-the-meeting).'].join('\n') });
const files = {
  'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
  'en/toc.yml': tocFor('initiate-hold-kickoff-meeting.md', 'initiate-close-meeting.md'),
  'en/initiate-hold-kickoff-meeting.md': A,
  'en/initiate-close-meeting.md': B,
};
/** Where B's link to A's heading reports a missing anchor: at the anchor. */
const anchorLine = B.split('\n').findIndex((l) => l.includes('#prepare-the-meeting'));
const anchorAt = `${anchorLine + 1}:${B.split('\n')[anchorLine]!.indexOf('prepare-the-meeting') + 1}`;
const linkInB = (report: string): string[] => findingsOf(report, join('en', 'initiate-close-meeting.md')).filter((f) => f.startsWith('link/no-such-heading'));

test('--cache: a second run on an unchanged tree reports exactly what the first did, in every format', () => {
  const root = workspace(files);
  for (const format of ['json', 'stylish', 'sarif', 'junit', 'github']) {
    const first = run(['--cache', '--format', format], root);
    const second = run(['--cache', '--format', format], root);
    const uncached = run(['--format', format], root);
    assert.equal(second.code, first.code, format);
    assert.equal(timeless(second.stdout), timeless(first.stdout), format);
    assert.equal(timeless(first.stdout), timeless(uncached.stdout), format);
    assert.equal(second.stderr, '');
  }
});

test('--cache: the second run replays the recorded findings instead of checking again', () => {
  const root = workspace(files);
  run(['--cache'], root);
  const file = join(root, '.playbook-lint-cache');
  assert.ok(existsSync(file), 'the cache is written to .playbook-lint-cache in the current folder by default');
  // Tamper with a recorded message: only a replay can report it.
  const lines = readFileSync(file, 'utf8').split('\n');
  const last = JSON.parse(lines[1]!) as { findings: Array<[string, Array<{ message: string }>]> };
  const withFinding = last.findings.find(([, ds]) => ds.length > 0);
  assert.ok(withFinding, 'the fixture has at least one finding');
  withFinding[1][0]!.message = 'REPLAYED FROM THE CACHE';
  lines[1] = JSON.stringify(last);
  writeFileSync(file, lines.join('\n'));
  assert.match(run(['--cache'], root).stdout, /REPLAYED FROM THE CACHE/);
  // Without --cache nothing is replayed.
  assert.doesNotMatch(run([], root).stdout, /REPLAYED FROM THE CACHE/);
});

test('--cache: a heading renamed in one file breaks the link to it in another, and renaming it back heals it', () => {
  const root = workspace(files);
  const a = join(root, 'en/initiate-hold-kickoff-meeting.md');
  const first = run(['--cache', '-f', 'json'], root);
  assert.deepEqual(linkInB(first.stdout), []);

  writeFileSync(a, A.replace('### Prepare the Meeting', '### Prepare the Agenda'));
  const renamed = run(['--cache', '-f', 'json'], root);
  assert.deepEqual(linkInB(renamed.stdout), [`link/no-such-heading ${anchorAt}`]);
  assert.equal(timeless(renamed.stdout), timeless(run(['-f', 'json'], root).stdout), 'the cached run equals an uncached one');

  writeFileSync(a, A);
  const back = run(['--cache', '-f', 'json'], root);
  assert.deepEqual(linkInB(back.stdout), []);
  assert.equal(timeless(back.stdout), timeless(first.stdout));
});

test('--cache: after one file changes, the unchanged pages are modelled from their cached outlines', () => {
  const root = workspace(files);
  run(['--cache', '--cache-location', 'c.json'], root);
  // Rename the heading in the cached outline of A (not in A): if A's outline is reused, B's link breaks.
  const file = join(root, 'c.json');
  const lines = readFileSync(file, 'utf8').split('\n');
  let renamed = 0;
  // From the third line on, an outline a line: `hash json`.
  for (let i = 2; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const space = lines[i]!.indexOf(' ');
    const o = JSON.parse(lines[i]!.slice(space + 1)) as { headings: Array<{ text: string }> };
    for (const h of o.headings) if (h.text === 'Prepare the Meeting') { h.text = 'Prepare the Agenda'; renamed++; }
    lines[i] = `${lines[i]!.slice(0, space)} ${JSON.stringify(o)}`;
  }
  assert.ok(renamed > 0);
  writeFileSync(file, lines.join('\n'));
  // Change B only (a blank line at its end), so the findings cannot be replayed.
  writeFileSync(join(root, 'en/initiate-close-meeting.md'), B + '\n');
  assert.deepEqual(linkInB(run(['--cache', '--cache-location', 'c.json', '-f', 'json'], root).stdout), [`link/no-such-heading ${anchorAt}`]);
});

test('--cache: a corrupt, truncated or foreign cache is ignored and replaced, never trusted', () => {
  const root = workspace(files);
  const expected = timeless(run(['-f', 'json'], root).stdout);
  const file = join(root, '.playbook-lint-cache');
  const good = (() => {
    run(['--cache'], root);
    return readFileSync(file, 'utf8');
  })();
  const variants = {
    garbage: 'not json at all \u0000\u0001',
    empty: '',
    truncated: good.slice(0, Math.floor(good.length / 2)),
    'another version': good.replace(/"tool":"[^"]*"/, '"tool":"0.0.0+other"'),
    'a damaged findings line': good.split('\n').map((l, i) => (i === 1 ? '{"key":' : l)).join('\n'),
    'damaged outline lines, findings unusable': good.split('\n').map((l, i) => (i === 1 ? '{}' : i >= 2 && l !== '' ? l.slice(0, l.indexOf(' ') + 1) + '[1,' : l)).join('\n'),
    'outlines of the wrong shape, findings unusable': good.split('\n').map((l, i) => (i === 1 ? '{}' : i >= 2 && l !== '' ? l.slice(0, l.indexOf(' ') + 1) + '{"headings":5}' : l)).join('\n'),
    'outline lines without a hash, findings unusable': good.split('\n').map((l, i) => (i === 1 ? '{}' : i >= 2 && l !== '' ? l.slice(l.indexOf(' ') + 1) : l)).join('\n'),
  };
  for (const [name, content] of Object.entries(variants)) {
    writeFileSync(file, content);
    for (const attempt of ['first', 'next']) {
      const r = run(['--cache', '-f', 'json'], root);
      assert.equal(r.stderr, '', `${name}, ${attempt} run`);
      assert.equal(timeless(r.stdout), expected, `${name}, ${attempt} run`);
    }
  }
  writeFileSync(file, variants.garbage);
  run(['--cache'], root);
  // The same but for when the run started (the stamps of files changed since are not trusted).
  const undated = (cache: string): string => cache.replace(/"started":\d+/, '"started":0');
  assert.equal(undated(readFileSync(file, 'utf8')), undated(good), 'a garbage cache is replaced by a whole one');
});

test('--cache-location: a file path, or a folder to keep the cache in', () => {
  const root = workspace(files);
  run(['--cache-location', 'sub/cache.json'], root);
  assert.ok(existsSync(join(root, 'sub/cache.json')), '--cache-location implies --cache and creates the folders');
  assert.ok(!existsSync(join(root, '.playbook-lint-cache')));
  mkdirSync(join(root, 'caches'));
  run(['--cache', '--cache-location', 'caches'], root);
  assert.ok(existsSync(join(root, 'caches/.playbook-lint-cache')));
});

test('--cache: a cache that cannot be written is a warning, not a failure', () => {
  const root = workspace(files);
  writeFileSync(join(root, 'blocker'), 'a file where a folder should be');
  const expected = run(['-f', 'json'], root);
  const r = run(['--cache-location', 'blocker/cache.json', '-f', 'json'], root);
  assert.match(r.stderr, /cache could not be written/);
  assert.equal(r.code, expected.code);
  assert.equal(timeless(r.stdout), timeless(expected.stdout));
});

test('--cache: a page changed to the same size and put back to its old modification time is still caught', () => {
  const root = workspace(files);
  const a = join(root, 'en/initiate-hold-kickoff-meeting.md');
  // Whole seconds, as a file system that keeps seconds would, so the time can be put back exactly.
  const second = Math.floor(Date.now() / 1000);
  utimesSync(a, second, second);
  assert.deepEqual(linkInB(run(['--cache', '-f', 'json'], root).stdout), []);
  const renamed = A.replace('### Prepare the Meeting', '### Prepare the Agendas');
  assert.equal(renamed.length, A.length);
  writeFileSync(a, renamed);
  utimesSync(a, second, second);
  assert.equal(statSync(a).mtimeMs, second * 1000);
  const after = run(['--cache', '-f', 'json'], root);
  assert.deepEqual(linkInB(after.stdout), [`link/no-such-heading ${anchorAt}`]);
  assert.equal(timeless(after.stdout), timeless(run(['-f', 'json'], root).stdout), 'the cached run equals an uncached one');
});

test('--cache: the bundle carries its build id, the hash of the bundle, and the cache names it', () => {
  const root = workspace(files);
  run(['--cache'], root);
  const header = JSON.parse(readFileSync(join(root, '.playbook-lint-cache'), 'utf8').split('\n')[0]!) as { tool: string };
  const id = header.tool.split('+')[1]!;
  assert.match(id, /^[\w-]{27}$/);
  const bundle = readFileSync(CLI, 'utf8');
  assert.ok(!bundle.includes('@@playbook-build-id'), 'the placeholder was replaced');
  const placeholder = '@@playbook-build-id@@@@@@@@';
  assert.equal(createHash('sha1').update(bundle.replaceAll(id, placeholder)).digest('base64url'), id);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { bundleBuildId, bundleIdentity, cacheFileName, compileCacheDir, COMPILE_CACHE_ENV } from '../../server/src/cli/compileCache';
import { CLI, tempWorkspace } from './helpers';

const BIN = resolve('bin/playbook-lint.js');
const MODULE = resolve('server/src/cli/compileCache.ts');

test('the code cache lives in the per-user cache folder of each platform', () => {
  assert.equal(compileCacheDir({ platform: 'linux', env: {}, home: '/home/ana' }), '/home/ana/.cache/playbook-lint/compile-cache');
  assert.equal(compileCacheDir({ platform: 'linux', env: { XDG_CACHE_HOME: '/var/cache/ana' }, home: '/home/ana' }), '/var/cache/ana/playbook-lint/compile-cache');
  assert.equal(compileCacheDir({ platform: 'darwin', env: {}, home: '/Users/ana' }), '/Users/ana/Library/Caches/playbook-lint/compile-cache');
  assert.equal(compileCacheDir({ platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, home: 'C:\\Users\\ana' }), 'C:\\Users\\ana\\AppData\\Local\\playbook-lint\\compile-cache');
  assert.equal(compileCacheDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ana' }), 'C:\\Users\\ana\\AppData\\Local\\playbook-lint\\compile-cache');
  // Without a home there is no per-user folder, and a shared temporary folder is never used instead.
  assert.equal(compileCacheDir({ platform: 'linux', env: {}, home: '' }), undefined);
});

test('PLAYBOOK_LINT_COMPILE_CACHE moves the cache or turns it off, and so does NODE_DISABLE_COMPILE_CACHE', () => {
  assert.equal(compileCacheDir({ platform: 'linux', env: { [COMPILE_CACHE_ENV]: '/tmp/mine' }, home: '/home/ana' }), '/tmp/mine');
  for (const off of ['0', 'off', 'false', 'OFF'])
    assert.equal(compileCacheDir({ platform: 'linux', env: { [COMPILE_CACHE_ENV]: off }, home: '/home/ana' }), undefined, off);
  assert.equal(compileCacheDir({ platform: 'linux', env: { NODE_DISABLE_COMPILE_CACHE: '1' }, home: '/home/ana' }), undefined);
  assert.equal(compileCacheDir({ platform: 'linux', env: { [COMPILE_CACHE_ENV]: '' }, home: '/home/ana' }), '/home/ana/.cache/playbook-lint/compile-cache');
});

test('the built CLI bundle names its build on its first line, and a cache file names bundle, build and Node', () => {
  const id = bundleBuildId(readFileSync(CLI, 'utf8'));
  assert.match(id ?? '', /^[\w-]{27}$/);
  assert.equal(bundleBuildId('"use strict";\n'), undefined);
  assert.equal(cacheFileName('/x/dist/cli.js', bundleIdentity('abc', { size: 36, mtimeMs: 1000.5 }), 'v20.1.0', 'x64'), 'cli-abc-10-rs-v20.1.0-x64.bin');
});

/** Loads `bundle` through the code cache in a fresh Node (as the launcher does) and returns what it printed. */
function loadInChild(bundle: string, dir: string | null): { outcome: string; exports: string; stderr: string } {
  const script = [
    `const { requireWithCompileCache } = require(${JSON.stringify(MODULE)});`,
    `let outcome = '';`,
    `const exported = requireWithCompileCache(${JSON.stringify(bundle)}, ${dir === null ? 'undefined' : JSON.stringify(dir)}, (o) => { outcome = o; });`,
    `process.on('exit', () => { process.stdout.write(JSON.stringify({ outcome, exports: JSON.stringify(exported) })); });`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return { ...(JSON.parse(r.stdout) as { outcome: string; exports: string }), stderr: r.stderr };
}

const FIXTURE = [
  '// playbook-lint build fixture-build-1',
  "'use strict';",
  'const path = require("node:path");',
  'function twice(n) { return n * 2; }',
  'module.exports = { answer: twice(21), file: path.basename(__filename), dir: path.basename(__dirname), strict: (function () { return this === undefined; })() };',
  '',
].join('\n');

/** The cache file a fixture bundle gets. */
const cacheFileOf = (dir: string, bundle: string): string => join(dir, cacheFileName(bundle, bundleIdentity('fixture-build-1', statSync(bundle)), process.version, process.arch));

test('a bundle is compiled once: the next process takes V8 code from the cache, and runs the same', () => {
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE });
  const bundle = join(root, 'dist/bundle.js');
  const dir = join(root, 'cache');
  const first = loadInChild(bundle, dir);
  assert.equal(first.outcome, 'written');
  assert.deepEqual(JSON.parse(first.exports), { answer: 42, file: 'bundle.js', dir: 'dist', strict: true });
  const file = cacheFileOf(dir, bundle);
  assert.ok(existsSync(file), 'the cache file is named after the bundle, its build and Node');
  const written = statSync(file).mtimeMs;
  const second = loadInChild(bundle, dir);
  assert.equal(second.outcome, 'used');
  assert.equal(second.exports, first.exports);
  assert.equal(statSync(file).mtimeMs, written, 'a cache V8 took is not written again');
  if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600, 'only its owner may read or change the code');
});

test('a damaged cache file is refused by V8, replaced, and changes nothing', () => {
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE });
  const bundle = join(root, 'dist/bundle.js');
  const dir = join(root, 'cache');
  loadInChild(bundle, dir);
  const file = cacheFileOf(dir, bundle);
  writeFileSync(file, 'not V8 code at all');
  const damaged = loadInChild(bundle, dir);
  assert.equal(damaged.outcome, 'rejected and written');
  assert.equal(JSON.parse(damaged.exports).answer, 42);
  assert.notEqual(readFileSync(file, 'utf8'), 'not V8 code at all');
  assert.equal(loadInChild(bundle, dir).outcome, 'used');
});

test('a bundle edited by hand without a new build id, to the same length, does not run the old code', () => {
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE });
  const bundle = join(root, 'dist/bundle.js');
  const dir = join(root, 'cache');
  assert.equal(JSON.parse(loadInChild(bundle, dir).exports).answer, 42);
  assert.equal(loadInChild(bundle, dir).outcome, 'used');
  // Same build id, same length: only the text (and the file's time) differ.
  const edited = FIXTURE.replace('return n * 2;', 'return n * 3;');
  assert.equal(edited.length, FIXTURE.length);
  writeFileSync(bundle, edited);
  utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
  const after = loadInChild(bundle, dir);
  assert.equal(after.outcome, 'written');
  assert.equal(JSON.parse(after.exports).answer, 63);
});

test('without a cache folder, for a bundle without a build id, or where nothing can be written, the bundle still runs', () => {
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE, 'dist/plain.js': FIXTURE.split('\n').slice(1).join('\n'), 'blocker': 'a file, not a folder' });
  assert.deepEqual(loadInChild(join(root, 'dist/bundle.js'), null).outcome, 'off');
  const plain = loadInChild(join(root, 'dist/plain.js'), join(root, 'cache'));
  assert.equal(plain.outcome, 'off');
  assert.equal(JSON.parse(plain.exports).answer, 42);
  assert.ok(!existsSync(join(root, 'cache')));
  const blocked = loadInChild(join(root, 'dist/bundle.js'), join(root, 'blocker', 'cache'));
  assert.equal(blocked.outcome, 'unwritable');
  assert.equal(JSON.parse(blocked.exports).answer, 42);
});

test('a cache file that cannot be put in place leaves no temporary file behind', () => {
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE });
  const bundle = join(root, 'dist/bundle.js');
  const dir = join(root, 'cache');
  // A folder where the cache file should go: the rename over it fails.
  mkdirSync(cacheFileOf(dir, bundle), { recursive: true });
  const blocked = loadInChild(bundle, dir);
  assert.equal(blocked.outcome, 'unwritable');
  assert.equal(JSON.parse(blocked.exports).answer, 42);
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
});

test('the cache folder keeps the eight newest files (other builds and Node versions are never read again)', () => {
  const old: Record<string, string> = {};
  for (let i = 0; i < 10; i++) old[`cache/cli-old${i}-v18.0.0-x64.bin`] = 'stale';
  const root = tempWorkspace({ 'dist/bundle.js': FIXTURE, ...old, 'cache/notes.txt': 'not ours' });
  for (let i = 0; i < 10; i++) utimesSync(join(root, `cache/cli-old${i}-v18.0.0-x64.bin`), 1_000_000 + i, 1_000_000 + i);
  loadInChild(join(root, 'dist/bundle.js'), join(root, 'cache'));
  const left = readdirSync(join(root, 'cache')).sort();
  assert.equal(left.filter((n) => n.endsWith('.bin')).length, 8);
  assert.ok(left.includes(basename(cacheFileOf(join(root, 'cache'), join(root, 'dist/bundle.js')))), 'the new file stays');
  assert.ok(!left.includes('cli-old0-v18.0.0-x64.bin') && !left.includes('cli-old2-v18.0.0-x64.bin'), 'the oldest go');
  assert.ok(left.includes('notes.txt'), 'other files are left alone');
});

test('`playbook-lint` (bin, launcher, bundle) reports the same with its code cache as the bundle alone', () => {
  const ws = tempWorkspace({ 'docs/a.md': '# A\n\n[b](missing.md)\n', 'docs/b.md': '---\ntitle: B\n---\n# B\n' });
  const cacheDir = join(ws, '.compile-cache');
  const env = { ...process.env, NO_COLOR: '1', [COMPILE_CACHE_ENV]: cacheDir };
  const run = (entry: string) => spawnSync(process.execPath, [entry, 'docs', '--format', 'json'], { cwd: ws, encoding: 'utf8', env });
  // The report is the same but for how long the run took.
  const report = (stdout: string): unknown => ({ ...JSON.parse(stdout), summary: { ...JSON.parse(stdout).summary, durationMs: 0 } });
  const plain = run(CLI);
  const first = run(BIN);
  assert.equal(readdirSync(cacheDir).filter((n) => n.endsWith('.bin')).length, 1, 'the first run writes the cache');
  const second = run(BIN);
  for (const r of [first, second]) {
    assert.equal(r.status, plain.status);
    assert.deepEqual(report(r.stdout), report(plain.stdout));
    assert.equal(r.stderr, '');
  }
  assert.ok(plain.status === 1 && plain.stdout.includes('missing.md'), 'the run found the broken link');
});

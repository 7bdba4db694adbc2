import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RACY_MARGIN_MS } from '../../server/src/cli/fileStamp';
import { CLI, tempWorkspace } from './helpers';

// A --cache run over an unchanged tree is mostly process start-up, so it loads only what it needs: with
// every file's stamp unchanged it hashes nothing, and does not even load node:crypto.

const PROBE = `process.on('exit', () => process.stderr.write('crypto loaded: ' + process.moduleLoadList.includes('NativeModule crypto') + '\\n'));`;

function run(ws: string, probe: string): { stdout: string; crypto: boolean } {
  const r = spawnSync(process.execPath, ['-r', probe, CLI, '--cache', '--cache-location', join(ws, '.cache-file')], { cwd: ws, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const m = /crypto loaded: (true|false)/.exec(r.stderr);
  assert.ok(m, r.stderr);
  return { stdout: r.stdout.replace(/checked in [\d.]+ s/, ''), crypto: m[1] === 'true' };
}

test('a replay whose files all keep their stamps hashes nothing and loads no crypto; a touched file is hashed again', async () => {
  const ws = tempWorkspace({ 'docs/a.md': '# A\n\n[b](missing.md)\n', 'docs/b.md': '# B\n', 'probe.cjs': PROBE });
  // Files written just before a run are "racily clean" (their stamps are not trusted): wait until they are
  // older than that (a file's change time cannot be set back).
  await new Promise((resolve) => setTimeout(resolve, RACY_MARGIN_MS + 100));
  const probe = join(ws, 'probe.cjs');
  const first = run(ws, probe);
  assert.equal(first.crypto, true, 'the first run hashes what it read');
  const replay = run(ws, probe);
  assert.equal(replay.stdout, first.stdout);
  assert.equal(replay.crypto, false);
  // Same bytes, new stamp: the replay reads and hashes the file to know it is unchanged (the probe can see crypto).
  writeFileSync(join(ws, 'docs/b.md'), '# B\n');
  const touched = run(ws, probe);
  assert.equal(touched.stdout, first.stdout);
  assert.equal(touched.crypto, true);
});

test('loading the CLI and every rule loads neither markdown-it, yaml nor ajv: they load when a page is parsed or validated', () => {
  const script = [
    `require(${JSON.stringify(resolve('server/src/cli/main.ts'))});`,
    `const loaded = () => ['markdown-it', 'yaml', 'ajv', 'ajv-formats'].filter((name) => Object.keys(require.cache).some((p) => p.includes('/node_modules/' + name + '/')));`,
    `const atLoad = loaded();`,
    `require(${JSON.stringify(resolve('server/src/engine/parse/markdown.ts'))}).parseOutline('# A\\n\\nText.\\n');`,
    `const page = 'title: A\\n';`,
    `require(${JSON.stringify(resolve('server/src/engine/parse/frontMatter.ts'))}).readFrontMatterWithYaml('---\\n' + page + '---\\n', 0, 4 + page.length + 4);`,
    `process.stdout.write(JSON.stringify({ atLoad, afterParse: loaded() }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { atLoad, afterParse } = JSON.parse(r.stdout) as { atLoad: string[]; afterParse: string[] };
  assert.deepEqual(atLoad, []);
  assert.ok(afterParse.includes('markdown-it') && afterParse.includes('yaml'), `a parse loads its parsers: ${afterParse.join(', ')}`);
});

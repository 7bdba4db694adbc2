import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LintCache } from '../../server/src/cli/cache';
import { writeStoredFile } from '../../server/src/cli/cacheStore';
import { NodeWorkspace } from '../../server/src/cli/nodeWorkspace';
import { createConfiguredEngine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { processPage, tocFor } from '../unit/helpers';
import { tempWorkspace } from './helpers';

// The outlines the --cache file keeps for the next run (cli/cache.ts): a line each, within a budget.

const NAMES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];

function fixture(): string {
  const files: Record<string, string> = {
    'docfx.json': JSON.stringify({ build: { content: [{ files: ['**/*.md'] }] } }),
    'en/toc.yml': tocFor(...NAMES.map((n) => `initiate-${n}.md`)),
  };
  for (const n of NAMES) files[`en/initiate-${n}.md`] = processPage({ h1: `Initiate ${n}`, body: `## Overview\n\nSee [the ${n} step](initiate-alpha.md#prepare-the-meeting).` });
  return tempWorkspace(files, 'playbook-outlines-');
}

/** Lints through the cache with an outline budget; returns the findings and whether the rules ran. */
async function lintCached(root: string, outlineBudget?: number): Promise<{ ran: boolean; byFile: Map<string, Diagnostic[]> }> {
  const cache = new LintCache(join(root, 'cache'), (m) => assert.fail(m), outlineBudget === undefined ? {} : { outlineBudget });
  const engine = await createConfiguredEngine(cache.record(new NodeWorkspace(root)));
  let ran = false;
  const { byFile } = await cache.lint(engine, { scope: 'all' }, async () => {
    ran = true;
    await engine.index.load();
    return lintWorkspace(engine.index, engine.rules);
  });
  return { ran, byFile };
}

/** The outline lines of the cache file (`hash json`, from the third line on). */
function outlineLines(root: string): string[] {
  return readFileSync(join(root, 'cache'), 'utf8').split('\n').slice(2).filter((l) => l !== '');
}

test('every page modelled leaves its outline for the next run, a line each', async () => {
  const root = fixture();
  await lintCached(root);
  const lines = outlineLines(root);
  assert.equal(lines.length, NAMES.length);
  for (const line of lines) {
    assert.match(line, /^[\w-]+ \{/);
    const o = JSON.parse(line.slice(line.indexOf(' ') + 1)) as { headings: unknown[] };
    assert.ok(Array.isArray(o.headings));
  }
});

test('a budget bounds the outlines kept; the pages past it are parsed again, with the same findings', async () => {
  const root = fixture();
  const uncached = await lintCached(root);
  const oneOutline = outlineLines(root)[0]!.length;
  writeFileSync(join(root, 'cache'), '');
  await lintCached(root, Math.floor(oneOutline * 2.5));
  const kept = outlineLines(root);
  assert.ok(kept.length >= 1 && kept.length <= 3, `${kept.length} outlines kept`);
  // A page changed: the findings cannot be replayed, the kept outlines are used and the others parsed.
  writeFileSync(join(root, 'en/initiate-echo.md'), processPage({ h1: 'Initiate echo', body: '## Overview\n\nChanged.' }) + '\n');
  const fresh = await lintCached(root, Math.floor(oneOutline * 2.5));
  assert.equal(fresh.ran, true);
  const reference = await (async () => {
    const engine = await createConfiguredEngine(new NodeWorkspace(root));
    await engine.index.load();
    return lintWorkspace(engine.index, engine.rules);
  })();
  assert.deepEqual(fresh.byFile, reference);
  assert.notDeepEqual(fresh.byFile, uncached.byFile, 'the change shows');
});

test('the cache file is written from pieces as they come, multi-byte text across chunk boundaries intact', () => {
  const root = tempWorkspace({}, 'playbook-store-');
  const file = join(root, 'store');
  const pieces: Array<string | Uint8Array> = [];
  let expected = '';
  for (let i = 0; i < 20_000; i++) {
    const s = i % 7 === 0 ? `开展成功评审 ${i} 🚀\n` : `piece ${i},`;
    pieces.push(s);
    expected += s;
    if (i % 5_000 === 0) {
      pieces.push(Buffer.from('bytes é\n', 'utf8'));
      expected += 'bytes é\n';
    }
  }
  writeStoredFile(file, pieces);
  assert.equal(readFileSync(file, 'utf8'), expected);
});

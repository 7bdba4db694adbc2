import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { MAX_RELATED } from '../../server/src/engine/lint/finding';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import type { PageRule, Report } from '../../server/src/engine/rules/rule';
import { DetachedStrings } from '../../server/src/engine/text/detached';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { ROOT, TODAY } from './helpers';

/** Lints an in-memory workspace with one test rule that reports what `reports` makes of each page. */
async function lintWith(files: Record<string, string>, reports: (path: string, text: string) => Report[]): Promise<Map<string, Diagnostic[]>> {
  const rule: PageRule = {
    id: 'test/report', target: 'page', description: 'reports what the test says', defaultSeverity: 'warning',
    check(ctx) {
      for (const r of reports(ctx.doc.path, ctx.doc.text)) ctx.report(r);
    },
  };
  const engine = createEngine(new MemoryWorkspace(ROOT, files), defaultConfig({ today: TODAY }), [rule]);
  await engine.index.load();
  return lintWorkspace(engine.index, engine.rules);
}

const pages = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${String(i).padStart(2, '0')}.md`, `# Page ${i}\n\nText.\n`]));

test(`a finding lists at most ${MAX_RELATED} related places, the last saying how many more there were`, async () => {
  const files = pages(26);
  const others = Object.keys(files).map((p) => `${ROOT}/${p}`);
  const all = await lintWith(files, (path) => (path.endsWith('p00.md') ? [{ span: { start: 2, end: 8 }, message: 'Named otherwise elsewhere.', related: others.slice(1).map((p) => ({ path: p, span: { start: 2, end: 8 }, message: `Named so in ${p.slice(-6)}.` })) }] : []));
  const d = all.get(`${ROOT}/p00.md`)![0]!;
  assert.equal(d.message, 'Named otherwise elsewhere.');
  assert.equal(d.related.length, MAX_RELATED);
  assert.deepEqual(d.related.map((r) => r.path), others.slice(1, 1 + MAX_RELATED));
  assert.equal(d.related[MAX_RELATED - 2]!.message, 'Named so in p09.md.');
  assert.equal(d.related[MAX_RELATED - 1]!.message, 'Named so in p10.md. … and 15 more place(s) not listed here.');
  assert.deepEqual(d.related[0]!.range, { start: { line: 0, character: 2 }, end: { line: 0, character: 8 } });
});

test(`${MAX_RELATED} related places or fewer are listed as reported`, async () => {
  const files = pages(MAX_RELATED + 1);
  const others = Object.keys(files).slice(1).map((p) => `${ROOT}/${p}`);
  const all = await lintWith(files, (path) => (path.endsWith('p00.md') ? [{ span: { start: 0, end: 1 }, message: 'm', related: others.map((p) => ({ path: p, span: { start: 12, end: 15 }, message: 'There.' })) }] : []));
  const d = all.get(`${ROOT}/p00.md`)![0]!;
  assert.deepEqual(d.related.map((r) => [r.path, r.message, r.range.start.line]), others.map((p) => [p, 'There.', 2]));
});

test('a finding holds copies of what the rule reported: equal strings, its own plain data', async () => {
  const data = { suggestion: 'Page 0', list: ['a', { deep: 'Text.' }], count: 2, flag: true, none: null };
  const all = await lintWith(pages(1), (_path, text) => [{
    span: { start: 2, end: 8 },
    message: `Heading \`${text.slice(2, 8)}\` is long enough to be cut from the page.`,
    fixes: [{ title: `Rename ${text.slice(2, 8)} to something else entirely`, edits: [{ span: { start: 2, end: 8 }, newText: text.slice(2, 17) }], safe: false }],
    data,
  }]);
  const d = all.get(`${ROOT}/p00.md`)![0]!;
  assert.equal(d.message, 'Heading `Page 0` is long enough to be cut from the page.');
  assert.deepEqual(d.fixes, [{ title: 'Rename Page 0 to something else entirely', edits: [{ span: { start: 2, end: 8 }, newText: 'Page 0\n\nText.\n' }], safe: false }]);
  assert.deepEqual(d.data, data);
  assert.notEqual(d.data, data, 'the data is a copy');
  assert.deepEqual(d.related, []);
});

test('DetachedStrings copies plain data only, and keeps anything else as it is', () => {
  const strings = new DetachedStrings();
  const instance = new Map([['k', 'v']]);
  const copy = strings.value({ a: ['x'.repeat(20)], instance });
  assert.deepEqual(copy, { a: ['x'.repeat(20)], instance });
  assert.equal(copy.instance, instance);
  assert.equal(strings.of('y'.repeat(30)), 'y'.repeat(30));
});

/** A full collection, with V8's `gc` taken from a fresh context (node runs tests without --expose-gc). */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

test('findings keep no page text alive once the index is gone, even when their strings were cut from it', async () => {
  // A page of about 3 MB of random words (a page may have 4), made and dropped inside `findings`; the
  // rule quotes it in every string a finding has.
  const quote = (s: string): string => s.slice(2, 40);
  const findings = async (): Promise<Diagnostic[]> => {
    let seed = 7;
    const words = Array.from({ length: 420_000 }, (_, i) => ((seed = (seed * 48271) % 2147483647) % 1e9).toString(36) + (i % 12 === 11 ? '\n' : ' '));
    const text = `# Big\n\n${words.join('')}\n`;
    assert.ok(text.length > 2_500_000);
    const all = await lintWith({ 'big.md': text }, (path, t) => [{
      span: { start: 2, end: 40 },
      message: `Quoted: ${quote(t)}`,
      fixes: [{ title: quote(t), edits: [{ span: { start: 2, end: 40 }, newText: `${quote(t)}!` }], safe: true }],
      related: [{ path, span: { start: 2, end: 40 }, message: quote(t) + quote(t) }],
      data: { quoted: quote(t) },
    }]);
    return all.get(`${ROOT}/big.md`)!;
  };
  await lintWith(pages(1), () => []); // what the first run sets up once (parsers, vocabulary) is not the findings'
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = await findings();
  collect();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 1);
  assert.ok(grown < 1_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB for one finding of a 3 MB page`);
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine, type Engine } from '../../server/src/engine/engine';
import { applyFixes } from '../../server/src/engine/fix/applyEdits';
import { changedValueKeys, pageValues } from '../../server/src/engine/fix/changedValues';
import { firstSafeFix, fixWorkspace, MAX_FIX_PASSES } from '../../server/src/engine/fix/fixWorkspace';
import { PassLinter } from '../../server/src/engine/fix/passLinter';
import { trackReads } from '../../server/src/engine/fix/readTracker';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import type { OutlineSource } from '../../server/src/engine/model/build';
import type { MarkdownOutline } from '../../server/src/engine/parse/outline';
import type { PageContext, PageRule } from '../../server/src/engine/rules/rule';
import type { Workspace } from '../../server/src/engine/workspace/workspace';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { NodeWorkspace } from '../../server/src/cli/nodeWorkspace';
import { processPage, ROOT, TODAY } from './helpers';

/** What a fix run leaves, per file: the text and the findings that remain. */
interface Outcome {
  readonly passes: number;
  readonly files: ReadonlyArray<{ readonly path: string; readonly fixed: string; readonly remaining: readonly Diagnostic[] }>;
}

/**
 * The fix loop as it was before passes re-checked only what a pass can affect: every pass lints the whole
 * workspace again. The reference the loop must agree with.
 */
function fixByLintingEverything(engine: Engine): Outcome {
  const { index, rules } = engine;
  let results = lintWorkspace(index, rules);
  let passes = 0;
  for (;;) {
    let changed = false;
    if (passes < MAX_FIX_PASSES) {
      for (const [path, diagnostics] of results) {
        const file = index.document(path) ?? index.toc(path);
        const chosen = diagnostics.flatMap((d) => {
          const fix = firstSafeFix(d);
          return fix ? [{ ...fix, ruleId: d.ruleId }] : [];
        });
        if (!file || chosen.length === 0) continue;
        const { text } = applyFixes(file.text, chosen);
        if (text === file.text) continue;
        index.setText(path, text, file.version + 1);
        changed = true;
      }
    }
    if (!changed) break;
    passes++;
    results = lintWorkspace(index, rules);
  }
  const files = [...results].map(([path, remaining]) => ({ path, fixed: (index.document(path) ?? index.toc(path))!.text, remaining }));
  return { passes, files };
}

/** The same run through `fixWorkspace`. */
function fixIncrementally(engine: Engine): Outcome {
  const result = fixWorkspace(engine.index, engine.rules, () => true);
  return { passes: result.passes, files: result.files.map((f) => ({ path: f.path, fixed: f.fixed, remaining: f.remaining })) };
}

async function engineOver(workspace: Workspace, rules?: readonly PageRule[], outlines?: OutlineSource): Promise<Engine> {
  const engine = createEngine(workspace, defaultConfig({ today: TODAY }), rules);
  engine.index.useOutlines(outlines);
  await engine.index.load();
  return engine;
}

/** Outlines kept by text, so that a second run over the same pages (and the same fixed texts) parses nothing again. */
function sharedOutlines(): OutlineSource {
  const kept = new Map<string, MarkdownOutline>();
  return {
    outline(text, parse) {
      let o = kept.get(text);
      if (!o) kept.set(text, (o = parse(text)));
      return o;
    },
  };
}

/**
 * A rule that raises `level-1` to `level-2`, then (next pass) to `level-3`: one safe fix per pass, so a
 * change can land in the second pass, after every file was checked again once.
 */
const stepper: PageRule = {
  id: 'test/stepper', target: 'page', description: 'raises level-1 to level-3, one step per pass', defaultSeverity: 'warning',
  check(ctx) {
    const m = /level-([12])\b/.exec(ctx.doc.text);
    if (!m) return;
    const span = { start: m.index, end: m.index + m[0].length };
    ctx.report({ span, message: 'not level 3 yet', fixes: [{ title: 'Step up', edits: [{ span, newText: `level-${Number(m[1]) + 1}` }], safe: true }] });
  },
};

/** A rule that reports what `look` reads of the workspace on the pages that say `watch` (and counts every check per page). */
function watcher(look: (ctx: PageContext) => string, checks: Map<string, number>): PageRule {
  return {
    id: 'test/watcher', target: 'page', description: 'reports what it reads of other pages', defaultSeverity: 'warning',
    check(ctx) {
      checks.set(ctx.doc.path, (checks.get(ctx.doc.path) ?? 0) + 1);
      if (ctx.doc.text.includes('watch')) ctx.report({ span: { start: 0, end: 0 }, message: look(ctx) });
    },
  };
}

const A = `${ROOT}/en/a.md`;
const B = `${ROOT}/en/b.md`;
const C = `${ROOT}/en/c.md`;
const D = `${ROOT}/en/d.md`;
const messagesOf = (o: Outcome, path: string, rule: string): string[] => o.files.find((f) => f.path === path)!.remaining.filter((d) => d.ruleId === rule).map((d) => d.message);

describe('a fix pass re-checks the files its fixes can affect, and only those', () => {
  it('a page whose check read a page fixed in the second pass is checked again; an unrelated page is not', async () => {
    const checks = new Map<string, number>();
    const look = (ctx: PageContext): string => /level-\d/.exec(ctx.index.document(A)?.text ?? '')?.[0] ?? 'none';
    const files = { 'en/a.md': 'Now at level-1.\n', 'en/b.md': 'I watch a.md.\n', 'en/c.md': 'Nothing to see.\n' };
    const engine = await engineOver(new MemoryWorkspace(ROOT, files), [stepper, watcher(look, checks)]);
    const result = fixIncrementally(engine);
    assert.equal(result.passes, 2);
    assert.equal(result.files.find((f) => f.path === A)!.fixed, 'Now at level-3.\n');
    assert.deepEqual(messagesOf(result, B, 'test/watcher'), ['level-3'], 'b.md sees what the second pass wrote in a.md');
    // The first lint and the first pass check everything (what the first lint read was not recorded).
    assert.deepEqual(Object.fromEntries(checks), { [A]: 3, [B]: 3, [C]: 2 }, 'c.md is not checked again after the second pass');
    assert.deepEqual(result, fixByLintingEverything(await engineOver(new MemoryWorkspace(ROOT, files), [stepper, watcher(look, new Map())])));
  });

  it('a page whose check read the workspace counts of a front-matter key is checked again when a fix changes a value of that key', async () => {
    const checks = new Map<string, number>();
    const look = (ctx: PageContext): string => {
      const key = ctx.doc.text.includes('watch owner') ? 'owner' : 'other';
      return [...ctx.index.valueCounts(key)].map(([v, n]) => `${v}×${n}`).join(', ');
    };
    const files = {
      'en/a.md': '---\nowner: level-1\n---\n\nText.\n',
      'en/b.md': '---\nowner: level-3\n---\n\nI watch owner counts.\n',
      'en/c.md': '---\nother: x\n---\n\nI watch other counts.\n',
    };
    const engine = await engineOver(new MemoryWorkspace(ROOT, files), [stepper, watcher(look, checks)]);
    const result = fixIncrementally(engine);
    assert.equal(result.passes, 2);
    assert.deepEqual(messagesOf(result, B, 'test/watcher'), ['level-3×2'], 'b.md counts the value the second pass gave a.md');
    assert.deepEqual(messagesOf(result, C, 'test/watcher'), ['x×1']);
    assert.deepEqual(Object.fromEntries(checks), { [A]: 3, [B]: 3, [C]: 2 }, 'c.md read only the counts of another key');
  });

  it('a page sharing a task ID with a page whose task a fix renames is checked again (the index relations, through dependentsOf)', async () => {
    const checks = new Map<string, number>();
    // Reads the task registry for the page's own first task, as task rules do: no other page's model is read,
    // so only the dependents of the changed page can tell.
    const look = (ctx: PageContext): string => {
      const id = ctx.doc.taskTables[0]?.rows[0]?.byColumn.id?.text ?? '';
      return `${id}: ${(ctx.index.tasks(ctx.doc.locale).get(id) ?? []).map((u) => u.name).join(' | ')}`;
    };
    const renamed = processPage().replace('| Send Agenda |', '| Send Agenda level-1 |');
    const files = {
      'en/a.md': renamed,
      'en/b.md': processPage().replace('The kickoff meeting starts the engagement.', 'We watch task 5101.'),
      'en/c.md': processPage().replace(/\| 510([12]) /g, '| 520$1 ').replace('The kickoff meeting starts the engagement.', 'We watch our own tasks.'),
    };
    assert.ok(renamed.includes('Send Agenda level-1'), 'the test page carries the step marker in a task name');
    const engine = await engineOver(new MemoryWorkspace(ROOT, files), [stepper, watcher(look, checks)]);
    const result = fixIncrementally(engine);
    assert.equal(result.passes, 2);
    assert.deepEqual(messagesOf(result, B, 'test/watcher'), ['5101: Send Agenda level-3 | Send Agenda']);
    assert.deepEqual(messagesOf(result, C, 'test/watcher'), ['5201: Send Agenda']);
    assert.deepEqual(Object.fromEntries(checks), { [A]: 3, [B]: 3, [C]: 2 }, 'c.md shares no task ID with a.md');
  });
});

describe('the fix loop gives what linting everything after each pass gives', () => {
  it('on the examples', async () => {
    const outlines = sharedOutlines();
    const incremental = fixIncrementally(await engineOver(new NodeWorkspace('examples'), undefined, outlines));
    assert.ok(incremental.passes >= 1, 'the examples have safe fixes');
    assert.deepEqual(incremental, fixByLintingEverything(await engineOver(new NodeWorkspace('examples'), undefined, outlines)));
  });

  it('on the real corpus', { skip: !existsSync('../shared/corpus') && 'no ../shared/corpus here' }, async () => {
    const outlines = sharedOutlines();
    const incremental = fixIncrementally(await engineOver(new NodeWorkspace('../shared/corpus'), undefined, outlines));
    assert.ok(incremental.passes >= 2, 'the corpus needs several passes');
    const everything = fixByLintingEverything(await engineOver(new NodeWorkspace('../shared/corpus'), undefined, outlines));
    assert.equal(incremental.passes, everything.passes);
    assert.equal(incremental.files.length, everything.files.length);
    for (let i = 0; i < everything.files.length; i++) assert.deepEqual(incremental.files[i], everything.files[i], everything.files[i]!.path);
  });
});

describe('what a check reads of the index', () => {
  it('records the pages and the value counts read, and counts reading every page as depending on everything', async () => {
    const engine = await engineOver(new MemoryWorkspace(ROOT, { 'en/a.md': '---\nowner: x\n---\n', 'en/b.md': 'B\n' }));
    const tracker = trackReads(engine.index);
    const some = tracker.record(() => [tracker.index.document(A)?.text, tracker.index.valueCounts('owner').get('x'), tracker.index.exists(B)]);
    assert.deepEqual(some.result, ['---\nowner: x\n---\n', 1, true]);
    assert.deepEqual([...some.reads.files], [A]);
    assert.deepEqual([...some.reads.valueKeys], ['owner']);
    assert.equal(some.reads.everything, false, 'which files exist is not something a fix changes');
    const all = tracker.record(() => engine.index.documents().length + tracker.index.documents().length);
    assert.equal(all.result, 4);
    assert.equal(all.reads.everything, true);
    assert.deepEqual(tracker.record(() => engine.index.document(A)).reads.files.size, 0, 'reads of the index itself are not recorded');
  });
});

describe('PassLinter.affected', () => {
  it('names the files whose last check read a changed page, a changed key, or the translations when a page changed language', async () => {
    const files = { 'en/a.md': '---\nowner: x\n---\n', 'en/b.md': 'B\n', 'en/c.md': 'C\n', 'en/d.md': 'D\n' };
    const reader: PageRule = {
      id: 'test/reader', target: 'page', description: 'reads according to its page', defaultSeverity: 'warning',
      check(ctx) {
        if (ctx.doc.path === B) ctx.index.document(A);
        if (ctx.doc.path === C) ctx.index.valueCounts('owner');
        if (ctx.doc.path === D) ctx.index.sourceOf(ctx.doc);
      },
    };
    const engine = await engineOver(new MemoryWorkspace(ROOT, files), [reader]);
    const linter = new PassLinter(engine.index, engine.rules);
    const paths = [A, B, C, D, `${ROOT}/en/e.md`];
    for (const p of paths.slice(0, 4)) linter.lint(p);
    const none = { changed: new Set<string>(), dependents: new Set<string>(), valueKeys: new Set<string>(), folderValueKeys: new Set<string>(), pageIdentityChanged: false };
    assert.deepEqual(linter.affected(paths, none), [`${ROOT}/en/e.md`], 'a file never checked with recording is always checked');
    assert.deepEqual(linter.affected(paths, { ...none, changed: new Set([A]) }), [A, B, `${ROOT}/en/e.md`]);
    assert.deepEqual(linter.affected(paths, { ...none, changed: new Set([A]), valueKeys: new Set(['owner']) }), [A, B, C, `${ROOT}/en/e.md`]);
    assert.deepEqual(linter.affected(paths, { ...none, changed: new Set([A]), pageIdentityChanged: true }), [A, B, D, `${ROOT}/en/e.md`]);
    assert.deepEqual(linter.affected(paths, { ...none, changed: new Set([A]), dependents: new Set([C]) }), [A, B, C, `${ROOT}/en/e.md`]);
  });
});

describe('changedValueKeys', () => {
  it('names the keys whose values a change added, removed or altered, duplicates included', async () => {
    const before = '---\nowner: x\nowner: x\nms.date: 1/2/2026\ntitle: T\nkeep: k\n---\n';
    const after = '---\nowner: x\nms.date: 1/3/2026\nkeep: k\nadded: a\ntitle: T\n---\n';
    const engine = await engineOver(new MemoryWorkspace(ROOT, { 'en/a.md': before, 'en/b.md': after }));
    const keys = changedValueKeys(pageValues(engine.index.document(A)), pageValues(engine.index.document(B)));
    assert.deepEqual([...keys].sort(), ['added', 'ms.date', 'owner']);
    assert.deepEqual([...changedValueKeys(pageValues(engine.index.document(A)), pageValues(undefined))].sort(), ['keep', 'ms.date', 'owner', 'title']);
  });
});

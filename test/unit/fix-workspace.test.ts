import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstSafeFix, fixesOfRule, fixFile, fixWorkspace, appliedByRule } from '../../server/src/engine/fix/fixWorkspace';
import { applyEdits } from '../../server/src/engine/fix/applyEdits';
import type { TextEdit } from '../../server/src/engine/lint/diagnostic';
import type { PageRule } from '../../server/src/engine/rules/rule';
import { lint, processPage, tocFor, ROOT } from './helpers';

const PAGE = 'en/initiate-hold-kickoff.md';
const ABS = `${ROOT}/${PAGE}`;

/** A process page with six defects that each have a safe fix, none of them touching another. */
function defectivePage(): string {
  return processPage({
    frontMatter: [
      'description: FastTrack Partner Playbook - Hold Kickoff Meeting', 'author: Nora Collins', 'ms.author: v-nocoll', 'manager: ranadir',
      'ms.date: 03/15/2026', 'ms.topic: partner-playbook', 'ms.prod: non-product-specific', 'ms.custom: partner-playbook',
      'ft.audience: partner', 'ft.owner: ranadir', 'ft.owner: ranadir',
    ].join('\n'),
    refresh: [
      '| Date | Who Changed | What Changed |  ',
      '| ---- | ----------- | ------------ |',
      '| 03/15/2026 | Nora Collins | Created page |  ',
      '| 10/02/2026 | Nora Collins | Updated links |',
    ].join('\n'),
  })
    .replace('| 5102    | Book Room   | O |', '| 5102    | Book Room   | o |')
    .replace('The kickoff meeting starts the engagement.', 'The kickoff meeting starts the engagement.   \n\n> [!note]\n> Bring the agenda.');
}

/** The same page with a BOM and CRLF line endings. */
const crlf = (text: string): string => '\uFEFF' + text.replace(/\n/g, '\r\n');

/** Asserts that `after` is `before` with the edits applied and nothing else changed: every character outside the edits kept. */
function assertOnlyEditsChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start);
  let at = 0;
  let o = 0;
  for (const e of sorted) {
    const kept = before.slice(at, e.span.start);
    assert.equal(after.slice(o, o + kept.length), kept, `text before offset ${e.span.start} changed`);
    o += kept.length;
    assert.equal(after.slice(o, o + e.newText.length), e.newText);
    o += e.newText.length;
    at = e.span.end;
  }
  assert.equal(after.slice(o), before.slice(at), 'text after the last edit changed');
}

describe('fixWorkspace', () => {
  it('applies every safe fix of a page in one pass and leaves nothing fixable', async () => {
    const r = await lint({ [PAGE]: defectivePage(), 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    const before = r.of(PAGE).map((d) => d.ruleId);
    assert.deepEqual(before, ['frontmatter/schema', 'refresh/ms-date-stale', 'frontmatter/duplicate-key', 'alert/keyword', 'tasks/mandatory-letter', 'refresh/order']);
    const result = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    assert.equal(result.passes, 1);
    assert.equal(result.converged, true);
    const file = result.files.find((f) => f.path === ABS)!;
    assert.deepEqual(file.remaining, []);
    assert.deepEqual([...appliedByRule(result.files).keys()], ['alert/keyword', 'frontmatter/duplicate-key', 'frontmatter/schema', 'refresh/ms-date-stale', 'refresh/order', 'tasks/mandatory-letter']);
    assert.equal(r.engine.index.document(ABS)!.text, file.fixed, 'the index holds the fixed text');
    assert.ok(file.fixed.startsWith('---\ntitle: Hold Kickoff Meeting\ndescription:'), 'title inserted first, from the H1');
    assert.ok(file.fixed.includes('ms.date: 10/02/2026\n'));
    assert.equal(file.fixed.split('ft.owner: ranadir').length, 2, 'the repeated key is gone');
    assert.ok(file.fixed.includes('> [!NOTE]\n'));
    assert.ok(file.fixed.includes('| 5102    | Book Room   | O |'));
    assert.ok(file.fixed.endsWith('| 10/02/2026 | Nora Collins | Updated links |\n| 03/15/2026 | Nora Collins | Created page |  \n'), 'rows sorted, each with its own text');
  });

  it('never changes text outside the edits of the fixes it applies', async () => {
    for (const text of [defectivePage(), crlf(defectivePage())]) {
      const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
      const edits = r.of(PAGE).flatMap((d) => firstSafeFix(d)?.edits ?? []);
      assert.equal(edits.length, 6);
      const result = fixWorkspace(r.engine.index, r.engine.rules, () => true);
      assert.equal(result.passes, 1, 'these fixes do not meet: one pass applies them all');
      const fixed = result.files.find((f) => f.path === ABS)!.fixed;
      assertOnlyEditsChanged(text, fixed, edits);
      assert.equal(fixed, applyEdits(text, edits));
    }
  });

  it('keeps the BOM, CRLF line endings and trailing spaces, and inserts lines with CRLF', async () => {
    const text = crlf(defectivePage());
    const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    const fixed = fixWorkspace(r.engine.index, r.engine.rules, () => true).files.find((f) => f.path === ABS)!.fixed;
    assert.ok(fixed.startsWith('\uFEFF---\r\ntitle: Hold Kickoff Meeting\r\n'), JSON.stringify(fixed.slice(0, 60)));
    assert.equal(/(^|[^\r])\n/.test(fixed), false, 'no bare LF');
    assert.equal(/\r(?!\n)/.test(fixed), false, 'no bare CR');
    assert.ok(fixed.includes('The kickoff meeting starts the engagement.   \r\n'));
    assert.ok(fixed.includes('| Date | Who Changed | What Changed |  \r\n'));
    assert.ok(fixed.includes('Phase: **Initiate**  \r\n'));
    assert.equal(fixed.split('\uFEFF').length, 2, 'one BOM, at the start');
  });

  it('runs more passes when one fix stands in the way of another, until none is left', async () => {
    // The sort covers every row, so the deletion of the repeated row waits for the next pass.
    const refresh = [
      '| Date | Who Changed | What Changed |', '| ---- | ----------- | ------------ |',
      '| 03/15/2026 | Nora Collins | Created page |', '| 10/02/2026 | Nora Collins | Updated links |', '| 03/15/2026 | Nora Collins | Created page |',
    ].join('\n');
    const r = await lint({ [PAGE]: processPage({ refresh }), 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    assert.deepEqual(r.of(PAGE).map((d) => d.ruleId), ['refresh/order', 'refresh/duplicate-row']);
    const result = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    assert.equal(result.passes, 2);
    const file = result.files.find((f) => f.path === ABS)!;
    assert.equal(file.fixed, processPage(), 'sorted, and the repeat deleted');
    assert.deepEqual(file.applied.map((a) => [a.ruleId, a.count]), [['refresh/order', 1], ['refresh/duplicate-row', 1]]);
    assert.deepEqual(file.remaining, []);
  });

  it('re-lints every file against the fixed ones: a fix in one page clears a finding in another', async () => {
    const page = (title: string, ...body: string[]): string => ['---', `title: ${title}`, '---', '', `# ${title}`, '', ...body, ''].join('\n');
    const files = {
      'a.md': page('Page A', '[!INCLUDE [contacts](includes/Contacts.md)]'),
      'includes/contacts.md': '## Escalation Contacts\n\nCall us.\n',
      'b.md': page('Page B', 'See [the contacts](a.md#escalation-contacts).'),
    };
    const r = await lint(files, { rules: ['include/no-such-file', 'link/no-such-heading'] });
    assert.deepEqual(r.findings('a.md'), [{ rule: 'include/no-such-file', line: 7, text: 'includes/Contacts.md' }]);
    assert.deepEqual(r.findings('b.md'), [{ rule: 'link/no-such-heading', line: 7, text: 'escalation-contacts' }]);
    assert.deepEqual(r.of('b.md')[0]!.fixes, [], 'no heading of a.md is near: nothing to fix in b.md itself');
    const result = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    const a = result.files.find((f) => f.path === `${ROOT}/a.md`)!;
    const b = result.files.find((f) => f.path === `${ROOT}/b.md`)!;
    assert.equal(a.fixed, files['a.md'].replace('includes/Contacts.md', 'includes/contacts.md'));
    assert.equal(b.fixed, b.original, 'b.md is not edited');
    assert.deepEqual(b.remaining, [], 'its finding is gone once a.md includes the heading');
  });

  it('only edits the files the filter accepts', async () => {
    const r = await lint({ 'en/a.md': crlf(defectivePage()), [PAGE]: defectivePage() });
    const result = fixWorkspace(r.engine.index, r.engine.rules, (p) => p === ABS);
    assert.deepEqual(result.files.map((f) => f.path), [ABS]);
    assert.equal(r.engine.index.document(`${ROOT}/en/a.md`)!.text, crlf(defectivePage()));
  });

  it('is idempotent: fixing the fixed workspace changes nothing', async () => {
    const r = await lint({ [PAGE]: crlf(defectivePage()), 'en/other.md': defectivePage(), 'en/toc.yml': tocFor('initiate-hold-kickoff.md', 'other.md') });
    const first = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    assert.ok(first.files.some((f) => f.fixed !== f.original));
    const second = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    assert.equal(second.passes, 0);
    for (const f of second.files) {
      assert.equal(f.fixed, f.original, f.path);
      assert.equal(f.fixed, first.files.find((x) => x.path === f.path)!.fixed);
      assert.deepEqual(f.applied, []);
    }
  });

  it('stops after the pass limit when fixes undo each other, and says it did not settle', async () => {
    const flip: PageRule = {
      id: 'test/flip', target: 'page', description: 'flips ping and pong', defaultSeverity: 'warning',
      check(ctx) {
        const m = /ping|pong/.exec(ctx.doc.text);
        if (!m) return;
        const other = m[0] === 'ping' ? 'pong' : 'ping';
        ctx.report({ span: { start: m.index, end: m.index + 4 }, message: 'flip', fixes: [{ title: `Write ${other}`, edits: [{ span: { start: m.index, end: m.index + 4 }, newText: other }], safe: true }] });
      },
    };
    const r = await lint({ 'a.md': 'ping\n' }, { rules: ['alert/keyword'] });
    const result = fixWorkspace(r.engine.index, [flip], () => true, { maxPasses: 3 });
    assert.equal(result.passes, 3);
    assert.equal(result.converged, false);
    assert.equal(result.files[0]!.fixed, 'pong\n');
    assert.equal(result.files[0]!.remaining.length, 1);
  });

  it('applies no unsafe fix', async () => {
    const text = processPage({ frontMatter: processPage().split('\n').slice(1, 12).join('\n').replace('title: FastTrack Partner Playbook - Hold Kickoff Meeting', 'title: FastTrack Partner Playbook - Something Else') });
    const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    const d = r.of(PAGE).find((x) => x.ruleId === 'frontmatter/title-h1');
    assert.ok(d && d.fixes.length === 1 && !d.fixes[0]!.safe, 'the title fix is offered, unsafe');
    const result = fixWorkspace(r.engine.index, r.engine.rules, () => true);
    assert.equal(result.passes, 0);
    assert.equal(result.files.find((f) => f.path === ABS)!.fixed, text);
  });
});

describe('fixes on a CRLF page', () => {
  it('every fix, safe or not, writes the page\'s own line ending and keeps the BOM', async () => {
    const lf = defectivePage()
      .replace('ms.topic: partner-playbook\n', '')
      .replace('Phase: **Initiate**  \n\n', '')
      .replace('Applies To: **All Services**  \n', '')
      .replace('## Key Outputs\n\n- An agreed plan.\n\n', '')
      .replace(/## Refresh Summary[\s\S]*$/, '');
    const text = crlf(lf);
    const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    const diagnostics = r.of(PAGE);
    const rules = new Set(diagnostics.filter((d) => d.fixes.some((f) => f.edits.some((e) => e.newText.includes('\n')))).map((d) => d.ruleId));
    for (const id of ['frontmatter/schema', 'structure/phase', 'structure/step-labels', 'structure/required-sections', 'refresh/missing']) {
      assert.ok(rules.has(id), `${id} offers a fix that inserts lines (it has: ${[...rules].join(', ')})`);
    }
    for (const d of diagnostics) {
      for (const fix of d.fixes) {
        const fixed = applyEdits(text, fix.edits);
        assert.equal(/(^|[^\r])\n/.test(fixed), false, `${d.ruleId} "${fix.title}" writes a bare LF`);
        assert.ok(fixed.startsWith('\uFEFF'), `${d.ruleId} "${fix.title}" loses the BOM`);
      }
    }
  });
});

describe('fixFile', () => {
  it('fixes one page, hands back one edit, and leaves the index as it was', async () => {
    const text = crlf(defectivePage());
    const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    const result = fixFile(r.engine.index, r.engine.rules, ABS);
    assert.equal(result.passes, 1);
    assert.deepEqual(result.remaining, []);
    assert.equal(applyEdits(text, [result.edit!]), result.fixed);
    assert.equal(r.engine.index.document(ABS)!.text, text, 'the editor applies the edit, not the server');
    const kept = fixFile(r.engine.index, r.engine.rules, ABS, { keep: true });
    assert.equal(r.engine.index.document(ABS)!.text, kept.fixed);
    assert.equal(fixFile(r.engine.index, r.engine.rules, ABS).edit, undefined, 'nothing left to fix');
  });

  it('"fix all of this rule" applies only that rule, its single unsafe fix included, never a choice between fixes', async () => {
    const text = processPage({ frontMatter: processPage().split('\n').slice(1, 12).join('\n').replace('- Hold Kickoff Meeting', '- Hold Kickoff').replace('ms.author: v-nocoll', 'ms.author: v-nocoll\nmanager: someone') });
    const r = await lint({ [PAGE]: text, 'en/toc.yml': tocFor('initiate-hold-kickoff.md') });
    assert.deepEqual(r.of(PAGE).map((d) => d.ruleId).sort(), ['frontmatter/duplicate-key', 'frontmatter/title-h1']);
    const titles = fixFile(r.engine.index, r.engine.rules, ABS, { choose: fixesOfRule('frontmatter/title-h1') });
    assert.ok(titles.fixed.includes('title: FastTrack Partner Playbook - Hold Kickoff Meeting\n'));
    assert.deepEqual(titles.remaining.map((d) => d.ruleId), ['frontmatter/duplicate-key']);
    const duplicates = fixFile(r.engine.index, r.engine.rules, ABS, { choose: fixesOfRule('frontmatter/duplicate-key') });
    assert.equal(duplicates.edit, undefined, 'keep-this or keep-that is the author\'s choice');
  });
});

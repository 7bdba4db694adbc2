import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'structure/required-sections';
const PAGE = 'initiate-hold-kickoff.md';

/** A German process page built from the sections given (each `## heading` plus one line of text). */
function germanPage(sections: string[]): string {
  const body = sections.map((s) => `## ${s}\n\nText.\n`).join('\n');
  return `---\ntitle: T\n---\n\n# Kick-off durchführen\n\nPhase: **Einleitung**  \n\n${body}`;
}
const DE_ALL = ['Übersicht', 'Ziele', 'Methode', 'Wichtige Inputs', 'Wichtige Ergebnisse', 'Nächste Schritte', 'Zusammenfassung der Aktualisierung'];

describe('structure/required-sections', () => {
  it('accepts a complete process page', async () => {
    const r = await lint({ [PAGE]: processPage() }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), []);
  });

  it('reports a missing section on the heading it should follow, and inserts its skeleton there', async () => {
    const text = processPage().replace('## Key Outputs\n\n- An agreed plan.\n\n', '');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 43, text: 'Key Inputs' }]);
    const d = r.of(PAGE)[0]!;
    assert.equal(d.message, 'The page has no `Key Outputs` section: every process page needs one, after `Key Inputs`.');
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('- A signed agreement.\n\n## Key Outputs\n\n## Next Steps\n'), fixed);
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('reports a missing first section on the title and inserts it after the phase line', async () => {
    const text = processPage().replace('## Overview\n\nThe kickoff meeting starts the engagement.\n\n', '');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 15, text: 'Hold Kickoff Meeting' }]);
    const fixed = applyFix(text, r.of(PAGE)[0]!);
    assert.ok(fixed.includes('Phase: **Initiate**  \n\n## Overview\n\n## Objectives\n'), fixed);
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('leaves a missing refresh summary to refresh/missing, which owns that finding', async () => {
    const text = processPage().replace(/## Refresh Summary[\s\S]*$/, '');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), []);
  });

  it('appends a missing last section at the end of the page', async () => {
    const text = processPage().replace(/## Next Steps[\s\S]*$/, '');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 47, text: 'Key Outputs' }]);
    const fixed = applyFix(text, r.of(PAGE)[0]!);
    assert.ok(fixed.endsWith('- An agreed plan.\n\n## Next Steps\n'), JSON.stringify(fixed.slice(-60)));
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('checks a German page through the German headings and names the section in German and English', async () => {
    const ok = await lint({ 'initiate-x-de.md': germanPage(DE_ALL) }, { rules: [RULE] });
    assert.deepEqual(ok.findings('initiate-x-de.md'), []);
    const text = germanPage(DE_ALL.filter((s) => s !== 'Ziele'));
    const r = await lint({ 'initiate-x-de.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-x-de.md'), [{ rule: RULE, line: 9, text: 'Übersicht' }]);
    assert.equal(r.of('initiate-x-de.md')[0]!.message, 'The page has no `Ziele` section (`Objectives` in English): every process page needs one, after `Übersicht`.');
    const fixed = applyFix(text, r.of('initiate-x-de.md')[0]!);
    assert.ok(fixed.includes('Text.\n\n## Ziele\n\n## Methode\n'), fixed);
    assert.deepEqual((await lint({ 'initiate-x-de.md': fixed }, { rules: [RULE] })).findings('initiate-x-de.md'), []);
  });

  it('understands a drifted but known heading variant (Ansatz for Methode)', async () => {
    const r = await lint({ 'initiate-x-de.md': germanPage(DE_ALL.map((s) => (s === 'Methode' ? 'Ansatz' : s))) }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-x-de.md'), []);
  });

  it('does not hold a page to its kind when it has none of the playbook sections', async () => {
    const text = '---\ntitle: T\n---\n\n### Engagement Scenario Tab\n\nA report.\n\n### Refresh Summary\n\n| Date |\n|---|\n| 1/1/2020 |\n';
    const r = await lint({ 'engagement-scenario-tab.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('engagement-scenario-tab.md'), []);
    const strict = { rules: { [RULE]: { severity: 'error' as const, options: { skipWhenNonePresent: false } } } };
    const r2 = await lint({ 'engagement-scenario-tab.md': text }, { rules: [RULE], config: strict });
    assert.equal(r2.findings('engagement-scenario-tab.md').length, 6);
  });

  it('ignores pages whose kind requires nothing, and sections named in the ignore option', async () => {
    const r = await lint({ 'guidance-notes.md': '---\ntitle: T\n---\n\n# Notes\n\nText.\n' }, { rules: [RULE] });
    assert.deepEqual(r.findings('guidance-notes.md'), []);
    const text = processPage().replace(/## Refresh Summary[\s\S]*$/, '');
    const config = { rules: { [RULE]: { severity: 'error' as const, options: { ignore: ['refreshSummary'] } } } };
    const r2 = await lint({ [PAGE]: text }, { rules: [RULE], config });
    assert.deepEqual(r2.findings(PAGE), []);
  });
});

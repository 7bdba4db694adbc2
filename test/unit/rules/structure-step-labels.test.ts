import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'structure/step-labels';
const PAGE = 'initiate-hold-kickoff.md';

/** A process page whose Approach holds the given step text (headings included). */
function withSteps(steps: string, approach = 'Approach', fileLang: 'en' | 'de' = 'en'): string {
  if (fileLang === 'de') {
    return `---\ntitle: T\n---\n\n# Kick-off\n\nPhase: **Einleitung**  \n\n## Übersicht\n\nText.\n\n## ${approach}\n\n${steps}\n## Nächste Schritte\n\nText.\n`;
  }
  return processPage({ body: `## Overview\n\nText.\n\n## ${approach}\n\n${steps}\n## Next Steps\n\nText.` });
}

describe('structure/step-labels', () => {
  it('accepts steps with both labels, Motions optional, plural labels and uncategorized `-` steps', async () => {
    const steps = [
      '### Prepare', '', 'Primary Role: **FastTrack Manager**  ', 'Motions: **Onboarding**  ', 'Applies To: **All Services**', '', 'Text.', '',
      '### Align', '', 'Primary Roles: **FastTrack Manager, SME**  ', 'Applies To: **Exchange / SharePoint /', 'Teams**', '', 'Text.', '',
      '### Uncategorized Tasks (Hold Kickoff)', '', 'Primary Role: **-**  ', 'Applies To: **-**', '',
      '### Refresh Summary', '', 'A misplaced section, not a step.', '',
    ].join('\n');
    const r = await lint({ [PAGE]: withSteps(steps), 'initiate-x-de.md': withSteps('### Planen\n\nPrimäre Rollen: **SME**  \nGilt für: **Teams**\n', 'Methode', 'de') }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), []);
    assert.deepEqual(r.findings('initiate-x-de.md'), []);
  });

  it('reports a missing Applies To on the step heading, with a fix inserting it after the role', async () => {
    const text = withSteps('### Prepare\n\nPrimary Role: **FastTrack Manager**  \n\nText.\n');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 25, text: 'Prepare' }]);
    const d = r.of(PAGE)[0]!;
    assert.equal(d.message, 'Step `Prepare` has no `Applies To:` line: every step names it right under its heading, like `Applies To: **…**`.');
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('### Prepare\n\nPrimary Role: **FastTrack Manager**  \nApplies To: **TODO**  \n\nText.'), fixed);
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('inserts a missing Primary Role before Applies To', async () => {
    const text = withSteps('### Prepare\n\nApplies To: **Teams**\n\nText.\n');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 25, text: 'Prepare' }]);
    const fixed = applyFix(text, r.of(PAGE)[0]!);
    assert.ok(fixed.includes('### Prepare\n\nPrimary Role: **TODO**  \nApplies To: **Teams**\n'), fixed);
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('reports both labels of a bare step, uncategorized steps included, and fixes them one after the other', async () => {
    const text = withSteps('### Uncategorized Tasks (Hold Kickoff)\nSome text.\n');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [
      { rule: RULE, line: 25, text: 'Uncategorized Tasks (Hold Kickoff)' },
      { rule: RULE, line: 25, text: 'Uncategorized Tasks (Hold Kickoff)' },
    ]);
    const role = r.of(PAGE).find((d) => d.data?.label === 'primaryRole')!;
    const once = applyFix(text, role);
    assert.ok(once.includes('### Uncategorized Tasks (Hold Kickoff)\n\nPrimary Role: **TODO**  \n\nSome text.'), once);
    const r2 = await lint({ [PAGE]: once }, { rules: [RULE] });
    assert.deepEqual(r2.findings(PAGE), [{ rule: RULE, line: 25, text: 'Uncategorized Tasks (Hold Kickoff)' }]);
    const twice = applyFix(once, r2.of(PAGE)[0]!);
    assert.ok(twice.includes('Primary Role: **TODO**  \nApplies To: **TODO**  \n\nSome text.'), twice);
    assert.deepEqual((await lint({ [PAGE]: twice }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('names the missing label in the page\'s language', async () => {
    const r = await lint({ 'initiate-x-de.md': withSteps('### Planen\n\nPrimäre Rolle: **SME**\n', 'Methode', 'de') }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-x-de.md'), [{ rule: RULE, line: 15, text: 'Planen' }]);
    assert.equal(r.of('initiate-x-de.md')[0]!.message, 'Step `Planen` has no `Gilt für:` line: every step names it right under its heading, like `Gilt für: **…**`.');
  });

  it('reports a label word of another language, with a safe fix', async () => {
    const text = withSteps('### Planen\n\nPrimäre Rolle: **SME**  \nApplies To: **Teams**\n', 'Methode', 'de');
    const r = await lint({ 'initiate-x-de.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-x-de.md'), [{ rule: RULE, line: 18, text: 'Applies To' }]);
    const d = r.of('initiate-x-de.md')[0]!;
    assert.equal(d.message, '`Applies To` is not the German label: in German pages write `Gilt für:`.');
    assert.equal(d.fixes[0]!.safe, true);
    const fixed = applyFix(text, d);
    assert.deepEqual((await lint({ 'initiate-x-de.md': fixed }, { rules: [RULE] })).findings('initiate-x-de.md'), []);
  });

  it('checks only the configured kinds and labels', async () => {
    const approach = '---\ntitle: T\n---\n\n# Get Modern\n\n## Overview\n\nText.\n\n## Approach\n\n### Kickoff\n\nText.\n';
    const r = await lint({ 'approach-get-modern.md': approach }, { rules: [RULE] });
    assert.deepEqual(r.findings('approach-get-modern.md'), []);
    const config = { rules: { [RULE]: { severity: 'error' as const, options: { kinds: ['process', 'approach'], required: ['motions'] } } } };
    const r2 = await lint({ 'approach-get-modern.md': approach }, { rules: [RULE], config });
    assert.deepEqual(r2.findings('approach-get-modern.md'), [{ rule: RULE, line: 13, text: 'Kickoff' }]);
    assert.match(r2.of('approach-get-modern.md')[0]!.message, /no `Motions:` line/);
  });
});

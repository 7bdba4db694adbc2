import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'structure/phase';
const PAGE = 'initiate-hold-kickoff.md';

/** A small page: title, a phase line (when given), one section. */
function page(phaseLine: string | undefined, h1 = 'Title', section = 'Overview'): string {
  return `---\ntitle: T\n---\n\n# ${h1}\n\n${phaseLine === undefined ? '' : `${phaseLine}  \n\n`}## ${section}\n\nText.\n`;
}

describe('structure/phase', () => {
  it('accepts a known phase of the page language that matches the file name', async () => {
    const r = await lint({
      [PAGE]: processPage(),
      'success-review-sc.md': page('阶段：**成功**', '举办成功评审会', '概述'),
      'assess-workshop-de.md': page('Phase: **Analyse**', 'Workshop', 'Übersicht'),
      'multiple-phases-onboarding.md': page('Phase: **Automated Onboarding Phases**'),
    }, { rules: [RULE] });
    for (const p of [PAGE, 'success-review-sc.md', 'assess-workshop-de.md', 'multiple-phases-onboarding.md']) assert.deepEqual(r.findings(p), [], p);
  });

  it('reports a missing phase line on the title, with a fix taken from the file name', async () => {
    const text = processPage().replace('Phase: **Initiate**  \n\n', '');
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 15, text: 'Hold Kickoff Meeting' }]);
    const d = r.of(PAGE)[0]!;
    assert.equal(d.message, 'The page has no `Phase:` line: every process page states its phase right after the title, like `Phase: **Initiate**`.');
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('# Hold Kickoff Meeting\n\nPhase: **Initiate**  \n\n## Overview'), fixed);
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('does not ask pages of kinds without phases for one', async () => {
    const r = await lint({ 'guidance-notes.md': page(undefined), 'phase-assess.md': page(undefined) }, { rules: [RULE] });
    assert.deepEqual(r.findings('guidance-notes.md'), []);
    assert.deepEqual(r.findings('phase-assess.md'), []);
  });

  it('names the right phase word when a translated page uses another language\'s, with a safe fix', async () => {
    const text = page('Phase: **Initiate**', 'Kick-off', 'Übersicht');
    const r = await lint({ 'initiate-kickoff-de.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-kickoff-de.md'), [{ rule: RULE, line: 7, text: 'Initiate' }]);
    const d = r.of('initiate-kickoff-de.md')[0]!;
    assert.equal(d.message, '`Initiate` is the English phase name; in German pages write `Einleitung`.');
    assert.equal(d.fixes[0]!.safe, true);
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('Phase: **Einleitung**'));
    assert.deepEqual((await lint({ 'initiate-kickoff-de.md': fixed }, { rules: [RULE] })).findings('initiate-kickoff-de.md'), []);
  });

  it('suggests the nearest phase of the page language for a misspelt one', async () => {
    const r = await lint({ [PAGE]: processPage({ phase: 'Intiate' }) }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 17, text: 'Intiate' }]);
    assert.equal(r.of(PAGE)[0]!.message,
      '`Intiate` is not a known phase: did you mean `Initiate`? English pages use one of `Initiate`, `Assess`, `Remediate`, `Enable`, `Migrate`, `Success`, `Multiple Phases`.');
    assert.equal(r.of(PAGE)[0]!.fixes[0]!.safe, false);
  });

  it('falls back to the file name\'s phase when an unknown word is close to none', async () => {
    const r = await lint({ 'success-review-pr.md': page('Fase: **essenciais**', 'Revisão', 'Visão geral') }, { rules: [RULE] });
    assert.deepEqual(r.findings('success-review-pr.md'), [{ rule: RULE, line: 7, text: 'essenciais' }]);
    assert.match(r.of('success-review-pr.md')[0]!.message, /^`essenciais` is not a known phase: did you mean `Sucesso`\? Portuguese \(Brazil\) pages use one of `Iniciar`/);
  });

  it('reports a phase that contradicts the file name, and can be told not to', async () => {
    const text = page('Phase: **Enable**');
    const r = await lint({ 'assess-workshop.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('assess-workshop.md'), [{ rule: RULE, line: 7, text: 'Enable' }]);
    assert.equal(r.of('assess-workshop.md')[0]!.message, 'The phase `Enable` does not match the file name `assess-workshop.md`, which puts the page in the `Assess` phase.');
    const off = { rules: { [RULE]: { severity: 'error' as const, options: { checkFileName: false } } } };
    assert.deepEqual((await lint({ 'assess-workshop.md': text }, { rules: [RULE], config: off })).findings('assess-workshop.md'), []);
  });

  it('reports a label word of another language, with a safe fix', async () => {
    const text = page('Phase: **Iniciar**', 'Inicio', 'Descripción general');
    const r = await lint({ 'initiate-kickoff-es.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-kickoff-es.md'), [{ rule: RULE, line: 7, text: 'Phase' }]);
    assert.equal(r.of('initiate-kickoff-es.md')[0]!.message, '`Phase` is not the Spanish label: in Spanish pages write `Fase:`.');
    const fixed = applyFix(text, r.of('initiate-kickoff-es.md')[0]!);
    assert.deepEqual((await lint({ 'initiate-kickoff-es.md': fixed }, { rules: [RULE] })).findings('initiate-kickoff-es.md'), []);
  });

  it('reports a phase line that is not right after the title', async () => {
    const text = '---\ntitle: T\n---\n\n# Title\n\n## Overview\n\nPhase: **Initiate**  \n\nText.\n';
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 9, text: 'Phase' }]);
    assert.match(r.of(PAGE)[0]!.message, /belongs right after the page title `Title`/);
  });
});

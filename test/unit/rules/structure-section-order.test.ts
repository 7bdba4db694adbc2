import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'structure/section-order';
const PAGE = 'assess-run-workshop.md';

/** A process page of the given `## ` sections (each with one line of text), in the given language's words. */
function page(sections: string[], h1 = 'Run Workshop', phase = 'Phase: **Assess**'): string {
  const body = sections.map((s) => `${s.startsWith('#') ? s : `## ${s}`}\n\nText.\n`).join('\n');
  return `---\ntitle: T\n---\n\n# ${h1}\n\n${phase}  \n\n${body}`;
}
const EN = ['Overview', 'Objectives', 'Approach', 'Key Inputs', 'Key Outputs', 'Next Steps', 'Refresh Summary'];

describe('structure/section-order', () => {
  it('accepts sections in canonical order, and ignores sections the kind does not require', async () => {
    const r = await lint({ [PAGE]: processPage(), 'assess-b.md': page([...EN.slice(0, 6), 'Data Collected', 'Refresh Summary']) }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), []);
    assert.deepEqual(r.findings('assess-b.md'), []);
  });

  it('reports the one section that is out of place, saying where it belongs', async () => {
    const r = await lint({ [PAGE]: page(['Overview', 'Objectives', 'Key Inputs', 'Key Outputs', 'Approach', 'Next Steps', 'Refresh Summary']) }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 25, text: 'Approach' }]);
    assert.equal(r.of(PAGE)[0]!.message, '`Approach` is out of order: it belongs between `Objectives` and `Key Inputs`.');
  });

  it('reports a required section that appears twice, on the second one', async () => {
    const r = await lint({ [PAGE]: page(['Overview', 'Objectives', 'Approach', 'Key Inputs', 'Key Inputs', 'Key Outputs', 'Next Steps', 'Refresh Summary']) }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 25, text: 'Key Inputs' }]);
    assert.match(r.of(PAGE)[0]!.message, /`Key Inputs` appears again \(first at line 21\)/);
  });

  it('reports a required section written at another level, with a fix to the usual level', async () => {
    const text = page(['Overview', 'Objectives', 'Approach', 'Key Inputs', 'Key Outputs', 'Next Steps', '### Refresh Summary']);
    const r = await lint({ [PAGE]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), [{ rule: RULE, line: 33, text: 'Refresh Summary' }]);
    const fixed = applyFix(text, r.of(PAGE)[0]!);
    assert.ok(fixed.includes('\n## Refresh Summary\n'));
    assert.deepEqual((await lint({ [PAGE]: fixed }, { rules: [RULE] })).findings(PAGE), []);
  });

  it('leaves a second H1 section to structure/single-h1', async () => {
    const r = await lint({ [PAGE]: page([...EN.slice(0, 6), '# Refresh Summary']) }, { rules: [RULE] });
    assert.deepEqual(r.findings(PAGE), []);
  });

  it('checks Japanese pages through the Japanese headings', async () => {
    const ja = ['概要', '目標', 'アプローチ', '重要な情報', '主な結果', '次のステップ', '概要の更新'];
    const good = page(ja, 'ワークショップ', 'フェーズ: **調査**');
    const bad = page([ja[0]!, ja[2]!, ja[1]!, ...ja.slice(3)], 'ワークショップ', 'フェーズ: **調査**');
    const r = await lint({ 'assess-x-jp.md': good, 'assess-y-jp.md': bad }, { rules: [RULE] });
    assert.deepEqual(r.findings('assess-x-jp.md'), []);
    assert.deepEqual(r.findings('assess-y-jp.md'), [{ rule: RULE, line: 13, text: 'アプローチ' }]);
    assert.equal(r.of('assess-y-jp.md')[0]!.message, '`アプローチ` is out of order: it belongs between `目標` and `重要な情報`.');
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'structure/single-h1';
const FM = '---\ntitle: T\n---\n';

describe('structure/single-h1', () => {
  it('accepts a page with exactly one H1', async () => {
    const r = await lint({ 'initiate-hold-kickoff.md': processPage() }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-hold-kickoff.md'), []);
  });

  it('reports every extra H1 on its text, with a fix that makes it a level-2 heading', async () => {
    const text = `${FM}\n# Guide\n\nIntro.\n\n# More Things\n\nBody.\n\n#  Refresh Summary\n`;
    const r = await lint({ 'guide.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('guide.md'), [
      { rule: RULE, line: 9, text: 'More Things' },
      { rule: RULE, line: 13, text: 'Refresh Summary' },
    ]);
    const d = r.of('guide.md')[0]!;
    assert.match(d.message, /`More Things` is a second level-1 heading: a page has one title \(`Guide`\)/);
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('\n## More Things\n'));
    const again = await lint({ 'guide.md': fixed }, { rules: [RULE] });
    assert.deepEqual(again.findings('guide.md'), [{ rule: RULE, line: 13, text: 'Refresh Summary' }]);
  });

  it('reports a page without H1 on its first heading and offers to make it the title', async () => {
    const text = `${FM}\n### Forecast Tab\n\nThe report.\n\n### Next Step\n`;
    const r = await lint({ 'forecast-tab.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('forecast-tab.md'), [{ rule: RULE, line: 5, text: 'Forecast Tab' }]);
    const d = r.of('forecast-tab.md')[0]!;
    assert.match(d.message, /its first heading `Forecast Tab` is level 3/);
    const fixed = applyFix(text, d);
    assert.ok(fixed.includes('\n# Forecast Tab\n'));
    assert.deepEqual((await lint({ 'forecast-tab.md': fixed }, { rules: [RULE] })).findings('forecast-tab.md'), []);
  });

  it('reports a page without any heading on its first line of content', async () => {
    const r = await lint({ 'note.md': `${FM}\n\nJust some text.  \n` }, { rules: [RULE] });
    assert.deepEqual(r.findings('note.md'), [{ rule: RULE, line: 6, text: 'Just some text.' }]);
  });

  it('does not ask include files for a title', async () => {
    const r = await lint({ 'includes/snippet.md': `${FM}\nSome shared text.\n`, 'page.md': `${FM}\n# Page\n` }, { rules: [RULE] });
    assert.deepEqual(r.findings('includes/snippet.md'), []);
  });

  it('lets the status home list have one H1 per status, in every language', async () => {
    const text = `${FM}\n# L1 - Status Unknown\n\n# L1 - In Progress\n\n## Refresh Summary\n`;
    const r = await lint({ 'l1l2l3-homepage-list.md': text, 'l1l2l3-homepage-list-de.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('l1l2l3-homepage-list.md'), []);
    assert.deepEqual(r.findings('l1l2l3-homepage-list-de.md'), []);
  });

  it('takes its exemptions from options: kinds or file-name globs', async () => {
    const many = `${FM}\n# One\n\n# Two\n`;
    const config = { rules: { [RULE]: { severity: 'error' as const, options: { allowMany: ['faq-*'], allowNone: ['guidance'] } } } };
    const r = await lint({ 'faq-general.md': many, 'l1l2l3-homepage-list.md': many, 'guidance-notes.md': `${FM}\n## Notes\n` }, { rules: [RULE], config });
    assert.deepEqual(r.findings('faq-general.md'), []);
    assert.deepEqual(r.findings('l1l2l3-homepage-list.md'), [{ rule: RULE, line: 7, text: 'Two' }]);
    assert.deepEqual(r.findings('guidance-notes.md'), []);
  });
});

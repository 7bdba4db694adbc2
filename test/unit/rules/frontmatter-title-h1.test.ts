import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'frontmatter/title-h1';

/** A page whose title is on line 2. */
function page(title: string, h1 = 'Hold Kickoff Meeting'): string {
  return processPage({ frontMatter: `title: ${title}\nms.date: 10/02/2026`, h1 });
}

test('frontmatter/title-h1: a title naming the H1 passes, whatever the case, spacing or punctuation', async () => {
  const r = await lint(
    { 'initiate-a.md': processPage(), 'initiate-b.md': page('FastTrack Partner Playbook - FE/SME notes guidance', 'FE / SME Notes Guidance'), 'initiate-c.md': page('Blocked - App Compatibility', '\u200bApp Compatibility') },
    { rules: [RULE] },
  );
  for (const f of ['initiate-a.md', 'initiate-b.md', 'initiate-c.md']) assert.deepEqual(r.findings(f), [], f);
});

test('frontmatter/title-h1: a title naming something else is reported on the title; the fix keeps its prefix', async () => {
  const text = page('FastTrack Partner Playbook - FY20 Approaches');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 2, text: 'FastTrack Partner Playbook - FY20 Approaches' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.equal(d.message, 'The title `FastTrack Partner Playbook - FY20 Approaches` does not name the page like its heading `Hold Kickoff Meeting`: the title should be `FastTrack Partner Playbook - Hold Kickoff Meeting`.');
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('FastTrack Partner Playbook - Hold Kickoff Meeting'));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('frontmatter/title-h1: a bare prefix gets the H1 added; a title without prefix gets the usual one', async () => {
  const files = { 'initiate-a.md': processPage(), 'initiate-b.md': processPage(), 'initiate-c.md': page('FastTrack Partner Playbook'), 'initiate-d.md': page('Kickoff') };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-c.md'), [{ rule: RULE, line: 2, text: 'FastTrack Partner Playbook' }]);
  assert.equal(applyFix(files['initiate-c.md'], r.of('initiate-c.md')[0]!), page('FastTrack Partner Playbook - Hold Kickoff Meeting'));
  assert.deepEqual(r.findings('initiate-d.md'), [{ rule: RULE, line: 2, text: 'Kickoff' }]);
  assert.equal(applyFix(files['initiate-d.md'], r.of('initiate-d.md')[0]!), page('FastTrack Partner Playbook - Hold Kickoff Meeting'));
});

test('frontmatter/title-h1: the fix quotes a title that needs it, and writes inside existing quotes', async () => {
  const plain = page('FastTrack Partner Playbook - Old', 'Plan: Phase One');
  const quoted = page('"FastTrack Partner Playbook - Old"', 'Say "Hi"');
  const r = await lint({ 'initiate-a.md': plain, 'initiate-b.md': quoted }, { rules: [RULE] });
  assert.equal(applyFix(plain, r.of('initiate-a.md')[0]!), page("'FastTrack Partner Playbook - Plan: Phase One'", 'Plan: Phase One'));
  assert.deepEqual(r.findings('initiate-b.md'), [{ rule: RULE, line: 2, text: 'FastTrack Partner Playbook - Old' }]);
  const fixed = applyFix(quoted, r.of('initiate-b.md')[0]!);
  assert.equal(fixed, page('"FastTrack Partner Playbook - Say \\"Hi\\""', 'Say "Hi"'));
  assert.deepEqual((await lint({ 'initiate-b.md': fixed }, { rules: [RULE] })).findings('initiate-b.md'), []);
});

test('frontmatter/title-h1: translated pages keep the English title and are skipped', async () => {
  const r = await lint({ 'initiate-a-de.md': page('FastTrack Partner Playbook - Hold Kickoff Meeting', 'Kickoff-Besprechung abhalten') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-de.md'), []);
});

test('frontmatter/title-h1: landing and other pages, and pages with several H1s, are skipped', async () => {
  const r = await lint({ 'index.md': page('Partner Site'), 'notes.md': page('Notes'), 'initiate-a.md': page('X') + '\n# Second\n' }, { rules: [RULE] });
  for (const f of ['index.md', 'notes.md', 'initiate-a.md']) assert.deepEqual(r.findings(f), [], f);
});

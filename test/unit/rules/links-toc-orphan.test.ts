import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, processPage, tocFor } from '../helpers';

const RULE = 'toc/orphan';

test('toc/orphan: process and phase pages listed in a toc pass; other kinds are not checked', async () => {
  const r = await lint({
    'pb/toc.yml': '- name: Initiate\n  href: phase-initiate.md\n  items:\n  - name: Kickoff\n    href: initiate-kickoff.md\n',
    'pb/phase-initiate.md': '# Initiate Phase\n',
    'pb/initiate-kickoff.md': processPage(),
    'pb/guidance-notes.md': '# Notes\n',
  }, { rules: [RULE] });
  for (const p of ['pb/phase-initiate.md', 'pb/initiate-kickoff.md', 'pb/guidance-notes.md']) assert.deepEqual(r.findings(p), []);
});

test('toc/orphan: a process page missing from its folder toc is reported on its title', async () => {
  const r = await lint({ 'pb/toc.yml': tocFor('phase-success.md'), 'pb/phase-success.md': '# Success\n', 'pb/success-review.md': processPage({ h1: 'Conduct Success Review' }) }, { rules: [RULE] });
  assert.deepEqual(r.findings('pb/success-review.md'), [{ rule: RULE, line: 15, text: 'Conduct Success Review' }]);
  assert.equal(r.of('pb/success-review.md')[0]!.message, 'No `toc.yml` lists this page (`success-review.md`), so readers cannot reach it from the site navigation: add an entry with `href: success-review.md` to `toc.yml` in its folder.');
  assert.deepEqual(r.findings('pb/phase-success.md'), []);
});

test('toc/orphan: a toc that only points at another toc does not list its pages; a folder without toc is skipped unless configured', async () => {
  const files = {
    'toc.yml': '- name: Playbook\n  href: pb/\n',
    'pb/toc.yml': '- name: Other\n  href: phase-initiate.md\n',
    'pb/phase-initiate.md': '# Initiate\n',
    'pb/initiate-kickoff.md': processPage(),
    'guide/initiate-tool.md': processPage({ h1: 'Tool' }),
  };
  const r = await lint(files, { rules: [RULE] });
  assert.deepEqual(r.findings('pb/initiate-kickoff.md'), [{ rule: RULE, line: 15, text: 'Hold Kickoff Meeting' }]);
  assert.deepEqual(r.findings('guide/initiate-tool.md'), []);
  const strict = await lint(files, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { requireFolderToc: false } } } } });
  assert.deepEqual(strict.findings('guide/initiate-tool.md'), [{ rule: RULE, line: 15, text: 'Tool' }]);
});

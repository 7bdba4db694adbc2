import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'toc/no-such-file';

const page = '# Page\n';

test('toc/no-such-file: existing pages, folders with a toc, groups, web and site-absolute hrefs pass', async () => {
  const toc = [
    '- name: Home',
    '  href: index.md',
    '- name: Group',
    '  items:',
    '  - name: Sub',
    '    href: sub/',
    '  - name: Page',
    '    href: "sub/page one.md#top"',
    '- name: Web',
    '  href: https://contoso.com',
    '- name: Site root',
    '  href: /help/',
    '',
  ].join('\n');
  const r = await lint({ 'toc.yml': toc, 'index.md': page, 'sub/toc.yml': '- name: P\n  href: page one.md\n', 'sub/page one.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('toc.yml'), []);
  assert.deepEqual(r.findings('sub/toc.yml'), []);
});

test('toc/no-such-file: a missing page is flagged on its href with the near file as fix', async () => {
  const toc = '- name: Kickoff\n  href: initiate-kick-of.md\n';
  const r = await lint({ 'toc.yml': toc, 'initiate-kick-off.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('toc.yml'), [{ rule: RULE, line: 2, text: 'initiate-kick-of.md' }]);
  const d = r.of('toc.yml')[0]!;
  assert.equal(d.message, '`initiate-kick-of.md` does not exist: there is no file `initiate-kick-of.md` in the workspace. Did you mean `initiate-kick-off.md`?');
  const fixed = applyFix(toc, d);
  assert.equal(fixed, '- name: Kickoff\n  href: initiate-kick-off.md\n');
  assert.deepEqual((await lint({ 'toc.yml': fixed, 'initiate-kick-off.md': page }, { rules: [RULE] })).findings('toc.yml'), []);
});

test('toc/no-such-file: a toc copied from another folder (paths relative to the wrong place)', async () => {
  const toc = '- name: Welcome\n  href: welcome/index.md\n- name: Folder\n  href: empty/\n';
  const r = await lint({ 'site/playbook/toc.yml': toc, 'site/welcome/index.md': page, 'site/playbook/empty/x.png': new Uint8Array() }, { rules: [RULE] });
  assert.deepEqual(r.findings('site/playbook/toc.yml'), [
    { rule: RULE, line: 2, text: 'welcome/index.md' },
    { rule: RULE, line: 4, text: 'empty/' },
  ]);
  const [copied, folder] = r.of('site/playbook/toc.yml');
  assert.match(copied!.message, /A file with this name exists at `\.\.\/welcome\/index\.md`\./);
  assert.match(folder!.message, /is a folder without a `toc\.yml`/);
});

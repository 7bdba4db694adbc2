import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'link/mailto';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('link/mailto: mailto links, autolinks and plain text addresses pass', async () => {
  const r = await lint({ 'a.md': page('[Write](mailto:team@contoso.com) <team@contoso.com> team@contoso.com [site](https://contoso.com/a@b)') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('link/mailto: a bare e-mail address as link target gets `mailto:` (safe fix)', async () => {
  const text = page('Questions: [the team](team@contoso.com).');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'team@contoso.com' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`team@contoso.com` is an e-mail address written as a file path: write `mailto:team@contoso.com` so that the link opens a new e-mail.');
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('Questions: [the team](mailto:team@contoso.com).'));
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE] })).findings('a.md'), []);
});

test('link/mailto: `mailto://` loses its slashes', async () => {
  const text = page('[x](mailto://team@contoso.com)');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'mailto://team@contoso.com' }]);
  assert.equal(applyFix(text, r.of('a.md')[0]!), page('[x](mailto:team@contoso.com)'));
});

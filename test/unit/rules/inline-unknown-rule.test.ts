import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';

const RULE = 'inline/unknown-rule';
const page = (comment: string): string => `# Title\n\n${comment}\nSee [x](missing.md).\n`;

test('known rule ids and every directive keyword pass', async () => {
  const text = ['# T', '', '<!-- playbook-lint-disable tasks/unknown-role, link/no-such-file -->', '<!-- playbook-lint-enable -->', '<!-- playbook-lint-disable-line refresh/order -->',
    '<!-- playbook-lint-disable-next-line inline/unknown-rule -->', '<!-- playbook-lint-disable-file structure/single-h1 -- a note with any words -->', '<!-- a comment about playbook-lint itself -->', ''].join('\n');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('an unknown id is reported on its exact span, with a suggestion and an unsafe fix', async () => {
  const text = page('<!-- playbook-lint-disable-next-line link/no-such-fle, tasks/unknown-role -->');
  const r = await lint({ 'a.md': text }, { rules: [RULE, 'link/no-such-file'] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 3, text: 'link/no-such-fle' },
    { rule: 'link/no-such-file', line: 4, text: 'missing.md' },
  ]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`link/no-such-fle` is not a playbook-lint rule, so this comment does not silence it: did you mean `link/no-such-file`?');
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('<!-- playbook-lint-disable-next-line link/no-such-file, tasks/unknown-role -->'));
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE, 'link/no-such-file'] })).findings('a.md'), [], 'fixed: the comment now silences the link finding');
});

test('a rule named without its family is suggested with it, when that is unambiguous; otherwise no fix', async () => {
  const r = await lint({ 'a.md': page('<!-- playbook-lint-disable unknown-role no-such-file totally-made-up -->') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md').map((f) => f.text), ['unknown-role', 'no-such-file', 'totally-made-up']);
  const [unique, ambiguous, far] = r.of('a.md');
  assert.match(unique!.message, /did you mean `tasks\/unknown-role`\?$/);
  assert.equal(unique!.fixes.length, 1);
  for (const d of [ambiguous!, far!]) {
    assert.match(d.message, /is not a playbook-lint rule, so this comment does not silence it: rule ids look like `tasks\/unknown-role`/);
    assert.equal(d.fixes.length, 0);
  }
});

test('a misspelt directive keyword is reported with the keyword it likely means', async () => {
  const text = page('<!-- playbook-lint-disabled-next-line link/no-such-file -->');
  const r = await lint({ 'a.md': text }, { rules: [RULE, 'link/no-such-file'] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 3, text: 'playbook-lint-disabled-next-line' },
    { rule: 'link/no-such-file', line: 4, text: 'missing.md' },
  ]);
  const d = r.of('a.md')[0]!;
  assert.match(d.message, /`playbook-lint-disabled-next-line` is not a playbook-lint directive, so this comment does nothing: did you mean `playbook-lint-disable-next-line`\?/);
  const fixed = applyFix(text, d);
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE, 'link/no-such-file'] })).findings('a.md'), []);
});

test('its own findings can be silenced like any other rule\'s', async () => {
  const r = await lint({ 'a.md': page('<!-- playbook-lint-disable-file inline/unknown-rule nope/nope -->') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

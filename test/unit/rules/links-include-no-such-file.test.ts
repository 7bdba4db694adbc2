import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'include/no-such-file';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('include/no-such-file: an existing include passes', async () => {
  const r = await lint({ 'a.md': page('[!INCLUDE [privacy](./includes/privacy.md)]'), 'includes/privacy.md': '## Privacy\n' }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('include/no-such-file: a missing include is flagged on its target with the near file as fix', async () => {
  const text = page('[!INCLUDE [privacy](./includes/privacy-note.md)]');
  const r = await lint({ 'a.md': text, 'includes/privacy-notes.md': '## Privacy\n' }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: './includes/privacy-note.md' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`./includes/privacy-note.md` does not exist: there is no file `includes/privacy-note.md` in the workspace. Did you mean `./includes/privacy-notes.md`?');
  assert.equal(applyFix(text, d), page('[!INCLUDE [privacy](./includes/privacy-notes.md)]'));
});

test('include/no-such-file: nothing similar gives no fix', async () => {
  const r = await lint({ 'a.md': page('[!INCLUDE [x](includes/gone.md)]') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'includes/gone.md' }]);
  assert.deepEqual(r.of('a.md')[0]!.fixes, []);
});

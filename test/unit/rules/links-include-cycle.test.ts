import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../helpers';

const RULE = 'include/cycle';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('include/cycle: a chain of includes that ends passes, also when two includes share a file', async () => {
  const r = await lint({
    'a.md': page('[!INCLUDE [b](includes/b.md)]', '', '[!INCLUDE [c](includes/c.md)]'),
    'includes/b.md': '[!INCLUDE [c](c.md)]\n',
    'includes/c.md': '## C\n',
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('include/cycle: a page that includes a file that includes the page', async () => {
  const r = await lint({ 'a.md': page('[!INCLUDE [b](includes/b.md)]'), 'includes/b.md': '[!INCLUDE [a](../a.md)]\n' }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'includes/b.md' }]);
  assert.equal(r.of('a.md')[0]!.message, 'This include never ends: the chain `a.md` → `includes/b.md` → `a.md` comes back to a file already included. Remove one of the includes of that loop.');
});

test('include/cycle: a loop further down the chain, and a page including itself', async () => {
  const r = await lint({
    'a.md': page('[!INCLUDE [b](includes/b.md)]'),
    'includes/b.md': '[!INCLUDE [c](c.md)]\n',
    'includes/c.md': '[!INCLUDE [b](b.md)]\n',
    'self.md': page('[!INCLUDE [me](self.md)]'),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'includes/b.md' }]);
  assert.match(r.of('a.md')[0]!.message, /`a\.md` → `includes\/b\.md` → `includes\/c\.md` → `includes\/b\.md`/);
  assert.deepEqual(r.findings('self.md'), [{ rule: RULE, line: 7, text: 'self.md' }]);
});

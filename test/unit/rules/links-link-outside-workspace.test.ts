import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'link/outside-workspace';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('link/outside-workspace: targets inside the workspace pass, even when they climb folders', async () => {
  const r = await lint({ 'docs/sub/a.md': page('[x](../../b.md) [y](~/b.md) [z](/docs/c.md) [w](https://contoso.com/../x)'), 'b.md': page(), 'docs/c.md': page() }, { rules: [RULE] });
  assert.deepEqual(r.findings('docs/sub/a.md'), []);
});

test('link/outside-workspace: links, images and includes that climb above the root', async () => {
  const r = await lint({ 'docs/a.md': page('[x](../../other/b.md) ![i](../../../pic.png)', '', '[!INCLUDE [t](../../t.md)]') }, { rules: [RULE] });
  assert.deepEqual(r.findings('docs/a.md'), [
    { rule: RULE, line: 7, text: '../../other/b.md' },
    { rule: RULE, line: 7, text: '../../../pic.png' },
    { rule: RULE, line: 9, text: '../../t.md' },
  ]);
  assert.equal(r.of('docs/a.md')[0]!.message, '`../../other/b.md` climbs above the workspace root: the build only sees files inside the workspace. Link to a file inside the workspace, or to its web address.');
});

test('link/outside-workspace: a root-relative target that climbs out, with the file that exists inside as suggestion', async () => {
  const text = page('[creds](/../../org-id-credentials/index.md)');
  const r = await lint({ 'guide/a.md': text, 'guide/org-id-credentials/index.md': page() }, { rules: [RULE, 'link/no-such-file'] });
  assert.deepEqual(r.findings('guide/a.md'), [{ rule: RULE, line: 7, text: '/../../org-id-credentials/index.md' }]);
  const d = r.of('guide/a.md')[0]!;
  assert.match(d.message, /Did you mean `\/guide\/org-id-credentials\/index\.md`\?/);
  assert.equal(applyFix(text, d), page('[creds](/guide/org-id-credentials/index.md)'));
});

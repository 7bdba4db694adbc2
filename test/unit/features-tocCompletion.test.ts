import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open } from './features-helpers';

/** What completing at the cursor of `en/toc.yml` offers: label, inserted text, and the text it replaces. */
async function tocCompletion(toc: string): Promise<Array<[string, string, string]>> {
  const ws = await open({ 'en/toc.yml': toc, 'en/a.md': '# A', 'en/sub/b.md': '# B' });
  return ws.service.provideCompletionItems(ws.cursor.path, ws.cursor.position).map((i) => [i.label, i.insertText, ws.text(ws.cursor.path, i.span)]);
}

test('right after `href:` a toc href proposal brings the space YAML needs before the value', async () => {
  assert.deepEqual(await tocCompletion('- name: A\n  href:¦\n'), [['a.md', ' a.md', ''], ['sub/', ' sub/', '']]);
});

test('after `href: ` (and inside quotes, and in nested items) proposals insert the bare path', async () => {
  const plain: Array<[string, string, string]> = [['a.md', 'a.md', ''], ['sub/', 'sub/', '']];
  assert.deepEqual(await tocCompletion('- name: A\n  href: ¦\n'), plain);
  assert.deepEqual(await tocCompletion('- name: A\n  href: "¦"\n'), plain);
  assert.deepEqual(await tocCompletion('- name: A\n  href: a.md\n  items:\n    - name: B\n      href: ¦\n'), plain);
});

test('a typed folder in a toc href lists that folder, replacing the typed name', async () => {
  assert.deepEqual(await tocCompletion('- name: B\n  href: sub/b¦\n'), [['b.md', 'b.md', 'b']]);
});

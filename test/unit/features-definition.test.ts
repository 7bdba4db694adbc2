import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';

/** Each definition as `path:line:character` of its start, plus the text it covers. */
async function definitions(files: Record<string, string>): Promise<Array<{ at: string; covers: string }>> {
  const ws = await open(files);
  return ws.service.provideDefinition(ws.cursor.path, ws.cursor.position).map((l) => ({
    at: `${l.path}:${l.range.start.line}:${l.range.start.character}`,
    covers: ws.text(l.path, l.span),
  }));
}

test('a link goes to the start of its file', async () => {
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\nSee [b](../de/b-d¦e.md).\n', 'de/b-de.md': '# B\n' }), [{ at: '/ws/de/b-de.md:0:0', covers: '' }]);
});

test('an anchored link goes to the heading, in the include that brings it when it does', async () => {
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n[x](b.md#st¦ep-two)\n', 'en/b.md': '# B\n\n## Step one\n\n## Step two\n' }), [{ at: '/ws/en/b.md:4:0', covers: '## Step two' }]);
  assert.deepEqual(
    await definitions({ 'en/a.md': '# A\n\n[x](b.md#sign-in¦)\n', 'en/b.md': '# B\n\n[!INCLUDE [x](../includes/x.md)]\n', 'includes/x.md': '---\ntitle: x\n---\n## Sign in\n' }),
    [{ at: '/ws/includes/x.md:3:0', covers: '## Sign in' }],
  );
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n## 概述\n\n[x](#概述¦)\n' }), [{ at: '/ws/en/a.md:2:0', covers: '## 概述' }]);
});

test('an anchor that names no heading still goes to the file', async () => {
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n[x](b.md#nope¦)\n', 'en/b.md': '# B\n' }), [{ at: '/ws/en/b.md:0:0', covers: '' }]);
});

test('includes and images go to their files; the link around an image wins only outside the image', async () => {
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n[!INCLUDE [x](../includes/¦x.md)]\n', 'includes/x.md': '# X\n' }), [{ at: '/ws/includes/x.md:0:0', covers: '' }]);
  const files = (cursorInImage: boolean): Record<string, string> => ({
    'en/a.md': cursorInImage ? '# A\n\n[![alt](media/s¦mall.png)](media/big.png)\n' : '# A\n\n[![alt](media/small.png)](media/b¦ig.png)\n',
    'en/media/small.png': 'png',
    'en/media/big.png': 'png',
  });
  assert.deepEqual(await definitions(files(true)), [{ at: '/ws/en/media/small.png:0:0', covers: '' }]);
  assert.deepEqual(await definitions(files(false)), [{ at: '/ws/en/media/big.png:0:0', covers: '' }]);
});

test('toc hrefs go to their files', async () => {
  assert.deepEqual(await definitions({ 'en/toc.yml': '- name: B\n  href: sub/b.md¦\n', 'en/sub/b.md': '# B\n' }), [{ at: '/ws/en/sub/b.md:0:0', covers: '' }]);
});

test('missing files, web links and plain text have no definition', async () => {
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n[x](gone¦.md)\n' }), []);
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\n[x](https://contoso.com/¦)\n' }), []);
  assert.deepEqual(await definitions({ 'en/a.md': '# A\n\nte¦xt\n' }), []);
});

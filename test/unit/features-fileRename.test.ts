import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, open } from './features-helpers';

async function move(files: Record<string, string>, ...moves: Array<[string, string]>): Promise<Record<string, string>> {
  const ws = await open(files);
  const edits = ws.service.provideFileRenameEdits(moves.map(([a, b]) => ({ oldPath: ws.path(a), newPath: ws.path(b) })));
  assert.ok(edits);
  for (const e of edits) assert.deepEqual(e.range, (ws.index.document(e.path)?.lines ?? ws.index.toc(e.path)!.lines).rangeOf(e.span));
  return applyEdits(ws, edits);
}

const workspace = {
  'en/b.md': [
    '# B',
    '',
    '[c](c.md) [c step](./c.md#step) [here](#local) [web](https://contoso.com/x.md)',
    '![pic](media/x.png) [root](~/en/c.md) [folder](../de/)',
    '',
    '[!INCLUDE [x](../includes/x.md)]',
    '',
  ].join('\n'),
  'en/c.md': '# C\n\n[b](b.md) [b anchored](./b.md?view=1#step-two) [b again](b.md)\n',
  'de/d-de.md': '# D\n\n[B](../en/b.md#b)\n',
  'en/toc.yml': '- name: B\n  href: b.md\n- name: C\n  href: c.md\n',
  'en/media/x.png': 'png',
  'de/x.md': '# X',
  'includes/x.md': '---\ntitle: x\n---\n## X\n',
};

test('moving a page rewrites the links to it and its own relative links, keeping anchors, queries and styles', async () => {
  assert.deepEqual(await move(workspace, ['en/b.md', 'en/sub/b2.md']), {
    'de/d-de.md': '# D\n\n[B](../en/sub/b2.md#b)\n',
    'en/b.md': [
      '# B',
      '',
      '[c](../c.md) [c step](../c.md#step) [here](#local) [web](https://contoso.com/x.md)',
      '![pic](../media/x.png) [root](~/en/c.md) [folder](../../de/)',
      '',
      '[!INCLUDE [x](../../includes/x.md)]',
      '',
    ].join('\n'),
    'en/c.md': '# C\n\n[b](sub/b2.md) [b anchored](./sub/b2.md?view=1#step-two) [b again](sub/b2.md)\n',
    'en/toc.yml': '- name: B\n  href: sub/b2.md\n- name: C\n  href: c.md\n',
  });
});

test('renaming a page in its folder leaves its own links alone', async () => {
  assert.deepEqual(await move(workspace, ['en/b.md', 'en/b-renamed.md']), {
    'de/d-de.md': '# D\n\n[B](../en/b-renamed.md#b)\n',
    'en/c.md': '# C\n\n[b](b-renamed.md) [b anchored](./b-renamed.md?view=1#step-two) [b again](b-renamed.md)\n',
    'en/toc.yml': '- name: B\n  href: b-renamed.md\n- name: C\n  href: c.md\n',
  });
});

test('a root-relative link to a moved page stays root-relative', async () => {
  assert.deepEqual(await move(workspace, ['en/c.md', 'english/c.md']), {
    'en/b.md': [
      '# B',
      '',
      '[c](../english/c.md) [c step](../english/c.md#step) [here](#local) [web](https://contoso.com/x.md)',
      '![pic](media/x.png) [root](~/english/c.md) [folder](../de/)',
      '',
      '[!INCLUDE [x](../includes/x.md)]',
      '',
    ].join('\n'),
    'en/c.md': '# C\n\n[b](../en/b.md) [b anchored](../en/b.md?view=1#step-two) [b again](../en/b.md)\n',
    'en/toc.yml': '- name: B\n  href: b.md\n- name: C\n  href: ../english/c.md\n',
  });
});

test('moving a folder rewrites links into it from outside; links between its files stay', async () => {
  assert.deepEqual(await move(workspace, ['en', 'english-playbook']), {
    'de/d-de.md': '# D\n\n[B](../english-playbook/b.md#b)\n',
    // Only the root-relative link inside the folder names the folder.
    'en/b.md': workspace['en/b.md'].replace('~/en/c.md', '~/english-playbook/c.md'),
  });
  assert.deepEqual(await move(workspace, ['en/media', 'en/images']), {
    'en/b.md': workspace['en/b.md'].replace('media/x.png', 'images/x.png'),
  });
});

test('files moved together keep the links between them', async () => {
  assert.deepEqual(await move(workspace, ['en/b.md', 'en/sub/b.md'], ['en/c.md', 'en/sub/c.md'], ['en/toc.yml', 'en/sub/toc.yml']), {
    'de/d-de.md': '# D\n\n[B](../en/sub/b.md#b)\n',
    'en/b.md': [
      '# B',
      '',
      '[c](c.md) [c step](./c.md#step) [here](#local) [web](https://contoso.com/x.md)',
      '![pic](../media/x.png) [root](~/en/sub/c.md) [folder](../../de/)',
      '',
      '[!INCLUDE [x](../../includes/x.md)]',
      '',
    ].join('\n'),
  });
});

test('a moved toc rewrites its hrefs for its new folder', async () => {
  assert.deepEqual(await move(workspace, ['en/toc.yml', 'toc.yml']), { 'en/toc.yml': '- name: B\n  href: en/b.md\n- name: C\n  href: en/c.md\n' });
});

test('spaces are written the way the author wrote them', async () => {
  const out = await move(
    { 'a.md': '# A\n\n[one](<my page.md>) [two](my%20page.md)\n', 'my page.md': '# M\n', 'toc.yml': '- name: M\n  href: my page.md\n' },
    ['my page.md', 'sub/my page.md'],
  );
  assert.deepEqual(out, { 'a.md': '# A\n\n[one](<sub/my page.md>) [two](sub/my%20page.md)\n', 'toc.yml': '- name: M\n  href: sub/my page.md\n' });
});

test('a cancelled request gives no edits', async () => {
  const ws = await open(workspace);
  assert.equal(ws.service.provideFileRenameEdits([{ oldPath: ws.path('en/b.md'), newPath: ws.path('x.md') }], () => true), undefined);
});

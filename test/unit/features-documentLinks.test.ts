import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';

test('every link, image and include target of a page, resolved, with anchors as fragments', async () => {
  const ws = await open({
    'en/a.md': [
      '# A',
      '',
      '[b](b.md#step-two) [self](#a) [gone](gone.md) [web](https://contoso.com/x) [mail](mailto:a@contoso.com) [mail2](a@contoso.com)',
      '',
      '![pic](media/x.png)',
      '',
      '[!INCLUDE [x](../includes/x.md)]',
      '',
      '[ref]: ../de/',
    ].join('\n'),
    'en/b.md': '# B\n\n## Step two\n',
    'en/media/x.png': 'png',
    'includes/x.md': '# X',
    'de/y.md': '# Y',
  });
  const p = ws.path('en/a.md');
  const links = ws.service.provideDocumentLinks(p).map((l) => ({
    kind: l.kind,
    text: ws.text(p, l.span),
    ...(l.path ? { path: l.path } : {}),
    ...(l.fragment ? { fragment: l.fragment } : {}),
    ...(l.uri ? { uri: l.uri } : {}),
    exists: l.exists,
    ...(l.heading ? { heading: `${l.heading.path}:${l.heading.range.start.line}` } : {}),
  }));
  assert.deepEqual(links, [
    { kind: 'link', text: 'b.md#step-two', path: '/ws/en/b.md', fragment: 'step-two', exists: true, heading: '/ws/en/b.md:2' },
    { kind: 'link', text: '#a', path: '/ws/en/a.md', fragment: 'a', exists: true, heading: '/ws/en/a.md:0' },
    { kind: 'link', text: 'gone.md', path: '/ws/en/gone.md', exists: false },
    { kind: 'external', text: 'https://contoso.com/x', uri: 'https://contoso.com/x', exists: true },
    { kind: 'external', text: 'mailto:a@contoso.com', uri: 'mailto:a@contoso.com', exists: true },
    { kind: 'image', text: 'media/x.png', path: '/ws/en/media/x.png', exists: true },
    { kind: 'include', text: '../includes/x.md', path: '/ws/includes/x.md', exists: true },
    { kind: 'link', text: '../de/', path: '/ws/de', exists: true },
  ]);
});

test('toc hrefs are links too', async () => {
  const ws = await open({ 'en/toc.yml': '- name: B\n  href: b.md\n  items:\n  - name: C\n    href: "sub/c.md#x"\n- name: Web\n  href: https://contoso.com\n', 'en/b.md': '# B', 'en/sub/c.md': '# C\n\n## X\n' });
  const p = ws.path('en/toc.yml');
  assert.deepEqual(ws.service.provideDocumentLinks(p).map((l) => [l.kind, ws.text(p, l.span), l.path ?? l.uri, l.fragment, l.heading?.range.start.line]), [
    ['toc', 'b.md', '/ws/en/b.md', undefined, undefined],
    ['toc', 'sub/c.md#x', '/ws/en/sub/c.md', 'x', 2],
    ['external', 'https://contoso.com', 'https://contoso.com', undefined, undefined],
  ]);
});

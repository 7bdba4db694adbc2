import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLinkTarget } from '../../server/src/engine/model/linkTarget';

test('parseLinkTarget splits a relative target into path, query and anchor, percent-decoded', () => {
  assert.deepEqual(parseLinkTarget('a/b.md?x=1#Key%20Inputs'), { raw: 'a/b.md?x=1#Key%20Inputs', path: 'a/b.md', anchor: 'Key Inputs', query: 'x=1' });
  assert.deepEqual(parseLinkTarget('my%20page.md'), { raw: 'my%20page.md', path: 'my page.md' });
  assert.deepEqual(parseLinkTarget('#overview'), { raw: '#overview', path: '', anchor: 'overview' });
  assert.deepEqual(parseLinkTarget(' plain.md '), { raw: ' plain.md ', path: 'plain.md' });
});

test('parseLinkTarget keeps a target that is not valid percent-encoding as written', () => {
  assert.deepEqual(parseLinkTarget('100%.md#50%'), { raw: '100%.md#50%', path: '100%.md', anchor: '50%' });
});

test('parseLinkTarget reads pointy brackets, schemes and protocol-relative targets', () => {
  assert.deepEqual(parseLinkTarget('<a b.md>'), { raw: '<a b.md>', path: 'a b.md' });
  assert.deepEqual(parseLinkTarget('<a.md'), { raw: '<a.md', path: '<a.md' });
  assert.deepEqual(parseLinkTarget('HTTPS://example.com/x'), { raw: 'HTTPS://example.com/x', scheme: 'https', path: 'HTTPS://example.com/x' });
  assert.deepEqual(parseLinkTarget('//cdn.example.com/x.js'), { raw: '//cdn.example.com/x.js', scheme: 'https', path: '//cdn.example.com/x.js' });
  assert.deepEqual(parseLinkTarget('c:/x.md'), { raw: 'c:/x.md', path: 'c:/x.md' });
});

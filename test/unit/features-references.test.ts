import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';
import { fileOf, taskPage } from './rules/tasks-fixtures';

/** Each reference as `root-relative path:line` and the text it covers. */
async function references(files: Record<string, string>, includeDeclaration = false): Promise<string[]> {
  const ws = await open(files);
  return ws.service
    .provideReferences(ws.cursor.path, ws.cursor.position, { includeDeclaration })
    .map((l) => `${l.path.slice(4)}:${l.range.start.line + 1} ${ws.text(l.path, l.span)}`);
}

const linking = {
  'en/c.md': '# C\n\n[B](b.md) and [B again](./b.md#step-two)\n',
  'de/d-de.md': '# D\n\n[B](../en/b.md#step-one)\n',
  'en/toc.yml': '- name: B\n  href: b.md\n',
  'en/e.md': '# E\n\n[elsewhere](c.md)\n',
};

test('on the H1: every link, include and toc entry that points at the page', async () => {
  const files = { ...linking, 'en/b.md': '# B¦ee\n\n## Step one\n\n## Step two\n\n[self](#step-one)\n' };
  assert.deepEqual(await references(files), ['de/d-de.md:3 ../en/b.md#step-one', 'en/c.md:3 b.md', 'en/c.md:3 ./b.md#step-two', 'en/toc.yml:2 b.md']);
  assert.deepEqual((await references(files, true))[0], 'en/b.md:1 # Bee');
});

test('on a heading: the links whose anchor names it, same-page links included', async () => {
  const files = { ...linking, 'en/b.md': '# Bee\n\n## Step o¦ne\n\n## Step two\n\n[self](#step-one)\n' };
  assert.deepEqual(await references(files), ['de/d-de.md:3 ../en/b.md#step-one', 'en/b.md:7 #step-one']);
});

test('on a heading of an include: links to the pages that include it', async () => {
  const files = {
    'includes/x.md': '---\ntitle: x\n---\n## Sign¦ in\n',
    'en/b.md': '# B\n\n[!INCLUDE [x](../includes/x.md)]\n',
    'en/own.md': '# Own\n\n## Sign in\n\n[!INCLUDE [x](../includes/x.md)]\n',
    'en/c.md': '# C\n\n[in](b.md#sign-in) [own](own.md#sign-in) [other](b.md#b)\n',
  };
  // `own.md` has its own "Sign in" heading: its `#sign-in` names that one, not the include's.
  assert.deepEqual(await references(files), ['en/c.md:3 b.md#sign-in']);
});

test('on a link: the references of the page (or heading) it points at', async () => {
  const files = { ...linking, 'en/b.md': '# Bee\n\n## Step one\n\n## Step two\n', 'en/f.md': '# F\n\n[x](b.md#step-t¦wo)\n' };
  assert.deepEqual(await references(files), ['en/c.md:3 ./b.md#step-two', 'en/f.md:3 b.md#step-two']);
  const page = { ...linking, 'en/b.md': '# Bee\n', 'en/f.md': '# F\n\n[x](b¦.md)\n' };
  assert.deepEqual(await references(page, true), ['en/b.md:1 # Bee', 'de/d-de.md:3 ../en/b.md#step-one', 'en/c.md:3 b.md', 'en/c.md:3 ./b.md#step-two', 'en/f.md:3 b.md', 'en/toc.yml:2 b.md']);
});

test('on a task ID: every row of the same language that uses it', async () => {
  const files = {
    'a.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FE | Exchange |', '| 5101 | Other | M | FE | Exchange |'] }),
    'b.md': taskPage('en', { rows: ['| 37¦35 | Run the pilot | M | FE | Exchange |'] }),
    [fileOf('de', 'a')]: taskPage('de', { rows: ['| 3735 | Pilot | E | FE | Exchange |'] }),
  };
  assert.deepEqual(await references(files), ['a.md:11 3735', 'b.md:11 3735']);
});

test('nothing for plain text; nothing once cancelled', async () => {
  assert.deepEqual(await references({ 'a.md': '# A\n\nte¦xt\n' }), []);
  const ws = await open({ ...linking, 'en/b.md': '# B¦\n' });
  assert.deepEqual(ws.service.provideReferences(ws.cursor.path, ws.cursor.position, { includeDeclaration: false }, () => true), []);
});

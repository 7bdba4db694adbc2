import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, open } from './features-helpers';

async function rename(files: Record<string, string>, newName: string): Promise<Record<string, string> | string> {
  const ws = await open(files);
  const r = ws.service.provideRenameEdits(ws.cursor.path, ws.cursor.position, newName);
  if (!r) return 'nothing to rename';
  if ('error' in r) return r.error;
  for (const e of r.edits) assert.deepEqual(e.range, (ws.index.document(e.path)?.lines ?? ws.index.toc(e.path)!.lines).rangeOf(e.span));
  return applyEdits(ws, r.edits);
}

test('renaming a heading updates it and every anchor that names it, across pages and tocs', async () => {
  const out = await rename(
    {
      'en/b.md': '# Bee\n\n## Step one\n\n## Step t¦wo\n\nBack to [two](#step-two).\n',
      'en/c.md': '# C\n\n[B](./b.md#step-two) [one](b.md#step-one) [page](b.md)\n',
      'de/d-de.md': '# D\n\n[B](../en/b.md#step-two)\n',
      'en/toc.yml': '- name: Two\n  href: b.md#step-two\n',
    },
    'Second step',
  );
  assert.deepEqual(out, {
    'de/d-de.md': '# D\n\n[B](../en/b.md#second-step)\n',
    'en/b.md': '# Bee\n\n## Step one\n\n## Second step\n\nBack to [two](#second-step).\n',
    'en/c.md': '# C\n\n[B](./b.md#second-step) [one](b.md#step-one) [page](b.md)\n',
    'en/toc.yml': '- name: Two\n  href: b.md#second-step\n',
  });
});

test('duplicate headings: renaming the first frees its id, and the second heading\'s `-1` anchors follow', async () => {
  const out = await rename(
    {
      'en/b.md': '# Bee\n\n## No¦tes\n\n## Notes\n',
      'en/c.md': '# C\n\n[first](b.md#notes) [second](b.md#notes-1)\n',
    },
    'Remarks',
  );
  assert.deepEqual(out, {
    'en/b.md': '# Bee\n\n## Remarks\n\n## Notes\n',
    'en/c.md': '# C\n\n[first](b.md#remarks) [second](b.md#notes)\n',
  });
});

test('taking an id that a later heading had pushes that heading to `-1`', async () => {
  const out = await rename(
    {
      'en/b.md': '# Bee\n\n## Step ¦one\n\n## Step two\n',
      'en/c.md': '# C\n\n[one](b.md#step-one) [two](b.md#step-two)\n',
    },
    'Step two',
  );
  assert.deepEqual(out, {
    'en/b.md': '# Bee\n\n## Step two\n\n## Step two\n',
    'en/c.md': '# C\n\n[one](b.md#step-two) [two](b.md#step-two-1)\n',
  });
});

test('renaming from a link\'s anchor renames the heading it names, in another page or an include', async () => {
  const files = {
    'en/c.md': '# C\n\n[in](b.md#sign-i¦n)\n',
    'en/b.md': '# B\n\n[!INCLUDE [x](../includes/x.md)]\n',
    'includes/x.md': '---\ntitle: x\n---\n## Sign in\n',
  };
  const ws = await open(files);
  const prep = ws.service.prepareRename(ws.cursor.path, ws.cursor.position);
  assert.ok(prep && !('error' in prep));
  assert.equal(prep.placeholder, 'Sign in');
  assert.equal(ws.text(ws.cursor.path, prep.span), 'sign-in');
  assert.deepEqual(await rename(files, 'Log on'), {
    'en/c.md': '# C\n\n[in](b.md#log-on)\n',
    'includes/x.md': '---\ntitle: x\n---\n## Log on\n',
  });
});

test('CJK headings and percent-encoded anchors keep their style', async () => {
  const out = await rename(
    { 'zh/a-sc.md': '# 甲\n\n## 概¦述\n\n[x](#概述) [y](#%E6%A6%82%E8%BF%B0)\n' },
    '总体 概述',
  );
  assert.deepEqual(out, { 'zh/a-sc.md': '# 甲\n\n## 总体 概述\n\n[x](#总体-概述) [y](#%E6%80%BB%E4%BD%93-%E6%A6%82%E8%BF%B0)\n' });
});

test('markup in the new name is kept in the heading, left out of the anchor', async () => {
  const out = await rename({ 'en/b.md': '# B\n\n## Old¦\n\n[x](#old)\n' }, 'The **new** `step`');
  assert.deepEqual(out, { 'en/b.md': '# B\n\n## The **new** `step`\n\n[x](#the-new-step)\n' });
});

test('prepareRename: headings (their text) and link anchors only', async () => {
  const ws = await open({ 'en/b.md': '#¦# Step one ##\n' });
  const prep = ws.service.prepareRename(ws.cursor.path, ws.cursor.position);
  assert.ok(prep && !('error' in prep));
  assert.equal(prep.placeholder, 'Step one');
  assert.deepEqual(prep.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 11 } });
  const text = await open({ 'en/b.md': '# B\n\nplain te¦xt [x](c.md#y)\n', 'en/c.md': '# C\n' });
  assert.equal(text.service.prepareRename(text.cursor.path, text.cursor.position), undefined);
  const path = await open({ 'en/b.md': '# B\n\n[x](c¦.md#c)\n', 'en/c.md': '# C\n' });
  assert.equal(path.service.prepareRename(path.cursor.path, path.cursor.position), undefined, 'the path part of a link is not a heading');
  const missing = await open({ 'en/b.md': '# B\n\n[x](c.md#no¦pe)\n', 'en/c.md': '# C\n' });
  assert.deepEqual(missing.service.prepareRename(missing.cursor.path, missing.cursor.position), { error: '`#nope` names no heading, so there is nothing to rename.' });
});

test('an empty or multi-line name is refused', async () => {
  assert.equal(await rename({ 'en/b.md': '# B\n\n## Ol¦d\n' }, '  '), 'A heading needs some text.');
  assert.equal(await rename({ 'en/b.md': '# B\n\n## Ol¦d\n' }, 'a\nb'), 'A heading is a single line.');
});

test('the same name changes nothing', async () => {
  assert.deepEqual(await rename({ 'en/b.md': '# B\n\n## Ol¦d\n\n[x](#old)\n' }, 'Old'), {});
});

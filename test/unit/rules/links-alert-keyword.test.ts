import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'alert/keyword';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('alert/keyword: the five keywords in upper case, and other docfx blocks, pass', async () => {
  const r = await lint({ 'a.md': page('> [!NOTE]', '> a', '', '> [!TIP]', '> b', '', '> [!IMPORTANT]', '', '> [!CAUTION]', '', '> [!WARNING]', '', '> [!div class="x"]', '', '> Plain [quote](x.md)') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('alert/keyword: wrong case is fixed to upper case', async () => {
  const text = page('> [!Note]', '> Read this.');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'Note' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, 'Alert keyword `Note` must be written in upper case: `[!NOTE]`.');
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('> [!NOTE]', '> Read this.'));
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE] })).findings('a.md'), []);
});

test('alert/keyword: translated keywords of the page language and of other languages become English', async () => {
  const text = page('>[!HINWEIS]', '> Bitte beachten.', '', '> [!Wichtig]', '', '> [!注意]');
  const r = await lint({ 'german-playbook/a-de.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('german-playbook/a-de.md'), [
    { rule: RULE, line: 7, text: 'HINWEIS' },
    { rule: RULE, line: 10, text: 'Wichtig' },
    { rule: RULE, line: 12, text: '注意' },
  ]);
  const [hinweis, wichtig, zhu] = r.of('german-playbook/a-de.md');
  assert.equal(hinweis!.message, 'Alert keyword `HINWEIS` is translated: docfx only understands the English keywords, so this alert shows as plain text. Write `[!NOTE]`.');
  assert.equal(wichtig!.fixes[0]!.edits[0]!.newText, 'IMPORTANT');
  assert.equal(zhu!.fixes[0]!.edits[0]!.newText, 'NOTE');
  assert.equal(applyFix(text, hinweis!), page('>[!NOTE]', '> Bitte beachten.', '', '> [!Wichtig]', '', '> [!注意]'));
});

test('alert/keyword: an unknown keyword lists the valid ones and has no fix', async () => {
  const r = await lint({ 'a.md': page('> [!INFO]', '> x') }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'INFO' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`INFO` is not an alert keyword docfx knows, so this alert shows as plain text: use one of `NOTE`, `TIP`, `IMPORTANT`, `CAUTION`, `WARNING`.');
  assert.deepEqual(d.fixes, []);
});

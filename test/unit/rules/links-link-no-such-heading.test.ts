import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'link/no-such-heading';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test Page', '', ...body, ''].join('\n');
}

test('link/no-such-heading: anchors of the own page, other pages, included headings and CJK headings pass', async () => {
  const r = await lint({
    'a.md': page('## Key Inputs', '', '[in](#key-inputs) [b](b.md#next-steps) [inc](c.md#from-the-include) [zh](d.md#后续步骤) [enc](d.md#%E5%90%8E%E7%BB%AD%E6%AD%A5%E9%AA%A4)', '[top](#) [ext](https://contoso.com/#nowhere) [pdf](x.pdf#page=2)'),
    'b.md': page('## Next Steps'),
    'c.md': page('[!INCLUDE [part](includes/part.md)]'),
    'includes/part.md': '## From the Include\n',
    'd.md': page('## 后续步骤'),
    'x.pdf': new Uint8Array(),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('link/no-such-heading: a missing anchor on the own page is flagged on the anchor only, with the nearest heading as fix', async () => {
  const text = page('## Key Outputs', '', 'See [outputs](#key-output).');
  const r = await lint({ 'a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 9, text: 'key-output' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`#key-output` names no heading of this page. Did you mean `#key-outputs`?');
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('## Key Outputs', '', 'See [outputs](#key-outputs).'));
  const again = await lint({ 'a.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('a.md'), []);
});

test('link/no-such-heading: an anchor into another page; an upper-case anchor; no close heading gives no fix', async () => {
  const r = await lint({
    'a.md': page('[b](b.md#Approach) [c](b.md#objectives) [d](sub/b.md#approach)'),
    'b.md': page('## Approach'),
    'sub/b.md': page('## Overview'),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 7, text: 'Approach' },
    { rule: RULE, line: 7, text: 'objectives' },
    { rule: RULE, line: 7, text: 'approach' },
  ]);
  const [upper, other, sub] = r.of('a.md');
  assert.equal(upper!.fixes[0]!.edits[0]!.newText, 'approach');
  assert.equal(other!.message, '`#objectives` names no heading of `b.md`. An anchor is the lower-case heading text with spaces as `-` and punctuation dropped.');
  assert.deepEqual(other!.fixes, []);
  assert.match(sub!.message, /`sub\/b\.md`/);
});

test('link/no-such-heading: targets that are missing or not Markdown are not checked here', async () => {
  const r = await lint({ 'a.md': page('[x](missing.md#a) [y](deck.pptx#b)'), 'deck.pptx': new Uint8Array() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

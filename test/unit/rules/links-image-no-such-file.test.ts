import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint } from '../helpers';

const RULE = 'image/no-such-file';

function page(...body: string[]): string {
  return ['---', 'title: Test', '---', '', '# Test', '', ...body, ''].join('\n');
}

test('image/no-such-file: existing (even empty) images pass, with titles and as clickable images', async () => {
  const r = await lint({
    'a.md': page('![a](media/a.png "Title") [![b](media/b.PNG)](media/b.PNG) ![web](https://contoso.com/x.png)'),
    'media/a.png': new Uint8Array(),
    'media/b.PNG': new Uint8Array(),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), []);
});

test('image/no-such-file: a case-only difference in the extension', async () => {
  const text = page('![diagram](media/flow.png)');
  const r = await lint({ 'a.md': text, 'media/flow.PNG': new Uint8Array() }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 7, text: 'media/flow.png' }]);
  const d = r.of('a.md')[0]!;
  assert.equal(d.message, '`media/flow.png` does not exist: it exists as `media/flow.PNG` — file names are case-sensitive on the build host.');
  const fixed = applyFix(text, d);
  assert.equal(fixed, page('![diagram](media/flow.PNG)'));
  assert.deepEqual((await lint({ 'a.md': fixed, 'media/flow.PNG': new Uint8Array() }, { rules: [RULE] })).findings('a.md'), []);
});

test('image/no-such-file: text glued to the file name, and an image only present in another folder', async () => {
  const r = await lint({
    'ja/a-jp.md': page('![step](media/step-one.png「手順」) ![flow](media/flow.png)'),
    'ja/media/step-one.png': new Uint8Array(),
    'en/media/flow.png': new Uint8Array(),
  }, { rules: [RULE] });
  assert.deepEqual(r.findings('ja/a-jp.md'), [
    { rule: RULE, line: 7, text: 'media/step-one.png「手順」' },
    { rule: RULE, line: 7, text: 'media/flow.png' },
  ]);
  const [glued, other] = r.of('ja/a-jp.md');
  assert.match(glued!.message, /Did you mean `media\/step-one\.png`\?/);
  assert.equal(glued!.fixes[0]!.safe, false);
  assert.match(other!.message, /A file with this name exists at `\.\.\/en\/media\/flow\.png`\./);
});

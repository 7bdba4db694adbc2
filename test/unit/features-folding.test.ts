import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';

test('front matter, sections, tables, block quotes, code and comments fold; one-line regions do not', async () => {
  const text = [
    '---', //             0
    'title: A', //        1
    '---', //             2
    '# A', //             3
    '', //                4
    '## Overview', //     5
    '', //                6
    '> [!NOTE]', //       7
    '> Read this.', //    8
    '', //                9
    '<!-- a', //          10
    'comment -->', //     11
    '', //                12
    '### Detail', //      13
    '', //                14
    '```yaml', //         15
    'x: 1', //            16
    '```', //             17
    '', //                18
    '', //                19
    '## Tasks', //        20
    '', //                21
    '| a | b |', //       22
    '|---|---|', //       23
    '| 1 | 2 |', //       24
    '', //                25
    '## Empty', //        26
    '<!-- one line -->', // 27
  ].join('\n');
  const ws = await open({ 'a.md': text });
  assert.deepEqual(ws.service.provideFoldingRanges(ws.path('a.md')).map((r) => `${r.kind} ${r.startLine}-${r.endLine}`), [
    'frontMatter 0-2',
    'section 3-27',
    'section 5-17',
    'blockquote 7-8',
    'comment 10-11',
    'section 13-17',
    'code 15-17',
    'section 20-24',
    'table 22-24',
    'section 26-27',
  ]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFrontMatter, readFrontMatterWithYaml } from '../../server/src/engine/parse/frontMatter';
import { readPlainEntries } from '../../server/src/engine/parse/frontMatterPlain';
import { frontMatterEnd } from '../../server/src/engine/parse/frontMatterFence';
import { markdownUnder } from '../support/markdownFiles';

/**
 * Plain `key: value` front matter is read without the YAML parser. Whatever the block, the result must be
 * exactly what the YAML parser gives: these tests compare the two readers on generated blocks, on tricky
 * ones, and on every page of the examples and the corpus.
 */

/** A page whose front matter holds `content` (lines already ended), and the block's bounds. */
function page(content: string, eol = '\n'): { text: string; start: number; end: number } {
  const text = `---${eol}${content}---${eol}# H${eol}`;
  return { text, start: 0, end: 3 + eol.length + content.length + 3 };
}

function assertSameAsYaml(content: string, eol = '\n'): void {
  const { text, start, end } = page(content, eol);
  assert.deepEqual(readFrontMatter(text, start, end), readFrontMatterWithYaml(text, start, end), JSON.stringify(content));
}

const VALUES = [
  'x', 'Foo Bar', 'FastTrack Partner Playbook - Hold Kickoff Meeting', 'C#', 'a # b', 'a: b', 'a:b', 'x:', 'x #', 'x#y',
  '10/22/2019', '2019-10-22', '12:30', '1', '-1', '+1', '1.5', '.5', '1.', '1e3', '1_000', '0x1F', '0x1g', '0o7', '.inf',
  '-.inf', '.nan', '.NET', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'yes', 'no', 'on', "'q'", "'it''s'",
  "'a: b'", "'open", "''", '""', '"dq"', '"esc\\n"', '"a\\"b"', '"a: b # c"', "'a' b", '"a" # c', '- x', '-x', '? x', '?x',
  ': x', '[a, b]', '{a: 1}', 'a [b]', 'x, y', '&a x', '*a', '!tag x', '|', '>', '%x', '@x', '`x', "x'", 'x"y', 'x  y', 'ü é',
  'x\u00a0', 'x\ty', 'a - b', '#x', '',
  // Values that start like a number: the plain reader takes the strings, `yaml` the numbers.
  '40-percent-forecast-tab', '1a', '1-2', '1.2.3', '12abc', '0x', '0xG', '0o8', '0o', '+.5', '-1e3', '1E+3', '1e', '1.e5', '.e5',
  '0b1', '1_0', '-.5', '+-1', '--1', '.inf2', 'inf', '+.INF', '.Nan', '007', '1.5.', '6.0-preview', 'x1',
];

test('front matter: every one-line value reads the same as with the YAML parser', () => {
  for (const value of VALUES) {
    for (const sep of [': ', ':', ':   ', ' : ', ':\t']) {
      for (const after of ['', '  ', ' # c', '\t']) {
        for (const eol of ['\n', '\r\n']) assertSameAsYaml(`key${sep}${value}${after}${eol}`, eol);
      }
    }
  }
});

test('front matter: every kind of key reads the same as with the YAML parser', () => {
  const keys = ['title', 'ms.date', 'ft.audience', 'a_b', '_x', 'k-1', 'x.y.z', 'A B', 'true', 'True', 'null', 'NULL', 'false', '1x', '12', 'ü', '-k', '?k', '"q"', "'q'", 'a#b', 'k'.repeat(600)];
  for (const key of keys) for (const value of ['x', '', '1', "'q'"]) assertSameAsYaml(`${key}: ${value}\n`);
});

test('front matter: blocks of several lines read the same as with the YAML parser', () => {
  const lines = [
    'title: A', 'title: B', 'author: Nora Collins', 'empty:', 'empty:   ', '', '   ', '# required metadata  ', '  # indented comment',
    '  continued', '\tcontinued', '- item', '  - item', '  nested: 1', 'ms.date: 10/22/2019', "quoted: 'x'", 'quoted: "x"',
    'broken: "open', "more: 'it''s'", 'text without colon', '...', 'k: v\rstray', '[a, b]', 'x: |', '  block',
  ];
  for (const a of lines) {
    for (const b of lines) {
      for (const eol of ['\n', '\r\n']) assertSameAsYaml(`${a}${eol}${b}${eol}`, eol);
      assertSameAsYaml(`title: T\n${a}\n${b}\n`);
    }
  }
  assertSameAsYaml('');
  assertSameAsYaml('# only a comment\n\n');
  assertSameAsYaml('a: 1\nb: 2');
});

test('front matter: plain lines are read without the YAML parser, anything else is left to it', () => {
  assert.deepEqual(readPlainEntries("title: A  \n# c\n\nempty:\nq: 'it''s'\n"), [
    { key: 'title', keyStart: 0, keyEnd: 5, value: 'A', valueStart: 7, valueEnd: 8 },
    { key: 'empty', keyStart: 16, keyEnd: 21, value: null, valueStart: 22, valueEnd: 22 },
    { key: 'q', keyStart: 23, keyEnd: 24, value: "it's", valueStart: 27, valueEnd: 32 },
  ]);
  for (const content of ['a: 1\n', 'a: true\n', 'a: x\n  y\n', '- x\n', 'a: x # c\n', 'a: "\\t"\n', 'a: [x]\n', 'a:\tx\n', 'a: x\ry\n', 'a b: x\n']) {
    assert.equal(readPlainEntries(content), undefined, JSON.stringify(content));
  }
});

test('front matter: a valid block keeps no YAML syntax tree; a broken one keeps its errors and its odd top-level node', () => {
  const valid = page('title: A\nn: 1\n');
  const fm = readFrontMatter(valid.text, valid.start, valid.end).frontMatter!;
  assert.deepEqual(fm.yaml, { errors: [], contents: null });
  assert.equal(fm.entries[1]!.value, 1);
  const list = page('- a\n- b\n');
  const r = readFrontMatter(list.text, list.start, list.end);
  assert.equal(r.problems[0]!.code, 'frontmatter-not-map');
  assert.ok(r.frontMatter!.yaml!.contents, 'the list is kept for the message');
  const broken = page('title: a: b\n');
  const e = readFrontMatter(broken.text, broken.start, broken.end).frontMatter!.yaml!;
  assert.equal(e.errors.length > 0 && e.contents, null);
});


for (const root of ['examples', '../shared/corpus']) {
  test(`front matter: every page under ${root} reads the same as with the YAML parser`, { skip: !existsSync(root) && `no ${root} here` }, () => {
    let blocks = 0;
    for (const f of markdownUnder(root)) {
      const text = readFileSync(f, 'utf8');
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const end = frontMatterEnd(bom ? text.slice(1) : text);
      if (end === undefined) continue;
      blocks++;
      assert.deepEqual(readFrontMatter(text, bom, bom + end), readFrontMatterWithYaml(text, bom, bom + end), f);
    }
    assert.ok(blocks > 0);
  });
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, open } from './features-helpers';
import { stringWidth } from '../../server/src/engine/util/stringWidth';

async function format(text: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<{ out: string; edits: number }> {
  const ws = await open({ 'a.md': text });
  const p = ws.path('a.md');
  const edits = ws.service.provideTableFormatting(p, range);
  const out = applyEdits(ws, edits.map((e) => ({ ...e, path: p })))['a.md'] ?? text;
  return { out, edits: edits.length };
}

/** Formats, checks that only whitespace and delimiter dashes changed, and that formatting again changes nothing. */
async function formatChecked(text: string): Promise<string> {
  const { out } = await format(text);
  const squeeze = (s: string): string => s.replace(/\s+/g, '').replace(/-+/g, '-');
  assert.equal(squeeze(out), squeeze(text), 'only whitespace and dashes change');
  const again = await format(out);
  assert.equal(again.edits, 0, 'formatting is idempotent');
  return out;
}

test('columns are padded so the pipes line up; the delimiter row gets one dash per column of width', async () => {
  const out = await formatChecked(['# A', '', '| Task ID | Task Name | M |', '|---|---|---|', '| 5101 | Send Agenda | M |', '|5102|Book|O|', ''].join('\n'));
  assert.equal(out, ['# A', '', '| Task ID | Task Name   | M   |', '| ------- | ----------- | --- |', '| 5101    | Send Agenda | M   |', '| 5102    | Book        | O   |', ''].join('\n'));
});

test('East Asian wide characters count two columns', async () => {
  const out = await formatChecked(['# 甲', '', '| 任务 ID | 任务名称 | 服务 |', '| --- | --- | --- |', '| 5101 | 发送议程 | Exchange |', '| 5102 | Book | 所有服务 |', ''].join('\n'));
  assert.equal(out, ['# 甲', '', '| 任务 ID | 任务名称 | 服务     |', '| ------- | -------- | -------- |', '| 5101    | 发送议程 | Exchange |', '| 5102    | Book     | 所有服务 |', ''].join('\n'));
  assert.deepEqual(['任务 ID', 'é', 'e\u0301', 'ｱ', 'Ａ', '👍', 'a\u200bb'].map(stringWidth), [7, 1, 1, 1, 2, 2, 2]);
});

test('alignment colons are kept', async () => {
  const out = await formatChecked(['| Left | Right | Center | None |', '|:-|-:|:-:|-|', '| a | b | c | d |', ''].join('\n'));
  assert.equal(out, ['| Left | Right | Center | None |', '| :--- | ----: | :----: | ---- |', '| a    | b     | c      | d    |', ''].join('\n'));
});

test('rows without outer pipes keep them off; short and empty rows are padded as far as they go', async () => {
  const out = await formatChecked(['a | bb', '--- | ---', 'ccc | d', '| x', ''].join('\n'));
  assert.equal(out, ['  a   | bb', '  --- | ---', '  ccc | d', '| x'].join('\n') + '\n');
});

test('escaped pipes, code and links stay inside their cells', async () => {
  const out = await formatChecked(['| a | b |', '|---|---|', '| x \\| y | [l](u.md) `c` |', ''].join('\n'));
  assert.equal(out, ['| a      | b             |', '| ------ | ------------- |', '| x \\| y | [l](u.md) `c` |', ''].join('\n'));
});

test('an aligned row is not edited; a table in a block quote is left alone', async () => {
  const r = await format(['| a   | b   |', '| --- | --- |', '| x | y |', ''].join('\n'));
  assert.equal(r.edits, 1);
  const quoted = ['> | a | b |', '> |---|---|', '> | x | y |', ''].join('\n');
  assert.deepEqual(await format(quoted), { out: quoted, edits: 0 });
});

test('CRLF line ends are kept', async () => {
  const out = await formatChecked('| a | bb |\r\n|---|---|\r\n| xxxx | y |\r\n');
  assert.equal(out, '| a    | bb  |\r\n| ---- | --- |\r\n| xxxx | y   |\r\n');
});

test('with a range, only the tables it touches are formatted', async () => {
  const text = ['| a | b |', '|---|---|', '| x | y |', '', 'text', '', '| c | d |', '|---|---|', ''].join('\n');
  const r = await format(text, { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } });
  assert.equal(r.out, ['| a | b |', '|---|---|', '| x | y |', '', 'text', '', '| c   | d   |', '| --- | --- |', ''].join('\n'));
});

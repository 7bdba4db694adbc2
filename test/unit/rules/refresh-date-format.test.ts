import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, processPage } from '../helpers';

const RULE = 'refresh/date-format';

/** A page whose refresh table starts on line 10 (header), rows from line 12. */
function page(heading: string, header: string, rows: readonly string[]): string {
  const cells = header.split('|').filter((c) => c.trim()).length;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows, ''].join('\n');
}

test('refresh/date-format: valid English dates in every accepted style pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page('Refresh Summary', '| Date | Who Changed | What Changed |', ['| 5/2/2026 | A | x |', '| 09/27/2019 | A | y |', '| 5/2/19 | A | z |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('refresh/date-format: impossible, malformed and empty dates are flagged on the date cell', async () => {
  const text = page('Refresh Summary', '| Date | Who Changed | What Changed |', [
    '| 10/018/2019 | A | typo |',
    '| 13/45/2019 | A | month |',
    '| 2/30/2020 | A | day |',
    '|  | A | none |',
    '| 3/1/2020 | A | fine |',
  ]);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [
    { rule: RULE, line: 12, text: '10/018/2019' },
    { rule: RULE, line: 13, text: '13/45/2019' },
    { rule: RULE, line: 14, text: '2/30/2020' },
    { rule: RULE, line: 15, text: '  ' },
  ]);
  const messages = r.of('initiate-a.md').map((d) => d.message);
  assert.match(messages[0]!, /`10\/018\/2019` is not a date in an accepted format: write the date of the change as `M\/D\/YYYY`, `M\/D\/YY`/);
  assert.match(messages[1]!, /its month is 13, but months go from 1 to 12/);
  assert.match(messages[2]!, /day 30 does not exist in February 2020/);
  assert.match(messages[3]!, /has no date/);
});

test('refresh/date-format: German D.M.YYYY dates pass, an impossible one is flagged', async () => {
  const text = page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |', [
    '| 27.09.2019 | A | x |',
    '| 1.2.2019 | A | y |',
    '| 31.02.2019 | A | z |',
  ]);
  const r = await lint({ 'initiate-a-de.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-de.md'), [{ rule: RULE, line: 14, text: '31.02.2019' }]);
  assert.match(r.of('initiate-a-de.md')[0]!.message, /day 31 does not exist in February 2019.*`D\.M\.YYYY`/);
});

test('refresh/date-format: Japanese YYYY 年 M 月 D 日 dates pass with or without spaces', async () => {
  const text = page('概要の更新', '| 日付 | 変更者 | 変更内容 |', ['| 2019 年 9 月 26 日 | A | x |', '| 2019年9月2日 | A | y |', '| 2019 年 13 月 1 日 | A | z |']);
  const r = await lint({ 'initiate-a-jp.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-jp.md'), [{ rule: RULE, line: 14, text: '2019 年 13 月 1 日' }]);
});

test('refresh/date-format: Chinese YYYY/MM/DD dates pass, 2019/02/30 does not', async () => {
  const text = page('刷新摘要', '| 日期 | 变更人 | 变更内容 |', ['| 2019/09/26 | A | x |', '| 2019/02/30 | A | y |']);
  const r = await lint({ 'initiate-a-sc.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-sc.md'), [{ rule: RULE, line: 13, text: '2019/02/30' }]);
  assert.match(r.of('initiate-a-sc.md')[0]!.message, /day 30 does not exist in February 2019/);
});

test('refresh/date-format: Portuguese day-first and month-first dates both pass', async () => {
  const text = page('Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |', ['| 25/03/2020 | A | x |', '| 03/25/2020 | A | y |', '| 05/04/2020 | A | z |', '| 32/13/2020 | A | w |']);
  const r = await lint({ 'initiate-a-pr.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-pr.md'), [{ rule: RULE, line: 15, text: '32/13/2020' }]);
});

test('refresh/date-format: an English page does not accept German dates', async () => {
  const text = page('Refresh Summary', '| Date | Who Changed | What Changed |', ['| 27.09.2019 | A | x |']);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 12, text: '27.09.2019' }]);
});

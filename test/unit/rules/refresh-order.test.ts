import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'refresh/order';

/** A page whose refresh table rows start on line 12. */
function page(heading: string, header: string, rows: readonly string[], eol = '\n'): string {
  const cells = header.split('|').filter((c) => c.trim()).length;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows, ''].join(eol);
}

const EN = ['Refresh Summary', '| Date | Who Changed | What Changed |'] as const;

test('refresh/order: newest-first tables (equal dates included) pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page(...EN, ['| 5/12/2020 | A | x |', '| 1/31/2020 | A | y |', '| 1/31/2020 | B | z |', '| 12/6/2019 | A | w |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('refresh/order: the first row newer than the row above it is reported once, and the fix sorts whole lines', async () => {
  const rows = ['| 1/31/2020 | A | second |  ', '| 5/12/2020 | B | first |', '| 1/10/2019 | C | fourth |', '| 1/31/2020 | D | third |'];
  const text = page(...EN, rows);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 13, text: '5/12/2020' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /`5\/12\/2020` \(line 13\) is newer than the row above it, dated `1\/31\/2020` \(line 12\)/);
  assert.equal(d.related[0]!.range.start.line, 11);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page(...EN, [rows[1]!, rows[0]!, rows[3]!, rows[2]!]));
  const again = await lint({ 'initiate-a.md': fixed }, { rules: [RULE] });
  assert.deepEqual(again.findings('initiate-a.md'), []);
});

test('refresh/order: the fix keeps CRLF line endings and the table end intact', async () => {
  const text = page(...EN, ['| 1/1/2019 | A | old |', '| 1/1/2020 | A | new |'], '\r\n');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 13, text: '1/1/2020' }]);
  assert.equal(applyFix(text, r.of('initiate-a.md')[0]!), page(...EN, ['| 1/1/2020 | A | new |', '| 1/1/2019 | A | old |'], '\r\n'));
});

test('refresh/order: no fix when a date cannot be read', async () => {
  const text = page(...EN, ['| 1/1/2019 | A | old |', '| 1/1/2020 | A | new |', '| 10/018/2019 | A | typo |']);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 13, text: '1/1/2020' }]);
  assert.deepEqual(r.of('initiate-a.md')[0]!.fixes, []);
});

test('refresh/order: German, Japanese, Chinese and Portuguese dates are compared as dates', async () => {
  const r = await lint(
    {
      'initiate-a-de.md': page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |', ['| 27.09.2019 | A | x |', '| 3.10.2019 | A | y |']),
      'initiate-a-jp.md': page('概要の更新', '| 日付 | 変更者 | 変更内容 |', ['| 2019 年 9 月 26 日 | A | x |', '| 2019年10月2日 | A | y |']),
      'initiate-a-sc.md': page('刷新摘要', '| 日期 | 变更人 | 变更内容 |', ['| 2019/10/02 | A | x |', '| 2019/09/26 | A | y |']),
      'initiate-a-pr.md': page('Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |', ['| 25/03/2020 | A | x |', '| 03/20/2020 | A | y |']),
    },
    { rules: [RULE] },
  );
  assert.deepEqual(r.findings('initiate-a-de.md'), [{ rule: RULE, line: 13, text: '3.10.2019' }]);
  assert.deepEqual(r.findings('initiate-a-jp.md'), [{ rule: RULE, line: 13, text: '2019年10月2日' }]);
  assert.deepEqual(r.findings('initiate-a-sc.md'), []);
  assert.deepEqual(r.findings('initiate-a-pr.md'), []);
});

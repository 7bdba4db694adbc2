import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'refresh/duplicate-row';

/** A page whose refresh table rows start on line 12; `end` follows the last row. */
function page(heading: string, header: string, rows: readonly string[], end = '\n', eol = '\n'): string {
  const cells = header.split('|').filter((c) => c.trim()).length;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows].join(eol) + end;
}

const EN = ['Refresh Summary', '| Date | Who Changed | What Changed |'] as const;

test('refresh/duplicate-row: distinct rows pass, even with the same date and text by different people', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page(...EN, ['| 3/27/2020 | James Collins | General update |', '| 3/27/2020 | Celia Kennedy | General update |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('refresh/duplicate-row: a repeated row (spacing aside) is reported on the later row; the fix deletes its line', async () => {
  const rows = ['| 3/27/2020 | Celia Kennedy | General update |', '| 1/2/2020 | A | x |', '|3/27/2020|Celia  Kennedy|General update|'];
  const text = page(...EN, rows);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 14, text: '|3/27/2020|Celia  Kennedy|General update|' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /repeats the row on line 12/);
  assert.equal(d.related[0]!.range.start.line, 11);
  assert.equal(d.fixes[0]!.safe, true);
  const fixed = applyFix(text, d);
  assert.equal(fixed, page(...EN, rows.slice(0, 2)));
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('refresh/duplicate-row: a duplicate on the last line of a file without a final newline (CRLF page)', async () => {
  const rows = ['| 1/2/2020 | A | x |', '| 1/2/2020 | A | x |'];
  const text = page(...EN, rows, '', '\r\n');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 13, text: '| 1/2/2020 | A | x |' }]);
  assert.equal(applyFix(text, r.of('initiate-a.md')[0]!), page(...EN, rows.slice(0, 1), '', '\r\n'));
});

test('refresh/duplicate-row: German, Japanese, Chinese and Portuguese tables; a third copy is reported too', async () => {
  const r = await lint(
    {
      'initiate-a-de.md': page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |', ['| 27.09.2019 | A | Erstellt |', '| 27.09.2019 | A | Erstellt |']),
      'initiate-a-jp.md': page('概要の更新', '| 日付 | 変更者 | 変更内容 |', ['| 2019 年 9 月 26 日 | A | 作成 |', '| 2019 年 9 月 26 日 | A | 作成 |', '| 2019 年 9 月 26 日 | A | 作成 |']),
      'initiate-a-sc.md': page('刷新摘要', '| 日期 | 变更人 | 变更内容 |', ['| 2019/09/26 | A | 创建 |', '| 2019/09/26 | A | 更新 |']),
      'initiate-a-pr.md': page('Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |', ['| 25/03/2020 | A | Criado |', '| 25/03/2020 | A | Criado |']),
    },
    { rules: [RULE] },
  );
  assert.deepEqual(r.findings('initiate-a-de.md'), [{ rule: RULE, line: 13, text: '| 27.09.2019 | A | Erstellt |' }]);
  assert.deepEqual(r.findings('initiate-a-jp.md'), [
    { rule: RULE, line: 13, text: '| 2019 年 9 月 26 日 | A | 作成 |' },
    { rule: RULE, line: 14, text: '| 2019 年 9 月 26 日 | A | 作成 |' },
  ]);
  assert.deepEqual(r.findings('initiate-a-sc.md'), []);
  assert.deepEqual(r.findings('initiate-a-pr.md'), [{ rule: RULE, line: 13, text: '| 25/03/2020 | A | Criado |' }]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, processPage } from '../helpers';

const RULE = 'refresh/future-date';

/** A page whose refresh table rows start on line 12 (today is 1 November 2026 in every test). */
function page(heading: string, header: string, rows: readonly string[]): string {
  const cells = header.split('|').filter((c) => c.trim()).length;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows, ''].join('\n');
}

const EN = ['Refresh Summary', '| Date | Who Changed | What Changed |'] as const;

test('refresh/future-date: past dates and today pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'initiate-b.md': page(...EN, ['| 11/1/2026 | A | today |', '| 10/31/2026 | A | x |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
});

test('refresh/future-date: a date after today is flagged on the date cell, today written in the cell style', async () => {
  const r = await lint({ 'initiate-a.md': page(...EN, ['| 11/02/2026 | A | tomorrow |', '| 10/02/2029 | A | typo |', '| 10/02/2026 | A | x |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [
    { rule: RULE, line: 12, text: '11/02/2026' },
    { rule: RULE, line: 13, text: '10/02/2029' },
  ]);
  assert.match(r.of('initiate-a.md')[1]!.message, /`10\/02\/2029` \(2 October 2029\) is in the future \(today is `11\/01\/2026`\)/);
});

test('refresh/future-date: the graceDays option tolerates a day of time-zone skew', async () => {
  const config = { rules: { [RULE]: { severity: 'error' as const, options: { graceDays: 1 } } } };
  const r = await lint({ 'initiate-a.md': page(...EN, ['| 11/03/2026 | A | x |', '| 11/02/2026 | A | y |']) }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 12, text: '11/03/2026' }]);
});

test('refresh/future-date: German, Japanese, Chinese and Portuguese future dates', async () => {
  const r = await lint(
    {
      'initiate-a-de.md': page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |', ['| 02.11.2026 | A | x |', '| 01.11.2026 | A | y |']),
      'initiate-a-jp.md': page('概要の更新', '| 日付 | 変更者 | 変更内容 |', ['| 2027 年 1 月 5 日 | A | x |', '| 2026年10月2日 | A | y |']),
      'initiate-a-sc.md': page('刷新摘要', '| 日期 | 变更人 | 变更内容 |', ['| 2026/12/01 | A | x |']),
      'initiate-a-pr.md': page('Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |', ['| 25/12/2026 | A | x |', '| 30/10/2026 | A | y |']),
    },
    { rules: [RULE] },
  );
  assert.deepEqual(r.findings('initiate-a-de.md'), [{ rule: RULE, line: 12, text: '02.11.2026' }]);
  assert.match(r.of('initiate-a-de.md')[0]!.message, /today is `01\.11\.2026`/);
  assert.deepEqual(r.findings('initiate-a-jp.md'), [{ rule: RULE, line: 12, text: '2027 年 1 月 5 日' }]);
  assert.match(r.of('initiate-a-jp.md')[0]!.message, /today is `2026 年 11 月 1 日`/);
  assert.deepEqual(r.findings('initiate-a-sc.md'), [{ rule: RULE, line: 12, text: '2026/12/01' }]);
  assert.deepEqual(r.findings('initiate-a-pr.md'), [{ rule: RULE, line: 12, text: '25/12/2026' }]);
});

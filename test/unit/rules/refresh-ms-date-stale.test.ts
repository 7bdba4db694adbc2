import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'refresh/ms-date-stale';

/** A page with `ms.date` on line 3 and refresh rows from line 12 (today is 1 November 2026). */
function page(msDate: string, heading: string, header: string, rows: readonly string[]): string {
  const cells = header.split('|').filter((c) => c.trim()).length;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', `ms.date: ${msDate}  `, '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows, ''].join('\n');
}

const EN = ['Refresh Summary', '| Date | Who Changed | What Changed |'] as const;

test('refresh/ms-date-stale: ms.date equal to or newer than the newest row passes', async () => {
  const r = await lint(
    { 'initiate-a.md': processPage(), 'initiate-b.md': page('5/13/2020', ...EN, ['| 5/12/2020 | A | x |']), 'initiate-c.md': page('5/12/20', ...EN, ['| 05/12/2020 | A | x |']) },
    { rules: [RULE] },
  );
  assert.deepEqual(r.findings('initiate-a.md'), []);
  assert.deepEqual(r.findings('initiate-b.md'), []);
  assert.deepEqual(r.findings('initiate-c.md'), []);
});

test('refresh/ms-date-stale: a stale ms.date is reported on its value; the fix writes the newest date in its own style', async () => {
  const cases: Array<[string, string]> = [
    ['10/29/2019', '5/21/2020'], // two-digit fields show no padding: the format's own M/D
    ['09/27/2019', '05/21/2020'],
    ['7/2/2019', '5/21/2020'],
    ['5/02/2019', '5/21/2020'],
    ['5/2/19', '5/21/20'],
  ];
  for (const [msDate, expected] of cases) {
    const text = page(msDate, ...EN, ['| 1/31/2020 | A | x |', '| 5/21/2020 | A | newest, out of order |', '| 12/25/2029 | A | future typo is ignored |']);
    const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
    assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: msDate }], msDate);
    const d = r.of('initiate-a.md')[0]!;
    assert.match(d.message, /older than the newest refresh-summary row, dated `5\/21\/2020` \(21 May 2020\)/);
    assert.equal(d.related[0]!.range.start.line, 12);
    const fixed = applyFix(text, d);
    assert.equal(fixed, text.replace(`ms.date: ${msDate}  `, `ms.date: ${expected}  `), msDate);
    assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), [], msDate);
  }
});

test('refresh/ms-date-stale: a quoted ms.date keeps its quotes', async () => {
  const text = page('"09/27/2019"', ...EN, ['| 10/1/2019 | A | x |']);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '09/27/2019' }]);
  assert.ok(applyFix(text, r.of('initiate-a.md')[0]!).includes('ms.date: "10/01/2019"  '));
});

test('refresh/ms-date-stale: translated pages keep a month-first ms.date while their tables use local formats', async () => {
  const r = await lint(
    {
      'initiate-a-de.md': page('9/06/2019', 'Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |', ['| 13.12.2019 | A | x |']),
      'initiate-a-jp.md': page('9/06/2019', '概要の更新', '| 日付 | 変更者 | 変更内容 |', ['| 2019 年 12 月 13 日 | A | x |']),
      'initiate-a-sc.md': page('12/13/2019', '刷新摘要', '| 日期 | 变更人 | 变更内容 |', ['| 2019/12/13 | A | x |']),
      'initiate-a-pr.md': page('09/06/2019', 'Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |', ['| 13/12/2019 | A | x |']),
    },
    { rules: [RULE] },
  );
  for (const [path, msDate, fixed] of [['initiate-a-de.md', '9/06/2019', '12/13/2019'], ['initiate-a-jp.md', '9/06/2019', '12/13/2019'], ['initiate-a-pr.md', '09/06/2019', '12/13/2019']] as const) {
    assert.deepEqual(r.findings(path), [{ rule: RULE, line: 3, text: msDate }], path);
    const text = r.engine.index.document(r.workspace.resolve(path))!.text;
    assert.ok(applyFix(text, r.of(path)[0]!).includes(`ms.date: ${fixed}  `), path);
  }
  assert.deepEqual(r.findings('initiate-a-sc.md'), []);
});

test('refresh/ms-date-stale: no report without ms.date, with an unreadable one, or without dated rows', async () => {
  const r = await lint(
    {
      'initiate-a.md': page('', ...EN, ['| 1/31/2020 | A | x |']),
      'initiate-b.md': page('someday', ...EN, ['| 1/31/2020 | A | x |']),
      'initiate-c.md': page('1/1/2019', ...EN, ['| 10/018/2019 | A | x |']),
    },
    { rules: [RULE] },
  );
  assert.deepEqual([...r.findings('initiate-a.md'), ...r.findings('initiate-b.md'), ...r.findings('initiate-c.md')], []);
});

test('refresh/ms-date-stale: the formats option says how ms.date is written', async () => {
  const config = { rules: { [RULE]: { severity: 'warning' as const, options: { formats: ['YYYY-MM-DD'] } } } };
  const text = page('2019-09-27', ...EN, ['| 10/1/2019 | A | x |']);
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 3, text: '2019-09-27' }]);
  assert.ok(applyFix(text, r.of('initiate-a.md')[0]!).includes('ms.date: 2019-10-01  '));
});

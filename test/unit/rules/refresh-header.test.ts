import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, processPage } from '../helpers';

const RULE = 'refresh/header';

/** A page whose refresh table header is on line 10. */
function page(heading: string, header: string, rows: readonly string[] = ['| 1/2/2020 | A | x |']): string {
  const cells = header.split('|').length - 2;
  const delimiter = `|${' --- |'.repeat(cells)}`;
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', '# Test Page', '', `## ${heading}`, '', header, delimiter, ...rows, ''].join('\n');
}

test('refresh/header: recognised headers pass, with or without Notes, with drift in case and spacing', async () => {
  const r = await lint(
    {
      'initiate-a.md': processPage(),
      'initiate-b.md': page('Refresh Summary', '|Date|Who Changed|What Changed|Notes|'),
      'initiate-c.md': page('Refresh Summary', '| date | who  changed | What changed |'),
      'initiate-d-de.md': page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung von | Notizen |'),
      'initiate-d-jp.md': page('概要の更新', '|日付|変更者|変更内容|'),
      'initiate-d-sc.md': page('刷新摘要', '| 日期 | 变更人 | 变更内容 |'),
      'initiate-d-pr.md': page('Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou | Anotações |'),
    },
    { rules: [RULE] },
  );
  for (const p of ['initiate-a.md', 'initiate-b.md', 'initiate-c.md', 'initiate-d-de.md', 'initiate-d-jp.md', 'initiate-d-sc.md', 'initiate-d-pr.md']) assert.deepEqual(r.findings(p), [], p);
});

test('refresh/header: an unknown header cell is reported on the cell, a missing column on the header row', async () => {
  const r = await lint({ 'initiate-a.md': page('Refresh Summary', '| Date | Author | Version |') }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [
    { rule: RULE, line: 10, text: '| Date | Author | Version |' },
    { rule: RULE, line: 10, text: 'Author' },
    { rule: RULE, line: 10, text: 'Version' },
  ]);
  const messages = r.of('initiate-a.md').map((d) => d.message);
  assert.match(messages[0]!, /lacks the `Who Changed`, `What Changed` column\(s\): the columns are `\| Date \| Who Changed \| What Changed \|` \(optional: `Notes`\)/);
  assert.match(messages[1]!, /`Author` is not a refresh-summary column/);
});

test('refresh/header: a repeated column and an empty cell are reported; German words in the message', async () => {
  const r = await lint({ 'initiate-a-de.md': page('Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an | Datum |  |', ['| 1.2.2020 | A | x | y | z |']) }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a-de.md'), [
    { rule: RULE, line: 10, text: 'Datum' },
    { rule: RULE, line: 10, text: '  ' },
  ]);
  assert.match(r.of('initiate-a-de.md')[0]!.message, /appears twice.*`\| Datum \| Geändert durch \| Änderung an \|` \(optional: `Notizen`\)/);
});

test('refresh/header: the requiredColumns option can drop the Who column', async () => {
  const config = { rules: { [RULE]: { severity: 'error' as const, options: { requiredColumns: ['date', 'what'] } } } };
  const r = await lint({ 'initiate-a.md': page('Refresh Summary', '| Date | What Changed |', ['| 1/2/2020 | x |']) }, { rules: [RULE], config });
  assert.deepEqual(r.findings('initiate-a.md'), []);
});

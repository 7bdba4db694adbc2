import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, lint, processPage } from '../helpers';

const RULE = 'refresh/missing';

/** A page without a refresh summary: H1 on line 6. */
function bare(h1: string, end = '\n', eol = '\n'): string {
  return ['---', 'title: Test', 'ms.date: 10/02/2026', '---', '', `# ${h1}`, '', 'Some text.'].join(eol) + end;
}

test('refresh/missing: pages with a refresh summary table, and kinds that need none, pass', async () => {
  const r = await lint({ 'initiate-a.md': processPage(), 'change-log.md': bare('Change Log'), 'notes.md': bare('Notes'), 'includes/x.md': bare('Include') }, { rules: [RULE] });
  for (const p of ['initiate-a.md', 'change-log.md', 'notes.md', 'includes/x.md']) assert.deepEqual(r.findings(p), [], p);
});

test('refresh/missing: a process page without the section is reported on its H1; the unsafe fix appends the section', async () => {
  const text = bare('Hold Kickoff Meeting');
  const r = await lint({ 'initiate-a.md': text }, { rules: [RULE] });
  assert.deepEqual(r.findings('initiate-a.md'), [{ rule: RULE, line: 6, text: 'Hold Kickoff Meeting' }]);
  const d = r.of('initiate-a.md')[0]!;
  assert.match(d.message, /no "Refresh Summary" section/);
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(text, d);
  assert.equal(fixed, `${text}\n## Refresh Summary\n\n| Date | Who Changed | What Changed |\n| --- | --- | --- |\n`);
  assert.deepEqual((await lint({ 'initiate-a.md': fixed }, { rules: [RULE] })).findings('initiate-a.md'), []);
});

test('refresh/missing: the fix speaks the page language and keeps CRLF; a page without H1 or final newline is reported at its end', async () => {
  const cases: Array<[string, string, string]> = [
    ['phase-a-de.md', 'Zusammenfassung der Aktualisierung', '| Datum | Geändert durch | Änderung an |'],
    ['phase-a-jp.md', '概要の更新', '| 日付 | 変更者 | 変更内容 |'],
    ['phase-a-sc.md', '刷新摘要', '| 日期 | 变更人 | 变更内容 |'],
    ['phase-a-pr.md', 'Resumo de Atualização', '| Data | Quem Mudou | O Que Mudou |'],
  ];
  for (const [path, heading, header] of cases) {
    const text = bare('Titel', '', '\r\n');
    const r = await lint({ [path]: text }, { rules: [RULE] });
    assert.deepEqual(r.findings(path), [{ rule: RULE, line: 6, text: 'Titel' }], path);
    const fixed = applyFix(text, r.of(path)[0]!);
    assert.equal(fixed, `${text}\r\n\r\n## ${heading}\r\n\r\n${header}\r\n| --- | --- | --- |\r\n`, path);
    assert.deepEqual((await lint({ [path]: fixed }, { rules: [RULE] })).findings(path), [], path);
  }
  const noH1 = '---\ntitle: Test\n---\n\nJust text.';
  const r = await lint({ 'guidance-a.md': noH1 }, { rules: [RULE] });
  assert.deepEqual(r.findings('guidance-a.md'), [{ rule: RULE, line: 5, text: '' }]);
  assert.equal(r.of('guidance-a.md')[0]!.range.start.character, 10);
});

test('refresh/missing: a summary heading without a table is reported on the heading, on any page kind', async () => {
  const broken = ['---', 'title: Test', '---', '', '# Page', '', '### Content Summary', '', '|Date|Who Changed|What Changed|Notes|', '|---|---|---|', '|1/2/2020|A|x|', ''].join('\n');
  const r = await lint({ 'notes.md': broken, 'guidance-a-sc.md': broken.replace('Content Summary', '内容摘要') }, { rules: [RULE] });
  assert.deepEqual(r.findings('notes.md'), [{ rule: RULE, line: 7, text: 'Content Summary' }]);
  assert.match(r.of('notes.md')[0]!.message, /has no table: it needs a header row/);
  assert.deepEqual(r.of('notes.md')[0]!.fixes, []);
  assert.deepEqual(r.findings('guidance-a-sc.md'), [{ rule: RULE, line: 7, text: '内容摘要' }]);
});

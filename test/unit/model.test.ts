import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import type { PlaybookDocument } from '../../server/src/engine/model/document';
import type { Span } from '../../server/src/engine/text/span';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { processPage, TODAY } from './helpers';

function model(path: string, text: string): PlaybookDocument {
  const engine = createEngine(new MemoryWorkspace('/ws'), defaultConfig({ today: TODAY }));
  engine.index.setText(path, text, 1);
  return engine.index.document(path)!;
}

const at = (doc: PlaybookDocument, s: Span): string => doc.text.slice(s.start, s.end);

test('an English process page is modelled with kind, locale, phase, sections and steps', () => {
  const doc = model('/ws/en/initiate-hold-kickoff-meeting.md', processPage());
  assert.equal(doc.kind, 'process');
  assert.equal(doc.locale, 'en');
  assert.equal(doc.phase?.value, 'Initiate');
  assert.equal(at(doc, doc.phase!.valueSpan), 'Initiate');
  assert.deepEqual(doc.h1s.map((h) => h.text), ['Hold Kickoff Meeting']);
  assert.deepEqual(
    doc.headings.filter((h) => h.depth === 2).map((h) => h.canonical),
    ['overview', 'objectives', 'approach', 'keyInputs', 'keyOutputs', 'nextSteps', 'refreshSummary'],
  );
  assert.equal(doc.steps.length, 1);
  assert.equal(doc.steps[0]!.heading.slug, 'prepare-the-meeting');
  assert.equal(doc.steps[0]!.labels.primaryRole?.value, 'FastTrack Manager');
  assert.equal(doc.steps[0]!.labels.appliesTo?.value, 'All Services');
  assert.deepEqual(doc.problems, []);
});

test('front matter entries keep exact key and value spans', () => {
  const doc = model('/ws/a.md', processPage());
  const date = doc.frontMatter!.byKey.get('ms.date')!;
  assert.equal(at(doc, date.keySpan), 'ms.date');
  assert.equal(at(doc, date.valueSpan), '10/02/2026');
  assert.equal(date.valueText, '10/02/2026');
  assert.equal(doc.frontMatter!.entries.length, 11);
});

test('a BOM does not shift spans', () => {
  const doc = model('/ws/a.md', '\uFEFF' + processPage());
  assert.equal(doc.hasBom, true);
  assert.equal(at(doc, doc.frontMatter!.byKey.get('title')!.valueSpan), 'FastTrack Partner Playbook - Hold Kickoff Meeting');
  assert.equal(at(doc, doc.h1s[0]!.textSpan), 'Hold Kickoff Meeting');
});

test('task tables are read cell by cell with the legend of their own header', () => {
  const doc = model('/ws/a.md', processPage());
  const table = doc.taskTables[0]!;
  assert.deepEqual(table.legend, { mandatory: 'M', optional: 'O', fromHeader: true });
  assert.deepEqual(Object.keys(table.columns).sort(), ['id', 'mandatory', 'name', 'role', 'services']);
  const row = table.rows[0]!;
  assert.equal(row.byColumn.id?.text, '5101');
  assert.equal(at(doc, row.byColumn.name!.span), 'Send Agenda');
  assert.equal(at(doc, row.byColumn.mandatory!.span), 'M');
  assert.equal(table.step?.heading.text, 'Prepare the Meeting');
});

test('refresh rows carry parsed dates', () => {
  const doc = model('/ws/a.md', processPage());
  assert.deepEqual(doc.refresh?.rows.map((r) => r.date?.date), [
    { year: 2026, month: 10, day: 2 },
    { year: 2026, month: 3, day: 15 },
  ]);
  assert.equal(at(doc, doc.refresh!.rows[0]!.byColumn.date!.span), '10/02/2026');
});

test('a doubled pipe keeps the extra empty cell so rules can see the shift', () => {
  const doc = model('/ws/a.md', processPage({ body: '## Approach\n\n### S\n\n#### FTOP Tasks\n\n| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |\n|--|--|--|--|--|\n| 5101 || Send | M | FastTrack Manager | All Services |' }));
  const row = doc.taskTables[0]!.rows[0]!;
  assert.equal(row.cells.length, 6);
  assert.equal(row.cells[1]!.text, '');
});

test('links, images, includes and alerts have exact target spans', () => {
  const text = processPage({
    body: [
      '## Overview',
      '',
      'See [the plan](plan.md#goals "Plan") and [![logo](media/logo.png)](media/logo.png).',
      '',
      '[!INCLUDE [Sign in](../includes/sign-in.md)]',
      '',
      '> [!note]',
      '> Remember.',
    ].join('\n'),
  });
  const doc = model('/ws/en/a.md', text);
  assert.deepEqual(doc.links.map((l) => [l.kind, at(doc, l.targetSpan), l.target.path, l.target.anchor]), [
    ['link', 'plan.md#goals', 'plan.md', 'goals'],
    ['link', 'media/logo.png', 'media/logo.png', undefined],
    ['image', 'media/logo.png', 'media/logo.png', undefined],
  ]);
  assert.deepEqual(doc.includes.map((i) => [i.title, at(doc, i.targetSpan)]), [['Sign in', '../includes/sign-in.md']]);
  assert.deepEqual(doc.alerts.map((a) => at(doc, a.keywordSpan)), ['note']);
});

test('the locale comes from the file suffix, then the folder, then the headings', () => {
  const page = processPage();
  assert.equal(model('/ws/x/initiate-a-de.md', page).localeSource, 'suffix');
  assert.equal(model('/ws/german-playbook/initiate-a-de.md', page).locale, 'de');
  assert.equal(model('/ws/japanese-playbook/initiate-a.md', '# 見出し\n\n## 概要\n').locale, 'ja');
  // An untranslated English copy inside a language folder is English.
  assert.deepEqual({ ...model('/ws/german-playbook/initiate-a.md', page) }.locale, 'en');
  assert.equal(model('/ws/x/b.md', '# 举办\n\n## 概述\n\n## 目标\n').locale, 'zh-cn');
});

test('malformed input gives a model with problems, never an exception', () => {
  const unclosed = model('/ws/a.md', '---\ntitle: x\n# Heading\n');
  assert.deepEqual(unclosed.problems.map((p) => p.code), ['frontmatter-unclosed']);
  const badYaml = model('/ws/b.md', '---\ntitle: [unclosed\n---\n# H\n');
  assert.ok(badYaml.problems.some((p) => p.code === 'frontmatter-yaml'));
  const none = model('/ws/c.md', '# Just a heading\n');
  assert.deepEqual(none.problems.map((p) => p.code), ['frontmatter-missing']);
  for (const weird of ['', '|', '| a |\n|', '---', '\u0000\u0001', '#'.repeat(10000), '> [!', '[!INCLUDE [x](']) {
    assert.doesNotThrow(() => model('/ws/w.md', weird));
  }
});

const seed = '../shared/seed/conduct-success-review.zh-cn.md';
test('the specification seed page is understood as a Chinese process page', { skip: !existsSync(seed) }, () => {
  const doc = model('/ws/success-conduct-success-review-partner-sc.md', readFileSync(seed, 'utf8'));
  assert.equal(doc.locale, 'zh-cn');
  assert.equal(doc.kind, 'process');
  assert.equal(doc.phase?.value, '成功');
  assert.deepEqual(doc.steps.map((s) => [s.labels.primaryRole?.value, s.labels.appliesTo?.value]).slice(0, 1), [['FastTrack 经理', '所有服务']]);
  assert.equal(doc.steps.at(-1)?.uncategorized, true);
  assert.deepEqual(doc.taskTables[0]!.rows.map((r) => r.byColumn.id?.text), ['3735']);
  assert.equal(doc.refresh?.rows.length, 5);
  assert.deepEqual(doc.refresh?.rows[3]!.date?.date, { year: 2018, month: 12, day: 7 });
  assert.ok(doc.headings.some((h) => h.slug === '刷新摘要'));
});

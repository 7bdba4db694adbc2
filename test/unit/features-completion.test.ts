import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CompletionItem } from '../../server/src/engine/features/index';
import { open, type FeatureWorkspace } from './features-helpers';
import { processPage, tocFor } from './helpers';
import { fileOf, taskPage, type Lang } from './rules/tasks-fixtures';

/** What a reader checks of an item: label, kind, detail, what it inserts and the text it replaces. */
interface Seen {
  label: string;
  kind: string;
  detail?: string;
  insert: string;
  replaces: string;
}

async function complete(files: Record<string, string>): Promise<{ ws: FeatureWorkspace; items: CompletionItem[]; seen: Seen[] }> {
  const ws = await open(files);
  const items = ws.service.provideCompletionItems(ws.cursor.path, ws.cursor.position);
  const seen = items.map((i) => ({ label: i.label, kind: i.kind, ...(i.detail ? { detail: i.detail } : {}), insert: i.insertText, replaces: ws.text(ws.cursor.path, i.span) }));
  for (const i of items) {
    // The replaced range always holds the cursor and stays on its line.
    assert.equal(i.range.start.line, ws.cursor.position.line);
    assert.equal(i.range.end.line, ws.cursor.position.line);
    assert.ok(i.range.start.character <= ws.cursor.position.character && ws.cursor.position.character <= i.range.end.character, i.label);
  }
  return { ws, items, seen };
}

const page = (text: string): string => `---\ntitle: T\n---\n\n# Page\n\n${text}\n`;

test('link targets: pages of the folder with title and phase, pages of the page language first, then folders, then other files', async () => {
  const { seen } = await complete({
    'en/initiate-a.md': page('See [the next step](¦).'),
    'en/assess-b.md': processPage({ h1: 'Assess B', phase: 'Assess' }),
    'en/guide-c-de.md': page('German by its suffix.'),
    'en/media/pic.png': 'png',
    'en/notes.txt': 'text',
    'en/.hidden.md': '# hidden',
    'de/initiate-a-de.md': processPage({ h1: 'Einleitung A', phase: 'Einleitung' }),
  });
  assert.deepEqual(seen, [
    { label: 'assess-b.md', kind: 'page', detail: 'Assess B · Assess', insert: 'assess-b.md', replaces: '' },
    { label: 'guide-c-de.md', kind: 'page', detail: 'Page', insert: 'guide-c-de.md', replaces: '' },
    { label: 'media/', kind: 'folder', insert: 'media/', replaces: '' },
    { label: 'notes.txt', kind: 'file', insert: 'notes.txt', replaces: '' },
  ]);
});

test('a typed folder path lists that folder and replaces only the last segment, up to the next separator', async () => {
  const { seen, items } = await complete({
    'en/initiate-a.md': page('See [the German page](../de/ini¦tiate#x).'),
    'de/initiate-a-de.md': processPage({ h1: 'Einleitung A', phase: 'Einleitung' }),
    'de/my notes.md': page('Spaces in the name.'),
  });
  // `my notes.md` has no language suffix or folder hint: it is English like the linking page, so it comes first.
  assert.deepEqual(seen, [
    { label: 'my notes.md', kind: 'page', detail: 'Page', insert: 'my%20notes.md', replaces: 'initiate' },
    { label: 'initiate-a-de.md', kind: 'page', detail: 'Einleitung A · Einleitung', insert: 'initiate-a-de.md', replaces: 'initiate' },
  ]);
  assert.equal(items[1]!.documentation, '`de/initiate-a-de.md`');
});

test('root-relative targets list the workspace root; folders ask for completion again', async () => {
  const { items } = await complete({
    'en/a.md': page('[x](~/¦)'),
    'shared/x.md': '# X',
    'top.md': '# Top',
  });
  assert.deepEqual(items.map((i) => [i.label, i.retrigger ?? false]), [['top.md', false], ['en/', true], ['shared/', true]]);
});

test('after `![alt](` only images and folders are offered', async () => {
  const { seen } = await complete({
    'en/a.md': page('![Diagram](media/¦)'),
    'en/media/flow.PNG': 'png',
    'en/media/steps.svg': 'svg',
    'en/media/readme.md': '# r',
    'en/media/old/x.png': 'png',
  });
  assert.deepEqual(seen.map((s) => [s.label, s.kind]), [['flow.PNG', 'image'], ['steps.svg', 'image'], ['old/', 'folder']]);
});

test('an include offers pages only', async () => {
  const { seen } = await complete({
    'en/a.md': page('[!INCLUDE [sign in](../includes/¦)]'),
    'includes/sign-in.md': '---\ntitle: Sign in\n---\n## Sign in\n',
    'includes/logo.png': 'png',
  });
  assert.deepEqual(seen.map((s) => [s.label, s.kind, s.detail]), [['sign-in.md', 'page', 'Sign in']]);
});

test('web addresses get no path completion', async () => {
  const { items } = await complete({ 'en/a.md': page('[x](https://contoso.com/¦)'), 'en/b.md': '# B' });
  assert.deepEqual(items, []);
});

test('anchors of the target page come after `#`, in document order, with those its includes bring', async () => {
  const { seen, items } = await complete({
    'en/a.md': page('See [kickoff](assess-b.md#ov¦).'),
    'en/assess-b.md': '# Assess B\n\n## Overview\n\n[!INCLUDE [x](../includes/x.md)]\n\n## Overview\n',
    'includes/x.md': '---\ntitle: x\n---\n## Sign-in (Web)\n',
  });
  assert.deepEqual(seen, [
    { label: 'assess-b', kind: 'anchor', detail: '# Assess B', insert: 'assess-b', replaces: 'ov' },
    { label: 'overview', kind: 'anchor', detail: '## Overview', insert: 'overview', replaces: 'ov' },
    { label: 'overview-1', kind: 'anchor', detail: '## Overview', insert: 'overview-1', replaces: 'ov' },
    { label: 'sign-in-web', kind: 'anchor', detail: '## Sign-in (Web)', insert: 'sign-in-web', replaces: 'ov' },
  ]);
  assert.equal(items[3]!.documentation, 'From the include `includes/x.md`');
});

test('`#` alone offers the page\'s own headings, CJK headings keeping their characters', async () => {
  const { seen } = await complete({
    'zh/success-a-sc.md': '# 召开成功评审\n\n## 概述\n\n见 [方法](#¦)\n\n## 方法\n',
  });
  assert.deepEqual(seen.map((s) => s.label), ['召开成功评审', '概述', '方法']);
});

test('front-matter keys: the missing canonical keys first, in canonical order, with their schema description', async () => {
  const { seen, items } = await complete({
    'en/a.md': '---\ntitle: A\nms.author: v-nocoll\nms.¦\nft.owner: ranadir\n---\n# A\n',
  });
  assert.deepEqual(seen.slice(0, 8).map((s) => [s.label, s.insert, s.replaces, s.detail]), [
    ['description', 'description: ', 'ms.', 'Missing on this page'],
    ['author', 'author: ', 'ms.', 'Missing on this page'],
    ['manager', 'manager: ', 'ms.', 'Missing on this page'],
    ['ms.date', 'ms.date: ', 'ms.', 'Missing on this page'],
    ['ms.topic', 'ms.topic: ', 'ms.', 'Missing on this page'],
    ['ms.prod', 'ms.prod: ', 'ms.', 'Missing on this page'],
    ['ms.custom', 'ms.custom: ', 'ms.', 'Missing on this page'],
    ['ft.audience', 'ft.audience: ', 'ms.', 'Missing on this page'],
  ]);
  assert.ok(!seen.some((s) => s.label === 'title' || s.label === 'ms.author' || s.label === 'ft.owner'), 'present keys are not offered');
  assert.equal(items.find((i) => i.label === 'manager')!.documentation, 'Alias of the content manager who owns the area (e.g. pagrim).');
  const others = seen.slice(8).map((s) => s.label);
  assert.deepEqual(others, [...others].sort(), 'other schema keys follow alphabetically');
  assert.ok(others.includes('ms.service') && others.includes('uid'));
});

test('editing a key that already has its colon inserts the key alone', async () => {
  const { seen } = await complete({ 'en/a.md': '---\nti¦tle: A\n---\n# A\n' });
  const title = seen.find((s) => s.label === 'title')!;
  assert.deepEqual(title, { label: 'title', kind: 'key', detail: 'Missing on this page', insert: 'title', replaces: 'title' });
});

test('enum values of the key on the line replace the written value', async () => {
  const { seen, items } = await complete({ 'en/a.md': '---\ntitle: A\nms.custom: partner-pl¦aybok\n---\n# A\n' });
  assert.deepEqual(seen.map((s) => [s.label, s.insert, s.replaces]), [
    ['partner-playbook', 'partner-playbook', 'partner-playbok'],
    ['internal-playbook', 'internal-playbook', 'partner-playbok'],
  ]);
  assert.match(items[0]!.documentation!, /pairs with ft\.audience: partner/);
});

test('right after the colon the value gets its space', async () => {
  const { seen } = await complete({ 'en/a.md': '---\nms.topic:¦\n---\n# A\n' });
  assert.deepEqual(seen.map((s) => s.insert), [' partner-playbook', ' playbook']);
});

test('a key without an enum offers the values other pages use at least twice, most used first', async () => {
  const fm = (alias: string): string => `---\ntitle: X\nms.author: ${alias}\n---\n# X\n`;
  const { seen } = await complete({
    'en/a.md': '---\ntitle: A\nms.author: ¦\n---\n# A\n',
    'en/b.md': fm('v-nocoll'),
    'en/c.md': fm('v-nocoll'),
    'en/d.md': fm('v-nocoll'),
    'en/e.md': fm('pagrim'),
    'en/f.md': fm('pagrim'),
    'en/g.md': fm('once'),
  });
  assert.deepEqual(seen.map((s) => [s.label, s.detail]), [['v-nocoll', 'Used on 3 pages'], ['pagrim', 'Used on 2 pages']]);
});

test('ms.date offers today in the month-first format', async () => {
  const { seen } = await complete({ 'en/a.md': '---\nms.date: ¦\n---\n# A\n' });
  assert.deepEqual(seen.map((s) => [s.label, s.detail]), [['11/1/2026', 'Today']]);
});

test('phases after the page language\'s Phase label, with the source-language name beside a translation', async () => {
  const en = await complete({ 'en/initiate-a.md': '# A\n\nPhase: **¦' });
  assert.deepEqual(en.seen.slice(0, 6).map((s) => [s.label, s.kind, s.insert]), [
    ['Initiate', 'phase', 'Initiate**'],
    ['Assess', 'phase', 'Assess**'],
    ['Remediate', 'phase', 'Remediate**'],
    ['Enable', 'phase', 'Enable**'],
    ['Migrate', 'phase', 'Migrate**'],
    ['Success', 'phase', 'Success**'],
  ]);
  const de = await complete({ 'de/initiate-a-de.md': '# A\n\nPhase: **Ein¦**  \n' });
  assert.deepEqual(de.seen.slice(0, 2), [
    { label: 'Einleitung', kind: 'phase', detail: 'Initiate', insert: 'Einleitung', replaces: 'Ein' },
    { label: 'Analyse', kind: 'phase', detail: 'Assess', insert: 'Analyse', replaces: 'Ein' },
  ]);
  const zh = await complete({ 'zh/initiate-a-sc.md': '# A\n\n阶段：**¦' });
  assert.deepEqual(zh.seen.slice(0, 2).map((s) => [s.label, s.detail]), [['启动', 'Initiate'], ['评估', 'Assess']]);
});

test('roles after Primary Role and services after Applies To, in the page language; a service list completes its last entry', async () => {
  const role = await complete({ 'de/x-de.md': '# A\n\nPrimäre Rolle: **Fast¦**\n' });
  assert.equal(role.seen[0]!.label, 'FastTrack Manager');
  assert.ok(role.seen.some((s) => s.label === 'Geschwindigkeitsmigrationsmanager'));
  assert.ok(role.seen.every((s) => s.kind === 'role' && s.replaces === 'Fast'));
  const services = await complete({ 'en/x.md': '# A\n\nApplies To: **Exchange / Share¦ / Teams**\n' });
  assert.deepEqual(services.seen[0], { label: 'All Services', kind: 'service', insert: 'All Services', replaces: 'Share' });
  const ja = await complete({ 'ja/x-jp.md': '# A\n\n適用対象: **¦' });
  assert.deepEqual(ja.seen.slice(0, 2).map((s) => s.label), ['すべてのサービス', 'コア オンボーディング']);
});

test('the mandatory column offers the letters of the table\'s own legend', async () => {
  const letters = async (lang: Lang): Promise<string[]> => {
    const { seen } = await complete({ [fileOf(lang)]: taskPage(lang, { rows: ['| 5101 | Send Agenda | ¦ | FM | Exchange |'] }) });
    return seen.map((s) => `${s.label}:${s.detail}`);
  };
  assert.deepEqual(await letters('en'), ['M:Mandatory', 'O:Optional']);
  assert.deepEqual(await letters('de'), ['E:Mandatory', 'O:Optional']);
  assert.deepEqual(await letters('pt'), ['b:Mandatory', 'O:Optional']);
  assert.deepEqual(await letters('zh'), ['M:Mandatory', 'O:Optional']);
});

test('role and services columns offer the page language\'s vocabulary', async () => {
  const role = await complete({ [fileOf('es')]: taskPage('es', { rows: ['| 5101 | Enviar | M | Adm¦ | Exchange |'] }) });
  assert.equal(role.seen[0]!.label, 'Administrador de FastTrack');
  assert.ok(role.seen.every((s) => s.replaces === 'Adm'));
  const services = await complete({ [fileOf('en')]: taskPage('en', { rows: ['| 5101 | Send | M | FM | Exchange / ¦ |'] }) });
  assert.equal(services.seen[0]!.label, 'All Services');
  assert.ok(services.seen.every((s) => s.kind === 'service' && s.replaces === ''));
});

test('task IDs of the page language known in the workspace, those already in the table left out', async () => {
  const { seen, items } = await complete({
    'a.md': taskPage('en', { rows: ['| 5101 | Send Agenda | M | FM | Exchange |', '| 5103 | Invite | O | FE | Teams |'] }),
    'b.md': taskPage('en', { rows: ['| 5101 | Send Agenda | M | FM | Exchange |', '| 5102 | Book Room | O | FM | All Services |', '| 51¦ | x | | | |'] }),
    [fileOf('de', 'c')]: taskPage('de', { rows: ['| 5199 | Nur Deutsch | E | FM | Exchange |'] }),
  });
  assert.deepEqual(seen, [{ label: '5103', kind: 'task', detail: 'Invite', insert: '5103', replaces: '51' }]);
  assert.equal(items[0]!.documentation, 'Used on 1 page:\n- Test Page (`a.md`)');
});

test('an ID at the start of an empty row inserts the whole row, the mandatory letter in this table\'s legend', async () => {
  const { seen, items } = await complete({
    'a.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FastTrack Engineer | Exchange / Teams |'] }),
    // A German table whose legend kept the English letters: its `M` is this table's `E`.
    [fileOf('de', 'a')]: taskPage('de', { header: '| Aufgaben-ID | Name der Aufgabe | (M)andatory / (O)ptional | FastTrack-Rolle | Dienste |', rows: ['| 3735 | Pilot ausführen | M | FE | Exchange |'] }),
    [fileOf('de', 'b')]: taskPage('de', { rows: ['| 5101 | Agenda senden | E | FM | Exchange |', '| 37¦'] }),
  });
  assert.deepEqual(seen, [{ label: '3735', kind: 'task', detail: 'Pilot ausführen', insert: '| 3735 | Pilot ausführen | E | FE | Exchange |', replaces: '| 37' }]);
  assert.equal(items[0]!.filterText, '| 3735');
  const en = await complete({
    'a.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FastTrack Engineer | Exchange / Teams |'] }),
    'b.md': taskPage('en', { rows: ['|¦|  |  |  |  |'] }),
  });
  assert.deepEqual(en.seen.map((s) => [s.insert, s.replaces]), [['| 3735 | Run the pilot | M | FastTrack Engineer | Exchange / Teams |', '||  |  |  |  |']]);
});

test('the name column offers the names the row\'s task ID has elsewhere', async () => {
  const { seen } = await complete({
    'a.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FE | Exchange |'] }),
    'b.md': taskPage('en', { rows: ['| 3735 | Run pilot | M | FE | Exchange |'] }),
    'c.md': taskPage('en', { rows: ['| 3735 | ¦ | M | FE | Exchange |'] }),
  });
  assert.deepEqual(seen.map((s) => [s.label, s.detail]), [['Run the pilot', 'Name of task 3735'], ['Run pilot', 'Name of task 3735']]);
});

test('the header and delimiter rows get nothing', async () => {
  const { items } = await complete({ 'a.md': taskPage('en', { header: '| Task ID¦ | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |', rows: ['| 1 | a | M | FM | Exchange |'] }), 'b.md': taskPage('en', { rows: ['| 5101 | a | M | FM | Exchange |'] }) });
  assert.deepEqual(items, []);
});

test('alert keywords after `> [!`', async () => {
  const { seen } = await complete({ 'a.md': page('> [!NO¦') });
  assert.deepEqual(seen.map((s) => [s.label, s.insert, s.replaces]), [
    ['NOTE', 'NOTE]', 'NO'], ['TIP', 'TIP]', 'NO'], ['IMPORTANT', 'IMPORTANT]', 'NO'], ['CAUTION', 'CAUTION]', 'NO'], ['WARNING', 'WARNING]', 'NO'],
  ]);
});

test('toc hrefs: pages and tocs relative to the toc, folders', async () => {
  const { seen } = await complete({
    'en/toc.yml': '- name: A\n  href: a.md\n- name: B\n  href: sub/¦\n',
    'en/a.md': '# A',
    'en/sub/b.md': processPage({ h1: 'Bee', phase: 'Enable' }),
    'en/sub/toc.yml': tocFor('b.md'),
    'en/sub/pic.png': 'png',
    'en/sub/deep/c.md': '# C',
  });
  assert.deepEqual(seen.map((s) => [s.label, s.kind, s.detail]), [['b.md', 'page', 'Bee · Enable'], ['toc.yml', 'file', undefined], ['deep/', 'folder', undefined]]);
});

test('plain text gets nothing; a cancelled request gets nothing', async () => {
  const plain = await complete({ 'a.md': page('Just some text¦') });
  assert.deepEqual(plain.items, []);
  const ws = await open({ 'a.md': page('[x](¦)'), 'b.md': '# B' });
  assert.deepEqual(ws.service.provideCompletionItems(ws.cursor.path, ws.cursor.position, () => true), []);
});

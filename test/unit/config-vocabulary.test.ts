import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { processPage, tocFor } from './helpers';
import { lintConfigured } from './config-helpers';
import { taskPage } from './rules/tasks-fixtures';

const cfg = (json: object): string => JSON.stringify(json, null, 2);

describe('vocabulary from configuration changes what rules accept', () => {
  const page = taskPage('en', { rows: ['| 5101 | A | M | Partner Success Coach | Exchange |', '| 5102 | B | O | FM | Exchange |'] });

  it('a role added in configuration is no longer reported by tasks/unknown-role', async () => {
    const before = await lintConfigured({ 'a.md': page }, ['tasks/unknown-role']);
    assert.deepEqual(before.findings('a.md'), [{ rule: 'tasks/unknown-role', line: 11, text: 'Partner Success Coach' }]);
    const after = await lintConfigured({ 'a.md': page, '.playbook-lint.jsonc': cfg({ vocabulary: { en: { roles: ['Partner Success Coach'] } } }) }, ['tasks/unknown-role']);
    assert.deepEqual(after.findings('a.md'), []);
  });

  it('a role removed in configuration is reported (roles of every locale in use count, so English only here)', async () => {
    const r = await lintConfigured({ 'a.md': page, '.playbook-lint.jsonc': cfg({ locales: ['en'], vocabulary: { en: { roles: { remove: ['FM'], add: ['Partner Success Coach'] } } } }) }, ['tasks/unknown-role']);
    assert.deepEqual(r.findings('a.md'), [{ rule: 'tasks/unknown-role', line: 12, text: 'FM' }]);
  });

  it('a phase added for a new playbook is known, and its file-name prefix puts pages in it', async () => {
    const engagement = (phase: string): string => processPage({ phase });
    const files = { 'engagement-kickoff.md': engagement('Engagement'), 'engagement-wrap-up.md': engagement('Initiate') };
    const before = await lintConfigured(files, ['structure/phase']);
    assert.deepEqual(before.findings('engagement-kickoff.md'), [{ rule: 'structure/phase', line: 17, text: 'Engagement' }]);
    assert.deepEqual(before.findings('engagement-wrap-up.md'), []);
    const after = await lintConfigured({ ...files, '.playbook-lint.jsonc': cfg({ vocabulary: { en: { phases: { engagement: ['Engagement'] } } } }) }, ['structure/phase']);
    assert.deepEqual(after.findings('engagement-kickoff.md'), []);
    assert.deepEqual(after.findings('engagement-wrap-up.md'), [{ rule: 'structure/phase', line: 17, text: 'Initiate' }], 'the file name now says engagement');
  });

  it('a page-kind prefix added in defaults makes a new playbook\'s pages process pages', async () => {
    const files = { 'delivery-plan.md': '---\ntitle: T\n---\n\n# Plan\n\n## Overview\n\nText.\n' };
    const before = await lintConfigured(files, ['structure/required-sections']);
    assert.equal(before.engine.index.document('/ws/delivery-plan.md')!.kind, 'other');
    assert.deepEqual(before.findings('delivery-plan.md'), []);
    const after = await lintConfigured({ ...files, '.playbook-lint.jsonc': cfg({ defaults: { pageKinds: { process: { prefixes: ['delivery-'] } } } }) }, ['structure/required-sections']);
    assert.equal(after.engine.index.document('/ws/delivery-plan.md')!.kind, 'process');
    assert.ok(after.findings('delivery-plan.md').length > 0, 'a process page must have the process sections');
  });
});

describe('a seventh language, from configuration only', () => {
  const french = {
    name: 'French', fileSuffix: '-fr', folderHints: ['french-playbook'],
    headings: {
      overview: ["Vue d'ensemble"], objectives: ['Objectifs'], approach: ['Approche'], keyInputs: ['Entrées clés'], keyOutputs: ['Résultats clés'],
      nextSteps: ['Étapes suivantes'], refreshSummary: ['Résumé des mises à jour'], ftopTasks: ['Tâches FTOP'],
    },
    labels: { phase: ['Phase'], primaryRole: ['Rôle principal'], appliesTo: ["S'applique à"], motions: ['Initiatives'] },
    phases: { initiate: ['Lancer'], assess: ['Évaluer'] },
    taskTable: { id: ['ID de tâche'], name: ['Nom de la tâche'], mandatory: ['(O)bligatoire / (F)acultatif'], role: ['Rôle FastTrack'], services: ['Services'] },
    mandatoryLetters: { mandatory: 'O', optional: 'F' },
    refreshTable: { date: ['Date'], who: ['Modifié par'], what: ['Modification'] },
    dateFormats: ['DD/MM/YYYY'],
    roles: ['Responsable FastTrack'],
    services: ['Exchange'],
  };
  const config = cfg({ vocabulary: { fr: french } });
  const frenchPage = (parts: { objectives?: boolean } = {}): string => [
    '---', 'title: FastTrack Partner Playbook - Lancement', '---', '', '# Lancement', '', 'Phase: **Lancer**  ', '',
    "## Vue d'ensemble", '', 'Texte.', '',
    ...(parts.objectives === false ? [] : ['## Objectifs', '', '- Un objectif.', '']),
    '## Approche', '', '### Préparer', '', 'Rôle principal: **Responsable FastTrack**  ', "S'applique à: **Exchange**  ", '',
    '#### Tâches FTOP', '', '| ID de tâche | Nom de la tâche | (O)bligatoire / (F)acultatif | Rôle FastTrack | Services |', '| --- | --- | --- | --- | --- |',
    '| 5101 | Envoyer | O | Responsable FastTrack | Exchange |', '| 5102 | Réserver | F | Responsable FastTrack | Exchange |', '',
    '## Entrées clés', '', '- Un accord.', '', '## Résultats clés', '', '- Un plan.', '', '## Étapes suivantes', '', '- La suite.', '',
    '## Résumé des mises à jour', '', '| Date | Modifié par | Modification |', '| --- | --- | --- |', '| 15/03/2026 | Nora | Création |', '',
  ].join('\n');
  const rules = ['structure/required-sections', 'structure/phase', 'structure/step-labels', 'tasks/header', 'tasks/mandatory-letter', 'tasks/unknown-role', 'refresh/header', 'refresh/date-format'];

  it('is recognised by file suffix, folder and headings', async () => {
    const r = await lintConfigured({
      '.playbook-lint.jsonc': config,
      'initiate-lancement-fr.md': frenchPage(),
      'french-playbook/initiate-autre.md': frenchPage(),
      'notes/initiate-sans-indice.md': frenchPage(),
    }, rules);
    const doc = (p: string) => r.engine.index.document(`/ws/${p}`)!;
    assert.deepEqual([doc('initiate-lancement-fr.md').locale, doc('initiate-lancement-fr.md').localeSource], ['fr', 'suffix']);
    assert.deepEqual([doc('french-playbook/initiate-autre.md').locale, doc('french-playbook/initiate-autre.md').localeSource], ['fr', 'folder']);
    assert.deepEqual([doc('notes/initiate-sans-indice.md').locale, doc('notes/initiate-sans-indice.md').localeSource], ['fr', 'headings']);
    assert.deepEqual(doc('initiate-lancement-fr.md').headings.map((h) => h.canonical ?? '-'), ['-', 'overview', 'objectives', 'approach', '-', 'ftopTasks', 'keyInputs', 'keyOutputs', 'nextSteps', 'refreshSummary']);
    for (const p of ['initiate-lancement-fr.md', 'french-playbook/initiate-autre.md', 'notes/initiate-sans-indice.md']) assert.deepEqual(r.findings(p), [], p);
  });

  it('its headings are required like any other language\'s', async () => {
    const r = await lintConfigured({ '.playbook-lint.jsonc': config, 'initiate-lancement-fr.md': frenchPage({ objectives: false }) }, rules);
    const found = r.findings('initiate-lancement-fr.md');
    assert.deepEqual(found.map((f) => f.rule), ['structure/required-sections']);
    assert.match(r.all.get('initiate-lancement-fr.md')![0]!.message, /Objectifs/);
  });

  it('without the configuration, the same page is not French', async () => {
    const r = await lintConfigured({ 'initiate-lancement-fr.md': frenchPage() }, rules);
    assert.equal(r.engine.index.document('/ws/initiate-lancement-fr.md')!.locale, 'en');
    assert.ok(r.findings('initiate-lancement-fr.md').length > 0);
  });
});

describe('workspace-wide locale settings', () => {
  it('locales limits the languages in use', async () => {
    const r = await lintConfigured({ '.playbook-lint.jsonc': cfg({ locales: ['en', 'de'] }), 'x-jp.md': '# X\n', 'x-de.md': '# X\n' }, ['structure/single-h1']);
    assert.deepEqual(r.config.locales.map((p) => p.locale), ['en', 'de']);
    assert.equal(r.engine.index.document('/ws/x-jp.md')!.locale, 'en');
    assert.equal(r.engine.index.document('/ws/x-de.md')!.locale, 'de');
  });

  it('localeByPath decides first, globs relative to the configuration\'s folder', async () => {
    const r = await lintConfigured({ '.playbook-lint.jsonc': cfg({ localeByPath: { 'legacy/**': 'de', '*-old.md': 'ja' } }), 'legacy/initiate-x.md': '# X\n', 'en/y-old.md': '# Y\n', 'en/z.md': '# Z\n' }, ['structure/single-h1']);
    const doc = (p: string) => r.engine.index.document(`/ws/${p}`)!;
    assert.deepEqual([doc('legacy/initiate-x.md').locale, doc('legacy/initiate-x.md').localeSource], ['de', 'config']);
    assert.deepEqual([doc('en/y-old.md').locale, doc('en/y-old.md').localeSource], ['ja', 'config']);
    assert.equal(doc('en/z.md').locale, 'en');
  });
});

describe('per-file settings in a lint run', () => {
  const linked = processPage().replace('](#prepare-the-meeting)', '](archive/old.md#old-heading)');
  const files = {
    '.playbook-lint.jsonc': cfg({ ignore: ['archive/**'], rules: { 'refresh/order': 'error' }, overrides: [{ files: ['de/**'], rules: { 'link/no-such-heading': 'warning' } }] }),
    'de/.playbook-lint.jsonc': cfg({ rules: { 'refresh/order': 'off' } }),
    'toc.yml': tocFor('initiate-a.md', 'de/initiate-b-de.md', 'archive/old.md'),
    'initiate-a.md': linked.replace('| 10/02/2026 | Nora Collins | Updated links |\n| 03/15/2026', '| 03/15/2026 | Nora Collins | Updated links |\n| 10/02/2026'),
    'de/initiate-b-de.md': 'not a playbook page: [x](../archive/old.md#no-such)\n\n| Datum | Geändert durch | Änderung an |\n| --- | --- | --- |\n| 1/1/2026 | A | B |\n| 2/1/2026 | A | B |\n',
    'archive/old.md': '# Old Heading\n\nbroken [link](nowhere.md)\n',
  };

  it('an ignored file is not linted, yet its headings still count', async () => {
    const r = await lintConfigured(files, ['link/no-such-heading', 'link/no-such-file', 'refresh/order']);
    assert.equal(r.all.has('archive/old.md'), false);
    assert.deepEqual(r.findings('initiate-a.md', 'link/no-such-heading', 'link/no-such-file'), []);
    assert.deepEqual(r.engine.settingsFor('/ws/archive/old.md').ignored, true);
  });

  it('severities follow the closest configuration and the overrides', async () => {
    const r = await lintConfigured(files, ['link/no-such-heading', 'refresh/order']);
    assert.deepEqual(r.all.get('initiate-a.md')!.filter((d) => d.ruleId === 'refresh/order').map((d) => d.severity), ['error']);
    assert.deepEqual(r.findings('de/initiate-b-de.md', 'refresh/order'), [], 'off in de/');
    assert.deepEqual(r.all.get('de/initiate-b-de.md')!.map((d) => [d.ruleId, d.severity]), [['link/no-such-heading', 'warning']]);
  });
});

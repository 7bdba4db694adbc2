import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage, WORDS } from './tasks-fixtures';

const RULE = 'tasks/unknown-role';

test('known roles (any case), abbreviations and `-` pass, in several languages', async () => {
  const files = {
    [fileOf('en')]: taskPage('en', { labels: ['Primary Role: **-**'], rows: ['| 5101 | A | M | FastTrack Manager | Exchange |', '| 5102 | B | O | fastTrack engineer | Exchange |', '| 5103 | C | O | FM | Exchange |'] }),
    [fileOf('ja')]: taskPage('ja', { labels: [`${WORDS.ja.primaryRole}: **FastTrack マネージャー**`], rows: ['| 5101| A| M| FastTrack エンジニア| Exchange|'] }),
    [fileOf('es')]: taskPage('es', { rows: ['| 5101 | A | M | Ingeniero de FastTrack | Exchange |'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('a one-letter typo: suggestion and an unsafe fix', async () => {
  const page = taskPage('en', { rows: ['| 5101 | A | M | FastTrack Manger | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 11, text: 'FastTrack Manger' }]);
  const d = r.of('a.md')[0]!;
  assert.match(d.message, /`FastTrack Manger` is not a known FastTrack role: did you mean `FastTrack Manager`\?/);
  assert.equal(d.fixes[0]!.safe, false);
  const fixed = applyFix(page, d);
  assert.deepEqual((await lint({ 'a.md': fixed }, { rules: [RULE] })).findings('a.md'), []);
});

test('a translated sentence around a role: suggests the role inside, no fix (Spanish, Japanese)', async () => {
  const es = taskPage('es', { rows: ['| 5101 | A | M | Al terminar la discusión el FE | Exchange |'] });
  const ja = taskPage('ja', { rows: ['| 5101| A| M| FE は| Exchange|'] });
  const r = await lint({ [fileOf('es')]: es, [fileOf('ja')]: ja }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('es')), [{ rule: RULE, line: 11, text: 'Al terminar la discusión el FE' }]);
  assert.deepEqual(r.findings(fileOf('ja')), [{ rule: RULE, line: 11, text: 'FE は' }]);
  assert.match(r.of(fileOf('ja'))[0]!.message, /did you mean `FE`\?/);
  assert.equal(r.of(fileOf('es'))[0]!.fixes.length, 0);
});

test('an unknown role without a near match, an empty role, and a Primary Role line', async () => {
  const page = taskPage('de', { labels: [`${WORDS.de.primaryRole}: **Projektleiterin**`], rows: ['| 5101 | A | E | Kaffeemaschine | Exchange |', '| 5102 | B | O |  | Exchange |'] });
  const r = await lint({ [fileOf('de')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('de')), [
    { rule: RULE, line: 7, text: 'Projektleiterin' },
    { rule: RULE, line: 13, text: 'Kaffeemaschine' },
    { rule: RULE, line: 14, text: '|  ' },
  ]);
  assert.match(r.of(fileOf('de'))[1]!.message, /`Kaffeemaschine` is not a known FastTrack role for German pages/);
  assert.match(r.of(fileOf('de'))[2]!.message, /The FastTrack role is empty/);
  const off = await lint({ [fileOf('de')]: page }, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { checkLabels: false } } } } });
  assert.equal(off.findings(fileOf('de')).length, 2);
});

test('roles added by configuration are known', async () => {
  const page = taskPage('en', { rows: ['| 5101 | A | M | Targeting Manager | Exchange |', '| 5102 | B | M | Coffee Person | Exchange |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [{ rule: RULE, line: 12, text: 'Coffee Person' }]);
  const withIgnore = await lint({ 'a.md': page }, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { ignore: ['-', 'Coffee Person'] } } } } });
  assert.deepEqual(withIgnore.findings('a.md'), []);
});

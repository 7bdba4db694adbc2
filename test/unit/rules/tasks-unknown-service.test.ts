import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, lint } from '../helpers';
import { fileOf, taskPage, WORDS } from './tasks-fixtures';

const RULE = 'tasks/unknown-service';

test('known services, multi-service cells joined with ` / ` or `/`, Applies To lines', async () => {
  const files = {
    [fileOf('en')]: taskPage('en', { labels: ['Applies To: **Exchange / OneDrive for Business / SharePoint**'], rows: ['| 5101 | A | M | FM | All Services |', '| 5102 | B | O | FM | Exchange / SharePoint |', '| 5103 | C | O | FM | Classroom/SDS |'] }),
    [fileOf('de')]: taskPage('de', { labels: [`${WORDS.de.appliesTo}: **Exchange/Skype for Business**`], rows: ['| 5101 | A | E | FM | Alle Dienste |', '| 5102 | B | O | FM | Outlook Mobile /AADP/Exchange/Intune |'] }),
    [fileOf('zh')]: taskPage('zh', { rows: ['| 5101| A| M| FM| 核心入门培训|'] }),
  };
  const r = await lint(files, { rules: [RULE] });
  for (const f of Object.keys(files)) assert.deepEqual(r.findings(f), [], f);
});

test('a typo inside a multi-service cell is reported on that service alone, with an unsafe fix (Spanish)', async () => {
  const page = taskPage('es', { rows: ['| 5101 | A | M | FM | Exchange / OneDrive para la Emresa / SharePoint |'] });
  const r = await lint({ [fileOf('es')]: page }, { rules: [RULE] });
  assert.deepEqual(r.findings(fileOf('es')), [{ rule: RULE, line: 11, text: 'OneDrive para la Emresa' }]);
  const d = r.of(fileOf('es'))[0]!;
  assert.match(d.message, /did you mean `OneDrive para la Empresa`\?/);
  const fixed = applyFix(page, d);
  assert.ok(fixed.includes('| Exchange / OneDrive para la Empresa / SharePoint |'));
  assert.deepEqual((await lint({ [fileOf('es')]: fixed }, { rules: [RULE] })).findings(fileOf('es')), []);
});

test('unknown services, an empty part and an Applies To line are reported', async () => {
  const page = taskPage('en', { labels: ['Applies To: **Exchange / Frobnicator**'], rows: ['| 5101 | A | M | FM | Exchange / / Teams |', '| 5102 | B | O | FM | Gadget Cloud |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.deepEqual(r.findings('a.md'), [
    { rule: RULE, line: 7, text: 'Frobnicator' },
    { rule: RULE, line: 13, text: '/ /' },
    { rule: RULE, line: 14, text: 'Gadget Cloud' },
  ]);
  assert.match(r.of('a.md')[1]!.message, /The service is empty/);
  assert.match(r.of('a.md')[0]!.message, /`Frobnicator` is not a known service/);
  assert.match(r.of('a.md')[2]!.message, /`Gadget Cloud` is not a known service for English pages/);
});

test('the separator is an option', async () => {
  const page = taskPage('en', { rows: ['| 5101 | A | M | FM | Exchange, SharePoint |'] });
  const r = await lint({ 'a.md': page }, { rules: [RULE] });
  assert.equal(r.findings('a.md').length, 1);
  const comma = await lint({ 'a.md': page }, { rules: [RULE], config: { rules: { [RULE]: { severity: 'warning', options: { separator: ',' } } } } });
  assert.deepEqual(comma.findings('a.md'), []);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { Vocabulary } from '../../server/src/engine/config/vocabulary';

/** Vocabulary keeps its answers by locale and text; asking again must give the same answer, per locale. */
const packs = defaultConfig().locales;

test('an answer kept for one locale is not given for another', () => {
  const v = new Vocabulary(packs);
  assert.deepEqual(v.label('Phase', 'de'), { id: 'phase', locale: 'de' });
  assert.deepEqual(v.label('Phase', 'en'), { id: 'phase', locale: 'en' });
  assert.deepEqual(v.label('Phase', 'de'), { id: 'phase', locale: 'de' });
  assert.deepEqual(v.section('Übersicht', 'en'), { id: 'overview', locale: 'de' });
  assert.equal(v.section('Not a heading', 'en'), undefined);
  assert.equal(v.section('Not a heading', 'en'), undefined);
});

test('sectionLocales lists the locales whose own words name a heading, in configuration order', () => {
  const v = new Vocabulary(packs);
  const headings = packs.flatMap((p) => Object.values(p.headings).flat());
  const texts = [...headings, ...headings.map((h) => `  ${h.toUpperCase()} `), 'Uncategorized Tasks (Partner)', 'Nicht kategorisierte Aufgaben (x)', 'Phase', 'Nothing', ''];
  for (const text of texts) {
    const expected = v.locales.filter((loc) => v.section(text, loc)?.locale === loc);
    assert.deepEqual(v.sectionLocales(text), expected, text);
    assert.deepEqual(v.sectionLocales(text), expected, `${text}, asked again`);
  }
  assert.deepEqual(v.sectionLocales('Overview'), ['en']);
  assert.deepEqual(v.sectionLocales('Nothing'), []);
});

test('tolerant header matching gives the same column when asked again', () => {
  const v = new Vocabulary(packs);
  for (const header of ['Task ID', 'task-id', 'ID', 'Tsak Name', '(M)andatory / (O)ptional', 'Role', 'Nonsense']) {
    const first = v.taskColumn(header, 'en');
    assert.equal(v.taskColumn(header, 'en'), first, header);
  }
  assert.equal(v.taskColumn('Tsak Name', 'en'), 'name');
  assert.equal(v.taskColumn('Nonsense', 'en'), undefined);
});

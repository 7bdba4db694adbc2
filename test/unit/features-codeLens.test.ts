import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open } from './features-helpers';
import { fileOf, taskPage } from './rules/tasks-fixtures';

test('the H1 counts the distinct pages that link here; each task row the other pages of its language using it', async () => {
  // a.md links to itself (not counted); b.md twice (one page); c.md includes it; the German page links to it but uses 3735 in German.
  const ws = await open({
    'a.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FE | Exchange |', '| 5101 | Only here | M | FE | Exchange |'] }).replace('# Test Page', '# Test Page\n\n[self](#step-one)'),
    'b.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FE | Exchange |'] }) + '\n[a](a.md) [a again](a.md#step-one)\n',
    'c.md': taskPage('en', { rows: ['| 3735 | Run the pilot | M | FE | Exchange |'] }) + '\n[!INCLUDE [a](a.md)]\n',
    [fileOf('de', 'd')]: taskPage('de', { rows: ['| 3735 | Pilot | E | FE | Exchange |'] }) + '\n[a](a.md)\n',
  });
  const p = ws.path('a.md');
  const lenses = ws.service.provideCodeLenses(p);
  assert.deepEqual(lenses.map((l) => [l.kind, l.title, l.range.start.line, l.locations.map((x) => `${x.path.slice(4)}:${x.range.start.line}`)]), [
    ['pageReferences', '3 pages link here', 0, ['b.md:12', 'b.md:12', 'c.md:12', 'd-de.md:12']],
    ['taskUses', 'Also on 2 pages', 12, ['b.md:10', 'c.md:10']],
  ]);
});

test('singular titles, and a page nobody links to', async () => {
  const ws = await open({
    'a.md': taskPage('en', { rows: ['| 3735 | Run | M | FE | Exchange |'] }),
    'b.md': taskPage('en', { rows: ['| 3735 | Run | M | FE | Exchange |'] }) + '\n[a](a.md)\n',
  });
  assert.deepEqual(ws.service.provideCodeLenses(ws.path('a.md')).map((l) => l.title), ['1 page links here', 'Also on 1 page']);
  assert.deepEqual(ws.service.provideCodeLenses(ws.path('b.md')).map((l) => l.title), ['No pages link here', 'Also on 1 page']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { createLanguageService } from '../../server/src/engine/features/index';
import { NodeWorkspace } from '../../server/src/cli/nodeWorkspace';

const CORPUS = '../shared/corpus';

test('the real corpus: every feature answers on every page and toc without throwing; table formatting is safe and idempotent', { skip: !existsSync(CORPUS) && 'no ../shared/corpus here' }, async () => {
  const engine = createEngine(new NodeWorkspace(CORPUS), defaultConfig({ today: { year: 2026, month: 11, day: 1 } }));
  await engine.index.load();
  const index = engine.index;
  const service = createLanguageService(index);
  let hovers = 0;
  let definitions = 0;
  let taskCompletions = 0;
  for (const doc of index.documents()) {
    service.provideDocumentSymbols(doc.path);
    service.provideFoldingRanges(doc.path);
    service.provideDocumentLinks(doc.path);
    service.provideCodeLenses(doc.path);
    doc.links.forEach((link, i) => {
      const at = doc.lines.positionAt(link.targetSpan.start);
      if (service.provideHover(doc.path, at)) hovers++;
      definitions += service.provideDefinition(doc.path, at).length;
      if (i === 0) service.provideCompletionItems(doc.path, at);
    });
    for (const table of doc.taskTables) {
      const row = table.rows[0];
      for (const cell of row?.cells ?? []) if (service.provideCompletionItems(doc.path, doc.lines.positionAt(cell.span.end)).length > 0) taskCompletions++;
    }
    for (const h of doc.headings) service.provideReferences(doc.path, doc.lines.positionAt(h.textSpan.start), { includeDeclaration: true });
  }
  for (const toc of index.tocs()) service.provideDocumentLinks(toc.path);
  assert.ok(hovers > 1000 && definitions > 1000 && taskCompletions > 500, `${hovers} hovers, ${definitions} definitions, ${taskCompletions} task-cell completions`);
  const graph = service.getLinkGraph()!;
  assert.equal(graph.pages.length, index.documents().length);
  const outline = service.getOutline()!;
  assert.deepEqual(outline.locales.map((l) => l.locale), ['en', 'de', 'es', 'ja', 'pt-br', 'zh-cn']);

  // Table formatting changes only whitespace and dashes, loses no table, and a second pass changes nothing.
  const squeeze = (s: string): string => s.replace(/\s+/g, '').replace(/-+/g, '-');
  let edited = 0;
  for (const doc of index.documents()) {
    const edits = service.provideTableFormatting(doc.path);
    if (edits.length === 0) continue;
    edited++;
    let text = doc.text;
    for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    assert.equal(squeeze(text), squeeze(doc.text), doc.path);
    index.setText(doc.path, text, doc.version + 1);
    assert.deepEqual(service.provideTableFormatting(doc.path), [], `${doc.path}: formatting twice changed it again`);
    assert.equal(index.document(doc.path)!.tables.length, doc.tables.length, `${doc.path}: a table was lost`);
  }
  assert.ok(edited > 100, `${edited} pages had tables to align`);
});

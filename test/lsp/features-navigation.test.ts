import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf } from './fixtures';
import { startSession, type LspSession } from './harness';
import { at, FEATURE_CLIENT, FILES, KICKOFF, NOTES, TOC } from './featureFixtures';

let session: LspSession;

before(async () => {
  ({ session } = await startSession({ files: FILES, capabilities: FEATURE_CLIENT }));
  await session.indexed();
});

after(async () => {
  await session.stop();
});

type Pos = { line: number; character: number };
const empty = (p: Pos) => ({ start: p, end: p });
const md = (value: string) => ({ kind: 'markdown', value });
const doc = (rel: string) => ({ uri: session.uri(rel) });
/** The end of the last line of a text. */
const endOf = (text: string): Pos => {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
};

test('completion after `](` proposes the files and folders next to the page, each replacing nothing at the cursor', async () => {
  const text = NOTES + 'See [next](';
  await session.open('en/notes.md', text);
  const cursor = endOf(text);
  const items = await session.request('textDocument/completion', { textDocument: doc('en/notes.md'), position: cursor, context: { triggerKind: 2, triggerCharacter: '(' } });
  assert.deepEqual(items, [
    { label: 'cities.md', kind: 17, detail: 'Cities', documentation: md('`en/cities.md`'), sortText: '1cities.md', textEdit: { range: empty(cursor), newText: 'cities.md' } },
    {
      label: 'initiate-kickoff.md', kind: 17, detail: 'Hold Kickoff Meeting · Initiate', documentation: md('`en/initiate-kickoff.md`'), sortText: '1initiate-kickoff.md',
      textEdit: { range: empty(cursor), newText: 'initiate-kickoff.md' },
    },
    // A folder asks for completion again once inserted: its files come next.
    { label: 'media/', kind: 19, sortText: '3media', textEdit: { range: empty(cursor), newText: 'media/' }, command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } },
    { label: 'toc.yml', kind: 17, documentation: md('`en/toc.yml`'), sortText: '4toc.yml', textEdit: { range: empty(cursor), newText: 'toc.yml' } },
  ]);
  await session.close('en/notes.md');
});

test('completion after `#` proposes the target page\'s anchors in page order, replacing the typed part of the anchor', async () => {
  const text = NOTES + 'See [next](initiate-kickoff.md#ov)';
  await session.open('en/notes.md', text);
  const typed = rangeOf(text, 'ov)');
  const replaced = { start: typed.start, end: { line: typed.start.line, character: typed.start.character + 2 } };
  const items = await session.request('textDocument/completion', { textDocument: doc('en/notes.md'), position: replaced.end, context: { triggerKind: 1 } });
  const headings = [
    ['hold-kickoff-meeting', '# Hold Kickoff Meeting'], ['overview', '## Overview'], ['objectives', '## Objectives'], ['approach', '## Approach'],
    ['prepare-the-meeting', '### Prepare the Meeting'], ['ftop-tasks', '#### FTOP Tasks'], ['key-inputs', '## Key Inputs'], ['key-outputs', '## Key Outputs'],
    ['next-steps', '## Next Steps'], ['refresh-summary', '## Refresh Summary'],
  ];
  assert.deepEqual(items, headings.map(([slug, detail], i) => ({ label: slug, kind: 18, detail, sortText: `0${String(i).padStart(5, '0')}`, textEdit: { range: replaced, newText: slug } })));
  await session.close('en/notes.md');
});

test('completion of a toc href proposes pages, then folders, relative to the toc', async () => {
  const text = TOC + '- name: Next\n  href: ';
  await session.open('en/toc.yml', text);
  const cursor = endOf(text);
  const items = await session.request('textDocument/completion', { textDocument: doc('en/toc.yml'), position: cursor, context: { triggerKind: 1 } });
  const edit = (newText: string) => ({ range: empty(cursor), newText });
  assert.deepEqual(items, [
    { label: 'cities.md', kind: 17, detail: 'Cities', documentation: md('`en/cities.md`'), sortText: '1cities.md', textEdit: edit('cities.md') },
    { label: 'initiate-kickoff.md', kind: 17, detail: 'Hold Kickoff Meeting · Initiate', documentation: md('`en/initiate-kickoff.md`'), sortText: '1initiate-kickoff.md', textEdit: edit('initiate-kickoff.md') },
    { label: 'notes.md', kind: 17, detail: 'Notes', documentation: md('`en/notes.md`'), sortText: '1notes.md', textEdit: edit('notes.md') },
    { label: 'media/', kind: 19, sortText: '3media', textEdit: edit('media/'), command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } },
  ]);
  await session.close('en/toc.yml');
});

test('hover on a link shows the target page\'s title, phase, first sentence and path, as Markdown', async () => {
  const hover = await session.request('textDocument/hover', { textDocument: doc('en/notes.md'), position: at(NOTES, 'initiate-kickoff.md)', 3) });
  assert.deepEqual(hover, {
    contents: md('**Hold Kickoff Meeting**\n\nPhase: Initiate\n\nThe kickoff meeting starts the engagement.\n\n`en/initiate-kickoff.md`'),
    range: rangeOf(NOTES, '[the kickoff](initiate-kickoff.md)'),
  });
});

test('hover on a task ID shows its name and the pages that use it', async () => {
  const hover = await session.request('textDocument/hover', { textDocument: doc('en/notes.md'), position: at(NOTES, '5101', 1) });
  assert.deepEqual(hover, {
    contents: md('**5101** — Send Agenda\n\nUsed on 2 pages:\n- Hold Kickoff Meeting (`en/initiate-kickoff.md`)\n- Notes (`en/notes.md`)'),
    range: rangeOf(NOTES, '5101'),
  });
});

test('hover on plain text has nothing to say', async () => {
  assert.equal(await session.request('textDocument/hover', { textDocument: doc('en/notes.md'), position: at(NOTES, 'Also', 1) }), null);
});

test('go to definition of an anchored link lands on the heading; of a toc href on the page', async () => {
  const heading = await session.request('textDocument/definition', { textDocument: doc('en/notes.md'), position: at(NOTES, 'initiate-kickoff.md#prepare-the-meeting', 5) });
  assert.deepEqual(heading, [{ uri: session.uri('en/initiate-kickoff.md'), range: rangeOf(KICKOFF, '### Prepare the Meeting') }]);
  const page = await session.request('textDocument/definition', { textDocument: doc('en/toc.yml'), position: at(TOC, 'notes.md', 2, 1) });
  assert.deepEqual(page, [{ uri: session.uri('en/notes.md'), range: empty({ line: 0, character: 0 }) }]);
});

test('references of a page: its H1, every link to it, and the toc href listing it', async () => {
  const refs = await session.request('textDocument/references', { textDocument: doc('en/notes.md'), position: at(NOTES, 'initiate-kickoff.md)'), context: { includeDeclaration: true } });
  const notes = session.uri('en/notes.md');
  assert.deepEqual(refs, [
    { uri: session.uri('en/initiate-kickoff.md'), range: rangeOf(KICKOFF, '# Hold Kickoff Meeting') },
    { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md#overview') },
    { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md#prepare-the-meeting') },
    { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md', 2) },
    { uri: session.uri('en/toc.yml'), range: rangeOf(TOC, 'initiate-kickoff.md', 1) },
  ]);
});

test('references of a task ID: its cell on every page of the language', async () => {
  const refs = await session.request('textDocument/references', { textDocument: doc('en/initiate-kickoff.md'), position: at(KICKOFF, '5101'), context: { includeDeclaration: false } });
  assert.deepEqual(refs, [
    { uri: session.uri('en/initiate-kickoff.md'), range: rangeOf(KICKOFF, '5101') },
    { uri: session.uri('en/notes.md'), range: rangeOf(NOTES, '5101') },
  ]);
});

test('document links of a page open the file, at the line of an anchor\'s heading; a missing file has none', async () => {
  const links = await session.request('textDocument/documentLink', { textDocument: doc('en/notes.md') });
  const kickoff = session.uri('en/initiate-kickoff.md');
  const line = (needle: string) => rangeOf(KICKOFF, needle).start.line + 1;
  assert.deepEqual(links, [
    { range: rangeOf(NOTES, 'initiate-kickoff.md#overview'), target: `${kickoff}#L${line('## Overview')},1` },
    { range: rangeOf(NOTES, 'initiate-kickoff.md#prepare-the-meeting'), target: `${kickoff}#L${line('### Prepare the Meeting')},1` },
    { range: rangeOf(NOTES, 'initiate-kickoff.md', 2), target: kickoff },
    { range: rangeOf(NOTES, 'media/room.png'), target: session.uri('en/media/room.png') },
  ]);
});

test('document links of a toc.yml: each href opens its page', async () => {
  const links = await session.request('textDocument/documentLink', { textDocument: doc('en/toc.yml') });
  assert.deepEqual(links, [
    { range: rangeOf(TOC, 'initiate-kickoff.md', 1), target: session.uri('en/initiate-kickoff.md') },
    { range: rangeOf(TOC, 'notes.md', 1), target: session.uri('en/notes.md') },
  ]);
});

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLspEdits, page, rangeOf } from './fixtures';
import { startSession, type LspSession } from './harness';
import { at, CJK, FEATURE_CLIENT, FILES, KICKOFF, NOTES, TOC } from './featureFixtures';

/** A page whose link names a heading the process page does not have. */
const EXTRA = page('Extra', 'A [broken anchor](initiate-kickoff.md#nowhere).');

let session: LspSession;

before(async () => {
  // A long debounce: an edit stays pending until a request needs the document's current text.
  ({ session } = await startSession({ files: { ...FILES, 'en/extra.md': EXTRA }, capabilities: FEATURE_CLIENT, settings: { diagnostics: { debounceMs: 10_000 } } }));
  await session.indexed();
  await session.open('en/initiate-kickoff.md');
});

after(async () => {
  await session.stop();
});

type Edit = { range: ReturnType<typeof rangeOf>; newText: string };
const doc = (rel: string) => ({ uri: session.uri(rel) });
const change = (rel: string, version: number | null, edits: Edit[]) => ({ textDocument: { uri: session.uri(rel), version }, edits });

test('prepareRename on a heading selects its text and offers it as the placeholder', async () => {
  const prepared = await session.request('textDocument/prepareRename', { textDocument: doc('en/initiate-kickoff.md'), position: at(KICKOFF, '### Prepare', 6) });
  assert.deepEqual(prepared, { range: rangeOf(KICKOFF, 'Prepare the Meeting'), placeholder: 'Prepare the Meeting' });
});

test('prepareRename on a link\'s anchor selects the anchor and offers the heading it names', async () => {
  const prepared = await session.request('textDocument/prepareRename', { textDocument: doc('en/notes.md'), position: at(NOTES, 'prepare-the-meeting', 3) });
  assert.deepEqual(prepared, { range: rangeOf(NOTES, 'prepare-the-meeting'), placeholder: 'Prepare the Meeting' });
});

test('prepareRename on an anchor that names no heading is refused with the reason; on plain text there is nothing to rename', async () => {
  await assert.rejects(session.request('textDocument/prepareRename', { textDocument: doc('en/extra.md'), position: at(EXTRA, 'nowhere', 2) }), {
    code: -32803,
    message: '`#nowhere` names no heading, so there is nothing to rename.',
  });
  assert.equal(await session.request('textDocument/prepareRename', { textDocument: doc('en/notes.md'), position: at(NOTES, 'Also', 1) }), null);
});

test('renaming a heading edits it and every anchor naming it, across files, with the version of each open document', async () => {
  const edit = await session.request('textDocument/rename', { textDocument: doc('en/initiate-kickoff.md'), position: at(KICKOFF, 'Prepare the Meeting', 2), newName: 'Plan the Meeting' });
  assert.deepEqual(edit, {
    documentChanges: [
      change('en/initiate-kickoff.md', 1, [
        { range: rangeOf(KICKOFF, 'Prepare the Meeting'), newText: 'Plan the Meeting' },
        { range: rangeOf(KICKOFF, 'prepare-the-meeting'), newText: 'plan-the-meeting' },
      ]),
      change('en/notes.md', null, [{ range: rangeOf(NOTES, 'prepare-the-meeting'), newText: 'plan-the-meeting' }]),
    ],
  });
});

test('a rename to an empty name is refused with the reason', async () => {
  await assert.rejects(session.request('textDocument/rename', { textDocument: doc('en/initiate-kickoff.md'), position: at(KICKOFF, 'Prepare the Meeting', 2), newName: '  ' }), {
    code: -32803,
    message: 'A heading needs some text.',
  });
});

test('moving a page rewrites every link and toc href to it, keeping anchors', async () => {
  const edit = await session.request('workspace/willRenameFiles', { files: [{ oldUri: session.uri('en/initiate-kickoff.md'), newUri: session.uri('en/phases/initiate-kickoff.md') }] });
  const moved = 'phases/initiate-kickoff.md';
  assert.deepEqual(edit, {
    documentChanges: [
      change('en/extra.md', null, [{ range: rangeOf(EXTRA, 'initiate-kickoff.md'), newText: moved }]),
      change('en/notes.md', null, [0, 1, 2].map((i) => ({ range: rangeOf(NOTES, 'initiate-kickoff.md', i), newText: moved }))),
      change('en/toc.yml', null, [{ range: rangeOf(TOC, 'initiate-kickoff.md', 1), newText: moved }]),
    ],
  });
});

test('moving a folder rewrites the links into it; a move nothing points at needs no edit', async () => {
  const edit = await session.request('workspace/willRenameFiles', { files: [{ oldUri: session.uri('en/media'), newUri: session.uri('en/images') }] });
  assert.deepEqual(edit, { documentChanges: [change('en/notes.md', null, [{ range: rangeOf(NOTES, 'media/room.png'), newText: 'images/room.png' }])] });
  assert.equal(await session.request('workspace/willRenameFiles', { files: [{ oldUri: session.uri('en/cities.md'), newUri: session.uri('en/towns.md') }] }), null);
});

const ALIGNED = ['| 名前  | 説明       |', '| ----- | ---------- |', '| 東京  | 首都       |', '| Osaka | 大きな都市 |'].join('\n');

test('formatting aligns a table\'s columns, counting Japanese characters as two columns, one edit per changed row', async () => {
  const edits = await session.request<Edit[]>('textDocument/formatting', { textDocument: doc('en/cities.md'), options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(edits, [
    { range: rangeOf(CJK, '| 名前 | 説明 |'), newText: '| 名前  | 説明       |' },
    { range: rangeOf(CJK, '| --- | --- |'), newText: '| ----- | ---------- |' },
    { range: rangeOf(CJK, '| 東京 | 首都 |'), newText: '| 東京  | 首都       |' },
  ]);
  assert.equal(applyLspEdits(CJK, edits), CJK.replace(/\| 名前[^]*大きな都市 \|/, ALIGNED));
});

test('range formatting formats the tables the range touches, and nothing elsewhere', async () => {
  const inTable = await session.request('textDocument/rangeFormatting', { textDocument: doc('en/cities.md'), range: rangeOf(CJK, '東京'), options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(inTable, [
    { range: rangeOf(CJK, '| 名前 | 説明 |'), newText: '| 名前  | 説明       |' },
    { range: rangeOf(CJK, '| --- | --- |'), newText: '| ----- | ---------- |' },
    { range: rangeOf(CJK, '| 東京 | 首都 |'), newText: '| 東京  | 首都       |' },
  ]);
  const outside = await session.request('textDocument/rangeFormatting', { textDocument: doc('en/cities.md'), range: rangeOf(CJK, '# Cities'), options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(outside, []);
});

test('a rename started in one document sees the pending edits of the other open documents', async () => {
  await session.open('en/notes.md');
  const top = rangeOf(NOTES, 'Read [the overview]').start;
  const version = await session.change('en/notes.md', [{ range: { start: top, end: top }, text: 'A new first line.\n\n' }]);
  const edited = NOTES.replace('Read [the overview]', 'A new first line.\n\nRead [the overview]');
  const edit = await session.request('textDocument/rename', { textDocument: doc('en/initiate-kickoff.md'), position: at(KICKOFF, 'Prepare the Meeting', 2), newName: 'Plan the Meeting' });
  assert.deepEqual(edit, {
    documentChanges: [
      change('en/initiate-kickoff.md', 1, [
        { range: rangeOf(KICKOFF, 'Prepare the Meeting'), newText: 'Plan the Meeting' },
        { range: rangeOf(KICKOFF, 'prepare-the-meeting'), newText: 'plan-the-meeting' },
      ]),
      change('en/notes.md', version, [{ range: rangeOf(edited, 'prepare-the-meeting'), newText: 'plan-the-meeting' }]),
    ],
  });
});

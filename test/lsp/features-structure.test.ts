import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOf } from './fixtures';
import { startSession, type LspSession } from './harness';
import { at, FEATURE_CLIENT, FILES, KICKOFF, lineOf, NOTES } from './featureFixtures';

let session: LspSession;

before(async () => {
  ({ session } = await startSession({ files: FILES, capabilities: FEATURE_CLIENT }));
  await session.indexed();
});

after(async () => {
  await session.stop();
});

const doc = (rel: string) => ({ uri: session.uri(rel) });
/** The range from the start of `from` to the end of `to` (both the first occurrences). */
const between = (text: string, from: string, to: string) => rangeOf(text, text.slice(text.indexOf(from), text.indexOf(to) + to.length));
const ROW = '| 5101    | Send Agenda | M | FastTrack Manager | All Services |';
/** The text of the process page's H1. */
const h1Text = () => {
  const { start, end } = rangeOf(KICKOFF, '# Hold Kickoff Meeting');
  return { start: { line: start.line, character: 2 }, end };
};
const ROW_2 = '| 5102    | Book Room   | O | FastTrack Manager | All Services |';

test('document symbols: the page, its sections nested by level, task rows under their heading', async () => {
  const symbols = await session.request('textDocument/documentSymbol', { textDocument: doc('en/notes.md') });
  assert.deepEqual(symbols, [
    {
      name: 'Notes', kind: 1, range: between(NOTES, '# Notes', '(missing.md).'), selectionRange: rangeOf(NOTES, 'Notes', 0),
      children: [
        {
          name: 'Tasks', kind: 15, range: between(NOTES, '## Tasks', '(missing.md).'), selectionRange: rangeOf(NOTES, 'Tasks'),
          children: [{ name: '5101 Send Agenda', detail: 'FastTrack Manager', kind: 8, range: rangeOf(NOTES, ROW), selectionRange: rangeOf(NOTES, '5101'), children: [] }],
        },
      ],
    },
  ]);
});

test('document symbols of a process page: the phase on the page, the role on a step', async () => {
  const [page] = await session.request<Array<{ name: string; detail?: string; children: Array<{ name: string; detail?: string; kind: number; children: Array<{ name: string; detail?: string; kind: number }> }> }>>(
    'textDocument/documentSymbol', { textDocument: doc('en/initiate-kickoff.md') },
  );
  assert.equal(page!.name, 'Hold Kickoff Meeting');
  assert.equal(page!.detail, 'Initiate');
  assert.deepEqual(page!.children.map((c) => c.name), ['Overview', 'Objectives', 'Approach', 'Key Inputs', 'Key Outputs', 'Next Steps', 'Refresh Summary']);
  const step = page!.children[2]!.children[0]!;
  assert.deepEqual({ name: step.name, detail: step.detail, kind: step.kind }, { name: 'Prepare the Meeting', detail: 'FastTrack Manager', kind: 12 });
});

test('workspace symbols: task rows by ID on every page, pages by title', async () => {
  const tasks = await session.request('workspace/symbol', { query: '5101' });
  assert.deepEqual(tasks, [
    { name: '5101 Send Agenda', kind: 8, location: { uri: session.uri('en/initiate-kickoff.md'), range: rangeOf(KICKOFF, '5101') }, containerName: 'Hold Kickoff Meeting' },
    { name: '5101 Send Agenda', kind: 8, location: { uri: session.uri('en/notes.md'), range: rangeOf(NOTES, '5101') }, containerName: 'Notes' },
  ]);
  const pages = await session.request('workspace/symbol', { query: 'kickoff' });
  assert.deepEqual(pages, [
    { name: 'Hold Kickoff Meeting', kind: 1, location: { uri: session.uri('en/initiate-kickoff.md'), range: h1Text() }, containerName: 'en/initiate-kickoff.md' },
  ]);
});

test('folding ranges: the front matter (a region), each section to its last line of text, the table', async () => {
  const ranges = await session.request('textDocument/foldingRange', { textDocument: doc('en/notes.md') });
  const last = lineOf(NOTES, 'Also [gone]');
  assert.deepEqual(ranges, [
    { startLine: 0, endLine: NOTES.split('\n').indexOf('---', 1), kind: 'region' },
    { startLine: lineOf(NOTES, '# Notes'), endLine: last },
    { startLine: lineOf(NOTES, '## Tasks'), endLine: last },
    { startLine: lineOf(NOTES, '| Task ID'), endLine: lineOf(NOTES, '| 5101') },
  ]);
});

test('code lenses: how many pages link to the page, on its H1; on a task row, the other pages using the task', async () => {
  const lenses = await session.request('textDocument/codeLens', { textDocument: doc('en/initiate-kickoff.md') });
  const uri = session.uri('en/initiate-kickoff.md');
  const notes = session.uri('en/notes.md');
  const h1 = rangeOf(KICKOFF, '# Hold Kickoff Meeting');
  const row = rangeOf(KICKOFF, ROW);
  assert.deepEqual(lenses, [
    {
      range: h1,
      command: {
        title: '1 page links here', command: 'playbook.showReferences',
        arguments: [uri, h1.start, [
          { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md#overview') },
          { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md#prepare-the-meeting') },
          { uri: notes, range: rangeOf(NOTES, 'initiate-kickoff.md', 2) },
        ]],
      },
    },
    { range: row, command: { title: 'Also on 1 page', command: 'playbook.showReferences', arguments: [uri, row.start, [{ uri: notes, range: rangeOf(NOTES, '5101') }]] } },
  ]);
});

test('playbook/outline: phases → process pages → steps → tasks, per language and folder', async () => {
  const outline = await session.request('playbook/outline', {});
  const uri = session.uri('en/initiate-kickoff.md');
  const task = (id: string, name: string, mandatory: string, row: string) => ({ id, name, mandatory, role: 'FastTrack Manager', services: 'All Services', uri, range: rangeOf(KICKOFF, row) });
  assert.deepEqual(outline, {
    folders: [{
      uri: session.uri('').replace(/\/$/, ''),
      locales: [{
        locale: 'en',
        phases: [{
          id: 'initiate', name: 'Initiate',
          processes: [{
            title: 'Hold Kickoff Meeting', uri, range: rangeOf(KICKOFF, '# Hold Kickoff Meeting'),
            steps: [{
              name: 'Prepare the Meeting', primaryRole: 'FastTrack Manager', appliesTo: 'All Services', uri, range: rangeOf(KICKOFF, '### Prepare the Meeting'),
              tasks: [task('5101', 'Send Agenda', 'M', ROW), task('5102', 'Book Room', 'O', ROW_2)],
            }],
          }],
        }],
      }],
    }],
  });
  assert.deepEqual(await session.request('playbook/outline', { locale: 'de' }), { folders: [{ uri: session.uri('').replace(/\/$/, ''), locales: [] }] });
});

test('playbook/linkGraph: pages, links between them counted, links that lead nowhere, and orphans', async () => {
  const graph = await session.request('playbook/linkGraph', {});
  const [cities, kickoff, notes] = ['en/cities.md', 'en/initiate-kickoff.md', 'en/notes.md'].map((p) => session.uri(p));
  assert.deepEqual(graph, {
    folders: [{
      uri: session.uri('').replace(/\/$/, ''),
      pages: [
        { uri: cities, title: 'Cities', kind: 'other', locale: 'en' },
        { uri: kickoff, title: 'Hold Kickoff Meeting', kind: 'process', locale: 'en', phase: 'initiate', phaseName: 'Initiate' },
        { uri: notes, title: 'Notes', kind: 'other', locale: 'en' },
      ],
      edges: [{ from: notes, to: kickoff, kind: 'link', count: 3 }],
      broken: [{ from: notes, kind: 'link', reason: 'noSuchFile', target: 'missing.md', resolved: session.uri('en/missing.md'), range: rangeOf(NOTES, 'missing.md') }],
      orphans: [cities],
    }],
  });
});

test('a position past the end of a page is no error: there is nothing there', async () => {
  assert.equal(await session.request('textDocument/hover', { textDocument: doc('en/notes.md'), position: { line: 999, character: 0 } }), null);
  assert.deepEqual(await session.request('textDocument/definition', { textDocument: doc('en/notes.md'), position: at(NOTES, 'Also', 1) }), []);
});

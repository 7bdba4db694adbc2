/**
 * The workspace and client of the editor-feature protocol tests: a process page, a page linking to
 * it (anchors, an image, a missing file, a task it shares), a page with a CJK table, and a toc.
 */
import type { ClientCapabilities, CompletionItemKind } from 'vscode-languageserver-protocol/node';
import { processPage, tocFor } from '../unit/helpers';
import { page, rangeOf } from './fixtures';
import { PULL_CLIENT } from './harness';

/** A client that announces every capability the feature handlers look at (as VS Code does). */
export const FEATURE_CLIENT: ClientCapabilities = {
  ...PULL_CLIENT,
  workspace: { ...PULL_CLIENT.workspace, fileOperations: { willRename: true }, codeLens: { refreshSupport: true }, symbol: {} },
  textDocument: {
    ...PULL_CLIENT.textDocument,
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] }, completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as CompletionItemKind) } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    foldingRange: { lineFoldingOnly: true, foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] } },
  },
};

/** The process page (phase Initiate, steps and tasks 5101 and 5102). */
export const KICKOFF = processPage();

/** The table of the task 5101 as another page repeats it. */
const TASK_TABLE = [
  '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |',
  '| ------- | --------- | :----------------------: | -------------- | -------- |',
  '| 5101    | Send Agenda | M | FastTrack Manager | All Services |',
].join('\n');

/** A page linking to the process page three times, showing an image, and linking to a missing file. */
export const NOTES = page(
  'Notes',
  [
    'Read [the overview](initiate-kickoff.md#overview), [the first step](initiate-kickoff.md#prepare-the-meeting) and [the kickoff](initiate-kickoff.md).',
    '',
    '![The room](media/room.png)',
    '',
    '## Tasks',
    '',
    TASK_TABLE,
    '',
    'Also [gone](missing.md).',
  ].join('\n'),
);

/** A page with a table of Japanese (wide) and Latin text whose columns do not line up. */
export const CJK = page('Cities', ['| 名前 | 説明 |', '| --- | --- |', '| 東京 | 首都 |', '| Osaka | 大きな都市 |'].join('\n'));

/** The toc listing the process page and the notes (not the CJK page: an orphan). */
export const TOC = tocFor('initiate-kickoff.md', 'notes.md');

/** The files of the workspace. */
export const FILES: Readonly<Record<string, string>> = {
  'en/initiate-kickoff.md': KICKOFF,
  'en/notes.md': NOTES,
  'en/cities.md': CJK,
  'en/media/room.png': 'not really a png',
  'en/toc.yml': TOC,
};

/** The LSP position where `needle` (its `occurrence`-th) starts in `text`, moved `shift` characters on. */
export function at(text: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
  const { start } = rangeOf(text, needle, occurrence);
  return { line: start.line, character: start.character + shift };
}

/** The zero-based line of the first line of `text` that starts with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starts with \`${prefix}\``);
  return i;
}

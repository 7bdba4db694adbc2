import { CompletionItemKind, type CompletionItem as LspCompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { createLanguageService, type CompletionItem, type CompletionKind } from '../engine/features/index';
import { t } from '../engine/util/l10n';
import { guard, throwIfCancelled } from './guard';
import { markup, takesMarkdown } from './markup';
import { TRIGGER_SUGGEST_COMMAND } from './protocol';
import type { LspFeature } from './services';

/**
 * The characters after which the editor asks for completion: `(` opens a link target, `/` a folder's
 * files, `#` the target page's anchors, `:` a front-matter (or toc `href`) value, `|` a task-table
 * cell, `*` a label value (`Phase: **`), `!` an alert keyword (`> [!`).
 */
export const TRIGGER_CHARACTERS: readonly string[] = ['(', '/', '#', ':', '|', '*', '!'];

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  page: CompletionItemKind.File,
  file: CompletionItemKind.File,
  image: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  anchor: CompletionItemKind.Reference,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  phase: CompletionItemKind.EnumMember,
  role: CompletionItemKind.EnumMember,
  service: CompletionItemKind.EnumMember,
  letter: CompletionItemKind.Constant,
  task: CompletionItemKind.Variable,
  keyword: CompletionItemKind.Keyword,
};

/** What a client that names no kinds understands (LSP: `Text` to `Reference`). */
const BASE_KINDS = 18;

/** A kind the client knows: the one wanted, else the nearest of the base kinds. */
function kindFor(kind: CompletionKind, known: readonly CompletionItemKind[] | undefined): CompletionItemKind {
  const wanted = KINDS[kind];
  if (known ? known.includes(wanted) : wanted <= BASE_KINDS) return wanted;
  return wanted === CompletionItemKind.Folder ? CompletionItemKind.File : CompletionItemKind.Value;
}

/** An engine proposal as an LSP completion item: the exact range it replaces, the command to ask again after a folder. */
export function toLspCompletionItem(item: CompletionItem, options: { markdown: boolean; kinds?: readonly CompletionItemKind[] }): LspCompletionItem {
  return {
    label: item.label,
    kind: kindFor(item.kind, options.kinds),
    ...(item.detail !== undefined ? { detail: item.detail } : {}),
    ...(item.documentation !== undefined ? { documentation: markup(item.documentation, options.markdown) } : {}),
    sortText: item.sortText,
    ...(item.filterText !== undefined ? { filterText: item.filterText } : {}),
    textEdit: { range: item.range, newText: item.insertText },
    ...(item.retrigger ? { command: { title: t('Suggest'), command: TRIGGER_SUGGEST_COMMAND } } : {}),
  };
}

/** Completion of link targets, anchors, front matter, labels, task cells, alert keywords and toc hrefs. */
export const completion: LspFeature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: [...TRIGGER_CHARACTERS] } }),
  register: (s) => {
    const item = s.client.textDocument?.completion?.completionItem;
    const options = { markdown: takesMarkdown(item?.documentationFormat), kinds: s.client.textDocument?.completion?.completionItemKind?.valueSet };
    s.connection.onCompletion(guard(s.log, 'textDocument/completion', async (params: CompletionParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      const items = createLanguageService(model.index).provideCompletionItems(model.path, params.position, () => token.isCancellationRequested);
      throwIfCancelled(token);
      return items.map((i) => toLspCompletionItem(i, options));
    }));
  },
};

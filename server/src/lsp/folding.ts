import { FoldingRangeKind, type FoldingRange as LspFoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import { createLanguageService, type FoldingKind } from '../engine/features/index';
import { guard } from './guard';
import type { LspFeature } from './services';

/** The LSP kind of each fold (sections, tables, quotes and code blocks have none: they fold with "fold all"). */
const KINDS: Partial<Record<FoldingKind, string>> = { comment: FoldingRangeKind.Comment, frontMatter: FoldingRangeKind.Region };

/** Folding: front matter, sections, tables, block quotes, code blocks, comments. */
export const folding: LspFeature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register: (s) => {
    const caps = s.client.textDocument?.foldingRange;
    const limit = caps?.rangeLimit;
    const known = caps?.foldingRangeKind?.valueSet;
    s.connection.onFoldingRanges(guard(s.log, 'textDocument/foldingRange', async (params: FoldingRangeParams, token) => {
      const model = await s.documentAt(params.textDocument.uri, token);
      if (!model) return null;
      const ranges = createLanguageService(model.index).provideFoldingRanges(model.path).map((r): LspFoldingRange => {
        const kind = KINDS[r.kind];
        return { startLine: r.startLine, endLine: r.endLine, ...(kind !== undefined && (!known || known.includes(kind)) ? { kind } : {}) };
      });
      return limit !== undefined && limit >= 0 ? ranges.slice(0, limit) : ranges;
    }));
  },
};

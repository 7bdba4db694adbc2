import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { createLanguageService, type LanguageService } from '../../server/src/engine/features/index';
import type { FileEdit } from '../../server/src/engine/features/types';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspaceIndex';
import type { Position, Span } from '../../server/src/engine/text/span';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { ROOT, TODAY } from './helpers';

/** Marks the cursor in a test file; removed before the file is indexed. */
export const CURSOR = '¦';

/** An indexed in-memory workspace and the language service over it. */
export interface FeatureWorkspace {
  readonly index: WorkspaceIndex;
  readonly service: LanguageService;
  /** The absolute path of a root-relative path. */
  path(p: string): string;
  /** Where the cursor marker was in the one file that had it. */
  readonly cursor: { path: string; position: Position };
  /** The text a span covers in a file (root-relative or absolute path). */
  text(p: string, s: Span): string;
}

/**
 * Indexes files (paths relative to `/ws`). One file may hold the cursor marker `¦`: it is removed and
 * its position is `cursor`.
 */
export async function open(files: Record<string, string>): Promise<FeatureWorkspace> {
  let cursor: { path: string; position: Position } | undefined;
  const clean: Record<string, string> = {};
  for (const [p, text] of Object.entries(files)) {
    const at = text.indexOf(CURSOR);
    if (at >= 0) {
      const before = text.slice(0, at);
      const line = before.split('\n').length - 1;
      cursor = { path: `${ROOT}/${p}`, position: { line, character: at - (before.lastIndexOf('\n') + 1) } };
    }
    clean[p] = text.replace(CURSOR, '');
  }
  const ws = new MemoryWorkspace(ROOT, clean);
  const engine = createEngine(ws, defaultConfig({ today: TODAY }));
  await engine.index.load();
  const index = engine.index;
  const abs = (p: string): string => (p.startsWith('/') ? p : `${ROOT}/${p}`);
  return {
    index,
    service: createLanguageService(index),
    path: abs,
    cursor: cursor ?? { path: '', position: { line: 0, character: 0 } },
    text: (p, s) => (index.document(abs(p))?.text ?? index.toc(abs(p))?.text ?? '').slice(s.start, s.end),
  };
}

/** Applies edits to the files of a workspace; returns the new text of every file edited. */
export function applyEdits(ws: FeatureWorkspace, edits: readonly FileEdit[]): Record<string, string> {
  const byPath = new Map<string, FileEdit[]>();
  for (const e of edits) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  const out: Record<string, string> = {};
  for (const [p, list] of byPath) {
    let text = ws.index.document(p)?.text ?? ws.index.toc(p)?.text ?? '';
    for (const e of [...list].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
    out[p.slice(ROOT.length + 1)] = text;
  }
  return out;
}

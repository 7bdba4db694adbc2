/**
 * The link graph of the workspace as plain data: every page (title, kind, language, phase), the
 * links and includes between pages, the links that lead nowhere (missing file, missing heading,
 * outside the workspace), and the orphans — built pages that no other page links to and no toc lists.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { PageKind } from '../model/document';
import { tocItems } from '../model/toc';
import type { LineIndex } from '../text/lineIndex';
import type { Range, Span } from '../text/span';
import { extname } from '../util/paths';
import { climbsOut } from '../rules/links/shared';
import { cancelled, isExternalHref, isFileTarget, tocHrefAnchor, tocHrefTarget } from './shared';
import type { IsCancelled } from './types';

/** A page of the graph. */
export interface GraphPage {
  readonly path: string;
  readonly title: string;
  readonly kind: PageKind;
  readonly locale: string;
  /** Canonical phase id, when the page's `Phase:` line names a known phase. */
  readonly phase?: string;
  /** The phase as written on the page. */
  readonly phaseName?: string;
}

/** Links (or includes) from one page to another, counted. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'link' | 'include';
  readonly count: number;
}

/** A target that leads nowhere. */
export interface BrokenLink {
  /** The page or toc the target is written in. */
  readonly from: string;
  readonly kind: 'link' | 'image' | 'include' | 'toc';
  readonly reason: 'noSuchFile' | 'noSuchHeading' | 'outsideWorkspace';
  /** The target as written. */
  readonly target: string;
  /** Where it resolves to. */
  readonly resolved?: string;
  readonly span: Span;
  readonly range: Range;
}

/** The whole graph. */
export interface LinkGraph {
  readonly pages: readonly GraphPage[];
  readonly edges: readonly GraphEdge[];
  readonly broken: readonly BrokenLink[];
  /** Paths of the orphan pages. */
  readonly orphans: readonly string[];
}

/** The link graph (of one language's pages when `locale` is given). Undefined when cancelled. */
export function getLinkGraph(index: WorkspaceIndex, options: { locale?: string } = {}, isCancelled?: IsCancelled): LinkGraph | undefined {
  const v = index.context.vocabulary;
  const pages: GraphPage[] = [];
  const edges = new Map<string, { from: string; to: string; kind: 'link' | 'include'; count: number }>();
  const broken: BrokenLink[] = [];
  const orphans: string[] = [];
  // Pages are read from the index's facts, not their models: the graph of a large workspace models nothing.
  for (const path of index.pagePaths()) {
    if (cancelled(isCancelled)) return undefined;
    const doc = index.facts(path)!;
    if (options.locale !== undefined && doc.locale !== options.locale) continue;
    const phaseName = doc.phase;
    const phase = phaseName ? v.phase(phaseName, doc.locale)?.id : undefined;
    pages.push({ path: doc.path, title: doc.title, kind: doc.kind, locale: doc.locale, ...(phase ? { phase } : {}), ...(phaseName ? { phaseName } : {}) });
    let lines: LineIndex | undefined;
    for (const ref of doc.links) {
      const kind = ref.kind === 'include' ? 'include' : ref.kind === 'image' ? 'image' : 'link';
      const fail = (reason: BrokenLink['reason'], resolved?: string): void => {
        broken.push({ from: doc.path, kind, reason, target: ref.target.raw, ...(resolved ? { resolved } : {}), span: ref.targetSpan, range: (lines ??= index.lineIndex(path)!).rangeOf(ref.targetSpan) });
      };
      if (ref.target.scheme !== undefined) continue;
      if (ref.target.path === '') {
        const anchor = ref.target.anchor;
        if (anchor && !index.anchorsOf(doc.path).has(anchor)) fail('noSuchHeading', doc.path);
        continue;
      }
      if (!isFileTarget(ref.target)) continue;
      if (climbsOut(index, doc.path, ref.target)) {
        fail('outsideWorkspace');
        continue;
      }
      const resolved = index.resolve(doc.path, ref.target)!;
      if (!index.exists(resolved) && !index.isDirectory(resolved)) {
        fail('noSuchFile', resolved);
        continue;
      }
      const anchor = ref.target.anchor;
      if (anchor && extname(resolved) === '.md' && index.facts(resolved) && !index.anchorsOf(resolved).has(anchor)) fail('noSuchHeading', resolved);
      if (kind === 'image' || !index.facts(resolved) || resolved === doc.path) continue;
      const edgeKind = kind === 'include' ? 'include' : 'link';
      const key = `${doc.path}\n${resolved}\n${edgeKind}`;
      const edge = edges.get(key);
      if (edge) edge.count++;
      else edges.set(key, { from: doc.path, to: resolved, kind: edgeKind, count: 1 });
    }
    if (doc.kind !== 'include' && index.isBuilt(doc.path) && index.tocReferences(doc.path).length === 0 && !index.incoming(doc.path).some((r) => r.from !== doc.path)) {
      orphans.push(doc.path);
    }
  }
  if (options.locale === undefined) {
    for (const toc of index.tocs()) {
      for (const item of tocItems(toc.items)) {
        if (!item.href || !item.hrefSpan || isExternalHref(item.href)) continue;
        const resolved = tocHrefTarget(toc.path, item.href)!;
        const fail = (reason: BrokenLink['reason']): void => {
          broken.push({ from: toc.path, kind: 'toc', reason, target: item.href!, resolved, span: item.hrefSpan!, range: toc.lines.rangeOf(item.hrefSpan!) });
        };
        if (!index.exists(resolved) && !index.isDirectory(resolved)) fail('noSuchFile');
        else {
          const anchor = tocHrefAnchor(item.href);
          if (anchor && index.facts(resolved) && !index.anchorsOf(resolved).has(anchor)) fail('noSuchHeading');
        }
      }
    }
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    pages,
    edges: [...edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
    broken: broken.sort((a, b) => cmp(a.from, b.from) || a.span.start - b.span.start),
    orphans,
  };
}

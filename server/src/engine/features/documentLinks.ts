/**
 * Document links: every link, image and include target of a page, and every href of a `toc.yml`,
 * with the file it resolves to (the anchor as a fragment, and the heading's place when found). Web
 * addresses are links too, by their address.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { tocItems } from '../model/toc';
import type { Range, Span } from '../text/span';
import { extname } from '../util/paths';
import { findHeading, isExternalHref, isInclude, locationOf, resolveTarget, tocHrefAnchor, tocHrefTarget } from './shared';
import type { Location } from './types';

/** One linked target. */
export interface DocumentLink {
  readonly kind: 'link' | 'image' | 'include' | 'toc' | 'external';
  /** The target as written. */
  readonly span: Span;
  readonly range: Range;
  /** The workspace file it resolves to (the page itself for `#anchor`); absent for web addresses. */
  readonly path?: string;
  /** The anchor, without `#`. */
  readonly fragment?: string;
  /** The web address, for external links. */
  readonly uri?: string;
  /** True when the file exists (always true for web addresses). */
  readonly exists: boolean;
  /** Where the anchor's heading is, when found. */
  readonly heading?: Location;
}

const WEB = new Set(['http', 'https', 'mailto', 'ftp']);

/** The links of a page or toc, in source order. */
export function provideDocumentLinks(index: WorkspaceIndex, path: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  const toc = index.toc(path);
  if (toc) {
    for (const item of tocItems(toc.items)) {
      if (!item.href || !item.hrefSpan) continue;
      const range = toc.lines.rangeOf(item.hrefSpan);
      if (isExternalHref(item.href)) {
        out.push({ kind: 'external', span: item.hrefSpan, range, uri: item.href, exists: true });
        continue;
      }
      const target = tocHrefTarget(path, item.href)!;
      const fragment = tocHrefAnchor(item.href);
      out.push(fileLink(index, 'toc', item.hrefSpan, range, target, fragment));
    }
    return out.sort((a, b) => a.span.start - b.span.start);
  }
  const doc = index.document(path);
  if (!doc) return [];
  for (const ref of [...doc.links, ...doc.includes]) {
    const range = doc.lines.rangeOf(ref.targetSpan);
    const target = ref.target;
    if (target.scheme !== undefined) {
      if (WEB.has(target.scheme)) out.push({ kind: 'external', span: ref.targetSpan, range, uri: target.raw.trim().replace(/^<(.*)>$/, '$1'), exists: true });
      continue;
    }
    const resolved = resolveTarget(index, path, target);
    if (!resolved) continue;
    const kind = isInclude(ref) ? 'include' : ref.kind === 'image' ? 'image' : 'link';
    out.push(fileLink(index, kind, ref.targetSpan, range, resolved, target.anchor));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function fileLink(index: WorkspaceIndex, kind: DocumentLink['kind'], s: Span, range: Range, target: string, fragment: string | undefined): DocumentLink {
  const found = fragment && extname(target) === '.md' ? findHeading(index, target, fragment) : undefined;
  return {
    kind,
    span: s,
    range,
    path: target,
    ...(fragment !== undefined && fragment !== '' ? { fragment } : {}),
    exists: index.exists(target) || index.isDirectory(target),
    ...(found ? { heading: locationOf(index, found.path, found.heading.span) } : {}),
  };
}

import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { span, type Span } from '../../../server/src/engine/text/span';
import type { MarkdownOutline, OutlineCell, OutlineHeading, OutlineLink, OutlineRow, OutlineTable } from '../../../server/src/engine/parse/outline';

interface Mutable {
  headings: OutlineHeading[];
  tables: OutlineTable[];
  links: OutlineLink[];
  paragraphs: Span[];
  blockquotes: Span[];
  html: Span[];
  code: Span[];
}

/**
 * Reduces an mdast tree to the outline the model reads. `base` is added to every offset (the length of
 * what was cut off before parsing: the BOM, the front matter).
 */
export function outlineOfMdast(root: Root, base: number, frontMatter?: Span): MarkdownOutline {
  const o: Mutable = { headings: [], tables: [], links: [], paragraphs: [], blockquotes: [], html: [], code: [] };
  const pos = (n: Nodes): Span => span((n.position?.start.offset ?? 0) + base, (n.position?.end.offset ?? 0) + base);
  const contentOf = (kids: readonly Nodes[]): Span | undefined =>
    kids.length > 0 ? span(pos(kids[0]!).start, pos(kids[kids.length - 1]!).end) : undefined;
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'heading': {
        const content = contentOf(node.children);
        o.headings.push({ depth: node.depth, span: pos(node), text: toString(node), ...(content ? { content } : {}) });
        break;
      }
      case 'table': {
        const rows: OutlineRow[] = node.children.map((r) => ({
          span: pos(r),
          cells: r.children.map((c): OutlineCell => {
            const content = contentOf(c.children);
            return { span: pos(c), text: toString(c), ...(content ? { content } : {}) };
          }),
        }));
        o.tables.push({ span: pos(node), align: (node.align ?? []).map((a) => a ?? null), rows });
        break;
      }
      case 'link': {
        const last = node.children[node.children.length - 1];
        o.links.push({ kind: 'link', span: pos(node), text: toString(node), ...(last ? { contentEnd: pos(last).end } : {}) });
        break;
      }
      case 'image': o.links.push({ kind: 'image', span: pos(node), text: node.alt ?? '' }); break;
      case 'definition': o.links.push({ kind: 'definition', span: pos(node), text: node.label ?? '' }); break;
      case 'paragraph': o.paragraphs.push(pos(node)); break;
      case 'blockquote': o.blockquotes.push(pos(node)); break;
      case 'html': o.html.push(pos(node)); break;
      case 'code': o.code.push(pos(node)); break;
      default: break;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return { ...(frontMatter ? { frontMatter } : {}), ...o };
}

import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';

/**
 * Adds GFM tables, and only tables: the model needs no autolink literals, footnotes, strikethrough or
 * task lists, and the full remark-gfm triples parse time on real corpora.
 */
function gfmTablesOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

let processor: ReturnType<typeof build> | undefined;

function build() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmTablesOnly).freeze();
}

/** Parses Markdown (without BOM) into mdast. Never throws for any string. */
export function parseMarkdown(text: string): Root {
  processor ??= build();
  return processor.parse(text) as Root;
}

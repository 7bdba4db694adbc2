import type { Node as YamlNode, YAMLMap } from 'yaml';
import { yamlLibrary } from '../util/lazyLibraries';
import { LineIndex } from '../text/lineIndex';
import { span, type Span } from '../text/span';
import { t } from '../util/l10n';
import type { ParseProblem } from './document';

/** One entry of a `toc.yml`. */
export interface TocItem {
  readonly name?: string;
  readonly nameSpan?: Span;
  /** `href` (or `topicHref` / `tocHref`) as written. */
  readonly href?: string;
  readonly hrefSpan?: Span;
  readonly items: readonly TocItem[];
  readonly span: Span;
}

/** A parsed `toc.yml`. */
export interface TocFile {
  readonly path: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly items: readonly TocItem[];
  readonly problems: readonly ParseProblem[];
}

const HREF_KEYS = ['href', 'topicHref', 'tocHref'];

/** Every item of a toc, depth first. */
export function* tocItems(items: readonly TocItem[]): Generator<TocItem> {
  for (const item of items) {
    yield item;
    yield* tocItems(item.items);
  }
}

/** Parses a `toc.yml` keeping the spans of names and hrefs. Never throws. */
export function parseToc(path: string, text: string, version = 0): TocFile {
  const { isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
  const problems: ParseProblem[] = [];
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = parseDocument(text.slice(shift), { uniqueKeys: false });
  for (const e of doc.errors) {
    problems.push({ code: 'frontmatter-yaml', message: t('The table of contents is not valid YAML: {0}', e.message.split('\n')[0] ?? e.message), span: span(shift + e.pos[0], shift + Math.max(e.pos[1], e.pos[0] + 1)) });
  }
  const rangeOf = (n: YamlNode | null | undefined): Span | undefined => {
    const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
    return r ? span(shift + r[0], shift + r[1]) : undefined;
  };
  const readItem = (m: YAMLMap): TocItem => {
    const item: { name?: string; nameSpan?: Span; href?: string; hrefSpan?: Span; items: TocItem[]; span: Span } = { items: [], span: rangeOf(m as unknown as YamlNode) ?? span(0, 0) };
    for (const pair of m.items) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const value = pair.value as YamlNode | null;
      if (key === 'name' && isScalar(value)) {
        item.name = String(value.value);
        const s = rangeOf(value);
        if (s) item.nameSpan = s;
      } else if (HREF_KEYS.includes(key) && isScalar(value) && value.value !== null && item.href === undefined) {
        item.href = String(value.value);
        const s = rangeOf(value);
        if (s) {
          const raw = text.slice(s.start, s.end);
          item.hrefSpan = /^["']/.test(raw) && raw.length >= 2 ? span(s.start + 1, s.end - 1) : s;
        }
      } else if (key === 'items') {
        item.items = readList(value);
      }
    }
    return item;
  };
  const readList = (n: YamlNode | null | undefined): TocItem[] => (isSeq(n) ? n.items.filter(isMap).map((m) => readItem(m as YAMLMap)) : []);
  let items: TocItem[] = [];
  if (isSeq(doc.contents)) items = readList(doc.contents);
  else if (isMap(doc.contents)) items = [readItem(doc.contents as YAMLMap)].flatMap((root) => (root.name || root.href ? [root] : [...root.items]));
  return { path, version, text, lines: new LineIndex(text), items, problems };
}

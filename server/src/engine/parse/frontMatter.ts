import { isMap, isScalar, isPair, parseDocument, type Document } from 'yaml';
import type { FrontMatter, FrontMatterEntry, ParseProblem } from '../model/document';
import { span, type Span } from '../text/span';
import { t } from '../util/l10n';

/** Result of reading a front-matter block. */
export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly problems: ParseProblem[];
}

/**
 * Reads the YAML between `---` fences that starts at `start` (the first `-`) and whose closing fence
 * ends at `end`. Keeps every key and value span; duplicates are kept too (a rule reports them).
 */
export function readFrontMatter(text: string, start: number, end: number): FrontMatterResult {
  const problems: ParseProblem[] = [];
  const firstNl = text.indexOf('\n', start);
  const contentStart = firstNl < 0 ? end : firstNl + 1;
  // The closing fence is the last line of the block.
  let closeLineStart = text.lastIndexOf('\n', end - 1);
  closeLineStart = closeLineStart < contentStart ? contentStart : closeLineStart + 1;
  const contentEnd = Math.max(contentStart, closeLineStart);
  const content = text.slice(contentStart, contentEnd);
  const eol = text.slice(start, contentStart).endsWith('\r\n') ? '\r\n' : '\n';

  let yaml: Document | undefined;
  try {
    yaml = parseDocument(content, { uniqueKeys: false, keepSourceTokens: false, prettyErrors: false });
  } catch (e) {
    problems.push({ code: 'frontmatter-yaml', message: t('Front matter is not valid YAML: {0}', String(e)), span: span(contentStart, contentEnd) });
  }
  const entries: FrontMatterEntry[] = [];
  if (yaml) {
    for (const err of yaml.errors) {
      const [a, b] = err.pos;
      const s = contentStart + Math.min(a, content.length);
      const e = contentStart + Math.min(Math.max(b, a + 1), content.length);
      problems.push({ code: 'frontmatter-yaml', message: t('Front matter is not valid YAML: {0}', err.message.split('\n')[0] ?? err.message), span: span(s, e) });
    }
    const contents = yaml.contents;
    if (contents && isMap(contents)) {
      for (const item of contents.items) {
        if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
        const key = String(item.key.value);
        const kr = item.key.range;
        const keySpan = span(contentStart + kr[0], contentStart + kr[1]);
        let valueSpan: Span;
        let value: unknown = null;
        let valueText = '';
        if (item.value && (item.value as { range?: [number, number, number] }).range) {
          const vr = (item.value as { range: [number, number, number] }).range;
          value = isScalar(item.value) ? item.value.value : (item.value as { toJSON(): unknown }).toJSON();
          let vs = vr[0];
          let ve = vr[1];
          const raw = content.slice(vs, ve);
          if (isScalar(item.value) && (raw.startsWith('"') || raw.startsWith("'")) && ve - vs >= 2) {
            vs++;
            ve--;
          }
          valueText = content.slice(vs, ve);
          valueSpan = span(contentStart + vs, contentStart + ve);
        } else {
          const colon = content.indexOf(':', kr[1]);
          const at = contentStart + (colon < 0 ? kr[1] : colon + 1);
          valueSpan = span(at, at);
        }
        const lineStart = text.lastIndexOf('\n', keySpan.start - 1) + 1;
        let lineEnd = text.indexOf('\n', Math.max(valueSpan.end, keySpan.end));
        lineEnd = lineEnd < 0 || lineEnd >= contentEnd ? contentEnd : lineEnd + 1;
        entries.push({ key, keySpan, value, valueText, valueSpan, lineSpan: span(lineStart, lineEnd) });
      }
    } else if (contents && !isMap(contents) && yaml.errors.length === 0) {
      problems.push({ code: 'frontmatter-not-map', message: t('Front matter must be a list of `key: value` lines.'), span: span(contentStart, contentEnd) });
    }
  }
  const byKey = new Map<string, FrontMatterEntry>();
  for (const e of entries) byKey.set(e.key, e);
  return {
    frontMatter: { span: span(start, end), contentSpan: span(contentStart, contentEnd), entries, byKey, yaml, eol },
    problems,
  };
}

import type { Document, YAMLError } from 'yaml';
import { yamlLibrary } from '../util/lazyLibraries';
import type { FrontMatter, FrontMatterEntry, FrontMatterYaml, ParseProblem } from '../model/document';
import { span, type Span } from '../text/span';
import { t } from '../util/l10n';
import { readPlainEntries } from './frontMatterPlain';

/** Result of reading a front-matter block. */
export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  readonly problems: ParseProblem[];
}

/** Where a block's YAML lies in the full text. */
interface Block {
  readonly text: string;
  /** The opening fence's first `-` and the end of the closing fence. */
  readonly start: number;
  readonly end: number;
  /** The YAML between the fences: its text and where it starts and ends in `text`. */
  readonly content: string;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly eol: string;
}

/** What every valid map-shaped block reports: no errors, no odd top-level node (one shared object). */
const VALID: FrontMatterYaml = Object.freeze({ errors: Object.freeze([]) as readonly YAMLError[], contents: null });

/**
 * Reads the YAML between `---` fences that starts at `start` (the first `-`) and whose closing fence
 * ends at `end`. Keeps every key and value span; duplicates are kept too (a rule reports them).
 * Plain `key: value` lines are read directly (`frontMatterPlain.ts`), anything else with `yaml`; both give
 * the same result.
 */
export function readFrontMatter(text: string, start: number, end: number): FrontMatterResult {
  const block = blockAt(text, start, end);
  const plain = readPlainEntries(block.content);
  if (!plain) return readWithYaml(block);
  const at = block.contentStart;
  const entries = plain.map((e) =>
    entryOf(block, e.key, span(at + e.keyStart, at + e.keyEnd), e.value, span(at + e.valueStart, at + e.valueEnd)));
  return { frontMatter: frontMatterOf(block, entries, VALID), problems: [] };
}

/** {@link readFrontMatter} with the YAML parser only, whatever the block looks like (tests compare the two). */
export function readFrontMatterWithYaml(text: string, start: number, end: number): FrontMatterResult {
  return readWithYaml(blockAt(text, start, end));
}

function blockAt(text: string, start: number, end: number): Block {
  const firstNl = text.indexOf('\n', start);
  const contentStart = firstNl < 0 ? end : firstNl + 1;
  // The closing fence is the last line of the block.
  let closeLineStart = text.lastIndexOf('\n', end - 1);
  closeLineStart = closeLineStart < contentStart ? contentStart : closeLineStart + 1;
  const contentEnd = Math.max(contentStart, closeLineStart);
  const content = text.slice(contentStart, contentEnd);
  const eol = text.slice(start, contentStart).endsWith('\r\n') ? '\r\n' : '\n';
  return { text, start, end, content, contentStart, contentEnd, eol };
}

function readWithYaml(block: Block): FrontMatterResult {
  const { content, contentStart, contentEnd } = block;
  const { isMap, isScalar, isPair, parseDocument } = yamlLibrary();
  const problems: ParseProblem[] = [];
  let yaml: Document | undefined;
  try {
    yaml = parseDocument(content, { uniqueKeys: false, keepSourceTokens: false, prettyErrors: false });
  } catch (e) {
    problems.push({ code: 'frontmatter-yaml', message: t('Front matter is not valid YAML: {0}', String(e)), span: span(contentStart, contentEnd) });
  }
  const entries: FrontMatterEntry[] = [];
  let report: FrontMatterYaml | undefined;
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
          valueSpan = span(contentStart + vs, contentStart + ve);
        } else {
          const colon = content.indexOf(':', kr[1]);
          const at = contentStart + (colon < 0 ? kr[1] : colon + 1);
          valueSpan = span(at, at);
        }
        entries.push(entryOf(block, key, keySpan, value, valueSpan));
      }
    } else if (contents && !isMap(contents) && yaml.errors.length === 0) {
      problems.push({ code: 'frontmatter-not-map', message: t('Front matter must be a list of `key: value` lines.'), span: span(contentStart, contentEnd) });
    }
    // Keep what rules read (the errors, an odd top-level node), not the syntax tree.
    report = yaml.errors.length === 0 && (!contents || isMap(contents))
      ? VALID
      : { errors: yaml.errors, contents: contents && !isMap(contents) ? contents : null };
  }
  return { frontMatter: frontMatterOf(block, entries, report), problems };
}

/** One entry; `lineSpan` runs from the key's line start to after the line the value (or key) ends on. */
function entryOf(block: Block, key: string, keySpan: Span, value: unknown, valueSpan: Span): FrontMatterEntry {
  const { text, contentEnd } = block;
  const raw = text.slice(valueSpan.start, valueSpan.end);
  // A plain value is its own source text: keep one string for both.
  const valueText = raw === value ? value : raw;
  const lineStart = text.lastIndexOf('\n', keySpan.start - 1) + 1;
  let lineEnd = text.indexOf('\n', Math.max(valueSpan.end, keySpan.end));
  lineEnd = lineEnd < 0 || lineEnd >= contentEnd ? contentEnd : lineEnd + 1;
  return { key: internKey(key), keySpan, value, valueText, valueSpan, lineSpan: span(lineStart, lineEnd) };
}

function frontMatterOf(block: Block, entries: readonly FrontMatterEntry[], yaml: FrontMatterYaml | undefined): FrontMatter {
  const byKey = new Map<string, FrontMatterEntry>();
  for (const e of entries) byKey.set(e.key, e);
  return { span: span(block.start, block.end), contentSpan: span(block.contentStart, block.contentEnd), entries, byKey, yaml, eol: block.eol };
}

/** Front-matter keys seen so far: every page repeats the same dozen, so each model shares one string per key. */
const keys = new Map<string, string>();
const MAX_KEYS = 4096;

function internKey(key: string): string {
  const known = keys.get(key);
  if (known !== undefined) return known;
  if (keys.size < MAX_KEYS && key.length <= 64) keys.set(key, key);
  return key;
}

import { isDeepStrictEqual } from 'node:util';
import type { MarkdownOutline } from '../../../server/src/engine/parse/outline';

/**
 * The documented classes of difference between the markdown-it outline (production) and the micromark one
 * (the oracle): each was examined and is accepted (docs/performance.md, "Where the two parsers differ"; a
 * unit test in test/unit/parse-differences.test.ts shows the intended output of each). Most classes know how
 * to take their trigger out of a text, and a difference is accepted only when taking the triggers out makes
 * both parsers agree on the rewritten text; a class of span positions instead checks the two outlines.
 */
export interface DifferenceClass {
  readonly id: string;
  readonly description: string;
  /** The text with this class's trigger taken out (the text itself when it has none). */
  neutralize?(text: string): string;
  /** True when the two outlines of `text` differ only as this class allows. */
  accepts?(text: string, oracle: MarkdownOutline, ours: MarkdownOutline): boolean;
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;

/** Applies `f` to every line (its line ending excluded) of `text`; `next` is the following line, if any. */
function mapLines(text: string, f: (line: string, next: string | undefined) => string): string {
  const lines = text.match(LINE) ?? [];
  return lines
    .map((l, i) => {
      const body = l.replace(/(?:\r\n|\r|\n)$/, '');
      const next = lines[i + 1]?.replace(/(?:\r\n|\r|\n)$/, '');
      return f(body, next) + l.slice(body.length);
    })
    .join('');
}

/** Container prefixes at the start of a line: blanks, `>` and list markers followed by a blank. */
const PREFIX = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*/;

/** Columns of blanks (tabs to the next multiple of four, counting from `start`). */
function widthOf(blanks: string, start: number): number {
  let n = start;
  for (const ch of blanks) n = ch === '\t' ? n + 4 - (n % 4) : n + 1;
  return n - start;
}

export const DIFFERENCE_CLASSES: readonly DifferenceClass[] = [
  {
    id: 'list-item-or-html-after-other-blocks',
    description:
      'An ordered list item not starting at 1, an empty list item, or a lone HTML tag line, where it does not interrupt a paragraph (after indented code, first in a new block quote, a lazy line): CommonMark (markdown-it) starts the block or continues the paragraph; micromark treats the line as interrupting and makes a paragraph or ends the paragraph.',
    neutralize: (text) =>
      mapLines(text, (line) =>
        line
          .replace(/(^|[ \t>])(\d{1,9})([.)])(?=[ \t]|$)/g, (m, pre: string, n: string, d: string) => (Number(n) === 1 ? m : `${pre}${'0'.repeat(n.length - 1)}1${d}`))
          .replace(/(^|[ \t>])([-*+]|\d{1,9}[.)])(?=[ \t]*$)/, (_m, pre: string, marker: string) => pre + 'x'.repeat(marker.length))
          .replace(/^([ \t>]*)<(?=\/?[A-Za-z][^\n]*>[ \t]*$)/, '$1x'),
      ),
  },
  {
    id: 'quote-marker-after-four-columns',
    description:
      'A `>` preceded by four or more columns of blanks after a block quote: markdown-it continues the quote; CommonMark (micromark) makes indented code or lazy paragraph text.',
    neutralize: (text) =>
      mapLines(text, (line) => {
        let i = 0;
        for (;;) {
          const blanks = /^[ \t]*/.exec(line.slice(i))![0];
          const at = i + blanks.length;
          if (line[at] !== '>') return line;
          if (widthOf(blanks, 0) >= 4) return line.slice(0, at) + 'x' + line.slice(at + 1);
          i = at + 1;
        }
      }),
  },
  {
    id: 'tabs-in-container-prefixes',
    description:
      'A tab right after the `>` of a nested block quote or after a list marker: markdown-it and micromark count the columns it stands for differently (whether the next line belongs to the item, whether content is indented code).',
    neutralize: (text) =>
      mapLines(text, (line) => {
        const prefix = PREFIX.exec(line)![0];
        if (!prefix.includes('\t')) return line;
        let out = '';
        for (const ch of prefix) out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
        return out + line.slice(prefix.length);
      }),
  },
  {
    id: 'text-after-link-definition',
    description:
      'A line right after a link reference definition that CommonMark reads as paragraph continuation (a lazy line in a block quote, an indented line, a setext underline after an incomplete definition): micromark continues the paragraph the definition opened; markdown-it ends the definition and starts anew (ending the quote, indented code) or reads the next line as its destination.',
    neutralize: (text) =>
      mapLines(text, (line, next) => {
        const prefix = PREFIX.exec(line)![0];
        return next !== undefined && /\S/.test(next) ? prefix + line.slice(prefix.length).replace(/^(\[[^\]]*\]):/, '$1x') : line;
      }),
  },
  {
    id: 'code-span-across-line-ending',
    description:
      'A code span running over a line ending, in a heading, link or cell text: CommonMark (markdown-it) turns the line ending into a space; mdast keeps the line ending.',
    neutralize: (text) => mapLines(text, (line) => ((line.match(/`/g)?.length ?? 0) % 2 === 1 ? line.replace(/`/g, "'") : line)),
  },
  {
    id: 'indented-code-after-quote',
    description:
      'Indented code right after a block quote, no blank line between: micromark ends the code after its first line (and leaves out blank lines after it); CommonMark (markdown-it) keeps its lines together.',
    neutralize: (text) =>
      mapLines(text, (line, next) =>
        PREFIX.exec(line)![0].includes('>') && next !== undefined && /^(?: {4}|\t| {1,3}\t)/.test(next.replace(/^(?: {0,3}> ?)*/, '')) ? line + '\n' : line,
      ),
  },
  {
    id: 'indented-line-left-of-list-content',
    description:
      'A line indented by four or more columns but less than the content of the list item before it (the item written with a wide gap after its marker): CommonMark (micromark) reads it as lazy paragraph text or ends the list; markdown-it checks it for block starts relative to the item (a fence, a thematic break) or splits indented code differently.',
    neutralize: (text) => {
      let content = -1;
      return mapLines(text, (line) => {
        const item = /^([ \t]*(?:[-*+]|\d{1,9}[.)]))([ \t]+)(?=\S)/.exec(line);
        if (item) {
          content = widthOf(item[1]!, 0) + widthOf(item[2]!, widthOf(item[1]!, 0));
          return line;
        }
        const blanks = /^[ \t]*/.exec(line)![0];
        const w = widthOf(blanks, 0);
        return w >= 4 && w < content && /\S/.test(line) ? line.slice(blanks.length) : line;
      });
    },
  },
  {
    id: 'table-head-on-lazy-line',
    description:
      'A table head row on a lazy continuation line (fewer `>` or less indentation than the paragraph it follows): micromark starts the table inside the quote or item; markdown-it continues the paragraph or starts the table outside.',
    neutralize: (text) => {
      const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
      const depth = (l: string): number => (PREFIX.exec(l)![0].match(/>/g)?.length ?? 0) * 100 + PREFIX.exec(l)![0].length;
      // A blank line (with the previous line's ending) before such a head row.
      const blank = (prev: string): string => /(?:\r\n|\r|\n)$/.exec(prev)?.[0] ?? '\n';
      /** The deepest container depth of the non-blank lines right before line `i` (the paragraph it may continue). */
      const runDepth = (i: number): number => {
        let d = -1;
        for (let k = i - 1; k >= 0 && /\S/.test(lines[k]!); k--) d = Math.max(d, depth(lines[k]!));
        return d;
      };
      return lines.map((l, i) => (i > 0 && /\S/.test(lines[i - 1]!) && /\S/.test(l) && depth(l) < runDepth(i) && /^[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\r\n|\r|\n)?$/.test(lines[i + 1] ?? '') ? blank(lines[i - 1]!) + l : l)).join('');
    },
  },
  {
    id: 'quote-end-at-next-line-prefix',
    description:
      'A block quote nested in another container and closed by a new list item or block quote on the next line: micromark ends it after that line\'s prefix of the containers that go on (`>`, blanks), markdown-it where its last line ends.',
    accepts: (text, oracle, ours) =>
      isDeepStrictEqual({ ...oracle, blockquotes: [] }, { ...ours, blockquotes: [] }) &&
      oracle.blockquotes.length === ours.blockquotes.length &&
      oracle.blockquotes.every((q, i) => {
        const o = ours.blockquotes[i]!;
        return q.start === o.start && /^(?:\r\n|\r|\n)?[ \t>]*$/.test(text.slice(Math.min(q.end, o.end), Math.max(q.end, o.end)));
      }),
  },
  {
    id: 'trailing-blank-lines',
    description:
      'A last line of blanks or quote markers only, at the end of a text without a final line ending: micromark counts it into different blocks than markdown-it.',
    neutralize: (text) => {
      const t = mapLines(text, (line) => (/^[ \t>]*$/.test(line) ? line.replace(/[ \t]+$/, '') : line));
      return /(?:\r\n|\r|\n)$/.test(t) || t === '' ? t : t + '\n';
    },
  },
];

/**
 * The classes that explain why `oracle(text)` and `ours(text)` differ, or undefined when none does: a single
 * class whose rewrite (or check) makes them agree, else all applicable rewrites together.
 */
export function explainDifference(text: string, oracle: (t: string) => MarkdownOutline, ours: (t: string) => MarkdownOutline): string[] | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const agree = (t: string): boolean => isDeepStrictEqual(oracle(t), ours(t));
  const a = oracle(text);
  const b = ours(text);
  for (const c of DIFFERENCE_CLASSES) {
    if (c.accepts?.(text, a, b)) return [c.id];
    if (c.neutralize) {
      const n = c.neutralize(body);
      if (n !== body && agree(bom + n)) return [c.id];
    }
  }
  let all = body;
  const used: string[] = [];
  for (const c of DIFFERENCE_CLASSES) {
    const n = c.neutralize?.(all);
    if (n !== undefined && n !== all) {
      all = n;
      used.push(c.id);
    }
  }
  if (used.length === 0) return undefined;
  const rewritten = bom + all;
  if (agree(rewritten)) return used.length > 1 ? used : undefined;
  const check = DIFFERENCE_CLASSES.find((c) => c.accepts?.(rewritten, oracle(rewritten), ours(rewritten)));
  return check ? [...used, check.id] : undefined;
}

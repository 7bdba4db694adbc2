import { gfmTable } from 'micromark-extension-gfm-table';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

const table = gfmTable().flow?.null as Construct;

/** A delimiter row as written: container prefixes (`>`, indentation), then only `-`, `:`, `|` and blanks. */
const DELIMITER_LINE = /^[ \t>]*[-:| \t]*$/;

/**
 * GFM tables with a cheap pre-check. micromark tries the table construct at the start of every flow line
 * (and at every paragraph line, to see whether a table interrupts it) and scans the whole line as a head
 * row before it can reject it, which doubled the parse time of our pages. A head row is only a table head
 * when the next line is a delimiter row, so when the next line of the source cannot be one, the attempt
 * is rejected at once, without scanning. Body rows of an open table are left to the real tokenizer.
 * The result is the same syntax tree as `gfmTable()` gives (the parse tests compare them).
 */
export function guardedGfmTable(source: string): Extension {
  const guarded: Construct = {
    name: 'table',
    ...(table.resolveAll ? { resolveAll: table.resolveAll } : {}),
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const inner = table.tokenize.call(this, effects, ok, nok);
      const self = this;
      return (code: Code) => (continuesTable(self) || nextLineMayBeDelimiter(source, self.now().offset) ? inner(code) : nok(code));
    },
  };
  return { flow: { null: [guarded] } };
}

/** True when the previous construct was a table head or row (the construct's own test). */
function continuesTable(self: TokenizeContext): boolean {
  let i = self.events.length - 1;
  while (i > -1) {
    const type = self.events[i]![1].type;
    if (type !== 'lineEnding' && type !== 'linePrefix') return type === 'tableHead' || type === 'tableRow';
    i--;
  }
  return false;
}

/** True when the line after the one holding `offset` could be a delimiter row. */
function nextLineMayBeDelimiter(source: string, offset: number): boolean {
  let a = offset;
  while (a < source.length && source.charCodeAt(a) !== 10 && source.charCodeAt(a) !== 13) a++;
  if (a >= source.length) return false;
  a += source.charCodeAt(a) === 13 && source.charCodeAt(a + 1) === 10 ? 2 : 1;
  let b = a;
  while (b < source.length && source.charCodeAt(b) !== 10 && source.charCodeAt(b) !== 13) b++;
  const line = source.slice(a, b);
  return line.includes('-') && DELIMITER_LINE.test(line);
}

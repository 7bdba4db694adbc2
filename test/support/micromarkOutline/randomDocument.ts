/**
 * Random playbook-like Markdown documents for the differential parse test: headings, task tables with
 * malformed rows, lists, nested block quotes and alerts, links, images and definitions, HTML, fences and
 * indented code, front matter, with CRLF / CR line endings, tabs, NUL and a BOM mixed in. Deterministic
 * for a seed.
 */
import { seededRandom } from '../random';

type Random = () => number;

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const chance = (r: Random, p: number): boolean => r() < p;

const WORDS = ['Task', 'Owner', 'Kick-off', 'Réunion', 'Planung', 'déploiement', 'M', 'O', 'ID', 'FT-01', '2024-01-31', 'a', 'b', 'x', '日本語', 'NBSP\u00a0here', 'zero\u200bwidth'];
const INLINE = [
  () => '**bold**', () => '*em*', () => '_under_', () => '`code`', () => '`a | b`', () => '`` ` ``',
  () => '[link](target.md#anchor)', () => '[link](target.md "title")', () => '[link](<a b.md>)', () => '[x]( spaced.md )',
  () => '[ref]', () => '[ref][]', () => '[text][ref]', () => '![alt *text*](img.png)', () => '![](empty.png)', () => '![ref]',
  () => '[![img](i.png)](wrap.md)', () => '[a `b`](c.md)', () => '[](empty.md)', () => '[ ](blank.md)', () => '[**b**](x.md)',
  () => '<https://example.com/a>', () => '<mail@example.com>', () => '<b>bold</b>', () => '<br>', () => '<!-- note -->',
  () => '&amp;', () => '&#123;', () => '&nbsp;', () => '&bogus;', () => '\\*', () => '\\|', () => '\\\\', () => '\\', () => '|',
  () => '[!NOTE]', () => '[[x]]', () => '[a](javascript:void(0))', () => '[a](b.md)[c](d.md)', () => '*', () => '**', () => '_', () => '#',
  () => '\t', () => '\0', () => '  ', () => '[unclosed', () => '](x)', () => '`unclosed',
];

function inline(r: Random, max = 6): string {
  const n = 1 + Math.floor(r() * max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(chance(r, 0.55) ? pick(r, WORDS) : pick(r, INLINE)());
  return parts.join(chance(r, 0.9) ? ' ' : '');
}

function trailing(r: Random): string {
  return chance(r, 0.15) ? pick(r, [' ', '  ', '\t', ' \t ', '   ']) : '';
}

function cellRow(r: Random, cells: number): string {
  const kind = Math.floor(r() * 12);
  const values = Array.from({ length: cells }, () => (chance(r, 0.15) ? '' : inline(r, 3)));
  switch (kind) {
    case 0: return values.slice(0, Math.max(1, cells - 1)).map((v) => `| ${v} `).join('') + '|'; // a cell missing
    case 1: return [...values, 'extra'].map((v) => `| ${v} `).join('') + '|'; // a cell too many
    case 2: return '|' + values.map((v) => `| ${v} `).join('') + '|'; // `||` at the start
    case 3: return values.join(' | '); // no outer pipes
    case 4: return values.join(' '); // no pipe at all
    case 5: return `| ${values[0] ?? ''} || ${values.slice(1).join(' | ')} |`; // `||` inside
    case 6: return '| ' + values.join(' | ').replace(/ /, ' \\| ') + ' |'; // an escaped pipe
    case 7: return '|' + ' |'.repeat(cells); // empty row
    case 8: return values.map((v) => `| ${v} `).join('') + '|' + trailing(r);
    default: return values.map((v) => `|${chance(r, 0.2) ? '\t' : ' '}${v} `).join('') + (chance(r, 0.8) ? '|' : '');
  }
}

function table(r: Random): string[] {
  const cols = 1 + Math.floor(r() * 4);
  const head = chance(r, 0.85) ? Array.from({ length: cols }, () => pick(r, ['ID', 'Task', 'Role', 'M/O (M)(O)', 'Service', 'Date', 'Change', inline(r, 2)])) : [];
  const headLine = chance(r, 0.8) ? `| ${head.join(' | ')} |` : head.join(' | ') || '|';
  const cells = Array.from({ length: chance(r, 0.9) ? cols : cols + 1 }, () => pick(r, ['---', ':--', '--:', ':-:', '-', ' - ', '-- ']));
  const delimiter = pick(r, [`|${cells.join('|')}|`, cells.join('|'), `| ${cells.join(' | ')} |`, `|${cells.join('|')}`, '---', '- | -', '|-|']);
  const rows = Array.from({ length: Math.floor(r() * 4) }, () => cellRow(r, cols));
  return [headLine, delimiter, ...rows];
}

function block(r: Random, depth: number): string[] {
  const kind = Math.floor(r() * (depth > 2 ? 14 : 17));
  switch (kind) {
    case 0: case 1: return [`${'#'.repeat(1 + Math.floor(r() * 6))}${pick(r, [' ', '  ', '\t', ''])}${inline(r, 4)}${pick(r, ['', '', ' #', ' ##', ' \\#', '#'])}${trailing(r)}`];
    case 2: return [inline(r, 4) + trailing(r), ...(chance(r, 0.3) ? [inline(r, 3)] : []), pick(r, ['===', '---', '  ==  ', '-'])];
    case 3: case 4: return Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => (i > 0 && chance(r, 0.2) ? pick(r, ['  ', '    ', '\t']) : '') + inline(r) + trailing(r));
    case 5: case 6: return table(r);
    case 7: return [`[${pick(r, ['ref', 'Ref', 'a b', 'x'])}]:${pick(r, [' ', '  ', '\t'])}${pick(r, ['target.md', '<a b.md>', 'https://e.com'])}${pick(r, ['', ' "title"', " 'title'", ' (title)', ' "unclosed'])}${trailing(r)}`];
    case 8: return pick(r, [['<!-- comment -->'], ['<!--', inline(r), '-->'], ['<div>', inline(r), '</div>'], ['<span>'], ['<details>', '', inline(r), '</details>'], ['<!-- unclosed']]);
    case 9: {
      const fence = pick(r, ['```', '~~~', '````']);
      const body = Array.from({ length: Math.floor(r() * 3) }, () => inline(r, 3));
      return [fence + pick(r, ['', 'js', ' yaml ']), ...body, ...(chance(r, 0.85) ? [fence] : [])];
    }
    case 10: return [`${pick(r, ['    ', '\t', '     '])}${inline(r, 3)}`, ...(chance(r, 0.3) ? [pick(r, ['    ', '', '      '])] : [])];
    case 11: return [pick(r, ['---', '***', '- - -', '___'])];
    case 12: case 13: return [''];
    case 14: return prefixed(r, pick(r, ['> ', '>', '> > ', '>\t']), depth);
    case 15: return listItems(r, depth);
    default: return ['> [!' + pick(r, ['NOTE', 'TIP', 'WARNING']) + ']', '> ' + inline(r)];
  }
}

function prefixed(r: Random, prefix: string, depth: number): string[] {
  const inner = blocks(r, depth + 1, 1 + Math.floor(r() * 3));
  // Sometimes a lazy continuation line without the prefix.
  return inner.map((line, i) => (i > 0 && chance(r, 0.1) && line !== '' ? line : prefix + line));
}

function listItems(r: Random, depth: number): string[] {
  const ordered = chance(r, 0.4);
  const out: string[] = [];
  const items = 1 + Math.floor(r() * 3);
  for (let i = 1; i <= items; i++) {
    const marker = ordered ? `${i}${pick(r, ['.', ')'])} ` : pick(r, ['- ', '* ', '+ ', '-\t']);
    const indent = ' '.repeat(marker.replace('\t', '  ').length);
    blocks(r, depth + 1, 1 + Math.floor(r() * 2)).forEach((line, k) => out.push(k === 0 ? marker + line : line === '' ? '' : (chance(r, 0.1) ? '' : indent) + line));
    if (chance(r, 0.3)) out.push('');
  }
  return out;
}

function blocks(r: Random, depth: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(...block(r, depth));
    if (chance(r, 0.6)) out.push('');
  }
  return out;
}

/** A random document for `seed`. */
export function randomDocument(seed: number): string {
  const r = seededRandom(seed).next;
  const lines = blocks(r, 0, 1 + Math.floor(r() * 8));
  const eol = pick(r, ['\n', '\n', '\n', '\r\n', '\r']);
  let text = lines.map((l) => l + (chance(r, 0.03) ? pick(r, ['\r\n', '\r', '\n']) : eol)).join('');
  if (chance(r, 0.3)) text = `---${eol}title: ${inline(r, 2)}${eol}ms.date: 01/31/2024${eol}---${chance(r, 0.8) ? eol : ''}` + text;
  if (chance(r, 0.1)) text = text.slice(0, Math.floor(r() * text.length));
  if (chance(r, 0.05)) text = text.replace(/ /g, '\t');
  if (chance(r, 0.1)) text = '\uFEFF' + text;
  return text;
}

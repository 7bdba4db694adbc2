/**
 * A small XML 1.0 well-formedness checker for the tests (no DTDs): one root element, matching tags,
 * quoted and unique attributes, only the five predefined entities and valid character references,
 * no `<` in attribute values, no `]]>` in text, and only characters XML allows. Throws on the first
 * problem, naming its offset; returns the element tree with attribute values and text decoded.
 */

/** An element of a parsed document. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text (CDATA included), decoded, without its children's. */
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

/** Parses `xml`; throws an Error naming the offset of the first well-formedness problem. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`not well-formed XML at offset ${i}: ${what} (near ${JSON.stringify(xml.slice(i, i + 30))})`);
  };
  for (const ch of xml) if (!isXmlChar(ch.codePointAt(0)!)) fail(`character U+${ch.codePointAt(0)!.toString(16).toUpperCase()} is not allowed`);

  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(xml);
    if (!m) fail('a name was expected');
    i += m![0].length;
    return m![0];
  };
  const space = (): boolean => {
    const start = i;
    while (/[ \t\r\n]/.test(xml[i] ?? '')) i++;
    return i > start;
  };
  const reference = (): string => {
    const end = xml.indexOf(';', i);
    if (end < 0) fail('`&` does not start a reference');
    const body = xml.slice(i + 1, end);
    let out: string;
    if (/^#[0-9]+$/.test(body) || /^#x[0-9A-Fa-f]+$/.test(body)) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!isXmlChar(code)) fail(`character reference &${body}; names a character XML does not allow`);
      out = String.fromCodePoint(code);
    } else {
      const e = ENTITIES[body];
      if (e === undefined) fail(`unknown entity &${body};`);
      out = e!;
    }
    i = end + 1;
    return out;
  };
  const misc = (): void => {
    for (;;) {
      space();
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) fail('unterminated comment');
        if (xml.slice(i + 4, end).includes('--')) fail('`--` inside a comment');
        i = end + 3;
      } else if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('`<` expected');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    const attrs = el.attrs as Record<string, string>;
    for (;;) {
      const spaced = space();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (!spaced) fail('whitespace expected before an attribute');
      const attr = name();
      if (attr in attrs) fail(`attribute ${attr} given twice`);
      space();
      if (xml[i] !== '=') fail('`=` expected');
      i++;
      space();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value was expected');
      i++;
      let value = '';
      while (xml[i] !== quote) {
        if (i >= xml.length) fail('unterminated attribute value');
        if (xml[i] === '<') fail('`<` in an attribute value');
        if (xml[i] === '&') value += reference();
        else {
          const c = xml[i++]!;
          value += /[\t\r\n]/.test(c) ? ' ' : c; // attribute-value normalization
        }
      }
      i++;
      attrs[attr] = value;
    }
    for (;;) {
      if (i >= xml.length) fail(`<${el.name}> is not closed`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        space();
        if (xml[i] !== '>') fail('`>` expected');
        i++;
        return el;
      }
      if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        el.text += xml.slice(i + 9, end);
        i = end + 3;
      } else if (xml.startsWith('<!--', i) || xml.startsWith('<?', i)) misc();
      else if (xml[i] === '<') el.children.push(element());
      else if (xml[i] === '&') el.text += reference();
      else {
        if (xml.startsWith(']]>', i)) fail('`]]>` in text');
        el.text += xml[i++];
      }
    }
  };

  if (xml.startsWith('<?xml', 0)) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  misc();
  const root = element();
  misc();
  if (i < xml.length) fail('content after the root element');
  return root;
}

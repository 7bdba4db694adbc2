import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../text/lineIndex';
import { t } from '../util/l10n';
import { ConfigError } from './configError';

/** A path into a JSON value: property names and array indexes. */
export type JsonPath = ReadonlyArray<string | number>;

/** A parsed JSON-with-comments file that can say where each of its values is. */
export class JsoncText {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  readonly #tree: Node | undefined;
  readonly #lines: LineIndex;

  /** Parses `text` (comments and trailing commas allowed). Throws a ConfigError at the first syntax error or duplicated key. */
  constructor(file: string, text: string) {
    this.file = file;
    this.text = text;
    this.#lines = new LineIndex(text);
    // A BOM is not JSON: blank it out so that offsets stay those of the file.
    const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    if (source.trim() === '') throw this.errorAtOffset(0, t('The configuration file is empty: write `{}` for an empty configuration, or delete the file.'));
    const errors: ParseError[] = [];
    this.value = parse(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
    const first = errors[0];
    if (first) throw this.errorAtOffset(first.offset, syntaxMessage(first));
    this.#tree = parseTree(source, [], { allowTrailingComma: true });
    if (this.#tree) this.#checkDuplicates(this.#tree);
  }

  #checkDuplicates(node: Node): void {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (!key || typeof key.value !== 'string') continue;
        if (seen.has(key.value)) throw this.errorAtOffset(key.offset, t('`{0}` is given twice in the same object: keep one.', key.value));
        seen.add(key.value);
      }
    }
    for (const child of node.children ?? []) this.#checkDuplicates(child);
  }

  /** The offset of the value at `path` (or of its property key when `at` is `key`); the closest existing parent otherwise. */
  offsetOf(path: JsonPath, at: 'key' | 'value' = 'value'): number {
    if (!this.#tree) return 0;
    for (let n = path.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.#tree, path.slice(0, n) as Array<string | number>);
      if (!node) continue;
      if (at === 'key' && n === path.length && node.parent?.type === 'property' && node.parent.children?.[0]) return node.parent.children[0].offset;
      return node.offset;
    }
    return this.#tree.offset;
  }

  /** A ConfigError at an offset of this file. */
  errorAtOffset(offset: number, message: string): ConfigError {
    const p = this.#lines.positionAt(offset);
    return new ConfigError(this.file, p.line + 1, p.character + 1, message);
  }

  /** A ConfigError at the value (or key) at `path`. */
  errorAt(path: JsonPath, message: string, at: 'key' | 'value' = 'value'): ConfigError {
    return this.errorAtOffset(this.offsetOf(path, at), message);
  }
}

function syntaxMessage(e: ParseError): string {
  switch (printParseErrorCode(e.error)) {
    case 'InvalidSymbol': return t('This is not valid JSON here: an unexpected character.');
    case 'InvalidNumberFormat': return t('This number is not written the JSON way.');
    case 'PropertyNameExpected': return t('A property name in double quotes is expected here.');
    case 'ValueExpected': return t('A value is expected here.');
    case 'ColonExpected': return t('A `:` is expected after the property name.');
    case 'CommaExpected': return t('A `,` is expected between two entries.');
    case 'CloseBraceExpected': return t('A `}` is expected: an object is not closed.');
    case 'CloseBracketExpected': return t('A `]` is expected: a list is not closed.');
    case 'EndOfFileExpected': return t('The configuration should end here: there is text after the closing `}`.');
    case 'InvalidCommentToken': return t('This comment is not closed.');
    case 'UnexpectedEndOfComment': return t('The file ends inside a comment.');
    case 'UnexpectedEndOfString': return t('This string is not closed by a `"`.');
    case 'UnexpectedEndOfNumber': return t('The file ends inside a number.');
    case 'InvalidUnicode': return t('This `\\u` escape is not a valid character code.');
    case 'InvalidEscapeCharacter': return t('This `\\` escape is not valid in JSON.');
    case 'InvalidCharacter': return t('This character is not allowed in a JSON string: escape it.');
    default: return t('This is not valid JSON.');
  }
}

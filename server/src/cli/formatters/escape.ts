/**
 * Escaping for the CI report formats: GitHub workflow commands, XML (JUnit) and URI references (SARIF).
 */

/**
 * Escapes the message of a GitHub workflow command (`::error …::<message>`): `%`, CR and LF become
 * `%25`, `%0D` and `%0A`, as the Actions runner unescapes them (the `@actions/core` convention).
 */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Escapes a property value of a GitHub workflow command (`file=…,title=…`): like the message, and
 * also `:` and `,`, which would otherwise end the value.
 */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Removes what XML 1.0 cannot hold at all: control characters other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. (Characters are dropped, not replaced, so the rest reads unchanged.)
 */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}

/** Escapes text content of an XML element (invalid characters removed). */
export function escapeXmlText(s: string): string {
  return stripInvalidXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes an XML attribute value written between double quotes. Tab, LF and CR are written as
 * character references, because a parser normalizes literal ones to spaces.
 */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Turns a relative file path (either separator) into a relative URI reference with `/` separators
 * and every segment percent-encoded (`en/my page.md` → `en/my%20page.md`).
 */
export function pathToUriReference(relativePath: string): string {
  return relativePath.split(/[\\/]/).map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeCommandData,
  escapeCommandProperty,
  escapeXmlAttr,
  escapeXmlText,
  pathToUriReference,
  stripInvalidXmlChars,
} from '../../server/src/cli/formatters/escape';
import { parseXml } from './xmlCheck';

/** The Actions runner's unescaping of command values: every `%XX` it knows, in one pass. */
function runnerUnescape(s: string): string {
  return s.replace(/%(25|0D|0A|3A|2C)/g, (_, c: string) => ({ '25': '%', '0D': '\r', '0A': '\n', '3A': ':', '2C': ',' })[c]!);
}

const AWKWARD = ['plain', '100%', '%0A literally', 'a\nb\r\nc', 'key: value, more', '%25 twice %2C', '', '::error::', 'ü ✓ 𝄞'];

test('command messages escape %, CR and LF, and nothing else', () => {
  assert.equal(escapeCommandData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  for (const s of AWKWARD) {
    const escaped = escapeCommandData(s);
    assert.doesNotMatch(escaped, /[\r\n]/);
    assert.equal(runnerUnescape(escaped), s);
  }
});

test('command properties also escape : and , so a value cannot end early', () => {
  assert.equal(escapeCommandProperty('docs/a, b: c%.md'), 'docs/a%2C b%3A c%25.md');
  for (const s of AWKWARD) {
    const escaped = escapeCommandProperty(s);
    assert.doesNotMatch(escaped, /[\r\n:,]/);
    assert.equal(runnerUnescape(escaped), s);
  }
});

test('XML text escapes markup characters and drops characters XML cannot hold', () => {
  assert.equal(escapeXmlText('a < b && c > d'), 'a &lt; b &amp;&amp; c &gt; d');
  assert.equal(escapeXmlText(']]>'), ']]&gt;');
  assert.equal(stripInvalidXmlChars('a\u0000b\u0007c\u001Fd\tok\nok\rok'), 'abcd\tok\nok\rok');
  assert.equal(stripInvalidXmlChars('lone \uD800 high, lone \uDC00 low, pair \uD834\uDD1E, \uFFFE\uFFFF'), 'lone  high, lone  low, pair \uD834\uDD1E, ');
  const nasty = 'x\u0000<y attr="1">&amp;</y>\uD800 \u{1D11E}';
  assert.equal(parseXml(`<r>${escapeXmlText(nasty)}</r>`).text, 'x<y attr="1">&amp;</y> \u{1D11E}');
});

test('XML attributes also escape quotes and keep tabs and line breaks', () => {
  assert.equal(escapeXmlAttr('say "hi"\n\tnow'), 'say &quot;hi&quot;&#10;&#9;now');
  for (const s of ['say "hi" & <bye>', "it's\r\nfine", 'tab\there', 'bell\u0007']) {
    assert.equal(parseXml(`<r a="${escapeXmlAttr(s)}"/>`).attrs['a'], s.replace('\u0007', ''));
  }
});

test('the XML checker rejects what is not well-formed', () => {
  for (const bad of ['<a>', '<a></b>', '<a x="1" x="2"/>', '<a x="<"/>', '<a>&nbsp;</a>', '<a>&#0;</a>', '<a>\u0001</a>', '<a/><b/>', '<a>]]></a>', '<a x=1/>']) {
    assert.throws(() => parseXml(bad), /not well-formed/, bad);
  }
});

test('relative paths become URI references with / and encoded segments', () => {
  assert.equal(pathToUriReference('en/initiate.md'), 'en/initiate.md');
  assert.equal(pathToUriReference('en\\sub\\my page#1.md'), 'en/sub/my%20page%231.md');
  assert.equal(pathToUriReference('de/q&a, ü.md'), 'de/q%26a%2C%20%C3%BC.md');
  assert.equal(pathToUriReference('../outside/x.md'), '../outside/x.md');
  assert.equal(decodeURIComponent(pathToUriReference('a%b/c?d.md')), 'a%b/c?d.md');
});

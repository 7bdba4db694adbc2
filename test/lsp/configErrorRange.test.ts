import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../server/src/engine/config/configError';
import { configErrorDiagnostic, configErrorRange } from '../../server/src/lsp/configDiagnostics';

// Where a configuration mistake is shown: the engine gives a 1-based line and column; the editor
// gets the range of the token there.

const range = (line: number, startCharacter: number, endCharacter: number) => ({ start: { line, character: startCharacter }, end: { line, character: endCharacter } });

test('a mistake at a key or a string value covers the whole string, quotes included', () => {
  const text = '{\n  "rules": { "link/no-such-file": "eror" }\n}\n';
  assert.deepEqual(configErrorRange(text, 2, 14), range(1, 13, 32));
  assert.deepEqual(configErrorRange(text, 2, 35), range(1, 34, 40));
});

test('a mistake at a number, a keyword or an unknown word covers it', () => {
  assert.deepEqual(configErrorRange('{ "root": 12 }', 1, 11), range(0, 10, 12));
  assert.deepEqual(configErrorRange('{ "root": true }', 1, 11), range(0, 10, 14));
  assert.deepEqual(configErrorRange('{ "root": yes }', 1, 11), range(0, 10, 13));
});

test('a mistake at a brace or a comma covers that one character', () => {
  assert.deepEqual(configErrorRange('{ "rules": {} }', 1, 12), range(0, 11, 12));
  assert.deepEqual(configErrorRange('{ "a": 1,, }', 1, 10), range(0, 9, 10));
});

test('an unclosed string stops at the end of its line', () => {
  assert.deepEqual(configErrorRange('{ "rules": "abc\n}', 1, 12), range(0, 11, 15));
});

test('a mistake at the end of the file, or on an empty line, is an empty range there', () => {
  assert.deepEqual(configErrorRange('{\n  "a": 1\n', 3, 1), range(2, 0, 0));
  assert.deepEqual(configErrorRange('{\n\n}', 2, 1), range(1, 0, 0));
});

test('a position past the text is clamped to its end instead of failing', () => {
  assert.deepEqual(configErrorRange('{}', 9, 9), range(0, 2, 2));
});

test('a file starting with a byte order mark keeps its columns', () => {
  const text = '\uFEFF{ "root": 12 }';
  assert.deepEqual(configErrorRange(text, 1, 12), range(0, 11, 13));
});

test('the diagnostic is an error naming the mistake and saying the defaults apply meanwhile', () => {
  const error = new ConfigError('/ws/.playbook-lint.jsonc', 1, 11, '`yes` is not valid here.');
  assert.deepEqual(configErrorDiagnostic(error, '{ "root": yes }'), {
    range: range(0, 10, 13),
    severity: 1,
    code: 'config/invalid',
    source: 'playbook',
    message: '`yes` is not valid here. The built-in defaults apply until this is corrected.',
  });
});

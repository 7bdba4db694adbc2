import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../server/src/cli/args';

const parse = (...argv: string[]) => parseArgs(argv, false, {});

test('with no --format, one stylish report goes to standard output', () => {
  assert.deepEqual(parse().outputs, [{ format: 'stylish' }]);
  assert.deepEqual(parse('-o', 'out.txt').outputs, [{ format: 'stylish', output: 'out.txt' }]);
});

test('each --output belongs to the --format before it', () => {
  assert.deepEqual(parse('--format', 'sarif', '--output', 'r.sarif', '--format=stylish', '-f', 'junit', '-o', 'j.xml').outputs, [
    { format: 'sarif', output: 'r.sarif' },
    { format: 'stylish' },
    { format: 'junit', output: 'j.xml' },
  ]);
});

test('mistakes are usage errors', () => {
  assert.throws(() => parse('-f', 'json', '-f', 'stylish'), UsageError); // two reports on stdout
  assert.throws(() => parse('-f', 'json', '-o', 'a', '-o', 'b'), UsageError);
  assert.throws(() => parse('--fix', '--fix-dry-run'), UsageError);
  assert.throws(() => parse('--max-warnings', 'many'), UsageError);
  assert.throws(() => parse('--config'), UsageError);
});

test('the progress bar is only for an interactive terminal outside CI', () => {
  assert.equal(parseArgs([], true, {}).progress, true);
  assert.equal(parseArgs([], true, { CI: 'true' }).progress, false);
  assert.equal(parseArgs([], false, {}).progress, false);
  assert.equal(parseArgs(['--no-progress'], true, {}).progress, false);
});

test('--cache-location implies --cache', () => {
  const o = parse('--cache-location', '/tmp/x');
  assert.equal(o.cache, true);
  assert.equal(o.cacheLocation, '/tmp/x');
});

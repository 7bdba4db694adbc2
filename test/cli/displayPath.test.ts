import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { displayPathIn } from '../../server/src/cli/main';

test('a report names a file as path.relative does, for plain paths and for every odd one', () => {
  const cases: Array<[cwd: string, file: string]> = [
    ['/a/b', '/a/b/c.md'],
    ['/a/b', '/a/b/docs/de/c.md'],
    ['/a/b/', '/a/b/c.md'],
    ['/', '/y.md'],
    ['/a/b', '/a/b/.hidden/c.md'],
    ['/a/b', '/a/b/..c/d.md'],
    ['/a/b', '/a/bc/y.md'],
    ['/a/b', '/a/b/x/./y.md'],
    ['/a/b', '/a/b/x/../y.md'],
    ['/a/b', '/a/b//y.md'],
    ['/a/b', '/a/b/c/'],
    ['/a/b', '/a/b/c/..'],
    ['/a/./b', '/a/b/c.md'],
    ['/a/b', '/elsewhere/c.md'],
  ];
  for (const [cwd, file] of cases) {
    if (nodePath.sep !== '/') continue; // POSIX paths; Windows takes the same road with its own separator
    assert.equal(displayPathIn(cwd)(file), nodePath.relative(cwd, file) || nodePath.basename(file), `${cwd} ${file}`);
  }
});

test('the working folder itself is named by its base name', () => {
  assert.equal(displayPathIn(process.cwd())(process.cwd()), nodePath.basename(process.cwd()));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeWorkspace, toPosix } from '../../server/src/cli/nodeWorkspace';

/** A folder with a page, a page in a skipped folder, and a binary file. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pb-nodews-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'docs', 'a.md'), '# A\n\ntext\n');
  writeFileSync(join(dir, 'node_modules', 'b.md'), '# B\n');
  writeFileSync(join(dir, 'docs', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
  return dir;
}

for (const blockingReads of [false, true]) {
  test(`list, read and stat see the disk, and a missing file is undefined (blockingReads: ${blockingReads})`, async () => {
    const dir = tree();
    try {
      const ws = new NodeWorkspace(dir, { blockingReads });
      const root = toPosix(dir);
      assert.deepEqual(await ws.list(), [`${root}/docs/a.md`, `${root}/docs/logo.png`]);
      assert.equal(Buffer.from((await ws.read(`${root}/docs/a.md`))!).toString('utf8'), '# A\n\ntext\n');
      assert.deepEqual([...(await ws.read(`${root}/docs/logo.png`))!], [0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
      assert.equal(await ws.read(`${root}/docs/missing.md`), undefined);
      assert.equal(await ws.read(`${root}/docs`), undefined, 'a folder is not a readable file');
      assert.equal((await ws.stat(`${root}/docs/a.md`))?.size, 10);
      assert.equal(await ws.stat(`${root}/docs/missing.md`), undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

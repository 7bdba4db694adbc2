import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../server/src/engine/config/builtin';
import { createEngine } from '../../server/src/engine/engine';
import { buildPathLookup, pathLookup } from '../../server/src/engine/index/pathLookup';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { ROOT, TODAY } from './helpers';

describe('buildPathLookup', () => {
  const files = ['/ws/Docs/Setup.md', '/ws/docs/setup.md', '/ws/en/setup.md', '/ws/en/media/Logo.PNG', '/ws/toc.yml'];
  const lookup = buildPathLookup(files);

  it('finds every file whose path differs only in case, in path order', () => {
    assert.deepEqual(lookup.withLowerPath('/ws/docs/setup.md'), ['/ws/Docs/Setup.md', '/ws/docs/setup.md']);
    assert.deepEqual(lookup.withLowerPath('/ws/en/media/logo.png'), ['/ws/en/media/Logo.PNG']);
    assert.deepEqual(lookup.withLowerPath('/ws/en/Setup.md'), [], 'the key is the lower-cased path');
  });

  it('finds every file of a name, whatever its folder or case', () => {
    assert.deepEqual(lookup.named('setup.md'), ['/ws/Docs/Setup.md', '/ws/docs/setup.md', '/ws/en/setup.md']);
    assert.deepEqual(lookup.named('logo.png'), ['/ws/en/media/Logo.PNG']);
    assert.deepEqual(lookup.named('missing.md'), []);
    assert.deepEqual(lookup.named(''), []);
  });
});

describe('pathLookup', () => {
  it('answers for the index as it is now: a file added or removed is found or forgotten', async () => {
    const engine = createEngine(new MemoryWorkspace(ROOT, { 'en/a.md': 'A\n', 'en/b.md': 'B\n' }), defaultConfig({ today: TODAY }));
    await engine.index.load();
    const first = pathLookup(engine.index);
    assert.deepEqual(first.named('c.md'), []);
    assert.equal(pathLookup(engine.index), first, 'kept while the file list is unchanged');
    engine.index.setText(`${ROOT}/fr/C.md`, 'C\n', 1);
    assert.deepEqual(pathLookup(engine.index).named('c.md'), [`${ROOT}/fr/C.md`]);
    assert.deepEqual(pathLookup(engine.index).withLowerPath(`${ROOT}/fr/c.md`), [`${ROOT}/fr/C.md`]);
    engine.index.remove(`${ROOT}/en/a.md`);
    assert.deepEqual(pathLookup(engine.index).named('a.md'), []);
  });
});

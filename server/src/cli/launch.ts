import { homedir } from 'node:os';
import * as nodePath from 'node:path';
import { compileCacheDir, requireWithCompileCache } from './compileCache';
import { boundHeapGrowth } from './heapGrowth';

/**
 * What `playbook-lint` runs (`bin/playbook-lint.js`): it sets the process up, then loads the CLI bundle
 * through the code cache (`compileCache.ts`). The heap flag is set first, because V8 only takes cached code
 * made under the same flags (the cache is written once the bundle's modules have loaded, under these flags).
 */
boundHeapGrowth();
const home = (() => {
  try {
    return homedir();
  } catch {
    return '';
  }
})();
requireWithCompileCache(nodePath.join(__dirname, 'cli.js'), compileCacheDir({ platform: process.platform, env: process.env, home }));

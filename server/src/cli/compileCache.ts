import { readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as nodePath from 'node:path';
import { Script } from 'node:vm';
import { writeStoredFile } from './cacheStore';

/**
 * A V8 code cache for the CLI bundle. Compiling the 1.4 MB bundle and the functions its modules run at
 * load is about a fifth of a short run (`playbook-lint --version`, or a `--cache` run that replays the
 * last findings); with the code V8 made last time it is a few milliseconds. Node 22 has this built in
 * (`module.enableCompileCache`); Node 20, which we support, has only `vm.Script`'s `cachedData`, so the
 * launcher (`launch.ts`) compiles the bundle itself.
 *
 * The cache is an optimisation only: V8 checks the data against its own version, its flags and the
 * source, a file of another build or Node version is never read (its name says which build and Node
 * made it), and any failure to read or write it falls back to a plain compile, silently.
 */

/** The environment variable that moves the cache (a folder) or turns it off (`0`, `off`, `false`, `no`). */
export const COMPILE_CACHE_ENV = 'PLAYBOOK_LINT_COMPILE_CACHE';

/** How many cache files the folder keeps (one per bundle and Node version): older ones are removed. */
const KEEP_FILES = 8;

/** Where the machine keeps it: the platform's per-user cache folder. */
export interface CacheHome {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** The user's home folder ('' when unknown). */
  home: string;
}

/**
 * The folder of the code cache, or undefined when it is turned off: `PLAYBOOK_LINT_COMPILE_CACHE` when set
 * (a path, or `0`/`off`/`false`/`no`), off when Node's own `NODE_DISABLE_COMPILE_CACHE` is set, otherwise the
 * per-user cache folder (`%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` or
 * `~/.cache` elsewhere) — never a shared temporary folder, where another user could plant code.
 */
export function compileCacheDir({ platform, env, home }: CacheHome): string | undefined {
  const asked = env[COMPILE_CACHE_ENV]?.trim();
  if (asked !== undefined && asked !== '') return /^(?:0|off|false|no)$/i.test(asked) ? undefined : asked;
  if (env['NODE_DISABLE_COMPILE_CACHE']) return undefined;
  const path = platform === 'win32' ? nodePath.win32 : nodePath.posix;
  let base: string | undefined;
  if (platform === 'win32') base = env['LOCALAPPDATA'] || (home ? path.join(home, 'AppData', 'Local') : undefined);
  else if (platform === 'darwin') base = home ? path.join(home, 'Library', 'Caches') : undefined;
  else base = env['XDG_CACHE_HOME'] || (home ? path.join(home, '.cache') : undefined);
  return base ? path.join(base, 'playbook-lint', 'compile-cache') : undefined;
}

/** The build id a bundle carries on its first line (`esbuild.mjs` writes it there), if any. */
export function bundleBuildId(source: string): string | undefined {
  return /^\/\/ playbook-lint build ([\w-]+)\r?\n/.exec(source)?.[1];
}

/**
 * What identifies the bundle's text without hashing 1.4 MB: its build id, size and modification time. V8
 * checks cached data against the source's length only, so a bundle edited by hand without a new build id
 * (same length or not) must not find the code of the one it replaced.
 */
export function bundleIdentity(buildId: string, stats: { size: number; mtimeMs: number }): string {
  return `${buildId}-${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;
}

/**
 * The name of the cache file of a bundle: one per bundle (its identity) and Node version (V8's data is
 * only valid for the V8 that made it, with the same flags).
 */
export function cacheFileName(bundle: string, identity: string, nodeVersion: string, arch: string): string {
  return `${nodePath.basename(bundle, '.js')}-${identity}-${nodeVersion}-${arch}.bin`;
}

/** What {@link requireWithCompileCache} did (for tests). */
export type CompileCacheOutcome = 'off' | 'used' | 'written' | 'rejected and written' | 'unwritable';

/**
 * Loads and runs a CommonJS bundle like `require(file)` does, compiling it with the code cached in
 * `dir` from an earlier run. When there was none, or V8 refused it, the code V8 has compiled once the
 * bundle's top level has run (its modules' functions that ran, too) is written for the next run. Without
 * a `dir`, or for a bundle without a build id, it is a plain `require`.
 */
export function requireWithCompileCache(file: string, dir: string | undefined, onOutcome?: (outcome: CompileCacheOutcome) => void): unknown {
  const outer = createRequire(file);
  let source: string | undefined;
  let identity: string | undefined;
  if (dir !== undefined) {
    try {
      const stats = statSync(file);
      source = readFileSync(file, 'utf8');
      const buildId = bundleBuildId(source);
      identity = buildId === undefined ? undefined : bundleIdentity(buildId, stats);
    } catch {
      source = undefined;
    }
  }
  if (dir === undefined || source === undefined || identity === undefined) {
    onOutcome?.('off');
    return outer(file);
  }
  const cacheFile = nodePath.join(dir, cacheFileName(file, identity, process.version, process.arch));
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper as Node's CommonJS loader: line numbers in stack traces stay those of the file.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const rejected = cachedData !== undefined && script.cachedDataRejected === true;
  if (cachedData === undefined || rejected) {
    // Once the bundle's modules have loaded (their top-level code compiled too), not at exit: the data then
    // is the same whatever the first run did, and small (a full lint would have compiled twice as much,
    // which a short run then spends longer reading than it saves).
    process.nextTick(() => {
      const written = writeCacheFile(dir, cacheFile, () => script.createCachedData());
      onOutcome?.(written ? (rejected ? 'rejected and written' : 'written') : 'unwritable');
    });
  } else {
    onOutcome?.('used');
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, outer, module, file, nodePath.dirname(file));
  module.loaded = true;
  return module.exports;
}

/** Writes the cache file (its owner's only) through a temporary file and a rename, then keeps the folder small; false when it could not. */
function writeCacheFile(dir: string, cacheFile: string, data: () => Buffer): boolean {
  try {
    writeStoredFile(cacheFile, [data()], { file: 0o600, folder: 0o700 });
  } catch {
    return false;
  }
  pruneCacheFolder(dir);
  return true;
}

/** Removes all but the {@link KEEP_FILES} newest cache files (other builds and Node versions, which are never read again). */
function pruneCacheFolder(dir: string): void {
  try {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.bin'))
      .map((name) => ({ path: nodePath.join(dir, name), mtime: statSync(nodePath.join(dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of files.slice(KEEP_FILES)) unlinkSync(old.path);
  } catch {
    // Another process may be pruning too; the next write tries again.
  }
}

/**
 * Finds, reads and checks a workspace's configuration files — all through the `Workspace`, so the CLI and
 * the language server share it — and produces the effective `PlaybookConfig`.
 *
 * - Discovery: every `.playbook-lint.jsonc` / `.playbook-lint.json` in the workspace, and those in the
 *   folders above its root (up to one saying `"root": true`). A file governs its folder and everything below;
 *   a closer file wins. An explicit file (`--config`) replaces discovery and governs every file.
 * - `extends`: a path relative to the extending file, or a package found in a `node_modules` folder above
 *   it (its `.playbook-lint.jsonc`, `.playbook-lint.json`, or a JSON `main`). Cycles are errors.
 * - Workspace-wide keys (`locales`, `localeByPath`, `vocabulary`, `defaults`) come only from the root
 *   configuration: the files at or above the workspace root (and what they extend).
 */
import { allRuleIds } from '../rules/registry';
import { basename, dirname, isWithin, join, normalize } from '../util/paths';
import { t } from '../util/l10n';
import { decodeText } from '../workspace/decode';
import type { Workspace } from '../workspace/workspace';
import { defaultConfig } from './builtin';
import { ConfigCascade, type ConfigLayer } from './cascade';
import type { PlaybookConfig } from './config';
import { ConfigError } from './configError';
import { CONFIG_FILE_NAMES, WORKSPACE_KEYS, type ConfigFile } from './configFile';
import { JsoncText, type JsonPath } from './jsonc';
import { validateConfigFile } from './validate';
import { buildWorkspaceSettings, type RootLayer } from './workspaceConfig';

/** How to load configuration. */
export interface LoadConfigOptions {
  /** An explicit configuration file (absolute path): used alone, with what it extends, for every file. */
  readonly configFile?: string;
  /** The folder an explicit file's globs are relative to (default: the file's folder). */
  readonly cwd?: string;
  /** The rules that exist (default: every built-in rule). */
  readonly ruleIds?: readonly string[];
  /** The configuration the files refine (default: `defaultConfig()`). */
  readonly base?: PlaybookConfig;
}

/** A parsed, checked configuration file. */
interface ParsedFile {
  readonly path: string;
  readonly text: JsoncText;
  readonly data: ConfigFile;
}

/** One file of a chain with the scope and glob base it gets from the file that was discovered. */
interface ChainLayer {
  readonly file: ParsedFile;
  readonly scope: string;
  readonly base: string;
  readonly root: boolean;
}

/** Where a file was referenced from (for errors about a missing or cyclic `extends`). */
interface Reference {
  readonly from: ParsedFile;
  readonly at: JsonPath;
}

class Loader {
  readonly #workspace: Workspace;
  readonly #ruleIds: readonly string[];
  readonly #parsed = new Map<string, Promise<ParsedFile>>();

  constructor(workspace: Workspace, ruleIds: readonly string[]) {
    this.#workspace = workspace;
    this.#ruleIds = ruleIds;
  }

  async #text(path: string, ref: Reference | undefined): Promise<string | undefined> {
    const bytes = await this.#workspace.read(path);
    if (bytes === undefined) return undefined;
    const decoded = decodeText(bytes);
    if ('problem' in decoded) {
      if (ref) throw ref.from.text.errorAt(ref.at, t('{0} cannot be used: {1}', path, decoded.problem.message));
      throw new ConfigError(path, 1, 1, decoded.problem.message);
    }
    return decoded.text;
  }

  /** Reads, parses and checks one configuration file (once per path). */
  parse(path: string, ref?: Reference): Promise<ParsedFile> {
    let p = this.#parsed.get(path);
    if (!p) {
      p = (async () => {
        const text = await this.#text(path, ref);
        if (text === undefined) {
          if (ref) throw ref.from.text.errorAt(ref.at, t('The configuration {0} cannot be read: it does not exist or is not readable.', path));
          throw new ConfigError(path, 1, 1, t('The configuration file cannot be read: it does not exist or is not readable.'));
        }
        const jsonc = new JsoncText(path, text);
        return { path, text: jsonc, data: validateConfigFile(jsonc, this.#ruleIds) };
      })();
      this.#parsed.set(path, p);
    }
    return p;
  }

  async #exists(path: string): Promise<boolean> {
    return (await this.#workspace.stat(path)) !== undefined;
  }

  /** The file an `extends` entry names, resolved from the extending file. */
  async #resolveExtends(name: string, ref: Reference): Promise<string> {
    const fromDir = dirname(ref.from.path);
    if (name.startsWith('.') || name.startsWith('/')) return join(fromDir, name);
    const parts = name.split('/');
    const pkgLength = name.startsWith('@') ? 2 : 1;
    if (parts.length < pkgLength || parts.slice(0, pkgLength).some((s) => s === '')) {
      throw ref.from.text.errorAt(ref.at, t('`{0}` is neither a relative path (start it with `./`) nor a package name.', name));
    }
    const pkg = parts.slice(0, pkgLength).join('/');
    const sub = parts.slice(pkgLength).join('/');
    for (let d = fromDir; ; d = dirname(d)) {
      const pkgDir = normalize(`${d}/node_modules/${pkg}`);
      if (await this.#exists(`${pkgDir}/package.json`)) return this.#packageEntry(pkgDir, pkg, sub, ref);
      if (d === '/') break;
    }
    throw ref.from.text.errorAt(ref.at, t('Cannot find the package `{0}` in a node_modules folder at or above {1}: install it, or give a path that starts with `./`.', pkg, fromDir));
  }

  async #packageEntry(pkgDir: string, pkg: string, sub: string, ref: Reference): Promise<string> {
    if (sub) {
      for (const candidate of [`${pkgDir}/${sub}`, `${pkgDir}/${sub}.jsonc`, `${pkgDir}/${sub}.json`]) if (await this.#exists(candidate)) return candidate;
      throw ref.from.text.errorAt(ref.at, t('The package `{0}` has no file `{1}`.', pkg, sub));
    }
    for (const name of CONFIG_FILE_NAMES) if (await this.#exists(`${pkgDir}/${name}`)) return `${pkgDir}/${name}`;
    const manifestPath = `${pkgDir}/package.json`;
    const manifestText = await this.#text(manifestPath, ref);
    let main: unknown;
    try {
      main = (JSON.parse(manifestText ?? '{}') as { main?: unknown }).main;
    } catch {
      throw ref.from.text.errorAt(ref.at, t('The package.json of `{0}` is not valid JSON.', pkg));
    }
    if (typeof main === 'string' && /\.jsonc?$/i.test(main)) return join(pkgDir, main);
    throw ref.from.text.errorAt(ref.at, t('The package `{0}` has no .playbook-lint.jsonc, and its package.json `main` is not a JSON file.', pkg));
  }

  /** A file and everything it extends, lowest precedence first; `stack` holds the files being resolved (cycles). */
  async chain(file: ParsedFile, scope: string, base: string, root: boolean, stack: readonly string[] = []): Promise<ChainLayer[]> {
    const out: ChainLayer[] = [];
    const ext = file.data.extends;
    const names = ext === undefined ? [] : typeof ext === 'string' ? [ext] : ext;
    for (let i = 0; i < names.length; i++) {
      const at: JsonPath = typeof ext === 'string' ? ['extends'] : ['extends', i];
      const ref = { from: file, at };
      const target = await this.#resolveExtends(names[i]!, ref);
      const cycle = [...stack, file.path];
      if (cycle.includes(target)) {
        const loop = [...cycle.slice(cycle.indexOf(target)), target].map((p) => basename(p)).join(' → ');
        throw file.text.errorAt(at, t('`extends` makes a cycle: {0}.', loop));
      }
      out.push(...(await this.chain(await this.parse(target, ref), scope, base, false, cycle)));
    }
    out.push({ file, scope, base, root });
    // A file extended twice along one chain applies once, at its first place.
    return out.filter((l, i) => out.findIndex((m) => m.file.path === l.file.path) === i);
  }
}

/** Configuration files of a folder; two in one folder is a mistake. */
function oneFilePerFolder(paths: readonly string[]): string[] {
  const byDir = new Map<string, string[]>();
  for (const p of paths) byDir.set(dirname(p), [...(byDir.get(dirname(p)) ?? []), p]);
  for (const [dir, list] of byDir) {
    if (list.length > 1) {
      const sorted = [...list].sort((a, b) => CONFIG_FILE_NAMES.indexOf(basename(a) as never) - CONFIG_FILE_NAMES.indexOf(basename(b) as never));
      throw new ConfigError(sorted[1]!, 1, 1, t('{0} has two configuration files, {1} and {2}: keep one.', dir, basename(sorted[0]!), basename(sorted[1]!)));
    }
  }
  return [...byDir.values()].map((l) => l[0]!);
}

const depth = (p: string): number => (p === '/' ? 0 : p.split('/').length - 1);

/** Finds the configuration files that govern a workspace: inside it, then above its root (up to `root: true`). */
async function discover(workspace: Workspace, loader: Loader): Promise<{ rootChain: ParsedFile[]; nested: ParsedFile[] }> {
  const names: readonly string[] = CONFIG_FILE_NAMES;
  const inside = oneFilePerFolder((await workspace.list()).filter((p) => names.includes(basename(p))));
  const above: string[] = [];
  for (let d = dirname(workspace.root); workspace.root !== '/'; d = dirname(d)) {
    const here: string[] = [];
    for (const name of names) if ((await workspace.stat(join(d, name))) !== undefined) here.push(join(d, name));
    above.push(...oneFilePerFolder(here));
    if (d === '/') break;
  }
  const atRoot = inside.filter((p) => dirname(p) === workspace.root);
  // Deepest first, stopping at a file that says `"root": true`.
  const upward: ParsedFile[] = [];
  for (const p of [...atRoot, ...above]) {
    const f = await loader.parse(p);
    upward.push(f);
    if (f.data.root === true) break;
  }
  const nested = await Promise.all(inside.filter((p) => dirname(p) !== workspace.root).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1)).map((p) => loader.parse(p)));
  return { rootChain: upward.reverse(), nested };
}

/** A workspace-wide key set in a file below the workspace root is an error: one vocabulary serves the workspace. */
function checkNested(layer: ChainLayer, root: string): void {
  for (const key of WORKSPACE_KEYS) {
    if (layer.file.data[key] === undefined) continue;
    throw layer.file.text.errorAt([key], t('`{0}` holds for the whole workspace, so it belongs in the root configuration (a .playbook-lint.jsonc in {1} or a folder above), not in a sub-folder\'s.', key, root), 'key');
  }
}

function toLayer(l: ChainLayer): ConfigLayer {
  return { source: l.file.path, scope: l.scope, base: l.base, root: l.root, rules: l.file.data.rules ?? {}, ignore: l.file.data.ignore ?? [], overrides: l.file.data.overrides ?? [] };
}

/**
 * Loads the configuration of a workspace: finds its configuration files (or reads the explicit one),
 * resolves `extends`, checks everything, and returns the effective configuration. Throws a ConfigError,
 * with file and position, on the first mistake.
 */
export async function loadConfig(workspace: Workspace, options: LoadConfigOptions = {}): Promise<PlaybookConfig> {
  const base = options.base ?? defaultConfig();
  const loader = new Loader(workspace, options.ruleIds ?? allRuleIds);
  let rootLayers: ChainLayer[];
  let nestedLayers: ChainLayer[] = [];
  if (options.configFile !== undefined) {
    const path = normalize(options.configFile);
    rootLayers = await loader.chain(await loader.parse(path), '/', options.cwd ?? dirname(path), false);
  } else {
    const found = await discover(workspace, loader);
    rootLayers = [];
    for (const f of found.rootChain) rootLayers.push(...(await loader.chain(f, dirname(f.path), dirname(f.path), f.data.root === true)));
    // A root configuration file a nested one extends again is fine: its workspace-wide keys already apply.
    const rootFiles = new Set(rootLayers.map((l) => l.file.path));
    for (const f of found.nested) {
      const chain = await loader.chain(f, dirname(f.path), dirname(f.path), f.data.root === true);
      for (const l of chain) if (!rootFiles.has(l.file.path)) checkNested(l, workspace.root);
      nestedLayers.push(...chain);
    }
    nestedLayers = nestedLayers.filter((l) => isWithin(workspace.root, l.scope));
  }
  const layers = [...rootLayers, ...nestedLayers];
  if (layers.length === 0) return { ...base, sources: [] };
  const roots: RootLayer[] = rootLayers.map((l) => ({ text: l.file.text, data: l.file.data, base: l.base }));
  return {
    ...base,
    ...buildWorkspaceSettings(base, roots),
    cascade: new ConfigCascade(layers.map(toLayer)),
    sources: [...new Set(layers.map((l) => l.file.path))],
  };
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Engine } from '../engine/engine';
import type { Diagnostic } from '../engine/lint/diagnostic';
import type { OutlineSource } from '../engine/model/build';
import type { MarkdownOutline } from '../engine/parse/outline';
import { decodeText } from '../engine/workspace/decode';
import type { Disposable, FileChange, FileStat, Workspace } from '../engine/workspace/workspace';
import { t } from '../engine/util/l10n';
import packageJson from '../../../package.json';
import { toPosix } from './nodeWorkspace';

/**
 * The `--cache` file. Two tiers, both keyed by content, so neither can make a result wrong:
 *
 * 1. Outlines by the hash of a page's text. The parse is nearly the whole cost of modelling a page and
 *    depends on nothing but the text, so a changed tree re-parses only its changed pages; the index and
 *    every rule still run over every model, so cross-file findings are exact.
 * 2. The findings of the last run, with the hash of everything the engine read to compute them (the file
 *    list, every file read, every stat, the configuration, the command's scope). When all of it is
 *    unchanged, the findings are replayed without modelling anything.
 *
 * The file is three JSON lines (header, last run, outlines) so a replay never parses the outlines. It is
 * written to a temporary file and renamed; one from another version, or unreadable, is ignored.
 */
const FORMAT = 1;

/** The file name used when `--cache-location` names a folder. */
const FILE_NAME = '.playbook-lint-cache';

/** What a run read, in the order it read it: enough to tell whether a later run would read the same. */
interface Inputs {
  list: string | null;
  reads: Array<[string, string | null]>;
  stats: Array<[string, string | null]>;
}

/** The last run: what it read and what it found. */
interface LastRun extends Inputs {
  key: string;
  findings: Array<[string, Diagnostic[]]>;
}

/** Findings replayed from the cache, with the texts they were found in (reports quote them). */
export interface Replayed {
  readonly byFile: Map<string, Diagnostic[]>;
  readonly texts: ReadonlyMap<string, string>;
}

const hash = (data: string | Uint8Array): string => createHash('sha1').update(data).digest('base64url');

/** Identifies the build of the tool: its version and the hash of the running bundle (rules change between builds). */
function toolId(): string {
  let build = '';
  try {
    build = hash(readFileSync(__filename));
  } catch {
    build = 'unknown';
  }
  return `${packageJson.version}+${build}`;
}

/** Where the cache file is: `location` itself, or a file inside it when it is a folder. */
export function cacheFile(location: string): string {
  try {
    if (/[\\/]$/.test(location) || statSync(location).isDirectory()) return nodePath.join(location, FILE_NAME);
  } catch {
    // Not there yet: a file of that name.
  }
  return location;
}

/** JSON of a value with Maps, Sets, regular expressions and functions spelled out (for hashing configuration). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Map) return { '<map>': [...v] };
    if (v instanceof Set) return { '<set>': [...v] };
    if (v instanceof RegExp || typeof v === 'function') return String(v);
    return v;
  });
}

/** True when a cached value has the lists an outline has (a damaged entry is parsed again instead). */
function looksLikeOutline(o: MarkdownOutline): boolean {
  return typeof o === 'object' && o !== null && [o.headings, o.tables, o.links, o.paragraphs, o.blockquotes, o.html, o.code].every(Array.isArray);
}

/**
 * A workspace that records what is read through it, so the next run can tell whether anything changed.
 * The cache file itself (and its temporary files) is hidden: it changes on every run and is no input.
 */
class RecordingWorkspace implements Workspace {
  readonly root: string;
  readonly #inner: Workspace;
  readonly #hidden: string;
  readonly inputs: Inputs = { list: null, reads: [], stats: [] };
  readonly #readHashes = new Map<string, string | null>();
  #listing: Promise<string[]> | undefined;

  constructor(inner: Workspace, hidden: string) {
    this.#inner = inner;
    this.#hidden = hidden;
    this.root = inner.root;
  }

  /** The listing is taken once per run (configuration discovery and the index both ask). */
  list(): Promise<string[]> {
    this.#listing ??= this.#inner.list().then((all) => {
      const l = all.filter((p) => p !== this.#hidden && !(p.startsWith(this.#hidden + '.') && p.endsWith('.tmp')));
      this.inputs.list = hash(l.join('\n'));
      return l;
    });
    return this.#listing;
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    const bytes = await this.#inner.read(path);
    const h = bytes === undefined ? null : hash(bytes);
    if (!this.#readHashes.has(path)) this.inputs.reads.push([path, h]);
    this.#readHashes.set(path, h);
    return bytes;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    const s = await this.#inner.stat(path);
    this.inputs.stats.push([path, s === undefined ? null : JSON.stringify(s)]);
    return s;
  }

  watch(listener: (changes: readonly FileChange[]) => void): Disposable {
    return this.#inner.watch(listener);
  }

  /** The hash this run read for a path, if it read it. */
  readHash(path: string): string | null | undefined {
    return this.#readHashes.get(path);
  }
}

/** The CLI's cache for one run. */
export class LintCache {
  readonly file: string;
  readonly #tool = toolId();
  readonly #warn: (message: string) => void;
  #lastRunJson: string | undefined;
  #outlinesJson: string | undefined;
  #oldOutlines: Map<string, MarkdownOutline> | undefined;
  readonly #outlines = new Map<string, MarkdownOutline>();
  #recording: RecordingWorkspace | undefined;

  /** Opens the cache at `location` (a file, or a folder to keep it in). A missing, corrupt or foreign file is ignored. */
  constructor(location: string, warn: (message: string) => void) {
    this.file = cacheFile(location);
    this.#warn = warn;
    let raw: string;
    try {
      raw = readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    const [header, lastRun, outlines] = raw.split('\n');
    try {
      const h = JSON.parse(header ?? '') as { format?: unknown; tool?: unknown };
      if (h.format !== FORMAT || h.tool !== this.#tool) return;
    } catch {
      return;
    }
    this.#lastRunJson = lastRun;
    this.#outlinesJson = outlines;
  }

  /** Wraps the workspace so that what the run reads is recorded. Call once, before configuration is loaded. */
  record(workspace: Workspace): Workspace {
    this.#recording = new RecordingWorkspace(workspace, toPosix(this.file));
    return this.#recording;
  }

  /** The outline source for the index: cached outlines by text hash; new ones are kept for the next run. */
  readonly outlines: OutlineSource = {
    outline: (text, parse) => {
      const h = hash(text);
      let o = this.#outlines.get(h) ?? this.#previousOutlines().get(h);
      if (!o || !looksLikeOutline(o)) o = parse(text);
      this.#outlines.set(h, o);
      return o;
    },
  };

  #previousOutlines(): Map<string, MarkdownOutline> {
    if (!this.#oldOutlines) {
      this.#oldOutlines = new Map();
      try {
        if (this.#outlinesJson) this.#oldOutlines = new Map(Object.entries(JSON.parse(this.#outlinesJson) as Record<string, MarkdownOutline>));
      } catch {
        // A damaged outline line: parse everything again.
      }
      this.#outlinesJson = undefined;
    }
    return this.#oldOutlines;
  }

  /**
   * Loads and lints through the cache. When the last run read exactly what this one would (same files,
   * same bytes, same configuration and scope, same build), its findings are replayed; otherwise `run`
   * loads the index (with cached outlines) and lints, and the cache is saved. `scope` is what else decides
   * the findings (the paths asked for); `replay: false` forces a real run (fixes need models).
   */
  async lint(engine: Engine, scope: unknown, run: () => Promise<Map<string, Diagnostic[]>>, replay = true): Promise<{ byFile: Map<string, Diagnostic[]>; replayed?: Replayed }> {
    const recording = this.#recording;
    if (!recording) throw new Error('LintCache.record() must wrap the workspace first');
    const key = hash(stableJson({ config: engine.config, scope }));
    const replayed = replay ? await this.#replay(recording, key) : undefined;
    // A replay leaves the file as it is: it already says all this.
    if (replayed) return { byFile: replayed.byFile, replayed };
    engine.index.useOutlines(this.outlines);
    const byFile = await run();
    this.#save(key, recording.inputs, byFile);
    return { byFile };
  }

  async #replay(recording: RecordingWorkspace, key: string): Promise<Replayed | undefined> {
    if (!this.#lastRunJson) return undefined;
    let last: LastRun;
    try {
      last = JSON.parse(this.#lastRunJson) as LastRun;
      if (last.key !== key || !Array.isArray(last.reads) || !Array.isArray(last.stats) || !Array.isArray(last.findings)) return undefined;
    } catch {
      return undefined;
    }
    await recording.list();
    if (recording.inputs.list !== last.list) return undefined;
    for (const [path, was] of last.stats) {
      const s = await recording.stat(path);
      if ((s === undefined ? null : JSON.stringify(s)) !== was) return undefined;
    }
    const wanted = new Set(last.findings.map(([p]) => p));
    const texts = new Map<string, string>();
    const WINDOW = 32;
    for (let i = 0; i < last.reads.length; i += WINDOW) {
      const batch = last.reads.slice(i, i + WINDOW);
      const results = await Promise.all(batch.map(async ([path, was]) => {
        const known = recording.readHash(path);
        if (known !== undefined) return known === was;
        const bytes = await recording.read(path);
        if ((bytes === undefined ? null : hash(bytes)) !== was) return false;
        if (bytes !== undefined && wanted.has(path)) {
          const decoded = decodeText(bytes);
          if ('text' in decoded) texts.set(path, decoded.text);
        }
        return true;
      }));
      if (results.includes(false)) return undefined;
    }
    return { byFile: new Map(last.findings), texts };
  }

  /** Writes the cache: this run's inputs and findings, and the outlines of the pages it modelled. */
  #save(key: string, inputs: Inputs, byFile: Map<string, Diagnostic[]>): void {
    const header = JSON.stringify({ format: FORMAT, tool: this.#tool });
    // Reads finish in any order (they overlap): sorted, the file is the same for the same inputs.
    const byPath = <T>(a: [string, T], b: [string, T]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const recorded = { list: inputs.list, reads: [...inputs.reads].sort(byPath), stats: [...inputs.stats].sort(byPath) };
    const lastRun = JSON.stringify({ key, ...recorded, findings: [...byFile] } satisfies LastRun);
    const outlines = JSON.stringify(Object.fromEntries(this.#outlines));
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(nodePath.dirname(this.file), { recursive: true });
      writeFileSync(tmp, `${header}\n${lastRun}\n${outlines}\n`);
      renameSync(tmp, this.file);
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // Nothing was written.
      }
      this.#warn(t('playbook-lint: the cache could not be written to {0}: {1}', this.file, (e as Error).message));
    }
  }
}

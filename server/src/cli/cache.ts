import { readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { Engine } from '../engine/engine';
import type { Diagnostic } from '../engine/lint/diagnostic';
import type { OutlineSource } from '../engine/model/build';
import type { MarkdownOutline } from '../engine/parse/outline';
import { decodeText } from '../engine/workspace/decode';
import type { Disposable, FileChange, FileStat, Workspace } from '../engine/workspace/workspace';
import { t } from '../engine/util/l10n';
import packageJson from '../../../package.json';
import { buildId } from './buildId';
import { decodeLine, readStoredLines, writeStoredFile, type StoredLines } from './cacheStore';
import { isRacy, sameStamp, stampOf, type FileStamp } from './fileStamp';
import { sha1 } from './lazyCrypto';
import { toNative, toPosix } from './nodeWorkspace';

/**
 * The `--cache` file. Two tiers, both keyed by content, so neither can make a result wrong:
 *
 * 1. Outlines by the hash of a page's text. The parse is nearly the whole cost of modelling a page and
 *    depends on nothing but the text, so a changed tree re-parses only its changed pages; the index and
 *    every rule still run over every model, so cross-file findings are exact.
 * 2. The findings of the last run, with everything the engine read to compute them: the file list, the
 *    effective configuration and the command's scope (as they were), the hash of every file read, every
 *    stat. When all of it is
 *    unchanged, the findings are replayed without modelling anything. Each file read is recorded with its
 *    stamp (size, times, inode: `fileStamp.ts`), taken before it was read; a file whose stamp is unchanged
 *    and was not "racily clean" then is not read again, any other is read and hashed.
 *
 * The file is a JSON line of header, a JSON line of the last run, then an outline a line (`hash json`), so a
 * replay decodes only the first two lines and a run decodes only the outlines it uses. Outlines are kept
 * for the next run up to a budget (`OUTLINE_BUDGET`, ~5,000 pages), so neither the run nor the file grows
 * with the tree beyond it: the pages past it are parsed again. It is written piece by piece to a temporary
 * file and renamed; one from another version, or unreadable, is ignored.
 */
const FORMAT = 4;

/**
 * How many characters of outline JSON a run keeps for the next one (an outline is ~6 KB of JSON for a
 * page of the corpus): 32 MB, so a 15,000-page tree keeps a third of its outlines, within the memory a
 * run may use.
 */
export const OUTLINE_BUDGET = 32 * 1024 * 1024;

/** The file name used when `--cache-location` names a folder. */
const FILE_NAME = '.playbook-lint-cache';

/** A file read: its path, the hash of its bytes (null: it could not be read) and its stamp before the read (null: none). */
type ReadEntry = [path: string, hash: string | null, stamp: FileStamp | null];

/** What a run read, in the order it read it: enough to tell whether a later run would read the same. */
interface Inputs {
  /** When the run started reading (ms since the epoch): the stamps of files changed since are not trusted. */
  started: number;
  /**
   * The files listed, one path a line (null: not listed). Kept as it is, not hashed, like the key below:
   * a replay whose stamps are all unchanged then hashes nothing, and does not even load `node:crypto`.
   */
  list: string | null;
  reads: ReadEntry[];
  stats: Array<[string, string | null]>;
}

/** The last run: what it read and what it found. */
interface LastRun extends Inputs {
  /** What else decides the findings: the effective configuration and the command's scope, as stable JSON (~15 KB). */
  key: string;
  findings: Array<[string, Diagnostic[]]>;
}

/** Findings replayed from the cache, with the texts they were found in (reports quote them). */
export interface Replayed {
  readonly byFile: Map<string, Diagnostic[]>;
  /** The text of a file with findings, read when a report asks for it; undefined if it is no longer the one checked. */
  readonly texts: { get(path: string): string | undefined };
}

/** How a replay went, for tests: how many recorded files were read and hashed again, and how many were taken on their stamp. */
export interface ReplayStats {
  rehashed: number;
  trusted: number;
}

const hash = sha1;

/** Identifies the build of the tool: its version and its build id (rules change between builds). */
function toolId(): string {
  return `${packageJson.version}+${buildId()}`;
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

/** The outline a cached JSON text holds, or undefined when it is damaged. */
function outlineOf(json: string): MarkdownOutline | undefined {
  try {
    const o = JSON.parse(json) as MarkdownOutline;
    return looksLikeOutline(o) ? o : undefined;
  } catch {
    return undefined;
  }
}

/** The outline lines of a cache file by hash (`hash json` a line); lines without a hash are skipped. */
function parseOutlineLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) out.set(line.slice(0, space), line.slice(space + 1));
  }
  return out;
}

/** The last run as the pieces of one JSON line: each file's findings serialised apart, never the whole at once. */
function* lastRunPieces(lastRun: LastRun): Generator<string> {
  const { key, started, list, reads, stats, findings } = lastRun;
  // The same text as JSON.stringify(lastRun) with these keys in this order.
  yield JSON.stringify({ key, started, list, reads, stats }).slice(0, -1);
  yield ',"findings":[';
  for (let i = 0; i < findings.length; i++) yield (i > 0 ? ',' : '') + JSON.stringify(findings[i]);
  yield ']}';
}

/** True when a last run read back from the file has the shape this code relies on. */
function looksLikeLastRun(last: LastRun): boolean {
  return typeof last === 'object' && last !== null && typeof last.started === 'number' && Array.isArray(last.reads) && Array.isArray(last.stats) && Array.isArray(last.findings)
    && last.reads.every((r) => Array.isArray(r) && typeof r[0] === 'string' && (typeof r[1] === 'string' || r[1] === null) && (Array.isArray(r[2]) || r[2] === null));
}

/**
 * A workspace that records what is read through it, so the next run can tell whether anything changed.
 * The cache file itself (and its temporary files) is hidden: it changes on every run and is no input.
 */
class RecordingWorkspace implements Workspace {
  readonly root: string;
  readonly #inner: Workspace;
  readonly #hidden: string;
  readonly inputs: Inputs;
  readonly #readHashes = new Map<string, string | null>();
  #listing: Promise<string[]> | undefined;

  /**
   * Present when the inner workspace can read at once (the disk): the index then keeps no copy of the
   * pages and reads them again to rebuild a model. A first read through it is recorded like `read`; a
   * re-read needs no record (the index compares it with what it indexed and re-indexes a changed file,
   * whose recorded hash then no longer matches the disk, so the next run does not replay).
   */
  readonly readSync?: (path: string) => Uint8Array | undefined;

  constructor(inner: Workspace, hidden: string, started: number) {
    this.#inner = inner;
    this.#hidden = hidden;
    this.root = inner.root;
    this.inputs = { started, list: null, reads: [], stats: [] };
    const readSync = inner.readSync?.bind(inner);
    if (readSync) {
      this.readSync = (path: string): Uint8Array | undefined => {
        if (this.#readHashes.has(path)) return readSync(path);
        const stamp = stampOf(path);
        const bytes = readSync(path);
        this.#record(path, bytes, stamp);
        return bytes;
      };
    }
  }

  /** The listing is taken once per run (configuration discovery and the index both ask). */
  list(): Promise<string[]> {
    this.#listing ??= this.#inner.list().then((all) => {
      const l = all.filter((p) => p !== this.#hidden && !(p.startsWith(this.#hidden + '.') && p.endsWith('.tmp')));
      this.inputs.list = l.join('\n');
      return l;
    });
    return this.#listing;
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    // The stamp is taken before the read: the bytes are then at least as new as the stamp says.
    const stamp = this.#readHashes.has(path) ? undefined : stampOf(path);
    const bytes = await this.#inner.read(path);
    this.#record(path, bytes, stamp);
    return bytes;
  }

  /** Records what a read returned (the first read of a path only goes into the inputs). */
  #record(path: string, bytes: Uint8Array | undefined, stamp: ReturnType<typeof stampOf> | undefined): void {
    const h = bytes === undefined ? null : hash(bytes);
    if (!this.#readHashes.has(path)) this.inputs.reads.push([path, h, bytes === undefined ? null : stamp ?? null]);
    this.#readHashes.set(path, h);
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
  readonly #now: () => number;
  #lastRunJson: string | undefined;
  /** The cache file as opened: the last run's outline lines are read from it when wanted. */
  #stored: StoredLines | undefined;
  #oldOutlines: Map<string, string> | undefined;
  /** The outlines this run keeps for the next, as JSON by text hash, within `#budget` characters. */
  readonly #outlines = new Map<string, string>();
  #outlineChars = 0;
  /** True once an outline did not fit in the budget: a tree larger than it serialises no more outlines. */
  #full = false;
  readonly #budget: number;
  #recording: RecordingWorkspace | undefined;
  /** How the last replay went (undefined: none was tried past the cheap checks). */
  replayStats: ReplayStats | undefined;

  /**
   * Opens the cache at `location` (a file, or a folder to keep it in). A missing, corrupt or foreign file is
   * ignored. `options.now` is the clock that dates the start of the run (tests move it to age the files);
   * `options.outlineBudget` the characters of outline JSON kept for the next run.
   */
  constructor(location: string, warn: (message: string) => void, options: { now?: () => number; outlineBudget?: number } = {}) {
    this.file = cacheFile(location);
    this.#warn = warn;
    this.#now = options.now ?? Date.now;
    this.#budget = options.outlineBudget ?? OUTLINE_BUDGET;
    const stored = readStoredLines(this.file);
    if (!stored) return;
    try {
      const h = JSON.parse(stored.header) as { format?: unknown; tool?: unknown };
      if (h.format !== FORMAT || h.tool !== this.#tool) {
        stored.close();
        return;
      }
    } catch {
      stored.close();
      return;
    }
    this.#lastRunJson = stored.lastRun;
    this.#stored = stored;
  }

  /** Wraps the workspace so that what the run reads is recorded. Call once, before configuration is loaded. */
  record(workspace: Workspace): Workspace {
    this.#recording = new RecordingWorkspace(workspace, toPosix(this.file), this.#now());
    return this.#recording;
  }

  /**
   * The outline source for the index: cached outlines by text hash (this run's, then the last run's), else
   * parsed; each is kept for the next run while the budget lasts.
   */
  readonly outlines: OutlineSource = {
    outline: (text, parse) => {
      const h = hash(text);
      const json = this.#outlines.get(h) ?? this.#previousOutlines().get(h);
      const cached = json !== undefined ? outlineOf(json) : undefined;
      const o = cached ?? parse(text);
      if (!this.#full && !this.#outlines.has(h)) this.#keep(h, cached ? json! : JSON.stringify(o));
      return o;
    },
  };

  /** Keeps an outline while it fits; the first that does not closes the budget (no more outlines are serialised). */
  #keep(h: string, json: string): void {
    if (this.#outlineChars + json.length > this.#budget) {
      this.#full = true;
      return;
    }
    this.#outlines.set(h, json);
    this.#outlineChars += json.length;
  }

  #previousOutlines(): Map<string, string> {
    if (!this.#oldOutlines) {
      const bytes = this.#stored?.outlines();
      this.#oldOutlines = bytes?.length ? parseOutlineLines(decodeLine(bytes)) : new Map();
      this.#stored = undefined;
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
    const key = stableJson({ config: engine.config, scope });
    const replayed = replay ? await this.#replay(recording, key) : undefined;
    if (replayed) {
      this.#stored?.close();
      this.#stored = undefined;
      return { byFile: replayed.byFile, replayed };
    }
    engine.index.useOutlines(this.outlines);
    const byFile = await run();
    this.#stored?.close(); // a run that asked for no outline
    this.#stored = undefined;
    this.#save(key, recording.inputs, [...byFile]);
    return { byFile };
  }

  async #replay(recording: RecordingWorkspace, key: string): Promise<Replayed | undefined> {
    const json = this.#lastRunJson;
    // Read once: the line (44 MB for 31,000 findings) is not kept through a run that does not replay it.
    this.#lastRunJson = undefined;
    if (!json) return undefined;
    let last: LastRun;
    try {
      last = JSON.parse(json) as LastRun;
      if (last.key !== key || !looksLikeLastRun(last)) return undefined;
    } catch {
      return undefined;
    }
    await recording.list();
    if (recording.inputs.list !== last.list) return undefined;
    for (const [path, was] of last.stats) {
      const s = await recording.stat(path);
      if ((s === undefined ? null : JSON.stringify(s)) !== was) return undefined;
    }
    const stats: ReplayStats = { rehashed: 0, trusted: 0 };
    this.replayStats = stats;
    const wanted = new Set(last.findings.map(([p]) => p));
    const texts = new Map<string, string>();
    // The entries read again, with the stamps taken now: written down when one of them can be trusted next time.
    const rehashed = new Map<string, ReadEntry>();
    let trustworthy = false;
    const started = recording.inputs.started;
    const verify = async ([path, was, stamp]: ReadEntry): Promise<boolean> => {
      const known = recording.readHash(path);
      if (known !== undefined) return known === was;
      const now = stampOf(path);
      if (stamp !== null && now !== undefined && sameStamp(now, stamp) && !isRacy(now, last.started)) {
        stats.trusted++;
        return true;
      }
      if (stamp === null && was === null && now === undefined) {
        stats.trusted++;
        return true;
      }
      stats.rehashed++;
      const bytes = await recording.read(path);
      if ((bytes === undefined ? null : hash(bytes)) !== was) return false;
      const fresh = bytes === undefined ? null : now ?? null;
      rehashed.set(path, [path, was, fresh]);
      if (fresh !== null && !isRacy(fresh, started)) trustworthy = true;
      if (bytes !== undefined && wanted.has(path)) {
        const decoded = decodeText(bytes);
        if ('text' in decoded) texts.set(path, decoded.text);
      }
      return true;
    };
    const WINDOW = 32;
    for (let i = 0; i < last.reads.length; i += WINDOW) {
      const results = await Promise.all(last.reads.slice(i, i + WINDOW).map(verify));
      if (results.includes(false)) return undefined;
    }
    if (trustworthy) this.#refresh(last, rehashed, started);
    const recorded = new Map(last.reads.map((r) => [r[0], r[1]]));
    return {
      byFile: new Map(last.findings),
      texts: { get: (path) => texts.get(path) ?? textIfUnchanged(path, recorded.get(path)) },
    };
  }

  /**
   * After a replay that had to hash files again (their stamps changed, as after a checkout or a copy, or
   * were racy), writes down the stamps taken before those reads, with this run's start, so the next replay
   * takes them on their stamp; the stamps it trusted stay (older than the old start, so than this one).
   * The rest of the file is kept as it is, the outlines line as the bytes read.
   */
  #refresh(last: LastRun, rehashed: ReadonlyMap<string, ReadEntry>, started: number): void {
    const reads = last.reads.map((r) => rehashed.get(r[0]) ?? r);
    this.#write({ ...last, started, reads }, [this.#stored?.outlines() ?? new Uint8Array(0)]);
  }

  /** Writes the cache: this run's inputs and findings, and the outlines of the pages it modelled. */
  #save(key: string, inputs: Inputs, findings: Array<[string, Diagnostic[]]>): void {
    // Reads finish in any order (they overlap): sorted, the file is the same for the same inputs.
    const byPath = <T extends [string, ...unknown[]]>(a: T, b: T): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const lastRun: LastRun = { key, started: inputs.started, list: inputs.list, reads: [...inputs.reads].sort(byPath), stats: [...inputs.stats].sort(byPath), findings };
    this.#write(lastRun, this.#outlineLines());
  }

  /** This run's outlines as lines of the file, in the order they were kept. */
  *#outlineLines(): Generator<string> {
    for (const [h, json] of this.#outlines) yield `${h} ${json}\n`;
  }

  #write(lastRun: LastRun, outlines: Iterable<string | Uint8Array>): void {
    const header = JSON.stringify({ format: FORMAT, tool: this.#tool });
    function* pieces(): Generator<string | Uint8Array> {
      yield header + '\n';
      yield* lastRunPieces(lastRun);
      yield '\n';
      yield* outlines;
    }
    try {
      writeStoredFile(this.file, pieces());
    } catch (e) {
      this.#warn(t('playbook-lint: the cache could not be written to {0}: {1}', this.file, (e as Error).message));
    }
  }
}

/** A file's text read now, if its bytes still hash to what the replayed run read. */
function textIfUnchanged(path: string, was: string | null | undefined): string | undefined {
  if (!was) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(toNative(path));
  } catch {
    return undefined;
  }
  if (hash(bytes) !== was) return undefined;
  const decoded = decodeText(bytes);
  return 'text' in decoded ? decoded.text : undefined;
}

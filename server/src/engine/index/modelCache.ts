/**
 * The bounded cache of full page models: the least recently used models are dropped once their
 * estimated size passes the budget (the index rebuilds a dropped model from the page text when it is
 * asked for again). Pinned models (open editor buffers) are never dropped and do not count.
 */
import type { PlaybookDocument } from '../model/document';

/** Estimated memory of a page model: a few times its text, plus a fixed part. */
export function estimatedModelBytes(doc: PlaybookDocument): number {
  return 2048 + doc.text.length * 6;
}

/** The default budget: the 593-page corpus (about 20 MB by this estimate) fits whole. */
export const DEFAULT_MODEL_CACHE_BYTES = 32 * 1024 * 1024;

/** An LRU cache of page models by path. */
export class ModelCache {
  readonly #budget: number;
  /** In use order, least recent first (a Map keeps insertion order). */
  readonly #models = new Map<string, { doc: PlaybookDocument; bytes: number }>();
  readonly #pinned = new Set<string>();
  #bytes = 0;

  constructor(budgetBytes: number = DEFAULT_MODEL_CACHE_BYTES) {
    this.#budget = budgetBytes;
  }

  /** The cached model of a path (now the most recently used), if any. */
  get(path: string): PlaybookDocument | undefined {
    const e = this.#models.get(path);
    if (!e) return undefined;
    this.#models.delete(path);
    this.#models.set(path, e);
    return e.doc;
  }

  /** The cached model of a path without changing the use order. */
  peek(path: string): PlaybookDocument | undefined {
    return this.#models.get(path)?.doc;
  }

  /**
   * Caches a model (replacing the path's previous one) and drops the least recently used beyond the
   * budget; with `evict` false, caches it only if it fits without dropping another (a sweep over every
   * page, as loading and linting a whole workspace are, would otherwise only replace the cache's content
   * with pages it will not ask for again before they are dropped).
   */
  set(path: string, doc: PlaybookDocument, evict = true): void {
    this.delete(path);
    const bytes = this.#pinned.has(path) ? 0 : estimatedModelBytes(doc);
    if (!evict && this.#bytes + bytes > this.#budget) return;
    this.#models.set(path, { doc, bytes });
    this.#bytes += bytes;
    if (this.#bytes <= this.#budget) return;
    for (const [p, e] of this.#models) {
      if (this.#bytes <= this.#budget) break;
      if (p === path || this.#pinned.has(p)) continue;
      this.#models.delete(p);
      this.#bytes -= e.bytes;
    }
  }

  /** Drops a path's model. */
  delete(path: string): void {
    const e = this.#models.get(path);
    if (!e) return;
    this.#models.delete(path);
    this.#bytes -= e.bytes;
  }

  /** Drops a path's model unless it is pinned (its user is done with it; a pinned one is someone else's too). */
  release(path: string): void {
    if (!this.#pinned.has(path)) this.delete(path);
  }

  /** Keeps a path's model in memory whatever the budget (an open editor buffer), or lets it go again. */
  pin(path: string, pinned: boolean): void {
    if (pinned === this.#pinned.has(path)) return;
    const e = this.#models.get(path);
    if (e) this.#bytes -= e.bytes;
    if (pinned) this.#pinned.add(path);
    else this.#pinned.delete(path);
    if (e) {
      e.bytes = pinned ? 0 : estimatedModelBytes(e.doc);
      this.#bytes += e.bytes;
    }
  }

  /** True when a path is pinned. */
  isPinned(path: string): boolean {
    return this.#pinned.has(path);
  }

  /** How many models are cached, and their estimated bytes (pinned ones not counted). */
  get size(): { models: number; bytes: number } {
    return { models: this.#models.size, bytes: this.#bytes };
  }
}

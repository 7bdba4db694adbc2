import { t } from '../engine/util/l10n';

/** Where the progress bar is drawn: standard error, in practice. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(s: string): unknown;
}

/** Reports how far a long run has come. */
export interface Progress {
  /** Records that `done` of `total` items of a phase (`Reading`, `Checking`) are through. */
  update(phase: string, done: number, total: number): void;
  /** Removes the bar from the terminal, if it was drawn; call before writing anything else. */
  clear(): void;
}

/** Timing of the bar. */
export interface ProgressTiming {
  /** The clock, in milliseconds. */
  readonly now?: () => number;
  /** Nothing is drawn before this much time has passed: short runs never show a bar. */
  readonly delayMs?: number;
  /** The least time between two redraws (100 ms: at most 10 redraws a second). */
  readonly intervalMs?: number;
}

/** Moves to the start of the line and erases it. */
export const CLEAR_LINE = '\r\u001b[K';

const NOTHING: Progress = { update: () => undefined, clear: () => undefined };

/** A progress bar that redraws one terminal line in place, throttled, and erases it on `clear`. */
export class ProgressBar implements Progress {
  readonly #stream: ProgressStream;
  readonly #now: () => number;
  readonly #start: number;
  readonly #delayMs: number;
  readonly #intervalMs: number;
  #lastDraw = -Infinity;
  #drawn = false;

  constructor(stream: ProgressStream, timing: ProgressTiming = {}) {
    this.#stream = stream;
    this.#now = timing.now ?? (() => performance.now());
    this.#start = this.#now();
    this.#delayMs = timing.delayMs ?? 500;
    this.#intervalMs = timing.intervalMs ?? 100;
  }

  update(phase: string, done: number, total: number): void {
    const now = this.#now();
    if (now - this.#start < this.#delayMs || now - this.#lastDraw < this.#intervalMs) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.#stream.write(CLEAR_LINE + renderProgress(phase, done, total, this.#stream.columns ?? 80));
  }

  clear(): void {
    if (!this.#drawn) return;
    this.#drawn = false;
    this.#stream.write(CLEAR_LINE);
  }
}

/** One line of progress, `Checking [#######-------------] 120/400`, never wider than the terminal. */
export function renderProgress(phase: string, done: number, total: number, columns: number): string {
  const count = t('{0}/{1}', done, total);
  const room = columns - 1 - phase.length - count.length - 4;
  const width = room >= 10 ? Math.min(30, room) : 0;
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  const line = width > 0 ? `${phase} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}` : `${phase} ${count}`;
  return line.slice(0, Math.max(0, columns - 1));
}

/**
 * The progress bar when `enabled` (an interactive terminal outside CI, without `--no-progress`) and the
 * stream is a terminal too; otherwise a progress that draws nothing, so piped output never holds
 * escape codes.
 */
export function createProgress(enabled: boolean, stream: ProgressStream | undefined, timing?: ProgressTiming): Progress {
  return enabled && stream?.isTTY ? new ProgressBar(stream, timing) : NOTHING;
}

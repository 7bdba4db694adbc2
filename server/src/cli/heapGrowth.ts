import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 may grow the old generation past what survived the last full collection before it
 * collects again, in percent. V8 picks up to 300 % when a program allocates fast, which a lint run does
 * (every page is parsed and modelled, and nearly all of it is garbage a moment later): on a 15,000-page
 * tree the heap then reached ~3.5× what is live. A one-shot lint run holds little (the index and the
 * findings), so 20 % costs a few per cent more collection CPU, mostly on V8's background thread, for
 * the lowest peak (docs/performance.md, "Memory").
 */
export const LINT_HEAP_GROWTH_PERCENT = 20;

/**
 * The same for the language server, which lives long and answers requests between collections: it keeps
 * more headroom so that collections stay rare while an author types.
 */
export const SERVER_HEAP_GROWTH_PERCENT = 50;

/** V8 options that already decide how the heap grows or how large it may become: the user's choice wins. */
const HEAP_OPTIONS = /--(?:heap-growing-percent|max-old-space-size|max-heap-size|optimize-for-size)\b/;

/**
 * The V8 flag that bounds the heap's growth for a lint run, or undefined when the process was started
 * with its own heap options (on the command line or in NODE_OPTIONS) or `PLAYBOOK_LINT_HEAP_GROWTH` says
 * otherwise (a percentage, or `0` for V8's default).
 */
export function heapGrowthFlag(
  execArgv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultPercent: number = LINT_HEAP_GROWTH_PERCENT,
): string | undefined {
  if (execArgv.some((a) => HEAP_OPTIONS.test(a)) || HEAP_OPTIONS.test(env['NODE_OPTIONS'] ?? '')) return undefined;
  const asked = env['PLAYBOOK_LINT_HEAP_GROWTH'];
  const percent = asked !== undefined && /^\d+$/.test(asked.trim()) ? Number(asked.trim()) : defaultPercent;
  return percent > 0 ? `--heap-growing-percent=${percent}` : undefined;
}

/**
 * Applies {@link heapGrowthFlag} to this process with the host's default percentage (V8 reads the flag at
 * each collection, so it may be set at start-up).
 */
export function boundHeapGrowth(defaultPercent: number = LINT_HEAP_GROWTH_PERCENT, execArgv: readonly string[] = process.execArgv, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const flag = heapGrowthFlag(execArgv, env, defaultPercent);
  if (flag !== undefined) setFlagsFromString(flag);
}

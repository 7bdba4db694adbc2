// Runs one Node command as a child process and measures it: wall time, CPU time and peak memory.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STATS = fileURLToPath(new URL('./stats.cjs', import.meta.url));

/**
 * Runs `node [nodeArgs] script [args]` in `cwd`, standard output and error to `outFile` (or nowhere).
 * Resolves to { wallMs, cpuMs, maxRssKb, code }.
 */
export async function measureNode(script, args, { cwd, outFile, nodeArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-stats-'));
  const statsFile = join(dir, 'stats.json');
  const out = outFile ? openSync(outFile, 'w') : 'ignore';
  const started = performance.now();
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '-r', STATS, script, ...args], {
      cwd,
      stdio: ['ignore', out, out],
      env: { ...process.env, BENCH_STATS_FILE: statsFile, NO_COLOR: '1', CI: '1' },
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? signal));
  });
  const wallMs = performance.now() - started;
  if (typeof out === 'number') closeSync(out);
  let stats = { maxRssKb: NaN, cpuMs: NaN };
  try {
    stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  } catch {
    // The child died before its exit hook ran (a crash or a signal): no memory figure.
  }
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuMs: stats.cpuMs, maxRssKb: stats.maxRssKb, code };
}

/** The median of a list of numbers. */
export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

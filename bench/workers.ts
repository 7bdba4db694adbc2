/**
 * Would worker threads pay? Reads every Markdown page under a folder (not timed), then times, in turn and
 * for several rounds, the outline parse (`parseOutline`, what playbook-lint runs) of every page:
 *
 *   1 thread     in this process, as the CLI does now;
 *   N workers    the pages dealt out to N worker threads, each outline sent back to this thread (what a
 *                CLI whose index and rules stay on the main thread would receive), and again without
 *                sending outlines back (the parse alone, the upper bound of the gain).
 *
 * Prints medians (wall ms) and the speed-up over one thread. Usage:
 *   node --import tsx bench/workers.ts [folder] [--workers N] [--rounds N]
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { parseOutline } from '../server/src/engine/parse/markdown';
import { markdownFiles } from './lib/tree.mjs';

interface Job {
  texts: string[];
  reply: boolean;
}

if (!isMainThread) {
  // A worker: parse what it is given, send the outlines back (or only how many it parsed).
  parentPort!.on('message', (job: Job) => {
    const outlines = job.texts.map((text) => parseOutline(text));
    parentPort!.postMessage(job.reply ? outlines : outlines.length);
  });
} else {
  void main();
}

async function main(): Promise<void> {
  const option = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const root = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '../shared/corpus';
  const workers = Number(option('--workers', '2'));
  const rounds = Number(option('--rounds', '5'));
  const texts = markdownFiles(root).map((p: string) => readFileSync(p, 'utf8'));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

  const pool = Array.from({ length: workers }, () => new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { eval: true }));
  const run = (w: Worker, job: Job): Promise<unknown> =>
    new Promise((resolve) => {
      w.once('message', resolve);
      w.postMessage(job);
    });
  const inWorkers = async (reply: boolean): Promise<number> => {
    const t0 = performance.now();
    // Pages dealt out in turn, so each worker gets a like share of long and short ones.
    const shares = pool.map((_, i) => texts.filter((_t: string, j: number) => j % workers === i));
    await Promise.all(pool.map((w, i) => run(w, { texts: shares[i]!, reply })));
    return performance.now() - t0;
  };
  const inThisThread = (): number => {
    const t0 = performance.now();
    for (const text of texts) parseOutline(text);
    return performance.now() - t0;
  };

  // One warm-up of each, so every thread has compiled the parser.
  inThisThread();
  await inWorkers(true);
  const one: number[] = [];
  const back: number[] = [];
  const alone: number[] = [];
  for (let r = 0; r < rounds; r++) {
    one.push(inThisThread());
    back.push(await inWorkers(true));
    alone.push(await inWorkers(false));
  }
  for (const w of pool) await w.terminate();
  const base = median(one);
  const line = (label: string, ms: number): string => `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(7)} ms   ${(base / ms).toFixed(2)}×`;
  console.log(`${texts.length} pages, ${rounds} rounds, medians (warm)`);
  console.log(line('1 thread (as playbook-lint parses)', base));
  console.log(line(`${workers} workers, outlines sent back`, median(back)));
  console.log(line(`${workers} workers, parse alone`, median(alone)));
}

import { closeSync, mkdirSync, openSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CliOptions } from './args';
import { batched, writeAllSync } from './batchedWrites';
import { chunkedFormatters, formatters } from './formatters/index';
import type { LintRun } from './report';

/** Reports are written in pieces of about this many characters (a chunked report's pieces are gathered up to it). */
const WRITE_BATCH = 1 << 20;

/** Writes every requested report: to its file (relative to `cwd`), or to standard output. */
export function writeReports(run: LintRun, options: CliOptions, cwd: string, stdout: (s: string) => void): void {
  for (const spec of options.outputs) {
    const color = spec.output === undefined && options.color;
    const chunks = chunkedFormatters[spec.format]?.(run, color) ?? [formatters[spec.format](run, color)];
    let write = stdout;
    let fd: number | undefined;
    if (spec.output !== undefined) {
      const file = nodePath.resolve(cwd, spec.output);
      mkdirSync(nodePath.dirname(file), { recursive: true });
      const opened = openSync(file, 'w');
      fd = opened;
      write = (s) => writeAllSync(opened, Buffer.from(s));
    }
    try {
      for (const batch of batched(chunks, WRITE_BATCH)) write(batch);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

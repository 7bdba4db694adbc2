import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CliOptions } from './args';
import { chunkedFormatters, formatters } from './formatters/index';
import type { LintRun } from './report';

/** Reports are written in pieces of about this many characters (a chunked report's pieces are gathered up to it). */
const WRITE_BATCH = 1 << 20;

/** Writes a whole text to an open file. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

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
      write = (s) => writeAll(opened, s);
    }
    try {
      let pending: string[] = [];
      let size = 0;
      for (const chunk of chunks) {
        pending.push(chunk);
        size += chunk.length;
        if (size < WRITE_BATCH) continue;
        write(pending.join(''));
        pending = [];
        size = 0;
      }
      if (pending.length > 0) write(pending.join(''));
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
}

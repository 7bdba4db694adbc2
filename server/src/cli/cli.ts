import { writerUntilClosed } from './closedPipe';
import { exitWhenFlushed } from './exitWhenFlushed';
import { boundHeapGrowth } from './heapGrowth';
import { runCli } from './main';

// The launcher (launch.ts) has set this flag before compiling the bundle; it is set here too for runs of the
// bundle itself (the CLI tests, bench/lsp.mjs). The same flag set again changes nothing.
boundHeapGrowth();

/** Entry point of the `playbook-lint` bundle. */
void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: writerUntilClosed(process.stdout),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  progressStream: process.stderr,
}).then((code) => {
  process.exitCode = code;
  exitWhenFlushed(code, [process.stdout, process.stderr]);
});

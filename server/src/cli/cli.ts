import { writerUntilClosed } from './closedPipe';
import { exitWhenFlushed } from './exitWhenFlushed';
import { boundHeapGrowth } from './heapGrowth';
import { runCli } from './main';

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

/** What `process.stdout` offers for this. */
export interface PipeLike {
  write(chunk: string): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * A writer to `stream` that stops writing once its reader has gone (`playbook-lint | head` closes the pipe
 * after a few lines): the rest of the report is dropped quietly, and the run still ends with its own exit
 * code, instead of Node's EPIPE stack trace. Any other error of the stream is thrown as before.
 */
export function writerUntilClosed(stream: PipeLike): (text: string) => void {
  let closed = false;
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

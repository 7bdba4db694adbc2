import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type InitializeResult } from 'vscode-languageserver-protocol/node';
import { SERVER } from './harness';

test('the server also speaks over node IPC (--node-ipc), as the VS Code client starts it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'playbook-lsp-ipc-'));
  const child = fork(SERVER, ['--node-ipc'], { cwd: root, execArgv: [], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    const init = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, workspaceFolders: null, capabilities: {} });
    assert.equal(init.serverInfo?.name, 'playbook-language-server');
    assert.equal(init.capabilities.textDocumentSync, 2);
    await connection.sendRequest('shutdown');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

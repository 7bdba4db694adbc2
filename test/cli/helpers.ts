import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The built CLI bundle (`npm test` builds it before the suites run). */
export const CLI = resolve('dist/cli.js');

/** Writes the files (paths relative to the new folder) into a fresh temporary folder and returns its real path. */
export function tempWorkspace(files: Record<string, string | Buffer>, prefix = 'playbook-lint-'): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in a folder, without colours, as CI would (not a terminal). */
export function runCli(args: readonly string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

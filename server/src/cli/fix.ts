/**
 * `--fix` and `--fix-dry-run`: run the engine's fix loop over the targeted files, then write each
 * changed file atomically (or print its diff), and hand back what remains for the report.
 */
import { accessSync, closeSync, constants as fsConstants, fchmodSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync } from 'node:fs';
import * as nodePath from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Engine } from '../engine/engine';
import { appliedByRule, fixWorkspace, type FileFixResult } from '../engine/fix/fixWorkspace';
import type { Diagnostic } from '../engine/lint/diagnostic';
import { t } from '../engine/util/l10n';
import { writeAllSync } from './batchedWrites';
import { UsageError, type CliOptions } from './args';
import { randomHex } from './lazyCrypto';
import { toNative } from './nodeWorkspace';

/** Where the fix step writes its messages. */
export interface FixIo {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/** What the fix step leaves for the report. */
export interface FixStepResult {
  /** The diagnostics to report per file: those of the fixed text, or the original ones of a file that could not be written. */
  readonly byFile: Map<string, Diagnostic[]>;
  /** True when a changed file could not be written (the run then exits with 1 at least). */
  readonly writeFailed: boolean;
}

/** `--fix-dry-run` writes a diff to standard output: a machine-readable report cannot share it. */
export function checkFixOptions(options: CliOptions): void {
  if (!options.fixDryRun) return;
  const clash = options.outputs.find((o) => o.output === undefined && o.format !== 'stylish');
  if (clash) throw new UsageError(t('--fix-dry-run prints its diff on standard output: write the {0} report to a file with --output.', clash.format));
}

/** The path shown for a file: relative to the current folder, with `/`. */
function shownPath(cwd: string, path: string): string {
  const native = toNative(path);
  return (nodePath.relative(cwd, native) || nodePath.basename(native)).split(nodePath.sep).join('/');
}

/** The unified diff of one fixed file, `git apply`-able from the current folder. */
export function fixDiff(cwd: string, file: FileFixResult): string {
  const shown = shownPath(cwd, file.path);
  return createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.original, file.fixed, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}

/**
 * Replaces a file's content without a moment where it is half written: the bytes go to a temporary
 * file in the same folder (with the original's permissions), which then replaces the original. A
 * symbolic link is followed, so the link stays a link; a file the user may not write is refused.
 */
export function writeFileAtomically(file: string, bytes: Uint8Array): void {
  const real = realpathSync(file);
  accessSync(real, fsConstants.W_OK); // a read-only file is not replaced behind its owner's back
  const mode = statSync(real).mode & 0o7777;
  const tmp = nodePath.join(nodePath.dirname(real), `.${nodePath.basename(real)}.${process.pid}.${randomHex(4)}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    try {
      writeAllSync(fd, bytes);
      fchmodSync(fd, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, real);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/**
 * Writes one fixed file, unless its bytes on disk are no longer exactly what was fixed (it changed
 * since it was read, or it is not valid UTF-8, which the text could not give back byte for byte).
 * Returns the reason it was not written, or undefined when it was.
 */
function writeFixed(file: FileFixResult): string | undefined {
  const native = toNative(file.path);
  let onDisk: Buffer;
  try {
    onDisk = readFileSync(native);
  } catch (e) {
    return (e as Error).message;
  }
  if (!onDisk.equals(Buffer.from(file.original, 'utf8'))) {
    return onDisk.toString('utf8') === file.original
      ? t('it is not valid UTF-8, so its bytes could not be kept exactly')
      : t('it changed on disk while it was being checked');
  }
  try {
    writeFileAtomically(native, Buffer.from(file.fixed, 'utf8'));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** `N problem(s) in M file(s)` for the summary line. */
function counted(problems: number, files: number): string {
  return t('{0} in {1}', problems === 1 ? t('1 problem') : t('{0} problems', problems), files === 1 ? t('1 file') : t('{0} files', files));
}

/**
 * Runs the fix loop over the targeted files (`initial` is the lint just run over them), then either
 * writes every changed file (`--fix`) or prints its diff (`--fix-dry-run`). A line on standard error
 * says how many problems were fixed. Returns the diagnostics that remain, for the report.
 */
export function runFixStep(engine: Engine, filter: (path: string) => boolean, initial: Map<string, Diagnostic[]>, options: CliOptions, io: FixIo): FixStepResult {
  const result = fixWorkspace(engine.index, engine.rules, filter, { initial });
  const byFile = new Map<string, Diagnostic[]>();
  const done: FileFixResult[] = [];
  let writeFailed = false;
  for (const file of result.files) {
    byFile.set(file.path, [...file.remaining]);
    if (file.fixed === file.original) continue;
    if (options.fixDryRun) io.stdout(fixDiff(io.cwd, file));
    else {
      const failure = writeFixed(file);
      if (failure !== undefined) {
        io.stderr(t('playbook-lint: {0} was not fixed: {1}.', shownPath(io.cwd, file.path), failure) + '\n');
        byFile.set(file.path, initial.get(file.path) ?? [...file.remaining]);
        const now = engine.index.document(file.path) ?? engine.index.toc(file.path);
        engine.index.setText(file.path, file.original, (now?.version ?? 0) + 1); // the report shows the file as it is on disk
        writeFailed = true;
        continue;
      }
    }
    done.push(file);
  }
  const byRule = appliedByRule(done);
  const problems = [...byRule.values()].reduce((a, b) => a + b, 0);
  const list = [...byRule].map(([rule, n]) => `${rule} ${n}`).join(', ');
  const what = counted(problems, done.length) + (list ? ` (${list})` : '');
  io.stderr((options.fixDryRun ? t('Would fix {0}.', what) : t('Fixed {0}.', what)) + '\n');
  if (!result.converged) {
    io.stderr(t('playbook-lint: the fixes did not settle after {0} passes; some fixable problems remain. Please report this as a bug.', result.passes) + '\n');
  }
  return { byFile, writeFailed };
}

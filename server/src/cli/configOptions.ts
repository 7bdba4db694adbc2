import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ConfigError } from '../engine/config/configError';
import type { LoadConfigOptions } from '../engine/config/loader';
import { t } from '../engine/util/l10n';
import { UsageError, type CliOptions } from './args';
import { toNative, toPosix } from './nodeWorkspace';

/**
 * How the CLI loads configuration: discovery, or the `--config` file alone (its globs relative to the
 * current folder, as ESLint does). A missing `--config` file is a usage error.
 */
export function configLoadOptions(options: CliOptions, cwd: string): LoadConfigOptions {
  if (options.config === undefined) return {};
  const file = nodePath.resolve(cwd, options.config);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(t('No such configuration file: {0}', options.config));
  return { configFile: toPosix(file), cwd: toPosix(cwd) };
}

/** A path as the user reads it, like the lint report shows files: relative to the current folder (native separators). */
export function displayPath(path: string, cwd: string): string {
  const native = toNative(path);
  const rel = nodePath.relative(cwd, native);
  return rel === '' ? '.' : nodePath.isAbsolute(rel) ? native : rel;
}

/** The one line a configuration error is shown as: `file:line:col: message`. */
export function formatConfigError(e: ConfigError, cwd: string): string {
  return `playbook-lint: ${e.format(displayPath(e.file, cwd))}`;
}

import { defaultConfig } from '../engine/config/builtin';
import type { PlaybookConfig } from '../engine/config/config';
import { ConfigError } from '../engine/config/configError';
import { CONFIG_FILE_NAMES } from '../engine/config/configFile';
import { loadConfig } from '../engine/config/loader';
import type { Workspace } from '../engine/workspace/workspace';
import { basename } from '../engine/util/paths';

/** True when a path is a configuration file (`.playbook-lint.jsonc` / `.json`): its change reloads the project. */
export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

/** A configuration and the mistake found reading it, if any (shown to the user, never thrown). */
export interface LoadedConfig {
  readonly config: PlaybookConfig;
  /** The first mistake in the configuration files; the built-in defaults are used while there is one. */
  readonly error?: ConfigError;
}

/**
 * The one seam where the language server gets a project's effective configuration: the engine's
 * loader (the CLI's too), reading through the server's workspace, so an open, unsaved
 * `.playbook-lint.jsonc` counts as it is in the editor. A mistake in a configuration file is
 * returned (the server shows it as a diagnostic on that file) and the built-in defaults are used
 * until it is corrected.
 */
export async function loadConfigFor(workspace: Workspace): Promise<LoadedConfig> {
  try {
    return { config: await loadConfig(workspace) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { config: defaultConfig(), error: e };
  }
}

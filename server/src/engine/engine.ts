import type { FileSettings } from './config/cascade';
import { settingsFor, type PlaybookConfig } from './config/config';
import { loadConfig, type LoadConfigOptions } from './config/loader';
import { Vocabulary } from './config/vocabulary';
import { WorkspaceIndex } from './index/workspaceIndex';
import { DocfxSlugger } from './slug/slugger';
import { allRules } from './rules/registry';
import type { Rule } from './rules/rule';
import type { Workspace } from './workspace/workspace';

/** An engine over one workspace: the index plus the rules. Hosts (CLI, language server) create one. */
export interface Engine {
  readonly index: WorkspaceIndex;
  readonly rules: readonly Rule[];
  readonly config: PlaybookConfig;
  /** What configuration says about one file: its rule settings (severity, options) and whether it is ignored. */
  settingsFor(path: string): FileSettings;
}

/** Creates the engine for a workspace and configuration. Call `engine.index.load()` before linting. */
export function createEngine(workspace: Workspace, config: PlaybookConfig, rules: readonly Rule[] = allRules): Engine {
  const index = new WorkspaceIndex(workspace, { config, vocabulary: new Vocabulary(config.locales), slugger: new DocfxSlugger() });
  return { index, rules, config, settingsFor: (path) => settingsFor(config, path) };
}

/**
 * Finds and reads the workspace's configuration files (through the workspace) and creates the engine.
 * Throws a ConfigError for a configuration mistake. Call `engine.index.load()` before linting.
 */
export async function createConfiguredEngine(workspace: Workspace, options: LoadConfigOptions = {}, rules: readonly Rule[] = allRules): Promise<Engine> {
  return createEngine(workspace, await loadConfig(workspace, options), rules);
}

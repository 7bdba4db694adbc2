import type { PlaybookConfig } from './config/config';
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
}

/** Creates the engine for a workspace and configuration. Call `engine.index.load()` before linting. */
export function createEngine(workspace: Workspace, config: PlaybookConfig, rules: readonly Rule[] = allRules): Engine {
  const index = new WorkspaceIndex(workspace, { config, vocabulary: new Vocabulary(config.locales), slugger: new DocfxSlugger() });
  return { index, rules, config };
}

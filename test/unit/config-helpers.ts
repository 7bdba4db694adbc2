import { defaultConfig } from '../../server/src/engine/config/builtin';
import type { PlaybookConfig } from '../../server/src/engine/config/config';
import { loadConfig, type LoadConfigOptions } from '../../server/src/engine/config/loader';
import { createConfiguredEngine, type Engine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { allRules } from '../../server/src/engine/rules/registry';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';
import { ROOT, TODAY, type Finding } from './helpers';

/** A workspace linted with the configuration files it holds. */
export interface ConfiguredLint {
  engine: Engine;
  config: PlaybookConfig;
  workspace: MemoryWorkspace;
  /** Diagnostics by root-relative path (files not linted are absent). */
  all: Map<string, Diagnostic[]>;
  /** Findings of one file (root-relative path), optionally only of the named rules. */
  findings(path: string, ...rules: string[]): Finding[];
}

/** Loads the configuration of an in-memory workspace (paths relative to `/ws`, or absolute). */
export async function configOf(files: Record<string, string>, options: Omit<LoadConfigOptions, 'base'> = {}, root = ROOT): Promise<PlaybookConfig> {
  return loadConfig(new MemoryWorkspace(root, files), { ...options, base: defaultConfig({ today: TODAY }) });
}

/** Lints an in-memory workspace with its configuration files; `rules` limits the run (all when empty). */
export async function lintConfigured(files: Record<string, string>, rules: string[] = [], options: Omit<LoadConfigOptions, 'base'> = {}): Promise<ConfiguredLint> {
  const workspace = new MemoryWorkspace(ROOT, files);
  const run = rules.length ? allRules.filter((r) => rules.includes(r.id)) : allRules;
  const engine = await createConfiguredEngine(workspace, { ...options, base: defaultConfig({ today: TODAY }) }, run);
  const config = engine.config;
  await engine.index.load();
  const byPath = lintWorkspace(engine.index, run);
  const all = new Map([...byPath].map(([p, d]) => [p.slice(ROOT.length + 1), d]));
  const findings = (p: string, ...only: string[]): Finding[] => {
    const text = engine.index.document(workspace.resolve(p))?.text ?? '';
    return (all.get(p) ?? [])
      .filter((d) => only.length === 0 || only.includes(d.ruleId))
      .map((d) => ({ rule: d.ruleId, line: d.range.start.line + 1, text: text.slice(d.span.start, d.span.end) }));
  };
  return { engine, config, workspace, all, findings };
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

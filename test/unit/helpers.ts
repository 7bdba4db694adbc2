import { defaultConfig } from '../../server/src/engine/config/builtin';
import type { PlaybookConfig } from '../../server/src/engine/config/config';
import { createEngine, type Engine } from '../../server/src/engine/engine';
import type { Diagnostic } from '../../server/src/engine/lint/diagnostic';
import { lintWorkspace } from '../../server/src/engine/lint/linter';
import { allRules } from '../../server/src/engine/rules/registry';
import { MemoryWorkspace } from '../../server/src/engine/workspace/memoryWorkspace';

/** The fixed "today" of every engine test. */
export const TODAY = { year: 2026, month: 11, day: 1 };

/** The root of every in-memory test workspace. */
export const ROOT = '/ws';

/** A finding reduced to what a reader checks: rule, 1-based line, and the exact text its range covers. */
export interface Finding {
  rule: string;
  line: number;
  text: string;
}

/** The result of linting an in-memory workspace. */
export interface LintResult {
  engine: Engine;
  workspace: MemoryWorkspace;
  /** Every diagnostic by absolute path. */
  all: Map<string, Diagnostic[]>;
  /** The diagnostics of one file (root-relative path). */
  of(path: string): Diagnostic[];
  /** Findings of one file, optionally only of the named rules. */
  findings(path: string, ...rules: string[]): Finding[];
}

/**
 * Lints an in-memory workspace (paths relative to `/ws`). `rules` limits the run to the named rule ids
 * (all when empty); `config` overrides parts of the default configuration.
 */
export async function lint(files: Record<string, string | Uint8Array>, options: { rules?: string[]; config?: Partial<PlaybookConfig> } = {}): Promise<LintResult> {
  const workspace = new MemoryWorkspace(ROOT, files);
  const rules = options.rules?.length ? allRules.filter((r) => options.rules!.includes(r.id)) : allRules;
  if (options.rules?.length && rules.length !== options.rules.length) throw new Error(`unknown rule in ${options.rules.join(', ')}`);
  const engine = createEngine(workspace, defaultConfig({ today: TODAY, ...options.config }), rules);
  await engine.index.load();
  const all = lintWorkspace(engine.index, rules);
  const of = (p: string): Diagnostic[] => all.get(workspace.resolve(p)) ?? [];
  const findings = (p: string, ...only: string[]): Finding[] => {
    const text = engine.index.document(workspace.resolve(p))?.text ?? engine.index.toc(workspace.resolve(p))?.text ?? '';
    return of(p)
      .filter((d) => only.length === 0 || only.includes(d.ruleId))
      .map((d) => ({ rule: d.ruleId, line: d.range.start.line + 1, text: text.slice(d.span.start, d.span.end) }));
  };
  return { engine, workspace, all, of, findings };
}

/** Applies a diagnostic's first fix to a text. */
export function applyFix(text: string, d: Diagnostic, which = 0): string {
  const fix = d.fixes[which];
  if (!fix) throw new Error(`diagnostic ${d.ruleId} has no fix ${which}`);
  const edits = [...fix.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

/** The parts of a clean English process page; override any to build a test case. */
export interface ProcessPageParts {
  frontMatter: string;
  h1: string;
  phase: string;
  body: string;
  refresh: string;
}

/** A clean English process page (no rule fires on it); pass parts to replace. */
export function processPage(parts: Partial<ProcessPageParts> = {}): string {
  const p: ProcessPageParts = {
    frontMatter: [
      'title: FastTrack Partner Playbook - Hold Kickoff Meeting',
      'description: FastTrack Partner Playbook - Hold Kickoff Meeting',
      'author: Nora Collins',
      'ms.author: v-nocoll',
      'manager: ranadir',
      'ms.date: 10/02/2026',
      'ms.topic: partner-playbook',
      'ms.prod: non-product-specific',
      'ms.custom: partner-playbook',
      'ft.audience: partner',
      'ft.owner: ranadir',
    ].join('\n'),
    h1: 'Hold Kickoff Meeting',
    phase: 'Initiate',
    body: [
      '## Overview',
      '',
      'The kickoff meeting starts the engagement.',
      '',
      '## Objectives',
      '',
      '- Agree on scope.',
      '',
      '## Approach',
      '',
      '### Prepare the Meeting',
      '',
      'Primary Role: **FastTrack Manager**  ',
      'Applies To: **All Services**  ',
      '',
      'Send the agenda.',
      '',
      '#### FTOP Tasks',
      '',
      '| Task ID | Task Name | (M)andatory / (O)ptional | FastTrack Role | Services |',
      '| ------- | --------- | :----------------------: | -------------- | -------- |',
      '| 5101    | Send Agenda | M | FastTrack Manager | All Services |',
      '| 5102    | Book Room   | O | FastTrack Manager | All Services |',
      '',
      '## Key Inputs',
      '',
      '- A signed agreement.',
      '',
      '## Key Outputs',
      '',
      '- An agreed plan.',
      '',
      '## Next Steps',
      '',
      '- Go on to [Prepare the Meeting](#prepare-the-meeting).',
    ].join('\n'),
    refresh: [
      '| Date | Who Changed | What Changed |',
      '| ---- | ----------- | ------------ |',
      '| 10/02/2026 | Nora Collins | Updated links |',
      '| 03/15/2026 | Nora Collins | Created page |',
    ].join('\n'),
    ...parts,
  };
  return `---\n${p.frontMatter}\n---\n\n# ${p.h1}\n\nPhase: **${p.phase}**  \n\n${p.body}\n\n## Refresh Summary\n\n${p.refresh}\n`;
}

/** A minimal toc listing the given hrefs, so pages are not orphans. */
export function tocFor(...hrefs: string[]): string {
  return hrefs.map((h) => `- name: ${h}\n  href: ${h}\n`).join('');
}

import type { Rule } from '../rule';
import { unknownRule } from './unknownRule';

/** Rules about inline `playbook-lint-*` comments; `knownIds` lists every rule id. */
export function inlineRules(knownIds: () => readonly string[]): readonly Rule[] {
  return [unknownRule(knownIds)];
}

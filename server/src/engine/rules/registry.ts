import { unreadable } from './file/unreadable';
import { frontMatterRules } from './frontmatter/index';
import { inlineRules } from './inline/index';
import { linkRules } from './links/index';
import { refreshRules } from './refresh/index';
import type { Rule } from './rule';
import { structureRules } from './structure/index';
import { taskRules } from './tasks/index';

/** Every built-in rule, in a stable order. */
export const allRules: readonly Rule[] = [unreadable, ...frontMatterRules, ...structureRules, ...taskRules, ...refreshRules, ...linkRules, ...inlineRules(() => allRuleIds)];

/** Every built-in rule id. */
export const allRuleIds: readonly string[] = allRules.map((r) => r.id);

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}

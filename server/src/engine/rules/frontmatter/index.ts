import type { Rule } from '../rule';

/** Front-matter rules. */
export const frontMatterRules: readonly Rule[] = [];

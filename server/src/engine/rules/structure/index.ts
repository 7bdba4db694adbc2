import type { Rule } from '../rule';

/** Page-structure rules. */
export const structureRules: readonly Rule[] = [];

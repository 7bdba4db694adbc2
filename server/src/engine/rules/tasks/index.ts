import type { Rule } from '../rule';

/** FTOP task-table rules. */
export const taskRules: readonly Rule[] = [];

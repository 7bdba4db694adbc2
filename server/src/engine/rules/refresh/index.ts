import type { Rule } from '../rule';

/** Refresh-summary rules. */
export const refreshRules: readonly Rule[] = [];

import type { Rule } from '../rule';

/** Link, image, include, alert and toc rules. */
export const linkRules: readonly Rule[] = [];

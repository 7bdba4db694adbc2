import type MarkdownIt from 'markdown-it';
import type { StateBlock, StateInline } from 'markdown-it';
import { markdownItClass } from '../../util/lazyLibraries';

/** A markdown-it block rule. */
export type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** A markdown-it inline rule. */
export type InlineRule = (state: StateInline, silent: boolean) => boolean;

/**
 * One CommonMark instance to take markdown-it's own rules from (a rule reads the instance it runs in from
 * its state, never this one). One for all the rules taken: building a markdown-it instance costs about a
 * millisecond, and the outline's parser takes fifteen rules.
 */
let probe: MarkdownIt | undefined;
const commonmark = (): MarkdownIt => (probe ??= new (markdownItClass())('commonmark'));

/** The one rule `name` of a ruler of the probe (the ruler is left with only that rule enabled). */
function onlyRule<T>(ruler: { enableOnly(names: string[]): unknown; getRules(chain: string): T[] }, kind: string, name: string): T {
  ruler.enableOnly([name]);
  const rule = ruler.getRules('')[0];
  if (!rule) throw new Error(`markdown-it has no ${kind} rule ${name}`);
  return rule;
}

/** markdown-it's own block rule `name`. */
export function builtinBlockRule(name: string): BlockRule {
  return onlyRule<BlockRule>(commonmark().block.ruler, 'block', name);
}

/** markdown-it's own inline rule `name`. */
export function builtinInlineRule(name: string): InlineRule {
  return onlyRule<InlineRule>(commonmark().inline.ruler, 'inline', name);
}

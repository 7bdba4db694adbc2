import type { WorkspaceIndex } from '../../index/workspaceIndex';
import { t } from '../../util/l10n';
import { relative } from '../../util/paths';
import type { PageRule } from '../rule';

/** Deepest include chain followed before giving up (a chain this deep is a problem of its own). */
const MAX_DEPTH = 32;

/**
 * The first chain of includes from `start` that comes back to a file already on it, as the list of
 * files from `start` to the repeated one; undefined when the includes end.
 */
function findCycle(index: WorkspaceIndex, start: string, stack: string[]): string[] | undefined {
  if (stack.length > MAX_DEPTH) return undefined;
  if (stack.includes(start)) return [...stack, start];
  const facts = index.facts(start);
  if (!facts) return undefined;
  for (const inc of facts.links) {
    if (inc.kind !== 'include') continue;
    const next = index.resolve(start, inc.target);
    if (!next) continue;
    const cycle = findCycle(index, next, [...stack, start]);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Includes must not form a loop (A includes B includes A): docfx cannot render such a page. */
export const includeCycle: PageRule = {
  id: 'include/cycle',
  target: 'page',
  description: t('An [!INCLUDE] chain never comes back to a file already on it.'),
  defaultSeverity: 'error',
  check({ doc, index, report }) {
    for (const inc of doc.includes) {
      const next = index.resolve(doc.path, inc.target);
      if (!next) continue;
      const cycle = findCycle(index, next, [doc.path]);
      if (!cycle) continue;
      const chain = cycle.map((p) => '`' + relative(index.root, p) + '`').join(' → ');
      report({
        span: inc.targetSpan,
        message: t('This include never ends: the chain {0} comes back to a file already included. Remove one of the includes of that loop.', chain),
      });
    }
  },
};

import { nearestUnique } from '../util/text';

/**
 * The known rule id a mistyped one most likely means: the same id in another case, the one whose name
 * part it is (`unknown-role` → `tasks/unknown-role`), or the single nearest within three edits.
 */
export function suggestRuleId(id: string, known: readonly string[]): string | undefined {
  const lower = id.toLowerCase();
  const sameCase = known.filter((k) => k.toLowerCase() === lower);
  if (sameCase.length === 1) return sameCase[0];
  if (!id.includes('/')) {
    const byName = known.filter((k) => k.slice(k.indexOf('/') + 1) === lower);
    if (byName.length === 1) return byName[0];
  }
  return nearestUnique(lower, known, 3);
}

/** The word a mistyped one most likely means (the single nearest within `maxDistance` edits, ignoring case). */
export function suggestWord(word: string, known: readonly string[], maxDistance = 3): string | undefined {
  const lower = word.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same !== undefined && same !== word) return same;
  const near = nearestUnique(lower, known.map((k) => k.toLowerCase()), maxDistance);
  return near === undefined ? undefined : known.find((k) => k.toLowerCase() === near);
}

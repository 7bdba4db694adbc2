/**
 * A search for `needle` in `text` from offsets asked in ascending order: each call returns where `needle`
 * next occurs at or after its offset (`text.length` when nowhere). An answer that still holds is given
 * again without searching, so asking for every paragraph of a page searches each part of the text once
 * instead of cutting every paragraph out to look into it. A smaller offset than the last searches again.
 */
export function nextOccurrence(text: string, needle: string): (from: number) => number {
  let from = -1;
  let found = -1;
  return (at) => {
    if (from < 0 || at < from || (found >= 0 && found < at)) found = text.indexOf(needle, at);
    from = at;
    return found < 0 ? text.length : found;
  };
}

/** Folds whitespace runs to one space, trims, and lower-cases: the key vocabulary words are matched by. */
export function normalizeWord(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim().toLowerCase();
}

/** A looser key for header cells: also drops punctuation, so `(M)andatory / (O)ptional` and `(M)andatory/(O)ptional` agree. */
export function looseKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/**
 * The single candidate nearest to `word` within `maxDistance` edits, or undefined when there is none
 * or when two candidates tie (an ambiguous suggestion is no suggestion).
 */
export function nearestUnique(word: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  let tie = false;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(word, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== undefined && c !== best) {
      tie = true;
    }
  }
  return best !== undefined && !tie && bestDistance <= maxDistance ? best : undefined;
}

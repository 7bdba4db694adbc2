// Finds, in the text of a playbook page, the places the language server benchmark types at and asks
// about: a relative link target, a task ID cell, a front-matter key, and a prose line to type in.
// Positions are LSP positions (zero-based line, UTF-16 character), as the editor would send them.

const LINK = /\]\((?![a-z][a-z0-9+.-]*:|#|\/\/)([^()\s#<>]+\.md)(#[^()\s]*)?\)/i;
const TASK_ROW = /^(\s*\|\s*\[?)(\d{3,4})\b/;
const FM_KEY = /^([A-Za-z][\w.-]*)\s*:/;
const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * The places of a page, each undefined when the page has none:
 * - `link`: `complete` right after the `](` of the first relative `.md` link, `hover` in the middle of its target;
 * - `task`: `complete` at the end of the first task ID of a table row, `hover` in its middle;
 * - `key`: `complete` after the first three characters of the second front-matter key, `hover` in its middle;
 * - `typing`: the end of the first word of the first plain prose line (six words or more, no table, label or link).
 */
export function placesIn(text) {
  const lines = text.split(/\r\n|\r|\n/);
  const places = { link: undefined, task: undefined, key: undefined, typing: undefined };
  let bodyStart = 0;
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      const keyLines = [];
      for (let i = 1; i < end; i++) if (FM_KEY.test(lines[i])) keyLines.push(i);
      const line = keyLines[1] ?? keyLines[0];
      if (line !== undefined) {
        const key = FM_KEY.exec(lines[line])[1];
        places.key = { complete: { line, character: Math.min(3, key.length) }, hover: { line, character: key.length >> 1 } };
      }
      bodyStart = end + 1;
    }
  }
  let inFence = false;
  for (let line = bodyStart; line < lines.length; line++) {
    const text = lines[line];
    if (FENCE.test(text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const link = places.link ? undefined : LINK.exec(text);
    if (link) {
      const at = link.index + 2;
      places.link = { complete: { line, character: at }, hover: { line, character: at + (link[1].length >> 1) } };
    }
    const task = places.task ? undefined : TASK_ROW.exec(text);
    if (task) {
      const at = task[1].length;
      places.task = { complete: { line, character: at + task[2].length }, hover: { line, character: at + (task[2].length >> 1) } };
    }
    if (!places.typing && /^\p{L}/u.test(text) && !/[|*[\]]/.test(text) && text.split(/\s+/).length >= 6) {
      places.typing = { line, character: text.indexOf(' ') };
    }
  }
  return places;
}

/** True when a page has every place the benchmark uses. */
export function isTypical(places) {
  return Boolean(places.link && places.task && places.key && places.typing);
}

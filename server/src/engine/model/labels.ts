import type { CanonicalLabel } from '../config/localePack';
import type { Vocabulary } from '../config/vocabulary';
import { span, type Span } from '../text/span';
import type { LabelLine } from './document';
import { nextOccurrence } from './nextOccurrence';

const LABEL_LINE = /^([ \t]*)([^:：*\n|#>[\]]{1,40}?)[ \t]*[:：][ \t]*\*\*(.*?)\*\*[ \t]*$/u;
const LABEL_OPEN = /^[ \t]*[^:：*\n|#>[\]]{1,40}?[ \t]*[:：][ \t]*\*\*[^*]*$/u;
const LABEL_WRAPPED = /^([ \t]*)([^:：*\n|#>[\]]{1,40}?)[ \t]*[:：][ \t]*\*\*([^*]*?)\*\*[ \t]*$/u;

/** The `<Label>: **<Value>**` lines of a page's paragraphs (spans in text order) whose label the vocabulary knows. */
export function labelLinesOf(text: string, paragraphs: readonly Span[], locale: string, v: Vocabulary): LabelLine[] {
  const labels: LabelLine[] = [];
  // Every label line has `**` (a wrapped one on its first line): most paragraphs have none. Paragraphs come
  // in text order, so one forward scan finds the next `**` for all of them.
  const stars = nextOccurrence(text, '**');
  for (const ps of paragraphs) {
    if (stars(ps.start) + 2 > ps.end) continue;
    const src = text.slice(ps.start, ps.end);
    let lineStart = ps.start;
    const srcLines = src.split('\n');
    for (let li = 0; li < srcLines.length; li++) {
      let line = srcLines[li]!;
      if (!line.includes('**')) {
        lineStart += line.length + 1;
        continue;
      }
      let m = LABEL_LINE.exec(line.replace(/\r$/, ''));
      // A value wrapped onto the next line(s) (`Applies To: **A / B /` then `C**`) is still one label line.
      for (let k = 1; !m && k <= 2 && li + k < srcLines.length && LABEL_OPEN.test(line.replace(/\r$/, '')); k++) {
        const joined = srcLines.slice(li, li + k + 1).join('\n');
        const w = LABEL_WRAPPED.exec(joined.replace(/\r$/, ''));
        if (w) {
          m = w;
          line = joined;
          li += k;
        }
      }
      if (m) {
        const word = m[2]!.trim();
        const rec = v.label(word, locale);
        if (rec) {
          const labelStart = lineStart + m[1]!.length;
          const valueStart = lineStart + line.indexOf('**', m[1]!.length + m[2]!.length) + 2;
          const value = m[3]!;
          labels.push({
            label: rec.id as CanonicalLabel,
            labelText: word,
            labelSpan: span(labelStart, labelStart + word.length),
            value: value.includes('\n') ? value.replace(/\s+/g, ' ').trim() : value.trim(),
            valueSpan: span(valueStart, valueStart + value.length),
            span: span(labelStart, lineStart + line.replace(/\r$/, '').trimEnd().length),
          });
        }
      }
      lineStart += line.length + 1;
    }
  }
  return labels;
}

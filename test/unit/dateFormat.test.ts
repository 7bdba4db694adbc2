import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareDates,
  formatDate,
  inferStyle,
  isValidCalendarDate,
  parseDate,
} from '../../server/src/engine/dates/dateFormat';

const EN = ['MM/DD/YYYY', 'M/D/YY'];
const DE = ['D.M.YYYY'];
const JA = ['YYYY 年 M 月 D 日', 'YYYY/M/D'];
const ZH = ['YYYY/MM/DD'];

describe('parseDate', () => {
  it('parses month-first dates with or without padding', () => {
    assert.deepEqual(parseDate('5/02/2019', EN), { format: 'MM/DD/YYYY', date: { year: 2019, month: 5, day: 2 } });
    assert.deepEqual(parseDate('09/27/2019', EN), { format: 'MM/DD/YYYY', date: { year: 2019, month: 9, day: 27 } });
    assert.deepEqual(parseDate('5/2/19', EN), { format: 'M/D/YY', date: { year: 2019, month: 5, day: 2 } });
  });

  it('trims surrounding whitespace but requires the whole text to match', () => {
    assert.deepEqual(parseDate('  09/27/2019 \t', EN)?.date, { year: 2019, month: 9, day: 27 });
    assert.equal(parseDate('09/27/2019 (approx.)', EN), undefined);
    assert.equal(parseDate('on 09/27/2019', EN), undefined);
    assert.equal(parseDate('', EN), undefined);
  });

  it('parses German day-first dates', () => {
    assert.deepEqual(parseDate('27.09.2019', DE), { format: 'D.M.YYYY', date: { year: 2019, month: 9, day: 27 } });
    assert.deepEqual(parseDate('1.2.2020', DE)?.date, { year: 2020, month: 2, day: 1 });
    assert.equal(parseDate('27/09/2019', DE), undefined);
  });

  it('parses Japanese dates with or without spaces around the units', () => {
    const expected = { format: 'YYYY 年 M 月 D 日', date: { year: 2019, month: 9, day: 26 } };
    assert.deepEqual(parseDate('2019 年 9 月 26 日', JA), expected);
    assert.deepEqual(parseDate('2019年9月26日', JA), expected);
    assert.deepEqual(parseDate('2019年 09月26 日', JA), expected);
    assert.deepEqual(parseDate('2018/12/7', JA), { format: 'YYYY/M/D', date: { year: 2018, month: 12, day: 7 } });
  });

  it('parses Chinese year-first dates', () => {
    assert.deepEqual(parseDate('2019/09/26', ZH), { format: 'YYYY/MM/DD', date: { year: 2019, month: 9, day: 26 } });
    assert.deepEqual(parseDate('2018/12/7', ['YYYY/M/D'])?.date, { year: 2018, month: 12, day: 7 });
  });

  it('rejects a three-digit day as no accepted format', () => {
    assert.equal(parseDate('10/018/2019', ['M/D/YYYY']), undefined);
    assert.equal(parseDate('10/018/2019', EN), undefined);
    assert.equal(parseDate('10/18/201', EN), undefined);
    assert.equal(parseDate('10/18/02019', EN), undefined);
  });

  it('reports shape matches that are not real dates', () => {
    assert.deepEqual(parseDate('13/45/2019', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'month' });
    assert.deepEqual(parseDate('0/12/2019', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'month' });
    assert.deepEqual(parseDate('2/30/2020', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'day' });
    assert.deepEqual(parseDate('4/31/2020', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'day' });
    assert.deepEqual(parseDate('4/0/2020', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'day' });
    assert.deepEqual(parseDate('1/1/0000', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'year' });
  });

  it('checks leap years', () => {
    assert.deepEqual(parseDate('2/29/2019', ['M/D/YYYY']), { format: 'M/D/YYYY', invalid: 'day' });
    assert.deepEqual(parseDate('2/29/2020', ['M/D/YYYY'])?.date, { year: 2020, month: 2, day: 29 });
    assert.equal(parseDate('2/29/1900', ['M/D/YYYY'])?.invalid, 'day');
    assert.deepEqual(parseDate('2/29/2000', ['M/D/YYYY'])?.date, { year: 2000, month: 2, day: 29 });
  });

  it('prefers a later format that gives a real date over an earlier impossible one', () => {
    const pt = ['DD/MM/YYYY', 'MM/DD/YYYY'];
    assert.deepEqual(parseDate('13/02/2019', pt), { format: 'DD/MM/YYYY', date: { year: 2019, month: 2, day: 13 } });
    assert.deepEqual(parseDate('02/13/2019', pt), { format: 'MM/DD/YYYY', date: { year: 2019, month: 2, day: 13 } });
    assert.deepEqual(parseDate('13/13/2019', pt), { format: 'DD/MM/YYYY', invalid: 'month' });
  });

  it('treats format letters that are not tokens, and regex metacharacters, as literals', () => {
    assert.deepEqual(parseDate('2019-09-26', ['YYYY-MM-DD'])?.date, { year: 2019, month: 9, day: 26 });
    assert.deepEqual(parseDate('(26.9.2019)', ['(D.M.YYYY)'])?.date, { year: 2019, month: 9, day: 26 });
    assert.equal(parseDate('26x9x2019', ['D.M.YYYY']), undefined);
    assert.deepEqual(parseDate('week 3', ['week D']), { format: 'week D', invalid: 'year' });
  });
});

describe('formatDate', () => {
  const date = { year: 2019, month: 5, day: 2 };

  it('pads MM/DD, leaves M/D bare, shortens YY', () => {
    assert.equal(formatDate(date, 'MM/DD/YYYY'), '05/02/2019');
    assert.equal(formatDate(date, 'M/D/YYYY'), '5/2/2019');
    assert.equal(formatDate(date, 'M/D/YY'), '5/2/19');
    assert.equal(formatDate({ year: 2005, month: 11, day: 30 }, 'YY.MM.DD'), '05.11.30');
    assert.equal(formatDate(date, 'YYYY 年 M 月 D 日'), '2019 年 5 月 2 日');
    assert.equal(formatDate(date, 'YYYY年M月D日'), '2019年5月2日');
  });

  it('round-trips through parseDate', () => {
    const formats = ['MM/DD/YYYY', 'M/D/YYYY', 'M/D/YY', 'D.M.YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD', 'YYYY 年 M 月 D 日'];
    const dates = [date, { year: 2020, month: 2, day: 29 }, { year: 2018, month: 12, day: 31 }];
    for (const format of formats) {
      for (const d of dates) {
        const text = formatDate(d, format);
        assert.deepEqual(parseDate(text, [format]), { format, date: d }, `${format}: ${text}`);
        assert.equal(formatDate(parseDate(text, [format])!.date!, format), text);
      }
    }
  });
});

describe('compareDates', () => {
  it('orders by year, then month, then day', () => {
    const a = { year: 2019, month: 9, day: 27 };
    assert.equal(compareDates(a, { ...a }), 0);
    assert.ok(compareDates(a, { year: 2020, month: 1, day: 1 }) < 0);
    assert.ok(compareDates(a, { year: 2019, month: 10, day: 1 }) < 0);
    assert.ok(compareDates(a, { year: 2019, month: 9, day: 26 }) > 0);
    const sorted = [{ year: 2019, month: 9, day: 26 }, a, { year: 2018, month: 12, day: 7 }].sort(compareDates);
    assert.deepEqual(sorted.map((d) => d.year * 10000 + d.month * 100 + d.day), [20181207, 20190926, 20190927]);
  });
});

describe('isValidCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    assert.ok(isValidCalendarDate({ year: 2019, month: 1, day: 31 }));
    assert.ok(!isValidCalendarDate({ year: 2019, month: 4, day: 31 }));
    assert.ok(isValidCalendarDate({ year: 2024, month: 2, day: 29 }));
    assert.ok(!isValidCalendarDate({ year: 2023, month: 2, day: 29 }));
    assert.ok(!isValidCalendarDate({ year: 2100, month: 2, day: 29 }));
    assert.ok(isValidCalendarDate({ year: 2400, month: 2, day: 29 }));
  });

  it('rejects out-of-range and non-integer fields', () => {
    assert.ok(!isValidCalendarDate({ year: 2019, month: 13, day: 1 }));
    assert.ok(!isValidCalendarDate({ year: 2019, month: 0, day: 1 }));
    assert.ok(!isValidCalendarDate({ year: 2019, month: 1, day: 0 }));
    assert.ok(!isValidCalendarDate({ year: 0, month: 1, day: 1 }));
    assert.ok(!isValidCalendarDate({ year: 2019, month: 1.5, day: 1 }));
    assert.ok(!isValidCalendarDate({ year: 2019, month: Number.NaN, day: 1 }));
  });
});

describe('inferStyle', () => {
  it('reads padding from the text', () => {
    assert.equal(inferStyle('09/27/2019', ['M/D/YYYY']), 'MM/DD/YYYY');
    assert.equal(inferStyle('5/2/19', ['MM/DD/YYYY', 'MM/DD/YY']), 'M/D/YY');
    assert.equal(inferStyle('5/02/2019', EN), 'M/DD/YYYY');
    assert.equal(inferStyle('05/2/2019', EN), 'MM/D/YYYY');
    assert.equal(inferStyle('27.09.2019', DE), 'DD.MM.YYYY');
    assert.equal(inferStyle('2019/09/26', ['YYYY/M/D']), 'YYYY/MM/DD');
    assert.equal(inferStyle('2018/12/7', ['YYYY/M/D']), 'YYYY/M/D');
  });

  it("keeps the format's token when a two-digit value cannot tell", () => {
    assert.equal(inferStyle('12/15/2019', ['M/D/YYYY']), 'M/D/YYYY');
    assert.equal(inferStyle('12/15/2019', ['MM/DD/YYYY']), 'MM/DD/YYYY');
  });

  it('lets an ambiguous two-digit field follow the padding of the other one', () => {
    assert.equal(inferStyle('5/27/2019', ['MM/DD/YYYY']), 'M/D/YYYY');
    assert.equal(inferStyle('12/07/2019', ['M/D/YYYY']), 'MM/DD/YYYY');
    assert.equal(inferStyle('5/02/2019', ['M/D/YYYY']), 'M/DD/YYYY');
  });

  it('copies whitespace from the text', () => {
    assert.equal(inferStyle('2019年9月26日', JA), 'YYYY年M月D日');
    assert.equal(inferStyle('2019 年 9 月 26 日', JA), 'YYYY 年 M 月 D 日');
    assert.equal(inferStyle(' 2019年 09月 26日 ', JA), 'YYYY年 MM月 DD日');
  });

  it('gives a style for impossible dates, none for unmatched text', () => {
    assert.equal(inferStyle('02/30/2020', ['M/D/YYYY']), 'MM/DD/YYYY');
    assert.equal(inferStyle('10/018/2019', ['M/D/YYYY']), undefined);
    assert.equal(inferStyle('TBD', EN), undefined);
  });

  it('produces a style that formatDate writes back identically', () => {
    for (const text of ['09/27/2019', '5/2/19', '5/02/2019', '27.09.2019', '2019年9月26日', '2019 年 9 月 26 日', '2019/09/26']) {
      const formats = [...EN, ...DE, ...JA, ...ZH];
      const style = inferStyle(text, formats)!;
      const { date } = parseDate(text, formats)!;
      assert.equal(formatDate(date!, style), text, text);
    }
  });
});

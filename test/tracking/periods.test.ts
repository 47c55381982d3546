import { LocalizedError } from '../../src/model/msg';
import fc from 'fast-check';
import {
  makePeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  PeriodKind,
  previousPeriod,
  reportingPeriod,
  tryParsePeriod,
} from '../../src/tracking/periods';
import { addDays, isoFromParts } from '../../src/model/dates';

const span = (p: { start: string; end: string }) => [p.start, p.end];

describe('cutoff14 (Nghị định 09/2019/NĐ-CP, Điều 12)', () => {
  test('monthly: 15th of the previous month to the 14th', () => {
    expect(span(parsePeriod('2024-06'))).toEqual(['2024-05-15', '2024-06-14']);
    expect(span(parsePeriod('2024-01'))).toEqual(['2023-12-15', '2024-01-14']);
  });

  test('quarter I starts on 15/12 of the previous year', () => {
    expect(span(parsePeriod('2024-Q1'))).toEqual(['2023-12-15', '2024-03-14']);
    expect(span(parsePeriod('2024-Q2'))).toEqual(['2024-03-15', '2024-06-14']);
    expect(span(parsePeriod('2024-Q4'))).toEqual(['2024-09-15', '2024-12-14']);
  });

  test('half-years and the year', () => {
    expect(span(parsePeriod('2024-H1'))).toEqual(['2023-12-15', '2024-06-14']);
    expect(span(parsePeriod('2024-H2'))).toEqual(['2024-06-15', '2024-12-14']);
    expect(span(parsePeriod('2024'))).toEqual(['2023-12-15', '2024-12-14']);
  });

  test('the 15th already belongs to the next period, across the year boundary', () => {
    expect(periodContaining('2023-12-14', 'quarter').key).toBe('2023-Q4');
    expect(periodContaining('2023-12-15', 'quarter').key).toBe('2024-Q1');
    expect(periodContaining('2023-12-15', 'year').key).toBe('2024');
    expect(periodContaining('2023-12-31', 'month').key).toBe('2024-01');
    expect(periodContaining('2024-06-14', 'half').key).toBe('2024-H1');
    expect(periodContaining('2024-06-15', 'half').key).toBe('2024-H2');
  });

  test('leap day', () => {
    expect(periodContaining('2024-02-29', 'month').key).toBe('2024-03');
    expect(periodContaining('2024-02-29', 'month', 'calendar').key).toBe('2024-02');
  });

  test('labels in Vietnamese and English', () => {
    const q = parsePeriod('2024-Q2');
    expect([q.label.vi, q.label.en]).toEqual(['Quý II-2024', 'Q2 2024']);
    expect(parsePeriod('2024-06').label.vi).toBe('Tháng 6-2024');
    expect(parsePeriod('2024-06').label.en).toBe('June 2024');
    expect(parsePeriod('2024-H2').label.vi).toBe('6 tháng cuối năm 2024');
    expect(parsePeriod('2024').label.vi).toBe('Năm 2024');
  });
});

describe('calendar', () => {
  test('calendar months, quarters, halves, years', () => {
    expect(span(parsePeriod('2024-Q1', 'calendar'))).toEqual(['2024-01-01', '2024-03-31']);
    expect(span(parsePeriod('2024-02', 'calendar'))).toEqual(['2024-02-01', '2024-02-29']);
    expect(span(parsePeriod('2023-02', 'calendar'))).toEqual(['2023-02-01', '2023-02-28']);
    expect(span(parsePeriod('2100-02', 'calendar'))).toEqual(['2100-02-01', '2100-02-28']);
    expect(span(parsePeriod('2000-02', 'calendar'))).toEqual(['2000-02-01', '2000-02-29']);
    expect(span(parsePeriod('2024-H2', 'calendar'))).toEqual(['2024-07-01', '2024-12-31']);
    expect(span(parsePeriod('2024', 'calendar'))).toEqual(['2024-01-01', '2024-12-31']);
  });

  test('the 15th stays in its month', () => {
    expect(periodContaining('2023-12-15', 'quarter', 'calendar').key).toBe('2023-Q4');
  });
});

describe('parsing', () => {
  test.each(['2024-Q5', '2024-13', '2024-00', '2024-H3', 'Q2', 'abc', ''])(
    '%j is refused in both languages',
    (bad) => {
      expect(tryParsePeriod(bad)).toBeNull();
      expect(() => parsePeriod(bad)).toThrow(LocalizedError);
      try {
        parsePeriod(bad);
      } catch (e) {
        expect((e as LocalizedError).msg.vi).toMatch(/không hợp lệ/);
        expect((e as LocalizedError).msg.en).toMatch(/Invalid period/);
      }
    },
  );

  test('lower case and a missing dash are accepted', () => {
    expect(parsePeriod('2024q2').key).toBe('2024-Q2');
    expect(parsePeriod(' 2024-h1 ').key).toBe('2024-H1');
  });

  test('reportingPeriod is periodContaining with the kind first', () => {
    expect(reportingPeriod('quarter', '2024-06-10')).toEqual(periodContaining('2024-06-10', 'quarter'));
  });
});

describe('sequences', () => {
  test('previous of quarter I is quarter IV of the year before; of January, December', () => {
    expect(previousPeriod(parsePeriod('2024-Q1')).key).toBe('2023-Q4');
    expect(previousPeriod(parsePeriod('2024-01')).key).toBe('2023-12');
    expect(previousPeriod(parsePeriod('2024-H1', 'calendar')).key).toBe('2023-H2');
    expect(nextPeriod(parsePeriod('2023-12')).key).toBe('2024-01');
  });

  const kinds: PeriodKind[] = ['month', 'quarter', 'half', 'year'];
  const dateArb = fc
    .record({
      y: fc.integer({ min: 1990, max: 2099 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate())
    .map(({ y, m, d }) => isoFromParts(y, m, d));

  test('every date lies in its period, and periods tile the calendar without gaps', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom(...kinds),
        fc.constantFrom('cutoff14' as const, 'calendar' as const),
        (date, kind, conv) => {
          const p = periodContaining(date, kind, conv);
          expect(p.start <= date && date <= p.end).toBe(true);
          expect(addDays(previousPeriod(p).end, 1)).toBe(p.start);
          expect(addDays(p.end, 1)).toBe(nextPeriod(p).start);
          expect(parsePeriod(p.key, conv)).toEqual(p);
        },
      ),
    );
  });

  test('makePeriod refuses an index out of range', () => {
    expect(() => makePeriod('quarter', 2024, 5)).toThrow(RangeError);
  });
});

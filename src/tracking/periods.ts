/**
 * Reporting periods (DOMAIN.md §4). Administrative reports under Nghị định 09/2019/NĐ-CP cut
 * their figures off on the 14th: a month runs from the 15th of the previous month to the 14th,
 * a quarter from the 15th of the month before it to the 14th of its last month, and so on.
 * Statistical reports use calendar periods: the `calendar` convention.
 * Dates are ISO strings "YYYY-MM-DD"; periods are closed ranges [start, end].
 */
import { daysInMonth, isIsoDate, isoFromParts } from '../model/dates';
import { LocalizedError, type Msg } from '../model/msg';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';
export type PeriodConvention = 'cutoff14' | 'calendar';

export const DEFAULT_CONVENTION: PeriodConvention = 'cutoff14';

export interface Period {
  kind: PeriodKind;
  convention: PeriodConvention;
  /** The year the period is named after (quarter I of 2024 starts 15/12/2023 under cutoff14). */
  year: number;
  /** 1-based: month 1..12, quarter 1..4, half 1..2, year 1. */
  index: number;
  start: string;
  end: string;
  /** Canonical key, as parsePeriod accepts it: "2024-06", "2024-Q2", "2024-H1", "2024". */
  key: string;
  /** "Quý II-2024", "Q2 2024". */
  label: Msg;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The last calendar month of a period (1..12). */
function lastMonth(kind: PeriodKind, index: number): number {
  switch (kind) {
    case 'month':
      return index;
    case 'quarter':
      return index * 3;
    case 'half':
      return index * 6;
    case 'year':
      return 12;
  }
}

function monthsIn(kind: PeriodKind): number {
  return { month: 1, quarter: 3, half: 6, year: 12 }[kind];
}

function periodsPerYear(kind: PeriodKind): number {
  return 12 / monthsIn(kind);
}

function labels(kind: PeriodKind, year: number, index: number): { key: string; label: Msg } {
  switch (kind) {
    case 'month':
      return {
        key: `${year}-${String(index).padStart(2, '0')}`,
        label: { vi: `Tháng ${index}-${year}`, en: `${MONTHS_EN[index - 1]} ${year}` },
      };
    case 'quarter':
      return {
        key: `${year}-Q${index}`,
        label: { vi: `Quý ${ROMAN[index - 1]}-${year}`, en: `Q${index} ${year}` },
      };
    case 'half':
      return {
        key: `${year}-H${index}`,
        label: {
          vi: index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`,
          en: `H${index} ${year}`,
        },
      };
    case 'year':
      return { key: `${year}`, label: { vi: `Năm ${year}`, en: `Year ${year}` } };
  }
}

/** The period of a kind by year and 1-based index. */
export function makePeriod(
  kind: PeriodKind,
  year: number,
  index: number,
  convention: PeriodConvention = DEFAULT_CONVENTION,
): Period {
  const perYear = periodsPerYear(kind);
  if (!Number.isInteger(year) || !Number.isInteger(index) || index < 1 || index > perYear) {
    throw new RangeError(`Invalid reporting period: ${kind} ${year}/${index}`);
  }
  const endMonth = lastMonth(kind, index);
  const firstMonth = endMonth - monthsIn(kind) + 1;
  let start: string;
  let end: string;
  if (convention === 'calendar') {
    start = isoFromParts(year, firstMonth, 1);
    end = isoFromParts(year, endMonth, daysInMonth(year, endMonth));
  } else {
    // The 15th of the month before the first month, which is December of the previous year
    // for periods starting in January.
    start = firstMonth === 1 ? isoFromParts(year - 1, 12, 15) : isoFromParts(year, firstMonth - 1, 15);
    end = isoFromParts(year, endMonth, 14);
  }
  return { kind, convention, year, index, start, end, ...labels(kind, year, index) };
}

/** The period of the given kind that contains an ISO date. */
export function periodContaining(
  date: string,
  kind: PeriodKind,
  convention: PeriodConvention = DEFAULT_CONVENTION,
): Period {
  if (!isIsoDate(date)) throw new RangeError(`Invalid date: ${date}`);
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  // From the 15th on, a date already counts towards the next month's report.
  if (convention === 'cutoff14' && day >= 15) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return makePeriod(kind, year, Math.ceil(month / monthsIn(kind)), convention);
}

/** periodContaining with the kind first (kind, date, convention). */
export function reportingPeriod(
  kind: PeriodKind,
  date: string,
  convention: PeriodConvention = DEFAULT_CONVENTION,
): Period {
  return periodContaining(date, kind, convention);
}

const PERIOD_PATTERNS: { re: RegExp; kind: PeriodKind }[] = [
  { re: /^(\d{4})-(\d{2})$/, kind: 'month' },
  { re: /^(\d{4})-?Q([1-4])$/i, kind: 'quarter' },
  { re: /^(\d{4})-?H([12])$/i, kind: 'half' },
  { re: /^(\d{4})$/, kind: 'year' },
];

/** "2024-06", "2024-Q2", "2024-H1" or "2024" as a Period; null when the text is none of these. */
export function tryParsePeriod(
  text: string,
  convention: PeriodConvention = DEFAULT_CONVENTION,
): Period | null {
  const t = text.trim();
  for (const { re, kind } of PERIOD_PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const year = Number(m[1]);
    const index = kind === 'year' ? 1 : Number(m[2]);
    if (year < 1900 || year > 9999 || index < 1 || index > periodsPerYear(kind)) return null;
    return makePeriod(kind, year, index, convention);
  }
  return null;
}

/** Like tryParsePeriod, but a bad text is the user's error: a LocalizedError. */
export function parsePeriod(text: string, convention: PeriodConvention = DEFAULT_CONVENTION): Period {
  const p = tryParsePeriod(text, convention);
  if (!p) {
    throw new LocalizedError({
      vi: `Kỳ báo cáo "${text}" không hợp lệ (dùng 2024-06, 2024-Q2, 2024-H1 hoặc 2024).`,
      en: `Invalid period "${text}" (use 2024-06, 2024-Q2, 2024-H1 or 2024).`,
    });
  }
  return p;
}

/** The period of the same kind and convention just before. */
export function previousPeriod(p: Period): Period {
  return p.index > 1
    ? makePeriod(p.kind, p.year, p.index - 1, p.convention)
    : makePeriod(p.kind, p.year - 1, periodsPerYear(p.kind), p.convention);
}

/** The period of the same kind and convention just after. */
export function nextPeriod(p: Period): Period {
  return p.index < periodsPerYear(p.kind)
    ? makePeriod(p.kind, p.year, p.index + 1, p.convention)
    : makePeriod(p.kind, p.year + 1, 1, p.convention);
}

/** Whether an ISO date falls inside a period (ISO strings compare in date order). */
export function inPeriod(date: string, p: Pick<Period, 'start' | 'end'>): boolean {
  return date >= p.start && date <= p.end;
}

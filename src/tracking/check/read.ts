/**
 * Reads each row once into a RowContext, so that rules compare ready values. Lists and dates
 * repeat a few values over many rows: readings are cached per distinct cell value.
 */
import type { DeadlineCategory } from '../../plan/types';
import { COMPUTED_COLUMN_IDS, DATE_COLUMN_IDS, type ColumnMap, type TaskColumnId } from '../../model/columns';
import { isIsoDate, isRealDate, isoFromParts, serialToIso } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../model/labels';
import type { RawCell, TableSnapshot } from '../../model/table';
import { createLabelMatcher, type LabelMatch } from '../text-match';
import type { Status } from '../../model/vocabulary';
import type { DateReading, ListReading, RowContext } from './types';

// Excel serials of 01/01/1990 and 31/12/2100: a plan's dates lie between; a number outside
// is a year, a percentage or a typo in a date column.
export const MIN_DATE_SERIAL = 32874;
export const MAX_DATE_SERIAL = 73415;

const STATUS_SYNONYMS: Record<string, Status> = {
  'da xong': 'done',
  xong: 'done',
  completed: 'done',
  complete: 'done',
  finished: 'done',
  'dang trien khai': 'in_progress',
  'dang lam': 'in_progress',
  ongoing: 'in_progress',
  'chua trien khai': 'not_started',
  'not yet started': 'not_started',
};

const CATEGORY_SYNONYMS: Record<string, DeadlineCategory> = {
  // hằng năm and hàng năm fold to the same words.
  'hang nam': 'periodic',
  'hang quy': 'periodic',
  'hang thang': 'periodic',
  'theo ke hoach cua trung uong': 'external',
  'theo huong dan cua trung uong': 'external',
  'theo ke hoach trung uong': 'external',
  'khong thoi han': 'none',
  'chua co thoi han': 'none',
};

// d/m/yyyy, d-m-yyyy, d.m.yyyy, also with a two-digit year; ISO text is handled apart.
const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
// The same inside free text ("hoàn thành ngày 05/3/2024"), years written in full only.
export const DMY_IN_TEXT = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/g;

/** Reads a date typed as text: ISO, or day/month/year (month/day when day/month is impossible). */
export function parseTextDate(text: string): { iso: string; monthFirst: boolean } | null {
  const s = text.normalize('NFC').trim();
  if (isIsoDate(s)) return { iso: s, monthFirst: false };
  const m = DMY.exec(s);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const y = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  if (isRealDate(y, b, a)) return { iso: isoFromParts(y, b, a), monthFirst: false };
  if (isRealDate(y, a, b)) return { iso: isoFromParts(y, a, b), monthFirst: true };
  return null;
}

function isBlank(v: RawCell): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Trimmed NFC text; most ids and many names are ASCII, which needs no normalising. */
function text(v: RawCell): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  return NON_ASCII.test(s) ? s.normalize('NFC') : s;
}

export interface RowReader {
  read(index: number): RowContext | null;
}

const EMPTY_DATE: DateReading = { kind: 'empty', raw: null, iso: null };
const BLANK_LIST = { raw: null, match: null, blank: true } as const;

export function createRowReader(snapshot: TableSnapshot, map: ColumnMap, lang: Lang): RowReader {
  const statusMatch = createLabelMatcher(STATUS_LABELS, lang, { synonyms: STATUS_SYNONYMS });
  const categoryMatch = createLabelMatcher(CATEGORY_LABELS, lang, { synonyms: CATEGORY_SYNONYMS });
  // Readings are immutable, so one object serves every cell with the same value.
  const dateCache = new Map<RawCell, DateReading>();
  const statusCache = new Map<string, ListReading<Status>>();
  const categoryCache = new Map<string, ListReading<DeadlineCategory>>();
  const agencyCache = new Map<string, string | null>();

  function readDateUncached(raw: RawCell): DateReading {
    if (isBlank(raw)) return EMPTY_DATE;
    if (typeof raw === 'number') {
      if (!Number.isFinite(raw) || raw < MIN_DATE_SERIAL || raw > MAX_DATE_SERIAL)
        return { kind: 'invalid', raw, iso: null };
      return { kind: 'serial', raw, iso: serialToIso(Math.floor(raw)) };
    }
    if (typeof raw === 'string') {
      const parsed = parseTextDate(raw);
      // The same span as serials: "15/3/1023" is a typo to report, not a date to suggest.
      const year = parsed ? Number(parsed.iso.slice(0, 4)) : 0;
      return parsed && year >= 1990 && year <= 2100
        ? { kind: 'text', raw, iso: parsed.iso, monthFirst: parsed.monthFirst }
        : { kind: 'invalid', raw, iso: null };
    }
    return { kind: 'invalid', raw, iso: null };
  }

  function readDate(raw: RawCell): DateReading {
    if (raw === null || raw === undefined) return EMPTY_DATE;
    let d = dateCache.get(raw);
    if (d === undefined) {
      d = readDateUncached(raw);
      dateCache.set(raw, d);
    }
    return d;
  }

  function readList<K extends string>(
    raw: RawCell,
    match: (s: string) => LabelMatch<K> | null,
    cache: Map<string, ListReading<K>>,
  ): ListReading<K> {
    if (raw === null || raw === undefined) return BLANK_LIST;
    const key = String(raw);
    let r = cache.get(key);
    if (r === undefined) {
      r = isBlank(raw) ? { raw, match: null, blank: true } : { raw, match: match(key), blank: false };
      cache.set(key, r);
    }
    return r;
  }

  function agency(raw: RawCell): string | null {
    if (typeof raw !== 'string') return text(raw);
    let a = agencyCache.get(raw);
    if (a === undefined) {
      a = text(raw);
      agencyCache.set(raw, a);
    }
    return a;
  }

  const rows = snapshot.rows;
  const ix = map.index;
  const dateColumns = DATE_COLUMN_IDS.filter((id) => ix[id] !== undefined);
  // A table row Excel grew by itself carries only the computed state: still an empty row.
  const computed = new Set(COMPUTED_COLUMN_IDS.map((id) => ix[id]).filter((i) => i !== undefined));
  const isBlankRow = (cells: RawCell[]) => cells.every((v, i) => computed.has(i) || isBlank(v));
  const at = (cells: RawCell[], i: number | undefined): RawCell =>
    i === undefined ? null : (cells[i] ?? null);
  return {
    read(index: number): RowContext | null {
      const cells = rows[index];
      if (!cells || isBlankRow(cells)) return null;
      const status = readList(at(cells, ix.status), statusMatch, statusCache);
      const category = readList(at(cells, ix.category), categoryMatch, categoryCache);
      const dates: Partial<Record<TaskColumnId, DateReading>> = {};
      for (const id of dateColumns) dates[id] = readDate(at(cells, ix[id]));
      return {
        index,
        row: snapshot.headerRow + 1 + index,
        taskId: text(at(cells, ix.taskId)),
        agency: agency(at(cells, ix.lead)),
        status,
        category,
        due: dates.due ?? EMPTY_DATE,
        completedOn: dates.completedOn ?? EMPTY_DATE,
        updatedOn: dates.updatedOn ?? EMPTY_DATE,
        dates,
        progress: at(cells, ix.progress),
        result: at(cells, ix.result),
        note: at(cells, ix.note),
        statusMeant: status.match?.key ?? null,
        categoryMeant: category.match?.key ?? null,
      };
    },
  };
}

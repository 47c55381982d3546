import type { DeadlineCategory } from '../plan/types';
import { CATEGORY_LABELS, STATUS_LABELS, TaskColumnId } from '../workbook/labels';
import { isIsoDate, isoFromParts, isRealDate, serialToIso } from '../workbook/dates';
import { ColumnMap, cellOf, mapColumns } from '../workbook/snapshot';
import type { PlanColumns } from '../workbook/meta';
import type { RawCell, TableSnapshot } from '../workbook/types';
import type { Status } from './types';

/**
 * One row of the tracking table, typed. Text fields keep what the sheet shows. The plan columns
 * have the shape hashPlanColumns takes, so a row's fingerprint can be recomputed from it.
 */
export interface TaskEntry extends PlanColumns {
  /** 0-based index into TableSnapshot.rows. */
  rowIndex: number;
  status: Status | null;
  completedOn: string | null;
  /** As entered, in percent units (the sheet validates 0..100). */
  progress: number | null;
  result: string;
  note: string;
  updatedOn: string | null;
}

export interface ReadEntriesResult {
  entries: TaskEntry[];
  map: ColumnMap;
}

function labelKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

function reverseLabels<K extends string>(labels: Record<'vi' | 'en', Record<K, string>>): Map<string, K> {
  const out = new Map<string, K>();
  for (const lang of ['vi', 'en'] as const) {
    for (const [key, word] of Object.entries(labels[lang]) as [K, string][]) out.set(labelKey(word), key);
  }
  return out;
}

const STATUS_BY_WORD = reverseLabels(STATUS_LABELS);
const CATEGORY_BY_WORD = reverseLabels(CATEGORY_LABELS);

/** A status word in either language (any case, spacing or Unicode form), or null. */
export function parseStatus(raw: RawCell): Status | null {
  if (typeof raw !== 'string') return null;
  return STATUS_BY_WORD.get(labelKey(raw)) ?? null;
}

export function parseCategory(raw: RawCell): DeadlineCategory | null {
  if (typeof raw !== 'string') return null;
  return CATEGORY_BY_WORD.get(labelKey(raw)) ?? null;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date cell as ISO: Excel serials (what readers return for date cells), and, when lenient,
 * ISO text and dd/mm/yyyy typed as text (a pasted value bypasses the date format).
 * Anything else: null.
 */
export function parseDateCell(raw: RawCell, lenient = true): string | null {
  if (typeof raw === 'number') {
    // Serial 1 is 1900-01-01; anything below is not a date staff meant to enter.
    return Number.isFinite(raw) && raw >= 1 ? serialToIso(raw) : null;
  }
  if (typeof raw !== 'string' || !lenient) return null;
  const s = raw.trim();
  if (isIsoDate(s)) return s;
  const m = DMY.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? isoFromParts(y, mo, d) : null;
  }
  return null;
}

function text(raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).normalize('NFC').trim();
}

function num(raw: RawCell): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw.trim().replace(',', '.').replace(/%$/, ''));
    if (Number.isFinite(n)) return raw.trim().endsWith('%') ? n / 100 : n;
  }
  return null;
}

/**
 * Types every row that has a task id; rows without one (blank rows at the end) are skipped.
 * Dates are taken only from real date cells, as the sheet's deadline-state formula sees them,
 * so summaries agree with the live sheet; the checks report dates typed as text.
 */
export function readEntries(
  snapshot: TableSnapshot,
  map: ColumnMap = mapColumns(snapshot.headers),
): ReadEntriesResult {
  const entries: TaskEntry[] = [];
  const get = (i: number, id: TaskColumnId) => cellOf(snapshot, map, i, id);
  snapshot.rows.forEach((_row, i) => {
    const taskId = text(get(i, 'taskId'));
    if (!taskId) return;
    entries.push({
      rowIndex: i,
      taskId,
      section: text(get(i, 'section')),
      group: text(get(i, 'group')),
      lead: text(get(i, 'lead')),
      partners: text(get(i, 'partners')),
      text: text(get(i, 'text')),
      category: parseCategory(get(i, 'category')),
      due: parseDateCell(get(i, 'due'), false),
      status: parseStatus(get(i, 'status')),
      completedOn: parseDateCell(get(i, 'completedOn'), false),
      progress: num(get(i, 'progress')),
      result: text(get(i, 'result')),
      note: text(get(i, 'note')),
      updatedOn: parseDateCell(get(i, 'updatedOn'), false),
    });
  });
  return { entries, map };
}

/**
 * Reading the tracking table's cells as values: list words back to their ids, date cells to ISO,
 * every row as a typed TaskEntry, and the one comparable form of a cell that merge and revise
 * compare with. What a column holds comes from the registry (src/model/task-columns.ts).
 */
import {
  cellOf,
  columnOf,
  mapColumns,
  type ColumnMap,
  type ListId,
  type TaskColumnId,
} from '../model/columns';
import { isIsoDate, isoFromParts, isRealDate, serialToIso } from '../model/dates';
import type { TaskEntry } from '../model/entries';
import { CATEGORY_LABELS, reverseLabels, labelKey, STATUS_LABELS } from '../model/labels';
import type { RawCell, TableSnapshot } from '../model/table';
import type { DeadlineCategory, Status } from '../model/vocabulary';

export interface ReadEntriesResult {
  entries: TaskEntry[];
  map: ColumnMap;
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

/** The id a list word names, in either language. */
export function parseListWord(list: ListId, raw: RawCell): Status | DeadlineCategory | null {
  return list === 'statuses' ? parseStatus(raw) : parseCategory(raw);
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

/** Trimmed NFC text of a cell ('' for blank). */
export function cellText(raw: RawCell | undefined): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).normalize('NFC').trim();
}

/** A number typed as text ("50", "50,5", "50%") as the number it says; null when it is not one. */
export function numberFromText(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t.replace(',', '.').replace(/%$/, ''));
  if (!Number.isFinite(n)) return null;
  return t.endsWith('%') ? n / 100 : n;
}

function num(raw: RawCell): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string') return numberFromText(raw);
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
    const taskId = cellText(get(i, 'taskId'));
    if (!taskId) return;
    entries.push({
      rowIndex: i,
      taskId,
      section: cellText(get(i, 'section')),
      group: cellText(get(i, 'group')),
      lead: cellText(get(i, 'lead')),
      partners: cellText(get(i, 'partners')),
      text: cellText(get(i, 'text')),
      category: parseCategory(get(i, 'category')),
      due: parseDateCell(get(i, 'due'), false),
      status: parseStatus(get(i, 'status')),
      completedOn: parseDateCell(get(i, 'completedOn'), false),
      progress: num(get(i, 'progress')),
      result: cellText(get(i, 'result')),
      note: cellText(get(i, 'note')),
      updatedOn: parseDateCell(get(i, 'updatedOn'), false),
      adjustedDue: parseDateCell(get(i, 'adjustedDue'), false),
      adjustmentBasis: cellText(get(i, 'adjustmentBasis')),
    });
  });
  return { entries, map };
}

function tidy(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * A comparable form of a cell: a list word in either language, a date as a serial or typed text,
 * 50 and "50" in a number column are one value, so a return saved by another program (LibreOffice
 * turns some cells to text, Excel drops trailing spaces) does not show edits nobody made.
 */
export function cellKey(columnId: string, raw: RawCell): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string' && tidy(raw) === '') return '';
  const column = columnOf(columnId);
  if (column?.list) {
    const id = parseListWord(column.list, raw);
    if (id) return `${column.list}:${id}`;
  }
  if (column?.kind === 'date') {
    const d = parseDateCell(raw);
    if (d) return `d:${d}`;
  }
  if (typeof raw === 'number') return `n:${Math.round(raw * 1e9) / 1e9}`;
  if (typeof raw === 'boolean') return `b:${raw}`;
  const text = tidy(raw);
  if (column?.kind === 'number') {
    const n = Number(text.replace(',', '.'));
    if (Number.isFinite(n)) return `n:${Math.round(n * 1e9) / 1e9}`;
  }
  return `t:${text}`;
}

export function sameCell(columnId: string, a: RawCell, b: RawCell): boolean {
  return cellKey(columnId, a) === cellKey(columnId, b);
}

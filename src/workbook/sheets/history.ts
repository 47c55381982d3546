/**
 * The `Lịch sử` (history) sheet: one row per change a merge applied, enough to trace and undo
 * any merge (which file, which task and cell, the value before and after). Merge appends rows to
 * the sheet of a workbook someone else may have saved, so this describes the header and the
 * cells of each row; src/xlsx writes them into the package.
 */
import { columnHeader, columnOf, type TaskColumnId } from '../../model/columns';
import { historyTimeOf } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { localize, type Msg } from '../../model/msg';
import type { RawCell } from '../../model/table';
import { displayCell } from '../cells';
import { sheetName } from '../names';
import type { CellValue } from '../types';
import { text } from './common';

export interface HistoryRow {
  /** ISO timestamp of the merge; written as the writer's local time (historyTimeOf). */
  at: string;
  file: string;
  taskId: string;
  column: TaskColumnId;
  /** Sheet-qualified A1 address of the changed cell, e.g. "'Nhiệm vụ'!J5". */
  cell: string;
  old: RawCell;
  new: RawCell;
  /** Why, when not a plain agency edit: e.g. a conflict settled with --prefer return. */
  note: Msg | null;
}

const HEADERS: Msg[] = [
  { vi: 'Thời gian', en: 'Time' },
  { vi: 'Tệp', en: 'File' },
  { vi: columnHeader('taskId', 'vi'), en: columnHeader('taskId', 'en') },
  { vi: 'Cột', en: 'Column' },
  { vi: 'Ô', en: 'Cell' },
  { vi: 'Giá trị cũ', en: 'Old value' },
  { vi: 'Giá trị mới', en: 'New value' },
  { vi: 'Lý do', en: 'Reason' },
];

// The time column fits `21/06/2024 15:00 (UTC+7)`.
export const HISTORY_WIDTHS = [24, 30, 12, 18, 16, 30, 30, 30];

export function historyHeaders(lang: Lang): string[] {
  return HEADERS.map((h) => localize(h, lang));
}

export function historySheetName(lang: Lang): string {
  return sheetName('history', lang);
}

/** A value as the history shows it: dates read as dd/mm/yyyy, everything else as stored. */
function shown(column: string, raw: RawCell): CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  if (columnOf(column)?.kind === 'date' && typeof raw === 'number' && raw >= 1)
    return text(displayCell(column, raw));
  return typeof raw === 'number' ? { t: 'number', v: raw } : text(String(raw));
}

export function historyRowCells(row: HistoryRow, lang: Lang): CellValue[] {
  return [
    text(historyTimeOf(row.at)),
    text(row.file),
    text(row.taskId),
    text(columnHeader(row.column, lang)),
    text(row.cell),
    shown(row.column, row.old),
    shown(row.column, row.new),
    row.note ? text(localize(row.note, lang)) : null,
  ];
}

/**
 * The `Lịch sử` (History) sheet: one row per applied change, enough to trace and undo any merge
 * (which file, which task and cell, the value before and after).
 */
import type JSZip from 'jszip';
import { isoToVn, serialToIso } from '../workbook/dates';
import { COLUMN_HEADERS, SHEET_NAMES, TaskColumnId } from '../workbook/labels';
import type { Lang, RawCell } from '../workbook/types';
import { addSheetPart, SheetXml, sheetParts, XmlCellValue } from './merge-xml';

export interface HistoryRow {
  /** ISO timestamp of the merge. */
  at: string;
  file: string;
  taskId: string;
  column: TaskColumnId;
  /** Sheet-qualified A1 address of the changed cell, e.g. "'Nhiệm vụ'!J5". */
  cell: string;
  old: RawCell;
  new: RawCell;
  /** Why, when not a plain agency edit: e.g. a conflict settled with --prefer return. */
  note: string;
}

export const HISTORY_HEADERS: Record<Lang, string[]> = {
  vi: ['Thời gian', 'Tệp', 'Mã nhiệm vụ', 'Cột', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Ghi chú'],
  en: ['Time', 'File', 'Task ID', 'Column', 'Cell', 'Old value', 'New value', 'Note'],
};

export const HISTORY_SHEET_NAMES: Record<Lang, string> = {
  vi: SHEET_NAMES.vi.history,
  en: SHEET_NAMES.en.history,
};

const WIDTHS = [20, 30, 12, 18, 16, 30, 30, 30];
const DATE_COLUMNS = new Set<string>(['due', 'completedOn', 'updatedOn']);

/** A value as the history shows it: dates read as dd/mm/yyyy, everything else as stored. */
export function historyValue(column: string, raw: RawCell): XmlCellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') {
    if (DATE_COLUMNS.has(column) && raw >= 1) return { t: 'text', v: isoToVn(serialToIso(raw)) };
    return { t: 'number', v: raw };
  }
  return { t: 'text', v: String(raw) };
}

function rowCells(row: HistoryRow, lang: Lang): XmlCellValue[] {
  return [
    { t: 'text', v: row.at },
    { t: 'text', v: row.file },
    { t: 'text', v: row.taskId },
    { t: 'text', v: COLUMN_HEADERS[lang][row.column] },
    { t: 'text', v: row.cell },
    historyValue(row.column, row.old),
    historyValue(row.column, row.new),
    row.note ? { t: 'text', v: row.note } : null,
  ];
}

function newSheetXml(lang: Lang, rows: HistoryRow[]): string {
  const sheet = new SheetXml(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData/>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
  );
  HISTORY_HEADERS[lang].forEach((h, c) => sheet.setCell(1, c, { t: 'text', v: h }, null));
  rows.forEach((row, i) => rowCells(row, lang).forEach((v, c) => sheet.setCell(2 + i, c, v, null)));
  return sheet.toString();
}

/** Appends rows to the history sheet of either language, creating it when the workbook has none. */
export async function appendHistory(zip: JSZip, rows: HistoryRow[], lang: Lang): Promise<void> {
  if (rows.length === 0) return;
  const names = new Set(
    [SHEET_NAMES.vi.history, SHEET_NAMES.en.history].map((n) => n.normalize('NFC').toLowerCase()),
  );
  const parts = await sheetParts(zip);
  const existing = parts.find((p) => names.has(p.name.normalize('NFC').toLowerCase()));
  if (!existing) {
    await addSheetPart(zip, HISTORY_SHEET_NAMES[lang], newSheetXml(lang, rows));
    return;
  }
  const xml = await zip.file(existing.path)?.async('string');
  if (xml === undefined) throw new Error(`missing part ${existing.path}`);
  const sheet = new SheetXml(xml);
  let next = sheet.lastRow() + 1;
  if (next === 1) {
    HISTORY_HEADERS[lang].forEach((h, c) => sheet.setCell(1, c, { t: 'text', v: h }, null));
    next = 2;
  }
  for (const row of rows) {
    rowCells(row, lang).forEach((v, c) => sheet.setCell(next, c, v));
    next += 1;
  }
  zip.file(existing.path, sheet.toString());
}

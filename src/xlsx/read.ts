import ExcelJS from 'exceljs';
import { mapColumns } from '../model/columns';
import { isoToSerial, isoFromParts, isIsoDate, serialToIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { RawCell, TableSnapshot } from '../model/table';
import type { TrackingWorkbook, WorkbookMeta } from '../model/workbook-meta';
import { parseMeta } from '../tracking/meta';
import { isSheet, REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../workbook/names';

/** Reads a tracking workbook written by writeXlsx (or Excel, or LibreOffice) back as plain values. */

const MS_PER_DAY = 86_400_000;

/** A JS Date from ExcelJS (a serial read in UTC) → the serial, keeping any time of day. */
export function dateToSerial(d: Date): number {
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const day = isoToSerial(isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  const fraction = (d.getTime() - dayStart) / MS_PER_DAY;
  return fraction ? day + fraction : day;
}

/** One ExcelJS cell value as a RawCell: formulas give their cached result, rich text its text. */
export function rawValue(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && !(result instanceof Date)) return null; // an error value
      return rawValue(result as ExcelJS.CellValue);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && 'hyperlink' in value) return rawValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * A cell as a RawCell. Formula cells give their cached result through `cell.result`, because
 * ExcelJS's `cell.value` copy drops a result of 0.
 */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (cell as unknown as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return null; // an error value
    return rawValue(result as ExcelJS.CellValue);
  }
  return rawValue(value);
}

function rowValues(ws: ExcelJS.Worksheet, row: number, firstCol: number, width: number): RawCell[] {
  const r = ws.getRow(row);
  const out: RawCell[] = [];
  for (let c = 0; c < width; c++) out.push(rawCell(r.getCell(firstCol + c + 1)));
  return out;
}

function isBlankRow(row: RawCell[]): boolean {
  return row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

interface Located {
  ws: ExcelJS.Worksheet;
  /** 1-based header row, 0-based first column, column count, 1-based last table row (or 0). */
  headerRow: number;
  firstCol: number;
  width: number;
  tableLastRow: number;
}

function decodeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const left = col(m[1]);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

function findByTable(wb: ExcelJS.Workbook): Located | null {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as {
      table?: { name?: string; tableRef?: string; ref?: string };
    }[]) {
      const model = t.table ?? (t as { name?: string; tableRef?: string; ref?: string });
      if (model.name?.toLowerCase() !== TABLE_NAME.toLowerCase()) continue;
      const box = decodeRef(model.tableRef ?? model.ref ?? '');
      if (!box) continue;
      return {
        ws,
        headerRow: box.top,
        firstCol: box.left - 1,
        width: box.right - box.left + 1,
        tableLastRow: box.bottom,
      };
    }
  }
  return null;
}

/** The first of the top rows whose cells match at least half the known headers. */
function findByHeaders(ws: ExcelJS.Worksheet): Located | null {
  const lastCol = Math.max(ws.columnCount, 1);
  for (let row = 1; row <= Math.min(ws.rowCount, 20); row++) {
    const values = rowValues(ws, row, 0, lastCol);
    const headers = values.map((v) => (v === null ? '' : String(v)));
    const map = mapColumns(headers);
    const found = Object.keys(map.index).length;
    if (found >= 8) {
      const indexes = Object.values(map.index) as number[];
      const first = Math.min(...indexes);
      const last = Math.max(...indexes);
      return { ws, headerRow: row, firstCol: first, width: last - first + 1, tableLastRow: 0 };
    }
  }
  return null;
}

function locateTable(wb: ExcelJS.Workbook): Located | null {
  const byTable = findByTable(wb);
  if (byTable) return byTable;
  const named = wb.worksheets.filter((ws) => isSheet('tasks', ws.name));
  const others = wb.worksheets.filter((ws) => !named.includes(ws));
  for (const ws of [...named, ...others]) {
    const hit = findByHeaders(ws);
    if (hit) return hit;
  }
  return null;
}

function snapshotOf(loc: Located): TableSnapshot {
  const { ws, headerRow, firstCol, width } = loc;
  const headers = rowValues(ws, headerRow, firstCol, width).map((v) => (v === null ? '' : String(v)));
  const rows: RawCell[][] = [];
  // Rows typed just below the table (LibreOffice does not grow tables) still count, up to the
  // last row that holds something.
  const last = Math.max(loc.tableLastRow, ws.rowCount);
  for (let r = headerRow + 1; r <= last; r++) rows.push(rowValues(ws, r, firstCol, width));
  let keep = rows.length;
  const tableRows = Math.max(0, loc.tableLastRow - headerRow);
  while (keep > tableRows && isBlankRow(rows[keep - 1])) keep--;
  return { sheet: ws.name, headerRow, firstCol, headers, rows: rows.slice(0, keep) };
}

function readMeta(wb: ExcelJS.Workbook): WorkbookMeta | null {
  const ws = wb.worksheets.find((w) => w.name === SHEET_NAMES.meta.vi);
  if (!ws) return null;
  const rows: RawCell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push(rowValues(ws, r, 0, 2));
  return parseMeta(rows);
}

function readReportDate(wb: ExcelJS.Workbook): string | null {
  const ranges = wb.definedNames.getRanges(REPORT_DATE_NAME)?.ranges ?? [];
  const ref = ranges[0];
  if (!ref) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ref);
  if (!m) return null;
  const sheetName = (m[1] ?? m[2]).replace(/''/g, "'");
  const ws = wb.getWorksheet(sheetName);
  const box = decodeRef(m[3]);
  if (!ws || !box) return null;
  const v = rawCell(ws.getCell(box.top, box.left));
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) return serialToIso(v);
  if (typeof v === 'string' && isIsoDate(v.trim())) return v.trim();
  return null;
}

export async function readTrackingWorkbook(bytes: Uint8Array): Promise<TrackingWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // JSZip takes a Uint8Array as is, in Node and in the browser (the web page reuses this reader).
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    // The library's own text (a zip error with a web address) means nothing to staff.
    throw new LocalizedError(
      {
        vi: 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải .xlsx.',
        en: 'Cannot read the Excel file (.xlsx): it is damaged or not an .xlsx file.',
      },
      undefined,
      { cause: e },
    );
  }
  const loc = locateTable(wb);
  if (!loc) {
    throw new LocalizedError({
      vi: `Không tìm thấy bảng theo dõi nhiệm vụ (bảng "${TABLE_NAME}" hoặc trang "${SHEET_NAMES.tasks.vi}").`,
      en: `No task tracking table found (table "${TABLE_NAME}" or sheet "${SHEET_NAMES.tasks.en}").`,
    });
  }
  const snapshot = snapshotOf(loc);
  const meta = readMeta(wb);
  const map = mapColumns(snapshot.headers);
  const lang: Lang = Object.keys(map.index).length ? map.lang : (meta?.lang ?? 'vi');
  return {
    snapshot,
    meta,
    reportDate: readReportDate(wb),
    lang,
    sheetNames: wb.worksheets.map((w) => w.name),
  };
}

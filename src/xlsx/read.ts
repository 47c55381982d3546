/**
 * Reads a tracking workbook back as plain values from ONE opening of its package (the lean
 * reader in ./ooxml): the task table, the hidden meta sheet and the report-date cell, whoever
 * saved the file (this tool, Excel, LibreOffice, Gnumeric, openpyxl). Only rows the file holds
 * are visited, so a sheet whose last row is 1,048,576 costs what its content costs.
 */
import { columnHeader, mapColumns } from '../model/columns';
import { isIsoDate, serialToIso } from '../model/dates';
import type { Lang } from '../model/lang';
import type { RawCell, TableSnapshot, UnreadableCell } from '../model/table';
import type { TrackingWorkbook, WorkbookMeta } from '../model/workbook-meta';
import { parseMeta } from '../tracking/meta';
import { isSheet, REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../workbook/names';
import { LocalizedError } from '../model/msg';
import type { ZipCodec } from './ooxml/codec';
import { openWorkbook, type WorkbookReader } from './ooxml/read';
import type { TextPool } from './ooxml/text-pool';
import type { SheetInfo } from './ooxml/workbook';
import type { Cell } from './ooxml/worksheet';

export interface ReadOptions {
  /** The file's name as the user gave it, for messages. */
  fileName?: string;
  /** Decompression of parts (Node's zlib in the CLI); fflate by default. */
  codec?: ZipCodec;
  /** Texts decoded from the other files of the same command (a merge's master), taken again by their bytes. */
  texts?: TextPool;
}

/** The product never needs more header rows than this to find its table by its headers. */
const HEADER_SEARCH_ROWS = 20;
/** A row of headers is the task table's when at least this many known headers are in it. */
const MIN_KNOWN_HEADERS = 8;

/** A cell as a RawCell: a formula's cached result, text, a number (dates as serials). */
function rawOf(cell: Cell): RawCell {
  if (cell.kind === 'empty' || cell.kind === 'error') return null;
  return cell.value;
}

function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

interface Located {
  sheet: SheetInfo;
  headerRow: number;
  /** 0-based first and last column of the table (grown to every header found in its row). */
  firstCol: number;
  lastCol: number;
  /** 1-based last row of the table's range, or 0 when found by its headers only. */
  tableLastRow: number;
}

function headerCells(wb: WorkbookReader, sheet: SheetInfo, row: number): Cell[] {
  return wb.readRows(sheet, { rows: [row, row], dates: false }).rows[0]?.cells ?? [];
}

/**
 * The table's columns are wherever their headers are: a column inserted beside the table by a
 * program that does not grow the table's range (openpyxl) is still one of its columns.
 */
function widen(wb: WorkbookReader, loc: Located): Located {
  let { firstCol, lastCol } = loc;
  for (const c of headerCells(wb, loc.sheet, loc.headerRow)) {
    if (c.kind !== 'text' || String(c.value).trim() === '') continue;
    if (c.col > lastCol) lastCol = c.col;
    if (c.col < firstCol && Object.keys(mapColumns([String(c.value)]).index).length > 0) firstCol = c.col;
  }
  return { ...loc, firstCol, lastCol };
}

function findByTable(wb: WorkbookReader): Located | null {
  const found = wb.findTableHead(TABLE_NAME);
  if (!found?.table.range) return null;
  const { range } = found.table;
  return widen(wb, {
    sheet: found.sheet,
    headerRow: range.top,
    firstCol: range.left,
    lastCol: range.right,
    tableLastRow: range.bottom,
  });
}

/** The first of the top rows whose cells name enough known headers. */
function findByHeaders(wb: WorkbookReader, sheet: SheetInfo): Located | null {
  let hit: Located | null = null;
  wb.forEachRow(sheet, { rows: [1, HEADER_SEARCH_ROWS], dates: false }, (row) => {
    const texts = row.cells.filter((c) => c.kind === 'text');
    if (texts.length < MIN_KNOWN_HEADERS) return;
    const width = Math.max(...texts.map((c) => c.col)) + 1;
    const headers: string[] = new Array<string>(width).fill('');
    for (const c of texts) headers[c.col] = String(c.value);
    const map = mapColumns(headers);
    const indexes = Object.values(map.index) as number[];
    if (indexes.length < MIN_KNOWN_HEADERS) return;
    hit = {
      sheet,
      headerRow: row.r,
      firstCol: Math.min(...indexes),
      lastCol: Math.max(...texts.map((c) => c.col)),
      tableLastRow: 0,
    };
    return false;
  });
  return hit;
}

function locateTable(wb: WorkbookReader): Located | null {
  const byTable = findByTable(wb);
  if (byTable) return byTable;
  const worksheets = wb.sheets.filter((s) => s.kind === 'worksheet');
  const named = worksheets.filter((s) => isSheet('tasks', s.name));
  for (const sheet of [...named, ...worksheets.filter((s) => !named.includes(s))]) {
    const hit = findByHeaders(wb, sheet);
    if (hit) return hit;
  }
  return null;
}

function snapshotOf(wb: WorkbookReader, loc: Located): TableSnapshot {
  const { sheet, headerRow, firstCol, lastCol } = loc;
  const width = lastCol - firstCol + 1;
  const headers: string[] = new Array<string>(width).fill('');
  // Only rows the file holds are visited and kept; the rows between are filled in at the end.
  const present = new Map<number, RawCell[]>();
  const unreadable: UnreadableCell[] = [];
  let lastFilled = 0;
  wb.forEachRow(
    sheet,
    { rows: [headerRow, Number.MAX_SAFE_INTEGER], cols: [firstCol, lastCol], dates: false },
    (row) => {
      if (row.r === headerRow) {
        for (const c of row.cells) headers[c.col - firstCol] = c.value === null ? '' : String(c.value);
        return;
      }
      const index = row.r - headerRow - 1;
      let values: RawCell[] | null = null;
      for (const c of row.cells) {
        const j = c.col - firstCol;
        if (c.kind === 'error')
          unreadable.push({ row: index, col: j, reason: 'error-value', text: String(c.value) });
        else if (c.hasFormula && c.kind === 'empty')
          unreadable.push({ row: index, col: j, reason: 'formula-without-value', text: c.formula ?? '' });
        const v = rawOf(c);
        if (v === null) continue;
        values ??= new Array<RawCell>(width).fill(null);
        values[j] = v;
        // The cheap test first: a cell never moves lastFilled past its own row (most cells of a
        // filled row are not looked at).
        if (index + 1 > lastFilled && !isBlank(v)) lastFilled = index + 1;
      }
      if (values) present.set(index, values);
    },
  );
  // Rows typed just below the table (LibreOffice does not grow tables) count, up to the last
  // row that holds something; the table's own rows count even when blank.
  const tableRows = loc.tableLastRow ? Math.max(0, loc.tableLastRow - headerRow) : lastFilled;
  const count = Math.max(tableRows, lastFilled);
  const rows: RawCell[][] = [];
  for (let i = 0; i < count; i++) rows.push(present.get(i) ?? new Array<RawCell>(width).fill(null));
  const snapshot: TableSnapshot = { sheet: sheet.name, headerRow, firstCol, headers, rows, tableRows };
  const inside = unreadable.filter((u) => u.row < count);
  if (inside.length) snapshot.unreadable = inside;
  return snapshot;
}

function readMeta(wb: WorkbookReader): WorkbookMeta | null {
  const sheet = wb.sheet(SHEET_NAMES.meta.vi);
  if (!sheet) return null;
  const rows: RawCell[][] = [];
  wb.forEachRow(sheet, { cols: [0, 1], dates: false }, (row) => {
    const pair: RawCell[] = [null, null];
    for (const c of row.cells) pair[c.col] = rawOf(c);
    rows.push(pair);
  });
  return parseMeta(rows);
}

function readReportDate(wb: WorkbookReader): string | null {
  const target = wb.resolveName(REPORT_DATE_NAME);
  if (!target) return null;
  const cell = wb.cell(target.sheet, { row: target.range.top, col: target.range.left });
  const v = cell ? rawOf(cell) : null;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) return serialToIso(v);
  if (typeof v === 'string' && isIsoDate(v.trim())) return v.trim();
  return null;
}

function noTable(): LocalizedError {
  return new LocalizedError({
    vi: `Không tìm thấy bảng theo dõi nhiệm vụ (bảng "${TABLE_NAME}" hoặc trang "${SHEET_NAMES.tasks.vi}").`,
    en: `No task tracking table found (table "${TABLE_NAME}" or sheet "${SHEET_NAMES.tasks.en}").`,
  });
}

/** The task table and the meta sheet of an open package: what a merge needs of a return. */
export function readTableAndMeta(wb: WorkbookReader): Pick<TrackingWorkbook, 'snapshot' | 'meta'> {
  const loc = locateTable(wb);
  if (!loc) throw noTable();
  return { snapshot: snapshotOf(wb, loc), meta: readMeta(wb) };
}

/** What a merge needs of its master: the table, the meta sheet, the language and the sheets. */
export type MergeMaster = Pick<TrackingWorkbook, 'snapshot' | 'meta' | 'lang' | 'sheetNames'>;

/**
 * The master as a merge reads it (the merge then edits the same opening). The report date and the
 * history's count of extensions serve the checks, not a merge: reading them would visit the
 * summary sheet and every row the `Lịch sử` sheet has gathered, once more with each merge.
 */
export function readMergeMaster(wb: WorkbookReader): MergeMaster {
  const { snapshot, meta } = readTableAndMeta(wb);
  const map = mapColumns(snapshot.headers);
  const lang: Lang = Object.keys(map.index).length ? map.lang : (meta?.lang ?? 'vi');
  return { snapshot, meta, lang, sheetNames: wb.sheets.map((s) => s.name) };
}

/** The tracking workbook in an open package. */
export function readOpenWorkbook(wb: WorkbookReader): TrackingWorkbook {
  return { ...readMergeMaster(wb), reportDate: readReportDate(wb), ...extensionsOf(wb) };
}

/**
 * Each task's extensions as the `Lịch sử` sheet logged them: rows of the adjusted-deadline column
 * (its header in either language, column D) with a new value (G), by task id (C). The history is
 * the one record a task's earlier deadlines leave: the table holds only the latest.
 */
function extensionsOf(wb: WorkbookReader): { extensions?: Record<string, number> } {
  const sheet = wb.sheets.find((s) => isSheet('history', s.name) && s.part);
  if (!sheet) return {};
  const headers = new Set((['vi', 'en'] as const).map((l) => columnHeader('adjustedDue', l)));
  const counts: Record<string, number> = {};
  wb.forEachRow(sheet, { rows: [2, Number.MAX_SAFE_INTEGER], cols: [2, 6], dates: false }, (row) => {
    const at = (col: number) => {
      const cell = row.cells.find((c) => c.col === col);
      return cell ? rawOf(cell) : null;
    };
    const id = at(2);
    const column = at(3);
    const value = at(6);
    if (typeof id !== 'string' || typeof column !== 'string' || !headers.has(column)) return;
    if (value === null || value === '') return;
    counts[id] = (counts[id] ?? 0) + 1;
  });
  return { extensions: counts };
}

export function readTrackingWorkbookSync(bytes: Uint8Array, opts: ReadOptions = {}): TrackingWorkbook {
  return readOpenWorkbook(openWorkbook(bytes, { fileName: opts.fileName, codec: opts.codec }));
}

/**
 * A return as a merge reads it: the table and the meta sheet only. Its report-date cell is not
 * read (a merge never uses it), which spares inflating and scanning the summary sheet it is in.
 */
export function readReturnWorkbookSync(
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Pick<TrackingWorkbook, 'snapshot' | 'meta'> {
  return readTableAndMeta(
    openWorkbook(bytes, { fileName: opts.fileName, codec: opts.codec, texts: opts.texts }),
  );
}

export async function readTrackingWorkbook(
  bytes: Uint8Array,
  opts: ReadOptions = {},
): Promise<TrackingWorkbook> {
  return readTrackingWorkbookSync(bytes, opts);
}

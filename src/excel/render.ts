import { LocalizedError, type Msg } from '../model/msg';
import { columnLetter } from '../model/table';
import { buildMetaSheet } from '../workbook/sheets/meta';
import type {
  CellSpec,
  CellStyle,
  CellValue,
  ColumnSpec,
  SheetSpec,
  TableSpec,
  WorkbookMeta,
  WorkbookSpec,
} from '../workbook/types';
import { cellInput, cellNumberFormat, color, columnNumberFormat, escapeText, widthToPoints } from './cells';
import type { BorderEdge, Command, FormatProp } from './commands';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  fitUnits,
  makeUnit,
  partitionUnits,
  type Request,
  sendRequest,
  toRequest,
  type Unit,
} from './batches';
import { OFFICE_JS_BULK_CELLS } from './request-size';
import { pageLayoutOf } from './page-layout';
import { defaultSupport, type SupportCheck } from './support';
import { hasSheet, takeInventory, type WorkbookInventory } from './inventory';

export { partitionUnits };

/**
 * Draws a WorkbookSpec into the open workbook with a number of round trips that does not depend
 * on the number of tasks.
 *
 * The description is turned once into a list of plain commands (commands.ts); each command's
 * size is what office.js will send for it, measured by running the one executor against a meter
 * (request-size.ts), and the requests are sums of those sizes. Design (the tension between "few
 * syncs" and "no request over the payload limit"): Excel on the web rejects any single request
 * over 5 MB, and 10,000 realistic tasks carry 10–15 MB of text and formulas, so one request
 * cannot hold them, and "one sync per block" would make the count grow with the plan. Formula
 * columns whose rows are one relative formula are written once and filled down
 * (Range.autoFill, ExcelApi 1.9), which takes a third off each row. The rest is cut into units
 * (the structure, each sheet's free cells, each table's header and its rows in blocks), and the
 * units are spread over a FIXED number of data requests (`dataSyncs`, default 4; 5 without
 * ExcelApi 1.9) balanced by size, each under `maxRequestBytes` (default 3.5 MB). One last small
 * request adds the tables, the filled-down formulas, validation, conditional formats, names,
 * frozen panes, visibility, and recalculates. Hence:
 *
 *   syncs = 1 (inventory, unless the caller passes one) + dataSyncs + 1 (finish), for every
 *   workbook whose data fits in dataSyncs × maxRequestBytes;
 *   beyond that, one more data request per further ~maxRequestBytes (the payload limit wins).
 *
 * Tables are added after their rows are written: a formula written into an empty table column
 * makes Excel turn the column into a calculated column with one formula for every row
 * (OfficeDev/office-js#5909, #6745; #2093 closed "by design"), which would collapse per-row
 * formulas such as the check sheet's links into one. A column that is one relative formula is
 * written after the table exists, in its first cell and filled down, so it does become a
 * calculated column and new rows staff add get the formula too.
 *
 * Text columns get the text format "@" in the same request, before their values (so does any
 * text entry in another column: Range.values reads a string like typed en-US input, and
 * "3/4/2023" in a date column would become 4 March); dates are written as serial numbers;
 * formulas get their "="; text that starts like a formula is escaped (see cells.ts).
 * Calculation (ExcelApi 1.6) and screen updating (1.9) are suspended for every data request; the
 * last request recalculates.
 *
 * A failure leaves no half-built workbook: the sheets and names this call created are deleted
 * again (best effort) and the error is rethrown for errors.ts to explain.
 */

export interface RenderOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Table rows per block (a block is one values write per column run). Default 250. */
  blockRows?: number;
  /** Largest request this renderer builds, as office.js sends it. Default 3,500,000 bytes. */
  maxRequestBytes?: number;
  /**
   * Data requests, fixed so that small and large plans take the same number of syncs. Default 4
   * (5 where ExcelApi 1.9 is missing: formulas then travel row by row instead of filling down).
   */
  dataSyncs?: number;
  isSetSupported?: SupportCheck;
  /** Names left for the caller to add (update mode swaps them in at the end). */
  skipNames?: readonly string[];
  /** The workbook's sheets and names, when the caller already read them (saves a sync). */
  inventory?: WorkbookInventory;
  /** Sheet activated at the end (name); default the spec's `tasks` sheet. */
  activate?: string | null;
}

export interface RenderReport {
  syncs: number;
  /** Planned request size of each sync, in order (what office.js sends, as request-size.ts counts it). */
  requestBytes: number[];
  tableRows: number;
  createdSheets: string[];
  addedNames: string[];
  /** Names of an earlier build that were deleted and added again. */
  replacedNames: string[];
  /** Parts skipped because the host lacks the API. */
  skipped: Msg[];
}

export class RenderAbortedError extends LocalizedError {
  constructor() {
    super({ vi: 'Đã hủy tạo bảng theo dõi.', en: 'Building the workbook was cancelled.' });
    this.name = 'AbortError';
  }
}

type Ctx = Excel.RequestContext;

function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

function a1Range(row: number, col: number, rows: number, cols: number): string {
  if (rows === 1 && cols === 1) return a1(row, col);
  return `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`;
}

const VISIBILITY: Record<SheetSpec['state'], 'Visible' | 'Hidden' | 'VeryHidden'> = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
};

/**
 * What renderWorkbook draws: a whole workbook, or generated sheets (period summary, check sheet)
 * for a workbook that already has its meta sheet, which come without `meta`.
 */
export type DrawableSpec = Omit<WorkbookSpec, 'meta'> & { meta?: WorkbookMeta };

/** The spec as drawn: a meta sheet is added from spec.meta when the spec has meta but no such sheet. */
export function withMetaSheet<S extends DrawableSpec>(spec: S): S {
  if (!spec.meta || spec.sheets.some((s) => s.key === 'meta')) return spec;
  return { ...spec, sheets: [...spec.sheets, buildMetaSheet(spec.meta, spec.lang)] };
}

// ---------------------------------------------------------------- formulas filled down

/** Shifts relative row numbers of A1 references (outside string literals) by `delta`. */
export function shiftRows(formula: string, delta: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(])/g,
            (_m, c: string, abs: string, r: string) => `${c}${abs}${abs ? r : Number(r) + delta}`,
          ),
    )
    .join('');
}

/**
 * Formula columns whose every row is the column's row formula, relative-shifted from the first
 * row: those are written once (first cell) and filled down with Range.autoFill (ExcelApi 1.9), one
 * small command instead of a formula per row (about a third of a realistic request).
 */
export function fillDownColumns(t: TableSpec): Set<number> {
  const out = new Set<number>();
  const first = t.row + 2;
  t.columns.forEach((c, ci) => {
    if (c.kind !== 'formula' || !c.formula || t.rows.length < 2) return;
    const f0 = c.formula(first);
    const ok = t.rows.every((r, i) => {
      const v = r[ci];
      return (
        v?.t === 'formula' &&
        v.f === shiftRows(f0, i) &&
        (c.formula as (n: number) => string)(first + i) === v.f
      );
    });
    if (ok) out.add(ci);
  });
  return out;
}

// ---------------------------------------------------------------- the plan as commands

function tableDataRows(t: TableSpec): number {
  // A table always has at least one data row.
  return Math.max(1, t.rows.length);
}

/**
 * The number format a table cell gets before its value: the column's, except that a text entry
 * in a date or number column is kept as text ("@"). Range.values reads strings with en-US
 * conventions, so "3/4/2023" typed as text into a dd/mm/yyyy column would come back as 4 March.
 */
export function tableCellFormat(col: ColumnSpec, value: CellValue): string {
  if (value?.t === 'text' && col.kind !== 'formula') return '@';
  return columnNumberFormat(col);
}

function structureCommands(spec: DrawableSpec): Command[] {
  const out: Command[] = [];
  for (const sheet of spec.sheets) {
    out.push({ op: 'addSheet', sheet: sheet.name });
    if (sheet.tabColor) out.push({ op: 'tabColor', sheet: sheet.name, color: color(sheet.tabColor) });
    const widths = [...sheet.widths];
    for (const t of sheet.tables) {
      t.columns.forEach((c, i) => {
        if (widths[t.col + i] === undefined) widths[t.col + i] = c.width;
      });
    }
    widths.forEach((w, c) => {
      if (w === undefined || w === null) return;
      out.push({ op: 'columnWidth', sheet: sheet.name, column: columnLetter(c), points: widthToPoints(w) });
    });
    for (const c of sheet.hiddenColumns ?? []) {
      const column = columnLetter(c);
      out.push({ op: 'hideColumns', sheet: sheet.name, address: `${column}:${column}` });
    }
    for (const [r, points] of Object.entries(sheet.rowHeights ?? {})) {
      const row = Number(r) + 1;
      out.push({
        op: 'format',
        sheet: sheet.name,
        address: `${row}:${row}`,
        prop: 'rowHeight',
        value: points,
      });
    }
    for (const m of sheet.merges) out.push({ op: 'merge', sheet: sheet.name, address: m });
  }
  return out;
}

/** The header row (text, escaped) and the column-wide formats of a table's body. */
function tableHeadCommands(sheet: string, t: TableSpec): Command[] {
  const cols = t.columns.length;
  const header = a1Range(t.row, t.col, 1, cols);
  const out: Command[] = [
    { op: 'numberFormat', sheet, address: header, grid: [t.columns.map(() => '@')] },
    { op: 'values', sheet, address: header, grid: [t.columns.map((c) => escapeText(c.header))] },
  ];
  t.columns.forEach((c, i) => {
    const body = a1Range(t.row + 1, t.col + i, tableDataRows(t), 1);
    out.push({ op: 'format', sheet, address: body, prop: 'verticalAlignment', value: 'Top' });
    if (c.wrap) out.push({ op: 'format', sheet, address: body, prop: 'wrapText', value: true });
  });
  return out;
}

/** Column runs of a block: contiguous columns written the same way (values or formulas). */
function runsOf(t: TableSpec, skip: ReadonlySet<number>): { c0: number; c1: number; formulas: boolean }[] {
  const formulaCol = t.columns.map(
    (c, ci) => c.kind === 'formula' || t.rows.some((r) => r[ci]?.t === 'formula'),
  );
  const runs: { c0: number; c1: number; formulas: boolean }[] = [];
  let c0 = 0;
  while (c0 < t.columns.length) {
    if (skip.has(c0)) {
      c0 += 1;
      continue;
    }
    let c1 = c0;
    while (c1 + 1 < t.columns.length && !skip.has(c1 + 1) && formulaCol[c1 + 1] === formulaCol[c0]) c1 += 1;
    runs.push({ c0, c1, formulas: formulaCol[c0] });
    c0 = c1 + 1;
  }
  return runs;
}

function blockCommands(
  sheet: string,
  t: TableSpec,
  start: number,
  count: number,
  runs: readonly { c0: number; c1: number; formulas: boolean }[],
): Command[] {
  const out: Command[] = [];
  for (const run of runs) {
    const cols = t.columns.slice(run.c0, run.c1 + 1);
    const formats: string[][] = [];
    const data: (string | number | boolean)[][] = [];
    for (let r = start; r < start + count; r++) {
      const row: CellValue[] = t.rows[r] ?? [];
      formats.push(cols.map((c, k) => tableCellFormat(c, row[run.c0 + k] ?? null)));
      data.push(cols.map((_c, k) => cellInput(row[run.c0 + k] ?? null)));
    }
    const address = a1Range(t.row + 1 + start, t.col + run.c0, count, cols.length);
    // The text format must be in place before the text arrives.
    out.push({ op: 'numberFormat', sheet, address, grid: formats });
    out.push({ op: run.formulas ? 'formulas' : 'values', sheet, address, grid: data });
  }
  return out;
}

function tableUnits(
  sheet: SheetSpec,
  t: TableSpec,
  blockRows: number,
  maxUnitBytes: number,
  skip: ReadonlySet<number>,
): Unit[] {
  const runs = runsOf(t, skip);
  // office.js splits a write of more than 1,500 cells into extra ranges; blocks stay under it.
  const widest = Math.max(1, ...runs.map((r) => r.c1 - r.c0 + 1));
  const rowsPerBlock = Math.max(1, Math.min(blockRows, Math.floor(OFFICE_JS_BULK_CELLS / widest)));
  const block = (start: number, count: number): Unit & { start: number } => ({
    ...makeUnit(blockCommands(sheet.name, t, start, count, runs), count),
    start,
  });
  const units: (Unit & { start: number })[] = [];
  for (let start = 0; start < t.rows.length; start += rowsPerBlock) {
    units.push(block(start, Math.min(rowsPerBlock, t.rows.length - start)));
  }
  return fitUnits(units, maxUnitBytes, (u) => {
    const { start, rows } = u as Unit & { start: number };
    if (rows < 2) return null;
    const half = Math.ceil(rows / 2);
    return [block(start, half), block(start + half, rows - half)];
  });
}

const STYLE_PROPS: [keyof NonNullable<CellSpec['style']>, FormatProp][] = [
  ['bold', 'font.bold'],
  ['italic', 'font.italic'],
  ['size', 'font.size'],
  ['color', 'font.color'],
  ['fill', 'fill.color'],
  ['wrap', 'wrapText'],
  ['font', 'font.name'],
];

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * The cells as rectangles: runs of adjacent columns in a row, stacked while the next row has the
 * same run, none over `maxCells` (office.js splits bigger writes itself). One write per
 * rectangle instead of one per cell: a range costs two objects and a kept reference in a request,
 * far more than a cell's value, and the radar and report sheets have thousands of cells.
 */
export function cellRectangles(
  cells: readonly { row: number; col: number }[],
  maxCells = OFFICE_JS_BULK_CELLS,
): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.col + last.cols === c.col) last.cols += 1;
    else runs.push({ row: c.row, col: c.col, rows: 1, cols: 1 });
  }
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.col}:${run.cols}`;
    const rect = open.get(key);
    if (rect && rect.row + rect.rows === run.row && (rect.rows + 1) * rect.cols <= maxCells) {
      rect.rows += 1;
    } else {
      const fresh = { ...run };
      open.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

function rectAddress(r: Rect): string {
  return a1Range(r.row, r.col, r.rows, r.cols);
}

function styleCommands(sheet: string, rect: Rect, s: CellStyle): Command[] {
  const address = rectAddress(rect);
  const out: Command[] = [];
  for (const [key, prop] of STYLE_PROPS) {
    const v = s[key];
    if (v === undefined) continue;
    out.push({
      op: 'format',
      sheet,
      address,
      prop,
      value: key === 'color' || key === 'fill' ? color(String(v)) : (v as boolean | number | string),
    });
  }
  if (s.underline) out.push({ op: 'format', sheet, address, prop: 'font.underline', value: 'Single' });
  if (s.hAlign) {
    const value = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[s.hAlign];
    out.push({ op: 'format', sheet, address, prop: 'horizontalAlignment', value });
  }
  if (s.vAlign) {
    const value = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[s.vAlign];
    out.push({ op: 'format', sheet, address, prop: 'verticalAlignment', value });
  }
  if (s.border) {
    // Every cell of the rectangle bordered: its outline and the lines inside it.
    const edges: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rect.cols > 1) edges.push('InsideVertical');
    if (rect.rows > 1) edges.push('InsideHorizontal');
    for (const edge of edges) out.push({ op: 'border', sheet, address, edge });
  }
  return out;
}

/** The style a renderer draws (the number format travels with the value). */
function styleKey(s: CellStyle | undefined): string | null {
  if (!s) return null;
  const { numFmt: _numFmt, ...drawn } = s;
  const keys = Object.keys(drawn).filter((k) => drawn[k as keyof typeof drawn] !== undefined);
  if (!keys.length) return null;
  return JSON.stringify(keys.sort().map((k) => [k, drawn[k as keyof typeof drawn]]));
}

/**
 * A sheet's free cells as groups of commands, each group one rectangle: its number formats
 * before its values (the text format must be in place before the text arrives), formulas and
 * constants apart; then each style's rectangles.
 */
function cellGroups(sheet: SheetSpec): Command[][] {
  const byPos = new Map<string, CellSpec>();
  // A cell given twice is drawn as the two writes were: the later value unless it is empty, the
  // styles together.
  for (const c of sheet.cells) {
    const key = `${c.row},${c.col}`;
    const before = byPos.get(key);
    byPos.set(
      key,
      before
        ? {
            ...c,
            value: c.value ?? before.value,
            style: before.style || c.style ? { ...before.style, ...c.style } : undefined,
          }
        : c,
    );
  }
  const at = (row: number, col: number) => byPos.get(`${row},${col}`) as CellSpec;
  const cells = [...byPos.values()];
  const groups: Command[][] = [];
  for (const formulas of [false, true]) {
    const written = cells.filter((c) => c.value !== null && (c.value.t === 'formula') === formulas);
    for (const rect of cellRectangles(written)) {
      const formats: string[][] = [];
      const data: (string | number | boolean)[][] = [];
      let anyFormat = false;
      for (let r = 0; r < rect.rows; r++) {
        const f: string[] = [];
        const d: (string | number | boolean)[] = [];
        for (let c = 0; c < rect.cols; c++) {
          const cell = at(rect.row + r, rect.col + c);
          const nf = cellNumberFormat(cell.value, cell.style);
          if (nf) anyFormat = true;
          f.push(nf ?? 'General');
          d.push(cellInput(cell.value));
        }
        formats.push(f);
        data.push(d);
      }
      const address = rectAddress(rect);
      const group: Command[] = [];
      if (anyFormat) group.push({ op: 'numberFormat', sheet: sheet.name, address, grid: formats });
      group.push({ op: formulas ? 'formulas' : 'values', sheet: sheet.name, address, grid: data });
      groups.push(group);
    }
  }
  const styles = new Map<string, { style: CellStyle; cells: CellSpec[] }>();
  for (const c of cells) {
    const key = styleKey(c.style);
    if (key === null) continue;
    const entry = styles.get(key) ?? styles.set(key, { style: c.style as CellStyle, cells: [] }).get(key)!;
    entry.cells.push(c);
  }
  for (const { style, cells: styled } of styles.values()) {
    for (const rect of cellRectangles(styled, Number.MAX_SAFE_INTEGER))
      groups.push(styleCommands(sheet.name, rect, style));
  }
  return groups;
}

/** A sheet's free cells, a few hundred commands to a unit. */
function cellUnits(sheet: SheetSpec, maxUnitBytes: number): Unit[] {
  const units: Unit[] = [];
  let current: Command[] = [];
  for (const group of cellGroups(sheet)) {
    current.push(...group);
    if (current.length >= 400) {
      units.push(makeUnit(current));
      current = [];
    }
  }
  if (current.length) units.push(makeUnit(current));
  return fitUnits(units, maxUnitBytes, (u) => {
    if (u.commands.length < 2) return null;
    const half = Math.ceil(u.commands.length / 2);
    return [makeUnit(u.commands.slice(0, half)), makeUnit(u.commands.slice(half))];
  });
}

/** The tables, once their rows are in, and the formula columns filled down inside them. */
function tableFinishCommands(sheet: string, t: TableSpec, fill: ReadonlySet<number>): Command[] {
  const out: Command[] = [
    {
      op: 'addTable',
      sheet,
      address: a1Range(t.row, t.col, 1 + tableDataRows(t), t.columns.length),
      name: t.name,
      style: t.style,
    },
  ];
  for (const i of fill) {
    const c = t.columns[i];
    const top = a1(t.row + 1, t.col + i);
    out.push({ op: 'numberFormat', sheet, address: top, grid: [[columnNumberFormat(c)]] });
    out.push({ op: 'formulas', sheet, address: top, grid: [[cellInput(t.rows[0][i])]] });
    out.push({ op: 'fillDown', sheet, from: top, to: a1Range(t.row + 1, t.col + i, tableDataRows(t), 1) });
  }
  return out;
}

interface Finish {
  commands: Command[];
  addedNames: string[];
  skipped: Msg[];
}

function finishCommands(
  spec: DrawableSpec,
  support: SupportCheck,
  fills: ReadonlyMap<TableSpec, ReadonlySet<number>>,
  skipNames: ReadonlySet<string>,
  previousNames: readonly string[],
  activate: string | null,
): Finish {
  const commands: Command[] = [];
  const addedNames: string[] = [];
  const skipped: Finish['skipped'] = [];
  // Our own names left behind by an earlier build (pointing at deleted sheets): replaced.
  for (const n of previousNames) commands.push({ op: 'deleteName', name: n });
  for (const sheet of spec.sheets) {
    for (const t of sheet.tables)
      commands.push(...tableFinishCommands(sheet.name, t, fills.get(t) ?? new Set()));
  }
  for (const n of spec.names) {
    if (skipNames.has(n.name)) continue;
    commands.push({ op: 'addName', name: n.name, formula: n.ref.startsWith('=') ? n.ref : `=${n.ref}` });
    addedNames.push(n.name);
  }
  const validation = support('ExcelApi', '1.8');
  const cfs = support('ExcelApi', '1.6');
  if (!validation && spec.sheets.some((s) => s.validations.length)) {
    skipped.push({
      vi: 'Phiên bản Excel này không hỗ trợ danh sách chọn/kiểm tra dữ liệu (ExcelApi 1.8): đã bỏ qua. Hãy dùng tệp .xlsx.',
      en: 'This Excel version lacks data validation (ExcelApi 1.8): skipped. Use the .xlsx file instead.',
    });
  }
  if (!cfs && spec.sheets.some((s) => s.conditionalFormats.length)) {
    skipped.push({
      vi: 'Phiên bản Excel này không hỗ trợ định dạng có điều kiện (ExcelApi 1.6): đã bỏ qua.',
      en: 'This Excel version lacks conditional formats (ExcelApi 1.6): skipped.',
    });
  }
  for (const sheet of spec.sheets) {
    if (validation)
      for (const rule of sheet.validations) commands.push({ op: 'validation', sheet: sheet.name, rule });
    if (cfs)
      for (const format of sheet.conditionalFormats)
        commands.push({ op: 'conditionalFormat', sheet: sheet.name, format });
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
      commands.push({ op: 'freeze', sheet: sheet.name, rows: sheet.freeze.rows, cols: sheet.freeze.cols });
    }
  }
  commands.push(...printCommands(spec, support, skipped));
  if (activate) commands.push({ op: 'activate', sheet: activate });
  // Hidden last: a sheet can be written while hidden, but the active sheet cannot be hidden.
  for (const sheet of spec.sheets) {
    if (sheet.state !== 'visible')
      commands.push({ op: 'visibility', sheet: sheet.name, state: VISIBILITY[sheet.state] });
  }
  // Calculation was suspended while writing: recalculate once, now.
  commands.push({ op: 'calculate' });
  return { commands, addedNames, skipped };
}

/**
 * How the sheets look on screen and on paper: gridlines off where the spec says so (ExcelApi
 * 1.8), table rows as high as their wrapped text, and the page layout (ExcelApi 1.9). Without
 * 1.9 the sheets are drawn all the same and the pane says that printing needs a newer Excel.
 */
function printCommands(spec: DrawableSpec, support: SupportCheck, skipped: Msg[]): Command[] {
  const out: Command[] = [];
  const layout = support('ExcelApi', '1.9');
  for (const sheet of spec.sheets) {
    if (sheet.showGridLines === false && support('ExcelApi', '1.8'))
      out.push({ op: 'gridlines', sheet: sheet.name, show: false });
    if (sheet.fitWrappedRows)
      for (const t of sheet.tables)
        out.push({
          op: 'autofitRows',
          sheet: sheet.name,
          address: a1Range(t.row + 1, t.col, tableDataRows(t), t.columns.length),
        });
    if (sheet.print && layout)
      out.push({ op: 'pageLayout', sheet: sheet.name, layout: pageLayoutOf(sheet.print) });
  }
  if (!layout && spec.sheets.some((s) => s.print)) skipped.push(PRINT_SETUP_SKIPPED);
  return out;
}

/** The page setup office.js cannot make below ExcelApi 1.9 (Excel 2019 and the like). */
export const PRINT_SETUP_SKIPPED: Msg = {
  vi: 'Phiên bản Excel này chưa hỗ trợ thiết lập trang in (ExcelApi 1.9): các trang vẫn được tạo đủ, nhưng in theo khổ giấy và lề mặc định của Excel. Muốn in đúng khổ A4 và lề theo Nghị định 30/2020, hãy dùng tệp .xlsx tải về hoặc Excel mới hơn.',
  en: 'This Excel version cannot set up printing (ExcelApi 1.9): every sheet is built, but prints with Excel’s default paper and margins. For A4 and the margins of Decree 30/2020, use the downloaded .xlsx file or a newer Excel.',
};

export interface RenderPlan {
  /** The data requests, in order (the first adds the sheets). */
  data: Request[];
  /** The finishing requests (one unless the finish alone passes the cap). */
  finish: Request[];
  addedNames: string[];
  skipped: Msg[];
  tableRows: number;
}

export interface PlanOptions {
  support: SupportCheck;
  maxRequestBytes: number;
  blockRows: number;
  dataSyncs?: number;
  skipNames?: ReadonlySet<string>;
  previousNames?: readonly string[];
  activate: string | null;
}

/** The whole render as requests of plain commands, each sized as office.js will send it. */
export function planRender(spec: DrawableSpec, opts: PlanOptions): RenderPlan {
  const { support } = opts;
  const canFill = support('ExcelApi', '1.9');
  const prefix: Command[] = [];
  if (support('ExcelApi', '1.6')) prefix.push({ op: 'suspendCalculation' });
  if (support('ExcelApi', '1.9')) prefix.push({ op: 'suspendScreenUpdating' });
  const cap = opts.maxRequestBytes - toRequest([], prefix).bytes;
  // A unit never takes more than a quarter of a request, so balancing stays fine-grained.
  const maxUnit = Math.floor(cap / 4);
  // Without fill-down every formula travels: one more request keeps 10,000 tasks under the cap.
  const wanted = Math.max(1, opts.dataSyncs ?? (canFill ? 4 : 5));
  const fills = new Map<TableSpec, Set<number>>();
  for (const sheet of spec.sheets) {
    for (const t of sheet.tables) fills.set(t, canFill ? fillDownColumns(t) : new Set());
  }
  const units: Unit[] = [makeUnit(structureCommands(spec))];
  for (const sheet of spec.sheets) units.push(...cellUnits(sheet, maxUnit));
  let tableRows = 0;
  for (const sheet of spec.sheets) {
    for (const t of sheet.tables) {
      units.push(makeUnit(tableHeadCommands(sheet.name, t)));
      units.push(...tableUnits(sheet, t, opts.blockRows, maxUnit, fills.get(t) ?? new Set()));
      tableRows += t.rows.length;
    }
  }
  const data = partitionUnits(units, wanted, cap).map((b) => toRequest(b, prefix));
  const finish = finishCommands(
    spec,
    support,
    fills,
    opts.skipNames ?? new Set(),
    opts.previousNames ?? [],
    opts.activate,
  );
  const finishUnits = fitUnits([makeUnit(finish.commands)], cap, (u) => {
    if (u.commands.length < 2) return null;
    const half = Math.ceil(u.commands.length / 2);
    return [makeUnit(u.commands.slice(0, half)), makeUnit(u.commands.slice(half))];
  });
  return {
    data,
    finish: partitionUnits(finishUnits, 1, cap).map((b) => toRequest(b)),
    addedNames: finish.addedNames,
    skipped: finish.skipped,
    tableRows,
  };
}

// ---------------------------------------------------------------- main

export class SheetExistsError extends LocalizedError {
  constructor(readonly sheets: string[]) {
    super({
      vi: `Trang tính đã có trong sổ: ${sheets.join(', ')}. Không ghi đè; hãy chọn cập nhật hoặc tạo trang mới.`,
      en: `Sheets already in the workbook: ${sheets.join(', ')}. Nothing was overwritten; choose update or new sheets.`,
    });
    this.name = 'SheetExistsError';
  }
}

/** What the inventory sync asks for (two collection loads), as planned bytes. */
const INVENTORY_BYTES = 1_200;

export async function renderWorkbook(
  context: Ctx,
  specIn: DrawableSpec,
  opts: RenderOptions = {},
): Promise<RenderReport> {
  const spec = withMetaSheet(specIn);
  const support = opts.isSetSupported ?? defaultSupport;
  const activate =
    opts.activate === undefined ? (spec.sheets.find((s) => s.key === 'tasks')?.name ?? null) : opts.activate;
  const report: RenderReport = {
    syncs: 0,
    requestBytes: [],
    tableRows: 0,
    createdSheets: [],
    addedNames: [],
    replacedNames: [],
    skipped: [],
  };

  let inventory = opts.inventory;
  if (!inventory) {
    inventory = await takeInventory(context);
    report.syncs += 1;
    report.requestBytes.push(INVENTORY_BYTES);
  }
  const clash = spec.sheets.filter((s) => hasSheet(inventory, s.name)).map((s) => s.name);
  if (clash.length) throw new SheetExistsError(clash);
  const skipNames = new Set(opts.skipNames ?? []);
  const previousNames = inventory.names.filter(
    (n) => !skipNames.has(n.name) && spec.names.some((s) => s.name.toLowerCase() === n.name.toLowerCase()),
  );
  const plan = planRender(spec, {
    support,
    maxRequestBytes: opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES,
    blockRows: Math.max(1, opts.blockRows ?? 250),
    dataSyncs: opts.dataSyncs,
    skipNames,
    previousNames: previousNames.map((n) => n.name),
    activate,
  });
  report.tableRows = plan.tableRows;
  report.skipped.push(...plan.skipped);

  const send = async (request: Request) => {
    report.requestBytes.push(request.bytes);
    report.syncs += 1;
    await sendRequest(context, request);
  };
  let done = 0;
  try {
    for (const request of plan.data) {
      if (opts.signal?.aborted) throw new RenderAbortedError();
      // Every sheet is added by the first request: from here on, they are ours to remove.
      if (!report.createdSheets.length) report.createdSheets.push(...spec.sheets.map((s) => s.name));
      await send(request);
      done += request.rows;
      opts.onProgress?.(done, plan.tableRows);
    }
    if (opts.signal?.aborted) throw new RenderAbortedError();
    for (const request of plan.finish) {
      // The names are added by the finish: a failure from here on may have left some.
      report.addedNames = plan.addedNames;
      report.replacedNames = previousNames.map((n) => n.name);
      await send(request);
    }
    opts.onProgress?.(plan.tableRows, plan.tableRows);
    return report;
  } catch (err) {
    await rollback(context, report.createdSheets, report.addedNames, previousNames).catch(() => undefined);
    throw err;
  }
}

/**
 * Deletes the sheets and names this run created (those that exist) and puts back names it
 * replaced. Two syncs, only on failure. Only names of sheets that did not exist before the run
 * are ever passed here, so a sheet of the user's cannot be deleted.
 */
export async function rollback(
  context: Ctx,
  sheetNames: readonly string[],
  names: readonly string[],
  restoreNames: readonly { name: string; formula: string }[] = [],
): Promise<void> {
  if (!sheetNames.length && !names.length && !restoreNames.length) return;
  const sheets = sheetNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
  const all = [...new Set([...names, ...restoreNames.map((r) => r.name)])];
  const found = all.map((n) => context.workbook.names.getItemOrNullObject(n));
  for (const s of sheets) s.load('name,visibility');
  for (const f of found) f.load('name');
  await context.sync();
  for (const f of found) if (!f.isNullObject) f.delete();
  for (const s of sheets) {
    if (s.isNullObject) continue;
    // A very hidden sheet cannot be deleted as it is; any other sheet may be the active one,
    // which Excel will not hide (deleting it is allowed).
    if (s.visibility === 'VeryHidden') s.visibility = 'Hidden';
    s.delete();
  }
  for (const r of restoreNames) context.workbook.names.add(r.name, r.formula);
  await context.sync();
}

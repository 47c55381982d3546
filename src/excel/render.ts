import { LocalizedError, type Msg } from '../model/msg';
import { columnLetter } from '../model/table';
import { buildMetaSheet } from '../workbook/sheets/meta';
import type {
  CellSpec,
  CellValue,
  ConditionalFormat,
  SheetSpec,
  TableSpec,
  Validation,
  WorkbookMeta,
  WorkbookSpec,
} from '../workbook/types';
import {
  cellInput,
  cellNumberFormat,
  color,
  columnNumberFormat,
  escapeText,
  jsonSize,
  widthToPoints,
} from './cells';
import { defaultSupport, MIN_RENDER_API, requireApi, type SupportCheck } from './support';
import { hasSheet, takeInventory, type WorkbookInventory } from './inventory';

/**
 * Draws a WorkbookSpec into the open workbook with a number of round trips that does not depend
 * on the number of tasks.
 *
 * Design (the tension between "few syncs" and "no request over the payload limit"):
 * Excel on the web rejects any single request over 5 MB, and a request is everything queued
 * between two `context.sync()` calls. Ten thousand realistic tasks carry 10–15 MB of text and
 * formulas, so one request cannot hold them, and "one sync per block" would make the count grow
 * with the plan. Formula columns whose rows are one relative formula are written once and
 * filled down (Range.autoFill, ExcelApi 1.9), which takes a third off each row. The rest is
 * cut into units (the structure, each sheet's free cells, and each table's rows in blocks of
 * `blockRows`), each unit's request size is estimated (UTF-8 JSON of its arguments plus a
 * per-command overhead), and the units are spread over a FIXED number of data requests
 * (`dataSyncs`, default 4; 5 without ExcelApi 1.9) balanced by size, each under `maxRequestBytes`
 * (default 3.5 MB, well under 4 MB). One last small request adds validation, conditional
 * formats, names, frozen panes, visibility, and recalculates. Hence:
 *
 *   syncs = 1 (inventory, unless the caller passes one) + dataSyncs + 1 (finish), for every
 *   workbook whose data fits in dataSyncs × maxRequestBytes;
 *   beyond that, one more data request per further ~maxRequestBytes (the payload limit wins).
 *
 * Measured with the counting fake on the sample plan's tasks (src/excel/testing): a row costs
 * ~860 bytes with fill-down (ExcelApi 1.9), ~1,350 without; 10,000 tasks make ~8.7 MB / ~13.6 MB.
 * The first extra sync comes at ~15,700 tasks (1.9) / ~12,200 tasks (without 1.9).
 *
 * Text columns get the text format "@" in the same request, before their values; dates are
 * written as serial numbers; formulas get their "="; text that starts like a formula is escaped
 * (see cells.ts). Calculation (ExcelApi 1.6) and screen updating (1.9) are suspended for every
 * data request; the last request recalculates.
 *
 * A failure leaves no half-built workbook: the sheets and names this call created are deleted
 * again (best effort) and the error is rethrown for errors.ts to explain.
 */

export interface RenderOptions {
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Table rows per block (a block is one values write per column run). Default 250. */
  blockRows?: number;
  /** Largest request this renderer builds, estimated. Default 3,500,000 bytes. */
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
  /** Estimated request size of each sync, in order. */
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

/** Bytes a command costs besides its arguments (ids, method name, JSON punctuation). */
const COMMAND_BYTES = 64;

type Ctx = Excel.RequestContext;

interface Unit {
  bytes: number;
  rows: number;
  queue(ctx: Ctx, sheets: SheetHandles): void;
}

class SheetHandles {
  private map = new Map<string, Excel.Worksheet>();
  constructor(private readonly ctx: Ctx) {}
  add(name: string): Excel.Worksheet {
    const ws = this.ctx.workbook.worksheets.add(name);
    this.map.set(name, ws);
    return ws;
  }
  get(name: string): Excel.Worksheet {
    let ws = this.map.get(name);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.map.set(name, ws);
    }
    return ws;
  }
}

/** Counts bytes the way a request carries them, while queueing. */
class Estimator {
  bytes = 0;
  cmd(args: unknown = null): void {
    this.bytes += COMMAND_BYTES + (args === null ? 0 : jsonSize(args));
  }
}

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

// ---------------------------------------------------------------- units

function structureUnit(spec: DrawableSpec, fills: ReadonlyMap<TableSpec, ReadonlySet<number>>): Unit {
  const est = new Estimator();
  for (const sheet of spec.sheets) {
    est.cmd(sheet.name);
    if (sheet.tabColor) est.cmd(sheet.tabColor);
    est.cmd(null); // suspend/format overheads are tiny; counted per sheet
    for (const w of sheet.widths) est.cmd(w);
    for (const m of sheet.merges) est.cmd(m);
    for (const t of sheet.tables) {
      est.cmd(t.columns.map((c) => c.header));
      est.cmd(t.columns.map((c) => c.header));
      est.cmd([t.name, t.style, a1Range(0, 0, 1, 1)]);
      est.bytes += t.columns.length * 3 * COMMAND_BYTES;
      for (const ci of fills.get(t) ?? []) est.cmd([cellInput(t.rows[0][ci]), 'A1', 'A1:A2', 'FillDefault']);
    }
  }
  return {
    bytes: est.bytes,
    rows: 0,
    queue(ctx, sheets) {
      for (const sheet of spec.sheets) {
        const ws = sheets.add(sheet.name);
        if (sheet.tabColor) ws.tabColor = color(sheet.tabColor);
        const widths = [...sheet.widths];
        for (const t of sheet.tables) {
          t.columns.forEach((c, i) => {
            if (widths[t.col + i] === undefined) widths[t.col + i] = c.width;
          });
        }
        widths.forEach((w, c) => {
          if (w === undefined || w === null) return;
          const letter = columnLetter(c);
          ws.getRange(`${letter}:${letter}`).format.columnWidth = widthToPoints(w);
        });
        for (const m of sheet.merges) ws.getRange(m).merge(false);
        for (const t of sheet.tables) queueTable(ws, t, fills.get(t) ?? new Set());
      }
      void ctx;
    },
  };
}

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

function tableDataRows(t: TableSpec): number {
  // A table always has at least one data row.
  return Math.max(1, t.rows.length);
}

function queueTable(ws: Excel.Worksheet, t: TableSpec, fill: ReadonlySet<number>): void {
  const cols = t.columns.length;
  const header = ws.getRange(a1Range(t.row, t.col, 1, cols));
  header.numberFormat = [t.columns.map(() => '@')];
  header.values = [t.columns.map((c) => escapeText(c.header))];
  const table = ws.tables.add(a1Range(t.row, t.col, 1 + tableDataRows(t), cols), true);
  table.name = t.name;
  table.style = t.style;
  // Column-wide formats are one command each, whatever the number of rows.
  t.columns.forEach((c, i) => {
    const body = ws.getRange(a1Range(t.row + 1, t.col + i, tableDataRows(t), 1));
    body.format.verticalAlignment = 'Top';
    if (c.wrap) body.format.wrapText = true;
    if (fill.has(i)) {
      const top = ws.getRange(a1(t.row + 1, t.col + i));
      top.numberFormat = [[columnNumberFormat(c)]];
      top.formulas = [[cellInput(t.rows[0][i])]];
      top.autoFill(body, 'FillDefault');
    }
  });
}

interface BlockWrite {
  address: string;
  numberFormat: string[][];
  formulas: boolean;
  data: (string | number | boolean)[][];
}

/** Column runs of one block: contiguous columns written the same way (values or formulas). */
function blockWrites(t: TableSpec, start: number, count: number, skip: ReadonlySet<number>): BlockWrite[] {
  const formulaCol = t.columns.map(
    (c, ci) => c.kind === 'formula' || t.rows.slice(start, start + count).some((r) => r[ci]?.t === 'formula'),
  );
  const writes: BlockWrite[] = [];
  let c0 = 0;
  while (c0 < t.columns.length) {
    if (skip.has(c0)) {
      c0 += 1;
      continue;
    }
    let c1 = c0;
    while (c1 + 1 < t.columns.length && !skip.has(c1 + 1) && formulaCol[c1 + 1] === formulaCol[c0]) c1 += 1;
    const cols = t.columns.slice(c0, c1 + 1);
    const numberFormat: string[][] = [];
    const data: (string | number | boolean)[][] = [];
    for (let r = start; r < start + count; r++) {
      const row: CellValue[] = t.rows[r] ?? [];
      numberFormat.push(cols.map((c) => columnNumberFormat(c)));
      data.push(cols.map((_c, k) => cellInput(row[c0 + k] ?? null)));
    }
    writes.push({
      address: a1Range(t.row + 1 + start, t.col + c0, count, cols.length),
      numberFormat,
      formulas: formulaCol[c0],
      data,
    });
    c0 = c1 + 1;
  }
  return writes;
}

function tableUnits(
  sheet: SheetSpec,
  t: TableSpec,
  blockRows: number,
  maxUnitBytes: number,
  skip: ReadonlySet<number>,
): Unit[] {
  const units: Unit[] = [];
  const makeUnit = (start: number, count: number): Unit[] => {
    const writes = blockWrites(t, start, count, skip);
    let bytes = 0;
    for (const w of writes)
      bytes += 2 * COMMAND_BYTES + jsonSize(w.numberFormat) + jsonSize(w.data) + 2 * jsonSize(w.address);
    if (bytes > maxUnitBytes && count > 1) {
      const half = Math.ceil(count / 2);
      return [...makeUnit(start, half), ...makeUnit(start + half, count - half)];
    }
    return [
      {
        bytes,
        rows: count,
        queue(_ctx, sheets) {
          const ws = sheets.get(sheet.name);
          for (const w of writes) {
            const range = ws.getRange(w.address);
            // The text format must be in place before the text arrives.
            range.numberFormat = w.numberFormat;
            if (w.formulas) range.formulas = w.data;
            else range.values = w.data;
          }
        },
      },
    ];
  };
  for (let start = 0; start < t.rows.length; start += blockRows) {
    units.push(...makeUnit(start, Math.min(blockRows, t.rows.length - start)));
  }
  return units;
}

function queueCellStyle(range: Excel.Range, cell: CellSpec, est: Estimator | null): void {
  const s = cell.style;
  if (!s) return;
  const set = (apply: () => void, v: unknown) => (est ? est.cmd(v) : apply());
  if (s.bold !== undefined) set(() => (range.format.font.bold = s.bold as boolean), s.bold);
  if (s.italic !== undefined) set(() => (range.format.font.italic = s.italic as boolean), s.italic);
  if (s.size !== undefined) set(() => (range.format.font.size = s.size as number), s.size);
  if (s.color) set(() => (range.format.font.color = color(s.color as string)), s.color);
  if (s.fill) set(() => (range.format.fill.color = color(s.fill as string)), s.fill);
  if (s.wrap !== undefined) set(() => (range.format.wrapText = s.wrap as boolean), s.wrap);
  if (s.hAlign) {
    const h = ({ left: 'Left', center: 'Center', right: 'Right' } as const)[s.hAlign];
    set(() => (range.format.horizontalAlignment = h), h);
  }
  if (s.vAlign) {
    const v = ({ top: 'Top', middle: 'Center', bottom: 'Bottom' } as const)[s.vAlign];
    set(() => (range.format.verticalAlignment = v), v);
  }
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
      set(() => (range.format.borders.getItem(edge).style = 'Continuous'), edge);
    }
  }
}

function queueCell(ws: Excel.Worksheet | null, cell: CellSpec, est: Estimator | null): void {
  const address = a1(cell.row, cell.col);
  const range = ws ? ws.getRange(address) : (null as unknown as Excel.Range);
  const nf = cellNumberFormat(cell.value, cell.style);
  if (nf) {
    if (est) est.cmd([[nf], address]);
    else range.numberFormat = [[nf]];
  }
  if (cell.value !== null) {
    const input = cellInput(cell.value);
    if (est) est.cmd([[input], address]);
    else if (cell.value.t === 'formula') range.formulas = [[input]];
    else range.values = [[input]];
  }
  queueCellStyle(range, cell, est);
}

function cellUnits(sheet: SheetSpec, maxUnitBytes: number): Unit[] {
  const units: Unit[] = [];
  let group: CellSpec[] = [];
  let est = new Estimator();
  const flush = () => {
    if (!group.length) return;
    const cells = group;
    units.push({
      bytes: est.bytes,
      rows: 0,
      queue(_ctx, sheets) {
        const ws = sheets.get(sheet.name);
        for (const c of cells) queueCell(ws, c, null);
      },
    });
    group = [];
    est = new Estimator();
  };
  for (const cell of sheet.cells) {
    queueCell(null, cell, est);
    group.push(cell);
    if (est.bytes > maxUnitBytes / 2) flush();
  }
  flush();
  return units;
}

// ---------------------------------------------------------------- finishing request

function queueValidation(ws: Excel.Worksheet, v: Validation): void {
  const dv = ws.getRange(v.range).dataValidation;
  dv.clear();
  dv.ignoreBlanks = v.allowBlank;
  if (v.kind === 'list') {
    dv.rule = {
      list: { inCellDropDown: true, source: v.source.startsWith('=') ? v.source : `=${v.source}` },
    };
  } else if (v.kind === 'date') {
    // ISO dates are accepted as they are (DataValidationRule formula1/formula2).
    dv.rule = { date: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  } else {
    dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  }
  // Excel caps the prompt/alert message at 255 characters.
  if (v.prompt) dv.prompt = { showPrompt: true, title: '', message: v.prompt.slice(0, 255) };
  if (v.error) dv.errorAlert = { showAlert: true, style: 'Stop', title: '', message: v.error.slice(0, 255) };
}

function queueConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat): void {
  const range = ws.getRange(cf.range);
  if (cf.kind === 'expression') {
    const f = range.conditionalFormats.add('Custom');
    f.custom.rule.formula = cf.formula.startsWith('=') ? cf.formula : `=${cf.formula}`;
    if (cf.style.fill) f.custom.format.fill.color = color(cf.style.fill);
    if (cf.style.color) f.custom.format.font.color = color(cf.style.color);
    if (cf.style.bold) f.custom.format.font.bold = true;
    f.priority = Math.max(0, cf.priority - 1);
  } else {
    const f = range.conditionalFormats.add('DataBar');
    f.dataBar.barDirection = 'LeftToRight';
    f.dataBar.positiveFormat.fillColor = color(cf.color);
    f.dataBar.lowerBoundRule = { type: 'Number', formula: String(cf.min) };
    f.dataBar.upperBoundRule = { type: 'Number', formula: String(cf.max) };
    f.priority = Math.max(0, cf.priority - 1);
  }
}

function queueFinish(
  ctx: Ctx,
  sheets: SheetHandles,
  spec: DrawableSpec,
  support: SupportCheck,
  skipNames: ReadonlySet<string>,
  activate: string | null,
  report: RenderReport,
): void {
  for (const n of spec.names) {
    if (skipNames.has(n.name)) continue;
    ctx.workbook.names.add(n.name, n.ref.startsWith('=') ? n.ref : `=${n.ref}`);
    report.addedNames.push(n.name);
  }
  const validation = support('ExcelApi', '1.8');
  const cfs = support('ExcelApi', '1.6');
  if (!validation && spec.sheets.some((s) => s.validations.length)) {
    report.skipped.push({
      vi: 'Phiên bản Excel này không hỗ trợ danh sách chọn/kiểm tra dữ liệu (ExcelApi 1.8): đã bỏ qua. Hãy dùng tệp .xlsx.',
      en: 'This Excel version lacks data validation (ExcelApi 1.8): skipped. Use the .xlsx file instead.',
    });
  }
  for (const sheet of spec.sheets) {
    const ws = sheets.get(sheet.name);
    if (validation) for (const v of sheet.validations) queueValidation(ws, v);
    if (cfs) for (const cf of sheet.conditionalFormats) queueConditionalFormat(ws, cf);
    if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
      const { rows, cols } = sheet.freeze;
      if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRange(a1Range(0, 0, rows, cols)));
      else if (rows > 0) ws.freezePanes.freezeRows(rows);
      else ws.freezePanes.freezeColumns(cols);
    }
  }
  if (!cfs && spec.sheets.some((s) => s.conditionalFormats.length)) {
    report.skipped.push({
      vi: 'Phiên bản Excel này không hỗ trợ định dạng có điều kiện (ExcelApi 1.6): đã bỏ qua.',
      en: 'This Excel version lacks conditional formats (ExcelApi 1.6): skipped.',
    });
  }
  if (activate) sheets.get(activate).activate();
  // Hidden last: a sheet can be written while hidden, but the active sheet cannot be hidden.
  for (const sheet of spec.sheets) {
    if (sheet.state !== 'visible') sheets.get(sheet.name).visibility = VISIBILITY[sheet.state];
  }
  // Calculation was suspended while writing: recalculate once, now.
  ctx.workbook.application.calculate('Full');
}

function estimateFinish(spec: DrawableSpec): number {
  const est = new Estimator();
  for (const n of spec.names) est.cmd([n.name, n.ref]);
  for (const s of spec.sheets) {
    for (const v of s.validations) est.bytes += 5 * COMMAND_BYTES + jsonSize(v);
    for (const cf of s.conditionalFormats) est.bytes += 6 * COMMAND_BYTES + jsonSize(cf);
    est.cmd(s.name);
    est.cmd(s.state);
  }
  return est.bytes;
}

// ---------------------------------------------------------------- partitioning

/**
 * Spreads units over exactly `k` requests (k ≥ wanted), balanced by size, none above `cap`.
 * Units keep their order (the structure comes first). k grows only when the data cannot fit.
 */
export function partitionUnits<U extends { bytes: number }>(
  units: readonly U[],
  wanted: number,
  cap: number,
): U[][] {
  const total = units.reduce((s, u) => s + u.bytes, 0);
  for (let k = Math.max(1, wanted); k < 100_000; k++) {
    const batches: U[][] = [];
    let cur: U[] = [];
    let curBytes = 0;
    let cum = 0;
    for (const u of units) {
      const boundary = (total * (batches.length + 1)) / k;
      if (cur.length && (curBytes + u.bytes > cap || cum + u.bytes / 2 > boundary)) {
        batches.push(cur);
        cur = [];
        curBytes = 0;
      }
      cur.push(u);
      curBytes += u.bytes;
      cum += u.bytes;
    }
    if (cur.length) batches.push(cur);
    const sizes = batches.map((b) => b.reduce((s, u) => s + u.bytes, 0));
    if (batches.length <= k && sizes.every((s) => s <= cap)) {
      while (batches.length < k) batches.push([]);
      return batches;
    }
  }
  throw new Error('Cannot partition the workbook into requests');
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

export async function renderWorkbook(
  context: Ctx,
  specIn: DrawableSpec,
  opts: RenderOptions = {},
): Promise<RenderReport> {
  const spec = withMetaSheet(specIn);
  const support = opts.isSetSupported ?? defaultSupport;
  requireApi(support, MIN_RENDER_API);
  const cap = opts.maxRequestBytes ?? 3_500_000;
  const blockRows = Math.max(1, opts.blockRows ?? 250);
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
    report.requestBytes.push(2 * COMMAND_BYTES);
  }
  const clash = spec.sheets.filter((s) => hasSheet(inventory, s.name)).map((s) => s.name);
  if (clash.length) throw new SheetExistsError(clash);
  const skipNames = new Set(opts.skipNames ?? []);
  const previousNames = inventory.names.filter(
    (n) => !skipNames.has(n.name) && spec.names.some((s) => s.name.toLowerCase() === n.name.toLowerCase()),
  );

  const finishBytes = estimateFinish(spec);
  // A unit never takes more than a quarter of a request, so balancing stays fine-grained.
  const maxUnit = Math.floor(cap / 4);
  const canFill = support('ExcelApi', '1.9');
  // Without fill-down every formula travels: one more request keeps 10,000 tasks under the cap.
  const wanted = Math.max(1, opts.dataSyncs ?? (canFill ? 4 : 5));
  const fills = new Map<TableSpec, Set<number>>();
  for (const sheet of spec.sheets) {
    for (const t of sheet.tables) fills.set(t, canFill ? fillDownColumns(t) : new Set());
  }
  const units: Unit[] = [structureUnit(spec, fills)];
  for (const sheet of spec.sheets) units.push(...cellUnits(sheet, maxUnit));
  for (const sheet of spec.sheets) {
    for (const t of sheet.tables) {
      units.push(...tableUnits(sheet, t, blockRows, maxUnit, fills.get(t) ?? new Set()));
      report.tableRows += t.rows.length;
    }
  }
  const batches = partitionUnits(units, wanted, cap);
  const totalRows = report.tableRows;
  const calc = support('ExcelApi', '1.6');
  const screen = support('ExcelApi', '1.9');
  const sheets = new SheetHandles(context);
  let done = 0;

  const sync = async (bytes: number) => {
    report.requestBytes.push(bytes);
    report.syncs += 1;
    await context.sync();
  };

  try {
    for (const batch of batches) {
      if (opts.signal?.aborted) throw new RenderAbortedError();
      if (calc) context.workbook.application.suspendApiCalculationUntilNextSync();
      if (screen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
      let bytes = 2 * COMMAND_BYTES;
      for (const u of batch) {
        u.queue(context, sheets);
        bytes += u.bytes;
        done += u.rows;
      }
      // Every sheet is added by the first request: from here on, they are ours to remove.
      if (!report.createdSheets.length) report.createdSheets.push(...spec.sheets.map((s) => s.name));
      await sync(bytes);
      opts.onProgress?.(done, totalRows);
    }
    if (opts.signal?.aborted) throw new RenderAbortedError();
    for (const n of previousNames) {
      // Our own names left behind by an earlier build (pointing at deleted sheets): replaced.
      context.workbook.names.getItem(n.name).delete();
      report.replacedNames.push(n.name);
    }
    queueFinish(context, sheets, spec, support, skipNames, activate, report);
    await sync(finishBytes);
    opts.onProgress?.(totalRows, totalRows);
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
  for (const s of sheets) s.load('name');
  for (const f of found) f.load('name');
  await context.sync();
  for (const f of found) if (!f.isNullObject) f.delete();
  for (const s of sheets) {
    if (s.isNullObject) continue;
    // A very hidden sheet cannot be deleted as it is.
    s.visibility = 'Hidden';
    s.delete();
  }
  for (const r of restoreNames) context.workbook.names.add(r.name, r.formula);
  await context.sync();
}

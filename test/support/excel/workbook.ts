/**
 * The workbook behind the strict double: sheets, cells, tables, names, PivotTables and charts,
 * with the rules Excel applies when an add-in changes them. Everything here runs on the "Excel"
 * side of a request (server.ts calls it while executing a RichApi request); none of it is
 * reachable from the add-in except through office.js.
 *
 * The rules follow Excel where the add-in depends on them, and where Excel refuses something the
 * double refuses it too, with the error code Excel uses:
 * - typed input is read the way Range.values reads it, with en-US conventions whatever the
 *   workbook's formats ("3/4/2023" becomes 4 March; "2023" a number; "- x" a formula), except in
 *   cells formatted as text ("@") or after a leading apostrophe;
 * - sheet names: 1–31 characters, none of : \ / ? * [ ], no apostrophe first or last, not
 *   "History" (Excel reserves it); sheet, table and defined names are unique without regard to
 *   case, and looked up the same way;
 * - a formula written into an empty table column becomes a calculated column: the whole column
 *   takes one formula (OfficeDev/office-js#5909, #6745; #2093 "by design");
 * - the last visible sheet cannot be hidden or deleted, a very hidden sheet cannot be deleted,
 *   and the active sheet cannot be hidden (activate another one first);
 * - two tables cannot overlap; a data-validation message is at most 255 characters.
 */

import { type Bounds, contains, overlaps, parseA1, quoteSheet, shiftFormulaRows, toA1 } from './a1';
import { defaultPageLayout, type PageLayoutState } from './page-layout';

export type Raw = string | number | boolean | null;

export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExcelError';
  }
}

export interface Cell {
  value: Raw;
  /** Formula text with its leading "=", or null for a constant. */
  formula: string | null;
  numberFormat: string;
  /** Format writes by path, e.g. "fill.color", "font.bold", "borders.EdgeTop.style". */
  style: Record<string, unknown>;
  hyperlink: {
    address?: string;
    documentReference?: string;
    textToDisplay?: string;
    screenTip?: string;
  } | null;
}

export interface Validation {
  address: string;
  rule: unknown;
  ignoreBlanks?: boolean;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormat {
  id: string;
  address: string;
  type: string;
  /** Property writes by path, e.g. "custom.rule.formula", "dataBar.barDirection", "priority". */
  props: Record<string, unknown>;
}

export interface Sheet {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string | null;
  cells: Map<string, Cell>;
  /** Column index → width in points. */
  widths: Map<number, number>;
  freeze: { rows: number; cols: number } | null;
  merges: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  protected: boolean;
  /** Row index → height in points (a whole-row format, not kept cell by cell). */
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  showGridlines: boolean;
  pageLayout: PageLayoutState;
}

export interface Table {
  id: string;
  name: string;
  /** 0-based bounds, header row included. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: string | null;
  sheet: Sheet;
  /** Column offsets that became calculated columns. */
  calculated: Set<number>;
}

export interface Pivot {
  id: string;
  name: string;
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: { name: string; summarizeBy?: string; displayName?: string }[];
  refreshed: number;
  sheet: Sheet;
}

export interface Chart {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string | null;
  /** Property writes by path, e.g. "title.text", "legend.visible", "axes.valueAxis.maximum". */
  props: Record<string, unknown>;
  series: { name?: string; xAxisValues?: string; values?: string }[];
  position: { start: string; end: string | null } | null;
  sheet: Sheet;
}

export interface WorkbookState {
  sheets: Sheet[];
  tables: Table[];
  /** Defined names as written → formula with its "=". Look names up with Workbook.findName. */
  names: Map<string, string>;
  pivots: Pivot[];
  charts: Chart[];
  activeSheet: string | null;
  selection: string | null;
  calculations: number;
}

const RESERVED_SHEET_NAMES = ['history'];
const BAD_SHEET_CHARS = /[:\\/?*[\]]/;
/** A defined or table name: a letter, "_" or "\" first, then letters, digits, "_", "." and "\". */
const NAME_SYNTAX = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
/** Names that read as a cell reference ("A1", "R1C1", "XFD1048576") are not names. */
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

// ---------------------------------------------------------------- typed input (en-US)

/** Days from 30/12/1899 (Excel's day 0, with its 1900 leap-year quirk for dates after 28/2/1900). */
function serialOf(year: number, month: number, day: number): number | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date the way en-US Excel reads typed text: month first. */
function usDate(text: string): number | null {
  let m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) >= 30 ? 100 : 0) : Number(m[3]);
    return serialOf(year, Number(m[1]), Number(m[2]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  return m ? serialOf(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Writes one input into a cell as Excel reads typed input. */
export function readInput(cell: Cell, input: unknown): void {
  if (input === null || input === undefined || input === '') {
    cell.value = null;
    cell.formula = null;
    return;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new ExcelError('InvalidArgument', 'The argument is invalid or missing.');
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== 'string')
    throw new ExcelError('InvalidArgument', `Unsupported cell input ${typeof input}`);
  cell.formula = null;
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  const t = input.trim();
  if (NUMBER.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    cell.formula = input.startsWith('=') ? input : `=${input}`;
    cell.value = '#FORMULA';
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  const pct = /^([+-]?\d+(\.\d+)?)%$/.exec(t);
  if (pct) {
    cell.value = Number(pct[1]) / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  const serial = usDate(t);
  if (serial !== null) {
    cell.value = serial;
    if (cell.numberFormat === 'General') cell.numberFormat = 'm/d/yyyy';
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------- the workbook

export class Workbook {
  readonly state: WorkbookState = {
    sheets: [],
    tables: [],
    names: new Map(),
    pivots: [],
    charts: [],
    activeSheet: null,
    selection: null,
    calculations: 0,
  };
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  // ----- sheets

  sheetByName(name: string): Sheet | undefined {
    return this.state.sheets.find((s) => sameName(s.name, name));
  }

  sheetByKey(key: string): Sheet | undefined {
    return this.state.sheets.find((s) => s.id === key) ?? this.sheetByName(key);
  }

  requireSheet(name: string): Sheet {
    const s = this.sheetByKey(name);
    if (!s)
      throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: worksheet "${name}".`);
    return s;
  }

  private checkSheetName(name: unknown, except?: Sheet): string {
    if (typeof name !== 'string' || name.length === 0 || name.length > 31 || BAD_SHEET_CHARS.test(name)) {
      throw new ExcelError('InvalidArgument', `The sheet name "${String(name)}" is not valid.`);
    }
    if (name.startsWith("'") || name.endsWith("'")) {
      throw new ExcelError(
        'InvalidArgument',
        `A sheet name cannot begin or end with an apostrophe: "${name}".`,
      );
    }
    if (RESERVED_SHEET_NAMES.includes(name.toLocaleLowerCase())) {
      throw new ExcelError('InvalidArgument', `"${name}" is a name Excel reserves for its own use.`);
    }
    const other = this.sheetByName(name);
    if (other && other !== except) {
      throw new ExcelError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    }
    return name;
  }

  addSheet(name?: string): Sheet {
    let n = name;
    if (n === undefined || n === null || n === '') {
      let i = this.state.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i += 1;
      n = `Sheet${i}`;
    }
    const sheet: Sheet = {
      id: this.newId('sheet'),
      name: this.checkSheetName(n),
      visibility: 'Visible',
      tabColor: null,
      cells: new Map(),
      widths: new Map(),
      freeze: null,
      merges: [],
      validations: [],
      conditionalFormats: [],
      protected: false,
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      showGridlines: true,
      pageLayout: defaultPageLayout(),
    };
    this.state.sheets.push(sheet);
    if (this.state.activeSheet === null) this.state.activeSheet = sheet.name;
    return sheet;
  }

  renameSheet(sheet: Sheet, name: unknown): void {
    const to = this.checkSheetName(name, sheet);
    const from = sheet.name;
    sheet.name = to;
    if (this.state.activeSheet === from) this.state.activeSheet = to;
    this.rewriteFormulas((f) => renameSheetInFormula(f, from, to));
  }

  private visibleSheets(except?: Sheet): Sheet[] {
    return this.state.sheets.filter((s) => s.visibility === 'Visible' && s !== except);
  }

  setVisibility(sheet: Sheet, v: unknown): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') {
      throw new ExcelError('InvalidArgument', `Bad visibility ${String(v)}`);
    }
    if (v !== 'Visible' && sheet.visibility === 'Visible') {
      if (!this.visibleSheets(sheet).length) {
        throw new ExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      if (this.state.activeSheet !== null && sameName(this.state.activeSheet, sheet.name)) {
        throw new ExcelError('InvalidOperation', `The active sheet "${sheet.name}" cannot be hidden.`);
      }
    }
    sheet.visibility = v;
  }

  activate(sheet: Sheet): void {
    if (sheet.visibility !== 'Visible') {
      throw new ExcelError('InvalidOperation', `The hidden sheet "${sheet.name}" cannot be activated.`);
    }
    this.state.activeSheet = sheet.name;
  }

  deleteSheet(sheet: Sheet): void {
    if (sheet.visibility === 'VeryHidden') {
      throw new ExcelError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
    }
    if (sheet.visibility === 'Visible' && !this.visibleSheets(sheet).length) {
      throw new ExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    const i = this.state.sheets.indexOf(sheet);
    this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
    this.state.tables = this.state.tables.filter((t) => t.sheet !== sheet);
    this.state.pivots = this.state.pivots.filter((p) => p.sheet !== sheet);
    this.state.charts = this.state.charts.filter((c) => c.sheet !== sheet);
    if (this.state.activeSheet !== null && sameName(this.state.activeSheet, sheet.name)) {
      const visible = this.visibleSheets();
      const next = visible.find((s) => this.state.sheets.indexOf(s) >= i) ?? visible[visible.length - 1];
      this.state.activeSheet = next?.name ?? null;
    }
    const name = sheet.name;
    this.rewriteFormulas((f) => deleteSheetInFormula(f, name));
  }

  private rewriteFormulas(fn: (f: string) => string): void {
    for (const s of this.state.sheets) {
      for (const c of s.cells.values()) if (c.formula) c.formula = fn(c.formula);
    }
    for (const [n, ref] of this.state.names) this.state.names.set(n, fn(ref));
  }

  // ----- cells

  cell(sheet: Sheet, r: number, c: number): Cell {
    let cell = sheet.cells.get(cellKey(r, c));
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', style: {}, hyperlink: null };
      sheet.cells.set(cellKey(r, c), cell);
    }
    return cell;
  }

  peek(sheet: Sheet, r: number, c: number): Cell | undefined {
    return sheet.cells.get(cellKey(r, c));
  }

  /** The cells of a range that exist (a whole column is not materialised). */
  existingCells(sheet: Sheet, b: Bounds): { cell: Cell; r: number; c: number }[] {
    const out: { cell: Cell; r: number; c: number }[] = [];
    if (b.rows * b.cols <= sheet.cells.size) {
      for (let r = b.row; r < b.row + b.rows; r++) {
        for (let c = b.col; c < b.col + b.cols; c++) {
          const cell = this.peek(sheet, r, c);
          if (cell) out.push({ cell, r, c });
        }
      }
      return out;
    }
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(',').map(Number);
      if (contains(b, r, c)) out.push({ cell, r, c });
    }
    return out;
  }

  guardProtected(sheet: Sheet): void {
    if (sheet.protected) {
      throw new ExcelError(
        'AccessDenied',
        'The cell or chart you are trying to change is on a protected sheet.',
      );
    }
  }

  /**
   * Range.values / Range.formulas / Range.numberFormat: a 2-D array of exactly the range's
   * shape, or one value for every cell.
   */
  writeGrid(sheet: Sheet, b: Bounds, input: unknown, what: 'values' | 'formulas' | 'numberFormat'): void {
    this.guardProtected(sheet);
    const grid = shapeOf(b, input, what);
    const before = this.emptyTableColumns(sheet, b);
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        const v = grid(r, c);
        const cell = this.cell(sheet, b.row + r, b.col + c);
        if (what === 'numberFormat') cell.numberFormat = String(v ?? 'General');
        else readInput(cell, v);
      }
    }
    if (what !== 'numberFormat') this.makeCalculatedColumns(sheet, b, before);
  }

  /** Table columns crossed by `b` whose data cells are all empty. */
  private emptyTableColumns(sheet: Sheet, b: Bounds): { table: Table; offset: number }[] {
    const out: { table: Table; offset: number }[] = [];
    for (const t of this.state.tables) {
      if (t.sheet !== sheet || t.rows < 2) continue;
      const body = { row: t.row + 1, col: t.col, rows: t.rows - 1, cols: t.cols };
      if (!overlaps(body, b)) continue;
      for (let c = Math.max(b.col, t.col); c < Math.min(b.col + b.cols, t.col + t.cols); c++) {
        let empty = true;
        for (let r = body.row; r < body.row + body.rows && empty; r++) {
          const cell = this.peek(sheet, r, c);
          if (cell && (cell.value !== null || cell.formula !== null)) empty = false;
        }
        if (empty) out.push({ table: t, offset: c - t.col });
      }
    }
    return out;
  }

  /**
   * Excel's "fill formulas in tables to create calculated columns": a formula entered into an
   * empty table column is copied, relative, to every row of the column. When one write puts
   * several formulas in, the column ends up with one of them everywhere (the last one written,
   * as OfficeDev/office-js#6745 reports).
   */
  private makeCalculatedColumns(
    sheet: Sheet,
    b: Bounds,
    wereEmpty: { table: Table; offset: number }[],
  ): void {
    for (const { table: t, offset } of wereEmpty) {
      const c = t.col + offset;
      let last: { r: number; f: string } | null = null;
      for (let r = Math.max(b.row, t.row + 1); r < Math.min(b.row + b.rows, t.row + t.rows); r++) {
        const f = this.peek(sheet, r, c)?.formula;
        if (f) last = { r, f };
      }
      if (!last) continue;
      for (let r = t.row + 1; r < t.row + t.rows; r++) {
        const cell = this.cell(sheet, r, c);
        cell.formula = shiftFormulaRows(last.f, r - last.r);
        cell.value = '#FORMULA';
      }
      t.calculated.add(offset);
    }
  }

  /** Range.autoFill with FillDefault/FillCopy from a one-row source: copies it down, relative. */
  autoFill(sheet: Sheet, src: Bounds, dest: Bounds): void {
    this.guardProtected(sheet);
    if (src.cols !== dest.cols || src.col !== dest.col || !contains(dest, src.row, src.col)) {
      throw new ExcelError('InvalidArgument', 'The destination must include the source range and extend it.');
    }
    const before = this.emptyTableColumns(sheet, dest);
    for (let row = dest.row; row < dest.row + dest.rows; row++) {
      if (row >= src.row && row < src.row + src.rows) continue;
      const srcRow = src.row + ((((row - src.row) % src.rows) + src.rows) % src.rows);
      for (let c = 0; c < dest.cols; c++) {
        const from = this.peek(sheet, srcRow, dest.col + c);
        const cell = this.cell(sheet, row, dest.col + c);
        if (from?.formula) {
          cell.formula = shiftFormulaRows(from.formula, row - srcRow);
          cell.value = '#FORMULA';
        } else {
          cell.value = from?.value ?? null;
          cell.formula = null;
        }
        cell.numberFormat = from?.numberFormat ?? cell.numberFormat;
      }
    }
    this.makeCalculatedColumns(sheet, dest, before);
  }

  // ----- names

  findName(name: string): string | undefined {
    for (const n of this.state.names.keys()) if (sameName(n, name)) return n;
    return undefined;
  }

  private checkName(name: unknown, what: string): string {
    if (
      typeof name !== 'string' ||
      !NAME_SYNTAX.test(name) ||
      LOOKS_LIKE_CELL.test(name) ||
      name.length > 255
    ) {
      throw new ExcelError('InvalidArgument', `The ${what} "${String(name)}" is not valid.`);
    }
    return name;
  }

  addName(name: unknown, reference: unknown): void {
    const n = this.checkName(name, 'name');
    if (this.findName(n) || this.state.tables.some((t) => sameName(t.name, n))) {
      throw new ExcelError('ItemAlreadyExists', `The name "${n}" already exists.`);
    }
    if (typeof reference !== 'string' || !reference)
      throw new ExcelError('InvalidArgument', 'A name needs a reference.');
    this.state.names.set(n, reference.startsWith('=') ? reference : `=${reference}`);
  }

  requireName(name: string): string {
    const n = this.findName(name);
    if (n === undefined) throw new ExcelError('ItemNotFound', `The name "${name}" does not exist.`);
    return n;
  }

  deleteName(name: string): void {
    this.state.names.delete(this.requireName(name));
  }

  /** Where a name points, when it points at one range of an existing sheet. */
  nameTarget(name: string): { sheet: Sheet; bounds: Bounds } | null {
    const n = this.findName(name);
    const f = n === undefined ? undefined : this.state.names.get(n);
    const m = f ? /^=(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f) : null;
    if (!m) return null;
    const sheet = this.sheetByName((m[1] ?? m[2]).replace(/''/g, "'"));
    const bounds = parseA1(m[3]);
    return sheet && bounds ? { sheet, bounds } : null;
  }

  // ----- tables

  tableByKey(key: string): Table | undefined {
    return (
      this.state.tables.find((t) => t.id === key) ?? this.state.tables.find((t) => sameName(t.name, key))
    );
  }

  requireTable(key: string): Table {
    const t = this.tableByKey(key);
    if (!t) throw new ExcelError('ItemNotFound', `The requested resource doesn't exist: table "${key}".`);
    return t;
  }

  addTable(sheet: Sheet, b: Bounds, hasHeaders: boolean): Table {
    this.guardProtected(sheet);
    if (!hasHeaders) throw new ExcelError('NotImplemented', 'Double: tables.add without headers');
    if (b.rows < 2)
      throw new ExcelError('InvalidArgument', 'A table needs a header row and at least one data row.');
    if (this.state.tables.some((t) => t.sheet === sheet && overlaps(t, b))) {
      throw new ExcelError('InvalidArgument', "A table can't overlap another table.");
    }
    // Headers are text, unique and never blank: Excel fills in "Column1", "Column2"…
    const seen = new Set<string>();
    for (let c = 0; c < b.cols; c++) {
      const cell = this.cell(sheet, b.row, b.col + c);
      let h = cell.value === null ? `Column${c + 1}` : String(cell.value);
      for (let k = 2; seen.has(h.toLocaleUpperCase()); k++) h = `${String(cell.value ?? 'Column')}${k}`;
      seen.add(h.toLocaleUpperCase());
      cell.value = h;
      cell.formula = null;
    }
    let i = this.state.tables.length + 1;
    while (this.tableByKey(`Table${i}`) || this.findName(`Table${i}`)) i += 1;
    const t: Table = {
      id: this.newId('table'),
      name: `Table${i}`,
      ...b,
      style: null,
      sheet,
      calculated: new Set(),
    };
    this.state.tables.push(t);
    return t;
  }

  renameTable(table: Table, name: unknown): void {
    const n = this.checkName(name, 'table name');
    const other = this.tableByKey(n);
    if ((other && other !== table) || this.findName(n)) {
      throw new ExcelError('ItemAlreadyExists', `The table name "${n}" already exists.`);
    }
    const from = table.name;
    table.name = n;
    const re = new RegExp(`(^|[^A-Za-z0-9_.])${from.replace(/[.\\]/g, '\\$&')}\\[`, 'gi');
    this.rewriteFormulas((f) => f.replace(re, `$1${n}[`));
  }

  // ----- validation messages

  checkValidationMessage(value: unknown, what: string): void {
    const v = value as { message?: unknown; title?: unknown } | null;
    if (v && typeof v.message === 'string' && v.message.length > 255) {
      throw new ExcelError('InvalidArgument', `The ${what} message is longer than 255 characters.`);
    }
    if (v && typeof v.title === 'string' && v.title.length > 32) {
      throw new ExcelError('InvalidArgument', `The ${what} title is longer than 32 characters.`);
    }
  }
}

/** The value for cell (r, c) of a write, or an InvalidArgument error when the shape is wrong. */
function shapeOf(b: Bounds, input: unknown, what: string): (r: number, c: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const ok = input.length === b.rows && input.every((row) => Array.isArray(row) && row.length === b.cols);
  if (!ok) {
    throw new ExcelError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${toA1(b)}).`,
    );
  }
  return (r, c) => (input[r] as unknown[])[c];
}

function renameSheetInFormula(formula: string, from: string, to: string): string {
  let out = formula.split(`${quoteSheet(from)}!`).join(`${quoteSheet(to)}!`);
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) {
    out = out.replace(
      new RegExp(`(^|[^A-Za-z0-9_.'])${from.replace(/\./g, '\\.')}!`, 'g'),
      `$1${quoteSheet(to)}!`,
    );
  }
  return out;
}

function deleteSheetInFormula(formula: string, name: string): string {
  let out = formula.split(`${quoteSheet(name)}!`).join('#REF!');
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) {
    out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${name.replace(/\./g, '\\.')}!`, 'g'), '$1#REF!');
  }
  return out;
}

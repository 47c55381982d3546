/**
 * A small in-memory stand-in for the Excel request context, for tests and benchmarks.
 *
 * It keeps office-js's batching model: property writes and method calls are queued and only run
 * at `sync()`, loaded properties become readable after the sync that loaded them, and a failing
 * command stops its batch with the earlier commands of the batch already applied (Excel does not
 * roll a batch back). Every sync is recorded with the byte size of its queued payload (UTF-8 JSON
 * of the arguments plus a fixed per-command overhead), so "how many round trips" and "how big is
 * the largest request" can be asserted.
 *
 * It imitates the cell behaviours the renderer depends on: a string written to a cell whose number
 * format is not "@" and that starts with = + - @ becomes a formula; a leading apostrophe is taken as
 * the text prefix and dropped; numeric-looking strings in General cells become numbers. Only the
 * object-model surface used by src/excel is implemented.
 */

import { columnLetter } from '../../model/table';

export type FakeRaw = string | number | boolean | null;

export interface FakeCell {
  value: FakeRaw;
  /** Formula text with its leading "=", or null for a constant. */
  formula: string | null;
  numberFormat: string;
  style: Record<string, unknown>;
}

export interface FakeTable {
  name: string;
  /** 0-based bounds, header row included. */
  row: number;
  col: number;
  rows: number;
  cols: number;
  style: string | null;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
  ignoreBlanks?: boolean;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  props: Record<string, unknown>;
}

export interface FakePivot {
  name: string;
  source: string;
  destination: string;
  rows: string[];
  columns: string[];
  data: { name: string; summarizeBy?: string; displayName?: string }[];
  refreshed: number;
}

/** A chart as added through worksheet.charts.add, with every property written to it. */
export interface FakeChart {
  type: string;
  /** Address of the source range given to charts.add. */
  source: string;
  seriesBy: string | null;
  /** Property writes by path, e.g. "title.text", "legend.visible", "axes.valueAxis.maximum". */
  props: Record<string, unknown>;
  series: { name?: string; xAxisValues?: string; values?: string }[];
  position: { start: string; end: string | null } | null;
  sheet: FakeSheet;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string | null;
  cells: Map<string, FakeCell>;
  widths: Map<number, number>;
  freeze: { rows: number; cols: number } | null;
  merges: string[];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  protected: boolean;
}

export interface FakeState {
  sheets: FakeSheet[];
  tables: (FakeTable & { sheet: FakeSheet })[];
  names: Map<string, string>;
  pivots: (FakePivot & { sheet: FakeSheet })[];
  charts: FakeChart[];
  activeSheet: string | null;
  selection: string | null;
  calculations: number;
}

export interface SyncRecord {
  index: number;
  commands: number;
  /** UTF-8 bytes of the queued request (arguments as JSON + per-command overhead). */
  requestBytes: number;
  /** UTF-8 bytes of the values returned by loads in this sync. */
  responseBytes: number;
  kinds: Record<string, number>;
}

export interface CommandRecord {
  sync: number;
  kind: string;
  target: string;
  detail?: unknown;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** Bytes Excel spends per command besides its arguments (ids, method names, JSON punctuation). */
export const COMMAND_OVERHEAD_BYTES = 64;

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : encoder.encode(JSON.stringify(value)).length;
}

interface Pending {
  kind: string;
  target: string;
  bytes: number;
  detail?: unknown;
  run(): void;
}

// ---------- A1 helpers ----------

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const colLetters = columnLetter;

export interface Bounds {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;

/** Parses "A1", "A1:B2", "A:A", "3:3" (no sheet part). */
export function parseA1(address: string): Bounds {
  const a = address.replace(/\$/g, '').split('!').pop() as string;
  const [p, q] = a.split(':');
  const one = (s: string): { r: number | null; c: number | null } => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(s);
    if (!m) throw new FakeExcelError('InvalidArgument', `Bad address ${address}`);
    return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const s = one(p);
  const e = q ? one(q) : s;
  const r0 = s.r ?? 0;
  const r1 = e.r ?? MAX_ROWS - 1;
  const c0 = s.c ?? 0;
  const c1 = e.c ?? 16_383;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

export function toA1(b: Bounds): string {
  const tl = `${colLetters(b.col)}${b.row + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${colLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

/**
 * What Excel's fill-down does to relative row references. Written apart from render.ts's
 * shiftRows on purpose: the fake stands in for Excel, and sharing the code would let one bug hide
 * in both.
 */
export function shiftFormulaRows(formula: string, delta: number): string {
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

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Swaps every reference to a sheet inside formula text, the way Excel does on rename. */
function renameInFormula(formula: string, from: string, to: string): string {
  let out = formula.split(`${quoteSheet(from)}!`).join(`${quoteSheet(to)}!`);
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) {
    out = out.replace(
      new RegExp(`(^|[^A-Za-z0-9_.'])${from.replace(/\./g, '\\.')}!`, 'g'),
      `$1${quoteSheet(to)}!`,
    );
  }
  return out;
}

// ---------- the fake ----------

export class CountingExcel {
  readonly state: FakeState = {
    sheets: [],
    tables: [],
    names: new Map(),
    pivots: [],
    charts: [],
    activeSheet: null,
    selection: null,
    calculations: 0,
  };
  readonly syncs: SyncRecord[] = [];
  readonly commands: CommandRecord[] = [];
  /** Makes the n-th sync (1-based) fail after `afterCommands` of its commands have run. */
  failAt: { sync: number; afterCommands: number; error: FakeExcelError } | null = null;
  /** Requests larger than this fail as Excel on the web would (null: no limit). */
  payloadLimit: number | null = 5 * 1024 * 1024;

  private pending: Pending[] = [];
  private afterSync: (() => number)[] = [];
  private nextSheetId = 1;
  readonly context: FakeContext;

  constructor() {
    this.context = new FakeContext(this);
  }

  /** Typed as the real thing for code under test. */
  get requestContext(): Excel.RequestContext {
    return this.context as unknown as Excel.RequestContext;
  }

  get maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  queue(kind: string, target: string, args: unknown, run: () => void, detail?: unknown): void {
    this.pending.push({ kind, target, bytes: COMMAND_OVERHEAD_BYTES + jsonBytes(args), run, detail });
  }

  /** Runs after the batch; returns the bytes it makes available to the caller. */
  onLoaded(fn: () => number): void {
    this.afterSync.push(fn);
  }

  async sync(): Promise<void> {
    const batch = this.pending;
    const loaders = this.afterSync;
    this.pending = [];
    this.afterSync = [];
    const index = this.syncs.length + 1;
    const kinds: Record<string, number> = {};
    let requestBytes = 0;
    for (const p of batch) {
      requestBytes += p.bytes;
      kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
    }
    const record: SyncRecord = { index, commands: batch.length, requestBytes, responseBytes: 0, kinds };
    this.syncs.push(record);
    if (this.payloadLimit !== null && requestBytes > this.payloadLimit) {
      throw new FakeExcelError(
        'RequestPayloadSizeLimitExceeded',
        'The request payload size has exceeded the limit.',
      );
    }
    let done = 0;
    for (const p of batch) {
      if (this.failAt && this.failAt.sync === index && done >= this.failAt.afterCommands)
        throw this.failAt.error;
      this.commands.push({ sync: index, kind: p.kind, target: p.target, detail: p.detail });
      p.run();
      done += 1;
    }
    for (const fn of loaders) record.responseBytes += fn();
  }

  // ----- state helpers used by the object model -----

  sheetByName(name: string): FakeSheet | undefined {
    const k = name.toLocaleLowerCase();
    return this.state.sheets.find((s) => s.name.toLocaleLowerCase() === k);
  }

  requireSheet(name: string): FakeSheet {
    const s = this.sheetByName(name);
    if (!s) throw new FakeExcelError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheetByName(name)) throw new FakeExcelError('ItemAlreadyExists', `Sheet ${name} already exists`);
    if (name.length > 31 || /[[\]:*?/\\]/.test(name))
      throw new FakeExcelError('InvalidArgument', `Bad sheet name ${name}`);
    const sheet: FakeSheet = {
      id: this.nextSheetId++,
      name,
      visibility: 'Visible',
      tabColor: null,
      cells: new Map(),
      widths: new Map(),
      freeze: null,
      merges: [],
      validations: [],
      conditionalFormats: [],
      protected: false,
    };
    this.state.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== sheet)
      throw new FakeExcelError('ItemAlreadyExists', `Sheet ${name} already exists`);
    const from = sheet.name;
    sheet.name = name;
    this.rewriteFormulas((f) => renameInFormula(f, from, name));
  }

  deleteSheet(sheet: FakeSheet): void {
    if (sheet.visibility === 'VeryHidden') {
      throw new FakeExcelError('InvalidOperation', 'A very hidden sheet cannot be deleted.');
    }
    const visible = this.state.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
    if (!visible.length)
      throw new FakeExcelError('InvalidOperation', 'A workbook must keep one visible sheet.');
    this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
    this.state.tables = this.state.tables.filter((t) => t.sheet !== sheet);
    this.state.pivots = this.state.pivots.filter((p) => p.sheet !== sheet);
    this.state.charts = this.state.charts.filter((c) => c.sheet !== sheet);
    const name = sheet.name;
    this.rewriteFormulas((f) => f.split(`${quoteSheet(name)}!`).join('#REF!'));
  }

  private rewriteFormulas(fn: (f: string) => string): void {
    for (const s of this.state.sheets) {
      for (const c of s.cells.values()) if (c.formula) c.formula = fn(c.formula);
    }
    for (const [n, ref] of this.state.names) this.state.names.set(n, fn(ref));
  }

  renameTable(table: FakeTable, name: string): void {
    if (this.state.tables.some((t) => t !== table && t.name.toLowerCase() === name.toLowerCase())) {
      throw new FakeExcelError('ItemAlreadyExists', `Table ${name} already exists`);
    }
    const from = table.name;
    table.name = name;
    this.rewriteFormulas((f) => f.replace(new RegExp(`(^|[^A-Za-z0-9_.])${from}\\[`, 'g'), `$1${name}[`));
  }

  cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: null, formula: null, numberFormat: 'General', style: {} };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  peek(sheet: FakeSheet, r: number, c: number): FakeCell | undefined {
    return sheet.cells.get(key(r, c));
  }

  /** Test helper: a cell by sheet name and A1 address. */
  at(sheetName: string, address: string): FakeCell | undefined {
    const s = this.sheetByName(sheetName);
    if (!s) return undefined;
    const b = parseA1(address);
    return this.peek(s, b.row, b.col);
  }

  /** Test helper: values of a rectangle (null for empty cells). */
  valuesOf(sheetName: string, address: string): FakeRaw[][] {
    const s = this.requireSheet(sheetName);
    const b = parseA1(address);
    const out: FakeRaw[][] = [];
    for (let r = 0; r < b.rows; r++) {
      const row: FakeRaw[] = [];
      for (let c = 0; c < b.cols; c++) row.push(this.peek(s, b.row + r, b.col + c)?.value ?? null);
      out.push(row);
    }
    return out;
  }

  /** Excel's reading of typed input, as it happens for Range.values and Range.formulas. */
  writeInput(cell: FakeCell, input: unknown, viaFormulas: boolean): void {
    if (input === null || input === undefined || input === '') {
      cell.value = null;
      cell.formula = null;
      return;
    }
    if (typeof input === 'number' || typeof input === 'boolean') {
      cell.value = input;
      cell.formula = null;
      return;
    }
    const s = String(input);
    if (s.startsWith("'")) {
      cell.value = s.slice(1);
      cell.formula = null;
      return;
    }
    if (cell.numberFormat === '@') {
      cell.value = s;
      cell.formula = null;
      return;
    }
    if (/^[=+\-@]/.test(s) && s.length > 1) {
      cell.formula = s.startsWith('=') ? s : `=${s}`;
      cell.value = '#FORMULA';
      return;
    }
    void viaFormulas;
    if (/^-?\d+(\.\d+)?$/.test(s.trim())) {
      cell.value = Number(s);
      cell.formula = null;
      return;
    }
    cell.value = s;
    cell.formula = null;
  }

  newSheetProxy(resolve: () => FakeSheet, label: string): FakeWorksheet {
    return new FakeWorksheet(this, resolve, label);
  }
}

function memo<T>(fn: () => T): () => T {
  let done = false;
  let v: T;
  return () => {
    if (!done) {
      v = fn();
      done = true;
    }
    return v;
  };
}

/** Properties become readable only after the sync that loaded them. */
class Loadable {
  protected loaded = new Map<string, unknown>();
  protected readLoaded<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop}`);
    return this.loaded.get(prop) as T;
  }
}

function splitProps(props: string | string[] | Record<string, unknown> | undefined): string[] {
  if (props === undefined) return [];
  if (Array.isArray(props)) return props.flatMap((p) => p.split(','));
  if (typeof props === 'string') return props.split(',');
  return Object.keys(props);
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: CountingExcel) {
    this.workbook = new FakeWorkbook(excel);
  }
  sync(): Promise<void> {
    return this.excel.sync();
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly tables: FakeTables;
  readonly application: FakeApplication;
  readonly pivotTables: FakePivotCollection;
  constructor(readonly excel: CountingExcel) {
    this.worksheets = new FakeWorksheets(excel);
    this.names = new FakeNames(excel);
    this.tables = new FakeTables(excel);
    this.application = new FakeApplication(excel);
    this.pivotTables = new FakePivotCollection(excel, null);
  }
}

class FakeApplication {
  constructor(readonly excel: CountingExcel) {}
  suspendApiCalculationUntilNextSync(): void {
    this.excel.queue('suspendCalculation', 'application', null, () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.excel.queue('suspendScreenUpdating', 'application', null, () => {});
  }
  calculate(type: string): void {
    this.excel.queue('calculate', 'application', type, () => {
      this.excel.state.calculations += 1;
    });
  }
}

class FakeWorksheets extends Loadable {
  constructor(readonly excel: CountingExcel) {
    super();
  }
  add(name: string): FakeWorksheet {
    const resolve = memo(() => this.excel.addSheet(name));
    this.excel.queue('worksheets.add', name, name, () => void resolve());
    return this.excel.newSheetProxy(resolve, name);
  }
  getItem(name: string): FakeWorksheet {
    return this.excel.newSheetProxy(
      memo(() => this.excel.requireSheet(name)),
      name,
    );
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = this.excel.newSheetProxy(
      memo(() => this.excel.requireSheet(name)),
      name,
    );
    ws.nullCheck(() => this.excel.sheetByName(name));
    return ws;
  }
  get items(): FakeWorksheet[] {
    return this.readLoaded('items');
  }
  load(props?: string | string[]): this {
    const fields = splitProps(props).map((p) => p.trim().replace(/^items\//, ''));
    this.excel.queue('load', 'worksheets', props ?? null, () => {});
    this.excel.onLoaded(() => {
      const items = this.excel.state.sheets.map((s) => {
        const ws = this.excel.newSheetProxy(() => s, s.name);
        ws.fill(fields.length ? fields : ['name', 'visibility']);
        return ws;
      });
      this.loaded.set('items', items);
      return jsonBytes(this.excel.state.sheets.map((s) => ({ name: s.name, visibility: s.visibility })));
    });
    return this;
  }
}

export class FakeWorksheet extends Loadable {
  readonly freezePanes: {
    freezeRows(n: number): void;
    freezeColumns(n: number): void;
    freezeAt(r: FakeRange | string): void;
  };
  readonly tables: { add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy };
  readonly pivotTables: FakePivotCollection;
  readonly charts: { add(type: string, source: FakeRange, seriesBy?: string): FakeChartProxy };
  private nullResolve: (() => FakeSheet | undefined) | null = null;

  constructor(
    readonly excel: CountingExcel,
    readonly resolve: () => FakeSheet,
    readonly label: string,
  ) {
    super();
    const freeze = (rows: number, cols: number) =>
      this.excel.queue('freezePanes', label, { rows, cols }, () => {
        this.resolve().freeze = { rows, cols };
      });
    this.freezePanes = {
      freezeRows: (n) => freeze(n, 0),
      freezeColumns: (n) => freeze(0, n),
      freezeAt: (r) => {
        const b = typeof r === 'string' ? parseA1(r) : parseA1(r.addressText);
        freeze(b.row + b.rows, b.col + b.cols);
      },
    };
    this.tables = {
      add: (address, hasHeaders) => {
        const addr = typeof address === 'string' ? address : address.addressText;
        const b = parseA1(addr);
        const entry = memo(() => {
          const sheet = this.resolve();
          const name = `Table${this.excel.state.tables.length + 1}`;
          const t = { name, ...b, style: null, sheet };
          this.excel.state.tables.push(t);
          return t;
        });
        this.excel.queue('tables.add', label, { addr, hasHeaders }, () => void entry());
        return new FakeTableProxy(this.excel, entry, label);
      },
    };
    this.pivotTables = new FakePivotCollection(excel, this);
    this.charts = {
      add: (type, source, seriesBy) => {
        const entry = memo(() => {
          const chart: FakeChart = {
            type,
            source: toA1(source.bounds()),
            seriesBy: seriesBy ?? null,
            props: {},
            series: [{}],
            position: null,
            sheet: this.resolve(),
          };
          this.excel.state.charts.push(chart);
          return chart;
        });
        this.excel.queue(
          'charts.add',
          label,
          { type, source: source.addressText, seriesBy },
          () => void entry(),
        );
        return new FakeChartProxy(this.excel, entry, `${label}.chart`);
      },
    };
  }

  nullCheck(find: () => FakeSheet | undefined): void {
    this.nullResolve = find;
    this.excel.onLoaded(() => {
      this.loaded.set('isNullObject', !find());
      return 8;
    });
  }

  fill(fields: string[]): void {
    const s = this.resolve();
    for (const f of fields) {
      if (f === 'name') this.loaded.set('name', s.name);
      if (f === 'visibility') this.loaded.set('visibility', s.visibility);
      if (f === 'position') this.loaded.set('position', this.excel.state.sheets.indexOf(s));
    }
  }

  get isNullObject(): boolean {
    return this.readLoaded('isNullObject');
  }
  get name(): string {
    return this.readLoaded('name');
  }
  set name(v: string) {
    this.excel.queue('worksheet.name', this.label, v, () => this.excel.renameSheet(this.resolve(), v));
  }
  get visibility(): string {
    return this.readLoaded('visibility');
  }
  set visibility(v: string) {
    this.excel.queue('worksheet.visibility', this.label, v, () => {
      this.resolve().visibility = v as FakeSheet['visibility'];
    });
  }
  set tabColor(v: string) {
    this.excel.queue('worksheet.tabColor', this.label, v, () => {
      this.resolve().tabColor = v;
    });
  }
  load(props?: string | string[]): this {
    const fields = splitProps(props).map((p) => p.trim());
    this.excel.queue('load', this.label, props ?? null, () => {});
    this.excel.onLoaded(() => {
      if (this.nullResolve && !this.nullResolve()) return 8;
      this.fill(fields);
      return jsonBytes(fields);
    });
    return this;
  }
  delete(): void {
    this.excel.queue('worksheet.delete', this.label, null, () => this.excel.deleteSheet(this.resolve()));
  }
  activate(): void {
    this.excel.queue('worksheet.activate', this.label, null, () => {
      this.excel.state.activeSheet = this.resolve().name;
    });
  }
  getRange(address?: string): FakeRange {
    const a = address ?? 'A1:XFD1048576';
    return new FakeRange(this.excel, this, () => parseA1(a), a);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const b = { row, col, rows, cols };
    return new FakeRange(this.excel, this, () => b, toA1(b));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const used = memo((): Bounds | null => {
      const s = this.resolve();
      let r0 = Infinity;
      let c0 = Infinity;
      let r1 = -1;
      let c1 = -1;
      for (const [k, cell] of s.cells) {
        if (valuesOnly && cell.value === null && cell.formula === null) continue;
        const [r, c] = k.split(',').map(Number);
        r0 = Math.min(r0, r);
        c0 = Math.min(c0, c);
        r1 = Math.max(r1, r);
        c1 = Math.max(c1, c);
      }
      return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    });
    const range = new FakeRange(
      this.excel,
      this,
      () => used() ?? { row: 0, col: 0, rows: 1, cols: 1 },
      'used',
    );
    range.nullCheck(() => used() !== null);
    return range;
  }
}

type Recorder = Record<string, unknown>;

/** Records nested property writes (format.font.bold = true …) as queued commands. */
function recorder(
  excel: CountingExcel,
  target: string,
  path: string,
  apply: (path: string, value: unknown) => void,
  read?: (path: string) => unknown,
): Recorder {
  const loaded = new Map<string, unknown>();
  return new Proxy({} as Recorder, {
    get(_t, prop: string) {
      if (prop === 'load' && read) {
        return (props: string | string[]) => {
          excel.queue('load', target, props, () => {});
          excel.onLoaded(() => {
            for (const p of splitProps(props)) loaded.set(p.trim(), read(`${path}.${p.trim()}`));
            return 16;
          });
        };
      }
      if (loaded.has(prop)) return loaded.get(prop);
      if (prop === 'getItem') {
        return (item: string) => recorder(excel, target, `${path}.${item}`, apply);
      }
      if (['autofitRows', 'autofitColumns', 'clear'].includes(prop)) {
        return () => excel.queue(`${path}.${prop}`, target, null, () => apply(`${path}.${prop}()`, true));
      }
      return recorder(excel, target, `${path}.${prop}`, apply, read);
    },
    set(_t, prop: string, value: unknown) {
      const p = `${path}.${prop}`;
      excel.queue(p, target, value, () => apply(p, value), { path: p, value });
      return true;
    },
  });
}

export class FakeRange extends Loadable {
  readonly format: Recorder;
  readonly dataValidation: Recorder;
  readonly conditionalFormats: { add(type: string): Recorder };
  private exists: (() => boolean) | null = null;

  constructor(
    readonly excel: CountingExcel,
    readonly sheet: FakeWorksheet,
    readonly bounds: () => Bounds,
    readonly addressText: string,
  ) {
    super();
    const target = `${sheet.label}!${addressText}`;
    this.format = recorder(
      excel,
      target,
      'format',
      (p, v) => this.applyFormat(p, v),
      (p) => {
        const b = this.bounds();
        const cell = this.excel.peek(this.sheet.resolve(), b.row, b.col);
        const v = cell?.style[p.replace(/^format\./, '')];
        return v === undefined && p === 'format.fill.color' ? '#FFFFFF' : (v ?? null);
      },
    );
    this.dataValidation = recorder(excel, target, 'dataValidation', (p, v) => this.applyValidation(p, v));
    this.conditionalFormats = {
      add: (type: string) => {
        const cf = memo(() => {
          const rec: FakeConditionalFormat = { address: toA1(this.bounds()), type, props: {} };
          this.sheet.resolve().conditionalFormats.push(rec);
          return rec;
        });
        excel.queue('conditionalFormats.add', target, type, () => void cf());
        return recorder(excel, target, 'cf', (p, v) => {
          cf().props[p.replace(/^cf\./, '')] = v;
        });
      },
    };
  }

  nullCheck(exists: () => boolean): void {
    this.exists = exists;
    this.excel.onLoaded(() => {
      this.loaded.set('isNullObject', !exists());
      return 8;
    });
  }

  get isNullObject(): boolean {
    return this.readLoaded('isNullObject');
  }

  private forEachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const s = this.sheet.resolve();
    const b = this.bounds();
    if (b.rows * b.cols > 5_000_000) throw new FakeExcelError('InvalidArgument', 'Fake: range too large');
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) fn(this.excel.cell(s, b.row + r, b.col + c), r, c);
    }
  }

  private checkShape(v: unknown[][], what: string): void {
    const b = this.bounds();
    if (
      !Array.isArray(v) ||
      v.length !== b.rows ||
      v.some((row) => !Array.isArray(row) || row.length !== b.cols)
    ) {
      throw new FakeExcelError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${toA1(b)}).`,
      );
    }
  }

  private guardProtected(): void {
    if (this.sheet.resolve().protected) {
      throw new FakeExcelError(
        'AccessDenied',
        'The cell or chart you are trying to change is on a protected sheet.',
      );
    }
  }

  set values(v: unknown[][]) {
    this.excel.queue('range.values', `${this.sheet.label}!${this.addressText}`, v, () => {
      this.guardProtected();
      this.checkShape(v, 'values');
      this.forEachCell((cell, r, c) => this.excel.writeInput(cell, v[r][c], false));
    });
  }
  get values(): FakeRaw[][] {
    return this.readLoaded('values');
  }
  set formulas(v: unknown[][]) {
    this.excel.queue('range.formulas', `${this.sheet.label}!${this.addressText}`, v, () => {
      this.guardProtected();
      this.checkShape(v, 'formulas');
      this.forEachCell((cell, r, c) => this.excel.writeInput(cell, v[r][c], true));
    });
  }
  get formulas(): unknown[][] {
    return this.readLoaded('formulas');
  }
  set numberFormat(v: unknown[][]) {
    this.excel.queue('range.numberFormat', `${this.sheet.label}!${this.addressText}`, v, () => {
      this.guardProtected();
      this.checkShape(v, 'numberFormat');
      this.forEachCell((cell, r, c) => {
        cell.numberFormat = String(v[r][c]);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this.readLoaded('numberFormat');
  }
  get address(): string {
    return this.readLoaded('address');
  }
  get rowCount(): number {
    return this.readLoaded('rowCount');
  }
  get columnCount(): number {
    return this.readLoaded('columnCount');
  }
  get rowIndex(): number {
    return this.readLoaded('rowIndex');
  }
  get columnIndex(): number {
    return this.readLoaded('columnIndex');
  }

  load(props?: string | string[]): this {
    const fields = splitProps(props).map((p) => p.trim());
    this.excel.queue('load', `${this.sheet.label}!${this.addressText}`, props ?? null, () => {});
    this.excel.onLoaded(() => {
      if (this.exists && !this.exists()) return 8;
      const b = this.bounds();
      const s = this.sheet.resolve();
      let bytes = 0;
      const grid = (f: (c: FakeCell | undefined) => unknown) => {
        const out: unknown[][] = [];
        for (let r = 0; r < b.rows; r++) {
          const row: unknown[] = [];
          for (let c = 0; c < b.cols; c++) row.push(f(this.excel.peek(s, b.row + r, b.col + c)));
          out.push(row);
        }
        bytes += jsonBytes(out);
        return out;
      };
      for (const f of fields) {
        if (f === 'values')
          this.loaded.set(
            'values',
            grid((c) => (c?.value === null || !c ? '' : c.value)),
          );
        if (f === 'formulas')
          this.loaded.set(
            'formulas',
            grid((c) => c?.formula ?? c?.value ?? ''),
          );
        if (f === 'numberFormat')
          this.loaded.set(
            'numberFormat',
            grid((c) => c?.numberFormat ?? 'General'),
          );
        if (f === 'address') this.loaded.set('address', `${quoteSheet(s.name)}!${toA1(b)}`);
        if (f === 'rowCount') this.loaded.set('rowCount', b.rows);
        if (f === 'columnCount') this.loaded.set('columnCount', b.cols);
        if (f === 'rowIndex') this.loaded.set('rowIndex', b.row);
        if (f === 'columnIndex') this.loaded.set('columnIndex', b.col);
      }
      return bytes + 16;
    });
    return this;
  }

  autoFill(destination: FakeRange | string, type?: string): void {
    const dest = typeof destination === 'string' ? parseA1(destination) : null;
    this.excel.queue('range.autoFill', `${this.sheet.label}!${this.addressText}`, { type }, () => {
      this.guardProtected();
      const src = this.bounds();
      const b = dest ?? (destination as FakeRange).bounds();
      const s = this.sheet.resolve();
      const from = this.excel.peek(s, src.row, src.col);
      for (let r = 0; r < b.rows; r++) {
        const cell = this.excel.cell(s, b.row + r, b.col);
        const delta = b.row + r - src.row;
        if (from?.formula) {
          cell.formula = shiftFormulaRows(from.formula, delta);
          cell.value = '#FORMULA';
        } else {
          cell.value = from?.value ?? null;
          cell.formula = null;
        }
        cell.numberFormat = from?.numberFormat ?? cell.numberFormat;
      }
    });
  }

  merge(across?: boolean): void {
    this.excel.queue('range.merge', `${this.sheet.label}!${this.addressText}`, { across }, () => {
      this.sheet.resolve().merges.push(toA1(this.bounds()));
    });
  }
  select(): void {
    this.excel.queue('range.select', `${this.sheet.label}!${this.addressText}`, null, () => {
      this.excel.state.selection = `${this.sheet.resolve().name}!${toA1(this.bounds())}`;
    });
  }
  getCell(r: number, c: number): FakeRange {
    const b = memo(() => {
      const o = this.bounds();
      return { row: o.row + r, col: o.col + c, rows: 1, cols: 1 };
    });
    return new FakeRange(this.excel, this.sheet, b, `${this.addressText}.cell(${r},${c})`);
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    const b = memo(() => {
      const o = this.bounds();
      return { ...o, row: o.row + dr, col: o.col + dc };
    });
    return new FakeRange(this.excel, this.sheet, b, `${this.addressText}.offset(${dr},${dc})`);
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    const b = memo(() => {
      const o = this.bounds();
      return { ...o, rows: o.rows + dr, cols: o.cols + dc };
    });
    return new FakeRange(this.excel, this.sheet, b, `${this.addressText}.resize(${dr},${dc})`);
  }

  private applyFormat(path: string, value: unknown): void {
    this.guardProtected();
    const s = this.sheet.resolve();
    const b = this.bounds();
    if (path === 'format.columnWidth') {
      for (let c = 0; c < b.cols; c++) s.widths.set(b.col + c, Number(value));
      return;
    }
    if (b.rows * b.cols > 200_000) return; // whole-column formats: kept out of the cell map
    if (path === 'format.fill.clear()') {
      this.forEachCell((cell) => {
        delete cell.style['fill.color'];
      });
      return;
    }
    this.forEachCell((cell) => {
      cell.style[path.replace(/^format\./, '')] = value;
    });
  }

  private applyValidation(path: string, value: unknown): void {
    const s = this.sheet.resolve();
    const address = toA1(this.bounds());
    let v = s.validations.find((x) => x.address === address);
    if (path === 'dataValidation.clear()') {
      s.validations = s.validations.filter((x) => x.address !== address);
      return;
    }
    if (!v) {
      v = { address, rule: null };
      s.validations.push(v);
    }
    const field = path.replace(/^dataValidation\./, '');
    if (field === 'rule') v.rule = value;
    else if (field === 'ignoreBlanks') v.ignoreBlanks = Boolean(value);
    else if (field === 'prompt') v.prompt = value;
    else if (field === 'errorAlert') v.errorAlert = value;
  }
}

class FakeTableProxy extends Loadable {
  readonly worksheet: FakeWorksheet;
  private nullFind: (() => boolean) | null = null;
  constructor(
    readonly excel: CountingExcel,
    readonly resolve: () => FakeTable & { sheet: FakeSheet },
    readonly label: string,
  ) {
    super();
    this.worksheet = excel.newSheetProxy(() => this.resolve().sheet, `${label}.worksheet`);
  }
  nullCheck(find: () => boolean): void {
    this.nullFind = find;
    this.excel.onLoaded(() => {
      this.loaded.set('isNullObject', !find());
      return 8;
    });
  }
  get isNullObject(): boolean {
    return this.readLoaded('isNullObject');
  }
  get name(): string {
    return this.readLoaded('name');
  }
  set name(v: string) {
    this.excel.queue('table.name', this.label, v, () => this.excel.renameTable(this.resolve(), v));
  }
  set style(v: string) {
    this.excel.queue('table.style', this.label, v, () => {
      this.resolve().style = v;
    });
  }
  set showBandedRows(_v: boolean) {
    this.excel.queue('table.showBandedRows', this.label, _v, () => {});
  }
  load(props?: string | string[]): this {
    const fields = splitProps(props).map((p) => p.trim());
    this.excel.queue('load', this.label, props ?? null, () => {});
    this.excel.onLoaded(() => {
      if (this.nullFind && !this.nullFind()) return 8;
      if (fields.includes('name')) this.loaded.set('name', this.resolve().name);
      return 32;
    });
    return this;
  }
  private range(f: (t: FakeTable) => Bounds, what: string): FakeRange {
    return new FakeRange(this.excel, this.worksheet, () => f(this.resolve()), `${this.label}.${what}`);
  }
  getRange(): FakeRange {
    return this.range((t) => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols }), 'range');
  }
  getHeaderRowRange(): FakeRange {
    return this.range((t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }), 'header');
  }
  getDataBodyRange(): FakeRange {
    return this.range(
      (t) => ({ row: t.row + 1, col: t.col, rows: Math.max(1, t.rows - 1), cols: t.cols }),
      'body',
    );
  }
  delete(): void {
    this.excel.queue('table.delete', this.label, null, () => {
      const t = this.resolve();
      this.excel.state.tables = this.excel.state.tables.filter((x) => x !== t);
    });
  }
}

class FakeTables extends Loadable {
  constructor(readonly excel: CountingExcel) {
    super();
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    return this.readLoaded('items');
  }
  load(props?: string | string[]): this {
    this.excel.queue('load', 'tables', props ?? null, () => {});
    this.excel.onLoaded(() => {
      const items = this.excel.state.tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet.name } }));
      this.loaded.set('items', items);
      return jsonBytes(items);
    });
    return this;
  }
  private find(name: string) {
    return this.excel.state.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): FakeTableProxy {
    return new FakeTableProxy(
      this.excel,
      memo(() => {
        const t = this.find(name);
        if (!t) throw new FakeExcelError('ItemNotFound', `Table ${name} not found`);
        return t;
      }),
      name,
    );
  }
  getItemOrNullObject(name: string): FakeTableProxy {
    const t = this.getItem(name);
    t.nullCheck(() => this.find(name) !== undefined);
    return t;
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    readonly excel: CountingExcel,
    readonly nameText: string,
  ) {
    super();
  }
  get isNullObject(): boolean {
    return this.readLoaded('isNullObject');
  }
  get name(): string {
    return this.readLoaded('name');
  }
  get formula(): string {
    return this.readLoaded('formula');
  }
  load(_props?: string | string[]): this {
    this.excel.queue('load', `name:${this.nameText}`, _props ?? null, () => {});
    this.excel.onLoaded(() => {
      const f = this.excel.state.names.get(this.nameText);
      this.loaded.set('isNullObject', f === undefined);
      if (f !== undefined) {
        this.loaded.set('name', this.nameText);
        this.loaded.set('formula', f);
      }
      return jsonBytes(f ?? null);
    });
    return this;
  }
  delete(): void {
    this.excel.queue('name.delete', this.nameText, null, () => {
      this.excel.state.names.delete(this.nameText);
    });
  }
  getRange(): FakeRange {
    const r = this.getRangeOrNullObject();
    return r;
  }
  getRangeOrNullObject(): FakeRange {
    const target = memo((): { sheet: FakeSheet; b: Bounds } | null => {
      const f = this.excel.state.names.get(this.nameText);
      const m = f ? /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(f) : null;
      if (!m) return null;
      const sheet = this.excel.sheetByName(m[1].replace(/''/g, "'"));
      return sheet ? { sheet, b: parseA1(m[2]) } : null;
    });
    const ws = this.excel.newSheetProxy(
      () => target()?.sheet ?? this.excel.state.sheets[0],
      `name:${this.nameText}`,
    );
    const r = new FakeRange(
      this.excel,
      ws,
      () => target()?.b ?? { row: 0, col: 0, rows: 1, cols: 1 },
      this.nameText,
    );
    r.nullCheck(() => target() !== null);
    return r;
  }
}

class FakeNames extends Loadable {
  constructor(readonly excel: CountingExcel) {
    super();
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.excel.queue('names.add', name, { reference, comment }, () => {
      if (this.excel.state.names.has(name))
        throw new FakeExcelError('ItemAlreadyExists', `Name ${name} exists`);
      this.excel.state.names.set(name, reference.startsWith('=') ? reference : `=${reference}`);
    });
    return new FakeNamedItem(this.excel, name);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.excel, name);
  }
  getItem(name: string): FakeNamedItem {
    this.excel.queue('names.getItem', name, name, () => {
      if (!this.excel.state.names.has(name))
        throw new FakeExcelError('ItemNotFound', `Name ${name} not found`);
    });
    return new FakeNamedItem(this.excel, name);
  }
  get items(): { name: string; formula: string }[] {
    return this.readLoaded('items');
  }
  load(props?: string | string[]): this {
    this.excel.queue('load', 'names', props ?? null, () => {});
    this.excel.onLoaded(() => {
      const items = [...this.excel.state.names].map(([name, formula]) => ({ name, formula }));
      this.loaded.set('items', items);
      return jsonBytes(items);
    });
    return this;
  }
}

class FakePivotProxy {
  readonly hierarchies: { getItem(name: string): { name: string } };
  readonly rowHierarchies: { add(h: { name: string }): void };
  readonly columnHierarchies: { add(h: { name: string }): void };
  readonly dataHierarchies: { add(h: { name: string }): Recorder };
  constructor(
    readonly excel: CountingExcel,
    readonly resolve: () => FakePivot,
    readonly label: string,
  ) {
    this.hierarchies = { getItem: (name) => ({ name }) };
    const adder = (field: 'rows' | 'columns') => ({
      add: (h: { name: string }) =>
        excel.queue(`pivot.${field}.add`, label, h.name, () => {
          this.resolve()[field].push(h.name);
        }),
    });
    this.rowHierarchies = adder('rows');
    this.columnHierarchies = adder('columns');
    this.dataHierarchies = {
      add: (h) => {
        const entry = memo(() => {
          const d = { name: h.name } as FakePivot['data'][number];
          this.resolve().data.push(d);
          return d;
        });
        excel.queue('pivot.data.add', label, h.name, () => void entry());
        return recorder(excel, label, 'dh', (p, v) => {
          if (p === 'dh.summarizeBy') entry().summarizeBy = String(v);
          if (p === 'dh.name') entry().displayName = String(v);
        });
      },
    };
  }
  refresh(): void {
    this.excel.queue('pivot.refresh', this.label, null, () => {
      this.resolve().refreshed += 1;
    });
  }
}

class FakePivotCollection extends Loadable {
  constructor(
    readonly excel: CountingExcel,
    readonly sheet: FakeWorksheet | null,
  ) {
    super();
  }
  add(name: string, source: unknown, destination: unknown): FakePivotProxy {
    const describe = (x: unknown): string =>
      typeof x === 'string'
        ? x
        : x instanceof FakeRange
          ? x.addressText
          : x instanceof FakeTableProxy
            ? `table:${x.label}`
            : String(x);
    const sheet = this.sheet;
    const entry = memo(() => {
      if (!sheet) throw new FakeExcelError('InvalidArgument', 'Fake: add pivots through a worksheet');
      if (this.excel.state.pivots.some((p) => p.name === name)) {
        throw new FakeExcelError('ItemAlreadyExists', `PivotTable ${name} exists`);
      }
      if (source instanceof FakeTableProxy) source.resolve();
      const p = {
        name,
        source: describe(source),
        destination: describe(destination),
        rows: [],
        columns: [],
        data: [],
        refreshed: 0,
        sheet: sheet.resolve(),
      };
      this.excel.state.pivots.push(p);
      return p;
    });
    this.excel.queue('pivotTables.add', name, { name }, () => void entry());
    return new FakePivotProxy(this.excel, entry, name);
  }
  refreshAll(): void {
    this.excel.queue('pivotTables.refreshAll', 'workbook', null, () => {
      for (const p of this.excel.state.pivots) p.refreshed += 1;
    });
  }
}

/** The chart surface src/excel uses: nested property writes, series, position. */
export class FakeChartProxy {
  readonly title: Recorder;
  readonly legend: Recorder;
  readonly axes: Recorder;
  readonly dataLabels: Recorder;
  readonly series: {
    getItemAt(i: number): {
      name: string;
      setXAxisValues(r: FakeRange): void;
      setValues(r: FakeRange): void;
    };
  };
  constructor(
    readonly excel: CountingExcel,
    readonly resolve: () => FakeChart,
    readonly label: string,
  ) {
    const write = (p: string, v: unknown) => {
      this.resolve().props[p.replace(/^chart\./, '')] = v;
    };
    this.title = recorder(excel, label, 'chart.title', write);
    this.legend = recorder(excel, label, 'chart.legend', write);
    this.axes = recorder(excel, label, 'chart.axes', write);
    this.dataLabels = recorder(excel, label, 'chart.dataLabels', write);
    const series = (i: number) => {
      const at = () => {
        const list = this.resolve().series;
        while (list.length <= i) list.push({});
        return list[i];
      };
      return {
        set name(v: string) {
          excel.queue('chart.series.name', label, v, () => {
            at().name = v;
          });
        },
        get name(): string {
          throw new Error('PropertyNotLoaded: name');
        },
        setXAxisValues(r: FakeRange) {
          excel.queue('chart.series.setXAxisValues', label, r.addressText, () => {
            at().xAxisValues = toA1(r.bounds());
          });
        },
        setValues(r: FakeRange) {
          excel.queue('chart.series.setValues', label, r.addressText, () => {
            at().values = toA1(r.bounds());
          });
        },
      };
    };
    this.series = { getItemAt: series };
  }
  set name(v: string) {
    this.excel.queue('chart.name', this.label, v, () => {
      this.resolve().props.name = v;
    });
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const text = (r: FakeRange | string) => (typeof r === 'string' ? r : r.addressText);
    this.excel.queue('chart.setPosition', this.label, [text(start), end ? text(end) : null], () => {
      this.resolve().position = { start: text(start), end: end ? text(end) : null };
    });
  }
}

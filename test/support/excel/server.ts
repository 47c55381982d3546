/**
 * The "Excel" end of the strict double: executes a RichApi request (the JSON office.js builds
 * for one `context.sync()`) against the in-memory workbook and answers in the shape office.js
 * reads back. Object paths are evaluated the way the host does it: once per request, in order,
 * the first time an action needs them (so `worksheets.add(...)` adds one sheet however many
 * actions use it); a failing action stops the request and the actions before it stay applied
 * (Excel does not roll a batch back).
 *
 * Only the object model src/excel uses is implemented, and anything else fails loudly with the
 * code NotImplemented, so a new call cannot pass unnoticed.
 */

import { type Bounds, parseA1, quoteSheet, toA1 } from './a1';
import { type ActionInfo, type ObjectPathInfo, officeJs, type RequestBody } from './office-js';
import {
  type HeaderFooterPages,
  type HeaderFooterPart,
  setHeaderFooterPart,
  setHeaderFooterState,
  setPageLayout,
  setPrintArea,
  setPrintTitleRows,
} from './page-layout';
import {
  type Cell,
  type Chart,
  type ConditionalFormat,
  ExcelError,
  type Pivot,
  type Sheet,
  type Table,
  Workbook,
} from './workbook';

export interface CommandRecord {
  sync: number;
  /** e.g. "Range.values", "Worksheet.activate", "Application.calculate". */
  kind: string;
  /** e.g. "Nhiệm vụ!A2:C251", the object the command went to. */
  target: string;
  args: unknown[];
}

export interface ExecuteResult {
  results: { ActionId: number; Value: unknown }[];
  error: { code: string; message: string; actionIndex: number } | null;
  commands: CommandRecord[];
}

/** Collection of the request being executed: what the nodes need from the server. */
export interface Host {
  readonly book: Workbook;
  /** Objects office.js asked Excel to keep (auto-tracked ranges inside Excel.run), by reference id. */
  readonly references: Map<string, unknown>;
  newReferenceId(): string;
  /** Host-side API sets, for the members office.js does not check itself. */
  supports(set: string, version: string): boolean;
}

const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function notImplemented(type: string, member: string): ExcelError {
  return new ExcelError('NotImplemented', `Double: ${type}.${member} is not implemented`);
}

function invalid(message: string): ExcelError {
  return new ExcelError('InvalidArgument', message);
}

// ---------------------------------------------------------------- nodes

abstract class Node {
  abstract readonly type: string;
  readonly isCollection: boolean = false;
  constructor(readonly host: Host) {}
  get book(): Workbook {
    return this.host.book;
  }
  abstract label(): string;
  /** What an Instantiate action answers: identity for objects office.js re-finds by id. */
  instance(): Record<string, unknown> {
    return {};
  }
  scalars(): string[] {
    return [];
  }
  get(prop: string): unknown {
    throw notImplemented(this.type, camel(prop));
  }
  set(prop: string, _value: unknown): void {
    throw notImplemented(this.type, `${camel(prop)} (set)`);
  }
  nav(prop: string): Node | null {
    throw notImplemented(this.type, camel(prop));
  }
  /** A method that returns an object (an object path) or a value (an action). */
  call(method: string, _args: unknown[]): Node | null | { value: unknown } {
    throw notImplemented(this.type, `${camel(method)}()`);
  }
  index(_args: unknown[]): Node | null {
    throw notImplemented(this.type, 'getItem()');
  }
  items(): Node[] {
    throw notImplemented(this.type, 'items');
  }
}

/** The parts a nested object has, by PascalCase name (a tree of further parts). */
interface Parts {
  [name: string]: Parts;
}

/** Nested objects whose writes are recorded on their owner (chart parts, format parts). */
class Bag extends Node {
  constructor(
    host: Host,
    readonly type: string,
    readonly owner: string,
    readonly path: string,
    readonly write: (path: string, value: unknown) => void,
    readonly parts: Parts = {},
  ) {
    super(host);
  }
  label(): string {
    return `${this.owner}.${this.path}`;
  }
  override set(prop: string, value: unknown): void {
    this.write(`${this.path}.${camel(prop)}`, value);
  }
  override nav(prop: string): Node {
    const sub = this.parts[prop];
    if (!sub) throw notImplemented(this.type, camel(prop));
    return new Bag(
      this.host,
      `${this.type}.${camel(prop)}`,
      this.owner,
      `${this.path}.${camel(prop)}`,
      this.write,
      sub,
    );
  }
}

class WorkbookNode extends Node {
  readonly type = 'Workbook';
  label(): string {
    return 'workbook';
  }
  override nav(prop: string): Node {
    switch (prop) {
      case 'Worksheets':
        return new WorksheetCollectionNode(this.host);
      case 'Names':
        return new NamedItemCollectionNode(this.host);
      case 'Tables':
        return new TableCollectionNode(this.host, null);
      case 'Application':
        return new ApplicationNode(this.host);
      case 'PivotTables':
        return new PivotTableCollectionNode(this.host, null);
    }
    throw notImplemented(this.type, camel(prop));
  }
  override call(method: string, args: unknown[] = []): Node | null | { value: unknown } {
    if (method === '_RemoveReference') {
      this.host.references.delete(String(args[0]));
      return { value: null };
    }
    if (method === '_RemoveAllReferences') {
      this.host.references.clear();
      return { value: null };
    }
    if (method === 'GetSelectedRange') {
      const sel = this.book.state.selection;
      const [sheetName, address] = sel ? sel.split('!') : [this.book.state.activeSheet ?? '', 'A1'];
      const sheet = this.book.requireSheet(sheetName);
      return new RangeNode(this.host, sheet, parseA1(address) as Bounds);
    }
    return super.call(method, args);
  }
}

class ApplicationNode extends Node {
  readonly type = 'Application';
  label(): string {
    return 'application';
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    switch (method) {
      case 'SuspendApiCalculationUntilNextSync':
      case 'SuspendScreenUpdatingUntilNextSync':
        return { value: null };
      case 'Calculate':
        if (!['Recalculate', 'Full', 'FullRebuild'].includes(String(args[0])))
          throw invalid(`calculate(${String(args[0])})`);
        this.book.state.calculations += 1;
        return { value: null };
    }
    return super.call(method, args) as { value: unknown };
  }
}

// ----- worksheets

class WorksheetCollectionNode extends Node {
  readonly type = 'WorksheetCollection';
  override readonly isCollection = true;
  label(): string {
    return 'worksheets';
  }
  override items(): Node[] {
    return this.book.state.sheets.map((s) => new WorksheetNode(this.host, s));
  }
  override index(args: unknown[]): Node {
    return new WorksheetNode(this.host, this.book.requireSheet(String(args[0])));
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'Add':
        return new WorksheetNode(
          this.host,
          this.book.addSheet(args[0] === undefined ? undefined : String(args[0])),
        );
      case 'GetItemOrNullObject': {
        const s = this.book.sheetByKey(String(args[0]));
        return s ? new WorksheetNode(this.host, s) : null;
      }
      case 'GetItemAt':
        return new WorksheetNode(
          this.host,
          this.book.state.sheets[Number(args[0])] ?? this.book.requireSheet(''),
        );
      case 'GetActiveWorksheet':
        return new WorksheetNode(this.host, this.book.requireSheet(this.book.state.activeSheet ?? ''));
      case 'GetCount':
        return {
          value: args[0]
            ? this.book.state.sheets.filter((s) => s.visibility === 'Visible').length
            : this.book.state.sheets.length,
        };
    }
    return super.call(method, args);
  }
}

class WorksheetNode extends Node {
  readonly type = 'Worksheet';
  constructor(
    host: Host,
    readonly sheet: Sheet,
  ) {
    super(host);
  }
  label(): string {
    return this.sheet.name;
  }
  override instance(): Record<string, unknown> {
    return { Id: this.sheet.id };
  }
  override scalars(): string[] {
    return ['Id', 'Name', 'Position', 'Visibility', 'TabColor'];
  }
  override get(prop: string): unknown {
    switch (prop) {
      case 'Id':
        return this.sheet.id;
      case 'Name':
        return this.sheet.name;
      case 'Position':
        return this.book.state.sheets.indexOf(this.sheet);
      case 'Visibility':
        return this.sheet.visibility;
      case 'TabColor':
        return this.sheet.tabColor ?? '';
    }
    return super.get(prop);
  }
  override set(prop: string, value: unknown): void {
    switch (prop) {
      case 'Name':
        this.book.renameSheet(this.sheet, value);
        return;
      case 'Visibility':
        this.book.setVisibility(this.sheet, value);
        return;
      case 'TabColor':
        this.sheet.tabColor = value === '' ? null : String(value);
        return;
      case 'Gridlines':
        if (typeof value !== 'boolean') throw invalid(`showGridlines = ${String(value)}`);
        this.sheet.showGridlines = value;
        return;
    }
    super.set(prop, value);
  }
  override nav(prop: string): Node {
    switch (prop) {
      case 'Tables':
        return new TableCollectionNode(this.host, this.sheet);
      case 'PivotTables':
        return new PivotTableCollectionNode(this.host, this.sheet);
      case 'Charts':
        return new ChartCollectionNode(this.host, this.sheet);
      case 'FreezePanes':
        return new FreezePanesNode(this.host, this.sheet);
      case 'PageLayout':
        return new PageLayoutNode(this.host, this.sheet);
    }
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'GetRange': {
        const a = args[0] === undefined || args[0] === null || args[0] === '' ? 'A:XFD' : String(args[0]);
        const b = parseA1(a);
        if (!b) throw invalid(`The address "${a}" is not valid.`);
        return new RangeNode(this.host, this.sheet, b);
      }
      case 'GetRangeByIndexes': {
        const [row, col, rows, cols] = args.map(Number);
        if (rows < 1 || cols < 1 || row < 0 || col < 0) throw invalid('getRangeByIndexes');
        return new RangeNode(this.host, this.sheet, { row, col, rows, cols });
      }
      case 'GetUsedRange':
      case 'GetUsedRangeOrNullObject': {
        const used = usedBounds(this.sheet, Boolean(args[0]));
        if (!used && method === 'GetUsedRangeOrNullObject') return null;
        return new RangeNode(this.host, this.sheet, used ?? { row: 0, col: 0, rows: 1, cols: 1 });
      }
      case 'Activate':
        this.book.activate(this.sheet);
        return { value: null };
      case 'Delete':
        this.book.deleteSheet(this.sheet);
        return { value: null };
    }
    return super.call(method, args);
  }
}

function usedBounds(sheet: Sheet, valuesOnly: boolean): Bounds | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [k, cell] of sheet.cells) {
    const blank = cell.value === null && cell.formula === null;
    if (blank && (valuesOnly || (cell.numberFormat === 'General' && !Object.keys(cell.style).length)))
      continue;
    const [r, c] = k.split(',').map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

class FreezePanesNode extends Node {
  readonly type = 'WorksheetFreezePanes';
  constructor(
    host: Host,
    readonly sheet: Sheet,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}.freezePanes`;
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    switch (method) {
      case 'FreezeRows':
        this.sheet.freeze = { rows: Number(args[0] ?? 1), cols: 0 };
        return { value: null };
      case 'FreezeColumns':
        this.sheet.freeze = { rows: 0, cols: Number(args[0] ?? 1) };
        return { value: null };
      case 'FreezeAt': {
        const target = args[0];
        const b = target instanceof RangeNode ? target.bounds : parseA1(String(target));
        if (!b) throw invalid('freezeAt');
        this.sheet.freeze = { rows: b.row + b.rows, cols: b.col + b.cols };
        return { value: null };
      }
      case 'Unfreeze':
        this.sheet.freeze = null;
        return { value: null };
    }
    return super.call(method, args) as { value: unknown };
  }
}

// ----- page layout (rules in page-layout.ts)

function addressArgument(arg: unknown): string {
  if (arg instanceof RangeNode) return toA1(arg.bounds);
  if (typeof arg === 'string') return arg;
  throw invalid('A range or an address is expected.');
}

class PageLayoutNode extends Node {
  readonly type = 'PageLayout';
  constructor(
    host: Host,
    readonly sheet: Sheet,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}.pageLayout`;
  }
  override set(prop: string, value: unknown): void {
    this.book.guardProtected(this.sheet);
    setPageLayout(this.sheet.pageLayout, camel(prop), value);
  }
  override nav(prop: string): Node {
    if (prop === 'HeadersFooters') return new HeaderFooterGroupNode(this.host, this.sheet);
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    switch (method) {
      case 'SetPrintTitleRows':
        setPrintTitleRows(this.sheet.pageLayout, addressArgument(args[0]));
        return { value: null };
      case 'SetPrintArea':
        setPrintArea(this.sheet.pageLayout, addressArgument(args[0]));
        return { value: null };
    }
    return super.call(method, args) as { value: unknown };
  }
}

class HeaderFooterGroupNode extends Node {
  readonly type = 'HeaderFooterGroup';
  constructor(
    host: Host,
    readonly sheet: Sheet,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}.pageLayout.headersFooters`;
  }
  override set(prop: string, value: unknown): void {
    if (prop !== 'State') return super.set(prop, value);
    setHeaderFooterState(this.sheet.pageLayout, value);
  }
  override nav(prop: string): Node {
    const pages = camel(prop);
    if (['defaultForAllPages', 'firstPage', 'evenPages', 'oddPages'].includes(pages))
      return new HeaderFooterNode(this.host, this.sheet, pages as HeaderFooterPages);
    return super.nav(prop) as Node;
  }
}

const HEADER_FOOTER_PARTS = new Set([
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
]);

class HeaderFooterNode extends Node {
  readonly type = 'HeaderFooter';
  constructor(
    host: Host,
    readonly sheet: Sheet,
    readonly pages: HeaderFooterPages,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}.pageLayout.headersFooters.${this.pages}`;
  }
  override set(prop: string, value: unknown): void {
    const part = camel(prop);
    if (!HEADER_FOOTER_PARTS.has(part)) return super.set(prop, value);
    setHeaderFooterPart(this.sheet.pageLayout, this.pages, part as HeaderFooterPart, value);
  }
}

// ----- ranges

const RANGE_FORMAT_CHILDREN: Record<string, string> = { Font: 'RangeFont', Fill: 'RangeFill' };

class RangeNode extends Node {
  readonly type = 'Range';
  referenceId: string | null = null;
  constructor(
    host: Host,
    readonly sheet: Sheet,
    readonly bounds: Bounds,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}!${toA1(this.bounds)}`;
  }
  override instance(): Record<string, unknown> {
    return this.referenceId ? { _ReferenceId: this.referenceId } : {};
  }
  override scalars(): string[] {
    return [
      'Address',
      'RowIndex',
      'ColumnIndex',
      'RowCount',
      'ColumnCount',
      'Values',
      'Formulas',
      'NumberFormat',
    ];
  }
  private grid(f: (c: Cell | undefined) => unknown): unknown[][] {
    const b = this.bounds;
    if (b.rows * b.cols > 5_000_000) {
      throw new ExcelError(
        'ResponsePayloadSizeLimitExceeded',
        'The response payload size has exceeded the limit.',
      );
    }
    const out: unknown[][] = [];
    for (let r = 0; r < b.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < b.cols; c++) row.push(f(this.book.peek(this.sheet, b.row + r, b.col + c)));
      out.push(row);
    }
    return out;
  }
  override get(prop: string): unknown {
    const b = this.bounds;
    switch (prop) {
      case 'Address':
        return `${quoteSheet(this.sheet.name)}!${toA1(b)}`;
      case 'RowIndex':
        return b.row;
      case 'ColumnIndex':
        return b.col;
      case 'RowCount':
        return b.rows;
      case 'ColumnCount':
        return b.cols;
      case 'Values':
        return this.grid((c) => (c?.value === null || c === undefined ? '' : c.value));
      case 'Formulas':
        return this.grid((c) => c?.formula ?? (c?.value === null || c === undefined ? '' : c.value));
      case 'NumberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'Text':
        return this.grid((c) => (c?.value === null || c === undefined ? '' : String(c.value)));
      case 'Hyperlink': {
        const h = this.book.peek(this.sheet, b.row, b.col)?.hyperlink;
        return h ?? null;
      }
    }
    return super.get(prop);
  }
  override set(prop: string, value: unknown): void {
    switch (prop) {
      case 'Values':
        this.book.writeGrid(this.sheet, this.bounds, value, 'values');
        return;
      case 'Formulas':
        this.book.writeGrid(this.sheet, this.bounds, value, 'formulas');
        return;
      case 'NumberFormat':
        this.book.writeGrid(this.sheet, this.bounds, value, 'numberFormat');
        return;
      case 'ColumnHidden':
        if (typeof value !== 'boolean') throw invalid(`columnHidden = ${String(value)}`);
        for (let c = 0; c < this.bounds.cols; c++) {
          if (value) this.sheet.hiddenColumns.add(this.bounds.col + c);
          else this.sheet.hiddenColumns.delete(this.bounds.col + c);
        }
        return;
      case 'Hyperlink': {
        this.book.guardProtected(this.sheet);
        const h = value as Cell['hyperlink'];
        if (h !== null && (typeof h !== 'object' || (!h.address && !h.documentReference))) {
          throw invalid('A hyperlink needs an address or a document reference.');
        }
        for (let r = 0; r < this.bounds.rows; r++) {
          for (let c = 0; c < this.bounds.cols; c++) {
            const cell = this.book.cell(this.sheet, this.bounds.row + r, this.bounds.col + c);
            cell.hyperlink = h;
            if (h?.textToDisplay !== undefined) {
              cell.value = h.textToDisplay;
              cell.formula = null;
            }
          }
        }
        return;
      }
    }
    super.set(prop, value);
  }
  override nav(prop: string): Node {
    switch (prop) {
      case 'Format':
        return new RangeFormatNode(this.host, this);
      case 'DataValidation':
        return new DataValidationNode(this.host, this);
      case 'ConditionalFormats':
        return new ConditionalFormatCollectionNode(this.host, this);
      case 'Worksheet':
        return new WorksheetNode(this.host, this.sheet);
    }
    return super.nav(prop) as Node;
  }
  private sub(b: Bounds): RangeNode {
    if (
      b.row < 0 ||
      b.col < 0 ||
      b.rows < 1 ||
      b.cols < 1 ||
      b.row + b.rows > 1_048_576 ||
      b.col + b.cols > 16_384
    ) {
      throw invalid('The range is outside the sheet.');
    }
    return new RangeNode(this.host, this.sheet, b);
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    const b = this.bounds;
    switch (method) {
      case 'GetCell':
        return this.sub({ row: b.row + Number(args[0]), col: b.col + Number(args[1]), rows: 1, cols: 1 });
      case 'GetRow':
        if (Number(args[0]) >= b.rows) throw invalid('getRow');
        return this.sub({ ...b, row: b.row + Number(args[0]), rows: 1 });
      case 'GetColumn':
        if (Number(args[0]) >= b.cols) throw invalid('getColumn');
        return this.sub({ ...b, col: b.col + Number(args[0]), cols: 1 });
      case 'GetOffsetRange':
        return this.sub({ ...b, row: b.row + Number(args[0]), col: b.col + Number(args[1]) });
      case 'GetResizedRange':
        return this.sub({ ...b, rows: b.rows + Number(args[0]), cols: b.cols + Number(args[1]) });
      case 'GetLastRow':
        return this.sub({ ...b, row: b.row + b.rows - 1, rows: 1 });
      case 'GetBoundingRect': {
        const o = args[0] instanceof RangeNode ? args[0].bounds : parseA1(String(args[0]));
        if (!o) throw invalid('getBoundingRect');
        const row = Math.min(b.row, o.row);
        const col = Math.min(b.col, o.col);
        return this.sub({
          row,
          col,
          rows: Math.max(b.row + b.rows, o.row + o.rows) - row,
          cols: Math.max(b.col + b.cols, o.col + o.cols) - col,
        });
      }
      case '_KeepReference':
        if (!this.referenceId) {
          this.referenceId = this.host.newReferenceId();
          this.host.references.set(this.referenceId, this);
        }
        return { value: null };
      case '_ValidateArraySize':
        if (Number(args[0]) !== b.rows || Number(args[1]) !== b.cols) {
          throw invalid(
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${toA1(b)}).`,
          );
        }
        return { value: null };
      case 'AutoFill': {
        const dest = args[0] instanceof RangeNode ? args[0].bounds : parseA1(String(args[0]));
        if (!dest) throw invalid('autoFill destination');
        this.book.autoFill(this.sheet, b, dest);
        return { value: null };
      }
      case 'Merge':
        this.book.guardProtected(this.sheet);
        this.sheet.merges.push(toA1(b));
        return { value: null };
      case 'Select':
        this.book.state.activeSheet = this.sheet.name;
        this.book.state.selection = `${this.sheet.name}!${toA1(b)}`;
        return { value: null };
      case 'Clear':
        this.book.guardProtected(this.sheet);
        for (const { cell } of this.book.existingCells(this.sheet, b)) {
          cell.value = null;
          cell.formula = null;
          if (args[0] !== 'Contents') {
            cell.numberFormat = 'General';
            cell.style = {};
            cell.hyperlink = null;
          }
        }
        return { value: null };
    }
    return super.call(method, args);
  }
  /** Applies a format write to every cell; whole columns keep their widths only. */
  applyFormat(path: string, value: unknown): void {
    this.book.guardProtected(this.sheet);
    const b = this.bounds;
    if (path === 'format.columnWidth') {
      if (typeof value !== 'number' || value < 0) throw invalid('columnWidth');
      for (let c = 0; c < b.cols; c++) this.sheet.widths.set(b.col + c, value);
      return;
    }
    if (path === 'format.rowHeight') {
      // Excel's tallest row is 409 points.
      if (typeof value !== 'number' || value < 0 || value > 409)
        throw invalid(`rowHeight = ${String(value)}`);
      for (let r = 0; r < b.rows; r++) this.sheet.rowHeights.set(b.row + r, value);
      return;
    }
    if (path === 'format.font.underline') {
      const styles = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
      if (!styles.includes(String(value))) throw invalid(`font.underline = ${String(value)}`);
    }
    if (path === 'format.font.name' && (typeof value !== 'string' || !value.trim()))
      throw invalid(`font.name = ${String(value)}`);
    // Formats of whole rows or columns are not materialised cell by cell.
    if (b.rows * b.cols > 200_000) return;
    for (let r = 0; r < b.rows; r++) {
      for (let c = 0; c < b.cols; c++) {
        const cell = this.book.cell(this.sheet, b.row + r, b.col + c);
        if (path === 'format.fill.clear()') delete cell.style['fill.color'];
        else cell.style[path.replace(/^format\./, '')] = value;
      }
    }
  }
  /** A format property of the top-left cell, as Excel reports a uniform range. */
  readFormat(path: string): unknown {
    const cell = this.book.peek(this.sheet, this.bounds.row, this.bounds.col);
    const key = path.replace(/^format\./, '');
    if (key === 'fill.color') return (cell?.style['fill.color'] as string | undefined) ?? '#FFFFFF';
    if (key === 'columnWidth') return this.sheet.widths.get(this.bounds.col) ?? 48;
    if (key === 'rowHeight') return this.sheet.rowHeights.get(this.bounds.row) ?? 15;
    return cell?.style[key] ?? null;
  }
}

const FORMAT_PROPS = new Set([
  'columnWidth',
  'rowHeight',
  'wrapText',
  'verticalAlignment',
  'horizontalAlignment',
  'font.bold',
  'font.italic',
  'font.size',
  'font.color',
  'font.name',
  'font.underline',
  'fill.color',
]);
const ALIGN = {
  horizontalAlignment: [
    'General',
    'Left',
    'Center',
    'Right',
    'Fill',
    'Justify',
    'CenterAcrossSelection',
    'Distributed',
  ],
  verticalAlignment: ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'],
};

const FORMAT_TYPES: Record<string, string> = {
  format: 'RangeFormat',
  'format.fill': 'RangeFill',
  'format.font': 'RangeFont',
};

class RangeFormatNode extends Node {
  readonly type: string;
  constructor(
    host: Host,
    readonly range: RangeNode,
    readonly path = 'format',
  ) {
    super(host);
    this.type = FORMAT_TYPES[path] ?? 'RangeFormat';
  }
  label(): string {
    return `${this.range.label()}.${this.path}`;
  }
  override get(prop: string): unknown {
    const p = `${this.path}.${camel(prop)}`;
    if (!FORMAT_PROPS.has(p.replace(/^format\./, ''))) return super.get(prop);
    return this.range.readFormat(p);
  }
  override set(prop: string, value: unknown): void {
    const key = `${this.path}.${camel(prop)}`.replace(/^format\./, '');
    if (!FORMAT_PROPS.has(key)) return super.set(prop, value);
    const allowed = ALIGN[key as keyof typeof ALIGN];
    if (allowed && !allowed.includes(String(value))) throw invalid(`${key} = ${String(value)}`);
    this.range.applyFormat(`format.${key}`, value);
  }
  override nav(prop: string): Node {
    if (this.path === 'format' && RANGE_FORMAT_CHILDREN[prop]) {
      return new RangeFormatNode(this.host, this.range, `format.${camel(prop)}`);
    }
    if (this.path === 'format' && prop === 'Borders') return new BorderCollectionNode(this.host, this.range);
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    if (this.path === 'format.fill' && method === 'Clear') {
      this.range.applyFormat('format.fill.clear()', null);
      return { value: null };
    }
    if (this.path === 'format' && (method === 'AutofitColumns' || method === 'AutofitRows'))
      return { value: null };
    return super.call(method, args) as { value: unknown };
  }
}

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

class BorderCollectionNode extends Node {
  readonly type = 'RangeBorderCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly range: RangeNode,
  ) {
    super(host);
  }
  label(): string {
    return `${this.range.label()}.borders`;
  }
  override index(args: unknown[]): Node {
    const edge = String(args[0]);
    if (!EDGES.includes(edge)) throw invalid(`Border ${edge}`);
    return new Bag(this.host, 'RangeBorder', this.range.label(), `borders.${edge}`, (p, v) =>
      this.range.applyFormat(`format.${p}`, v),
    );
  }
}

class DataValidationNode extends Node {
  readonly type = 'DataValidation';
  constructor(
    host: Host,
    readonly range: RangeNode,
  ) {
    super(host);
  }
  label(): string {
    return `${this.range.label()}.dataValidation`;
  }
  private address(): string {
    return toA1(this.range.bounds);
  }
  private record() {
    const s = this.range.sheet;
    let v = s.validations.find((x) => x.address === this.address());
    if (!v) {
      v = { address: this.address(), rule: null };
      s.validations.push(v);
    }
    return v;
  }
  override set(prop: string, value: unknown): void {
    this.book.guardProtected(this.range.sheet);
    const v = this.record();
    switch (prop) {
      case 'Rule': {
        const kinds = ['list', 'date', 'decimal', 'wholeNumber', 'textLength', 'time', 'custom'];
        const rule = value as Record<string, unknown> | null;
        if (!rule || Object.keys(rule).length !== 1 || !kinds.includes(Object.keys(rule)[0]))
          throw invalid('rule');
        v.rule = value;
        return;
      }
      case 'IgnoreBlanks':
        v.ignoreBlanks = Boolean(value);
        return;
      case 'Prompt':
        this.book.checkValidationMessage(value, 'prompt');
        v.prompt = value;
        return;
      case 'ErrorAlert':
        this.book.checkValidationMessage(value, 'error alert');
        v.errorAlert = value;
        return;
    }
    super.set(prop, value);
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    if (method === 'Clear') {
      const s = this.range.sheet;
      s.validations = s.validations.filter((x) => x.address !== this.address());
      return { value: null };
    }
    return super.call(method, args) as { value: unknown };
  }
}

const CF_TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];

class ConditionalFormatCollectionNode extends Node {
  readonly type = 'ConditionalFormatCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly range: RangeNode,
  ) {
    super(host);
  }
  label(): string {
    return `${this.range.label()}.conditionalFormats`;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'Add') {
      const type = String(args[0]);
      if (!CF_TYPES.includes(type)) throw invalid(`conditional format ${type}`);
      const cf: ConditionalFormat = {
        id: this.book.newId('cf'),
        address: toA1(this.range.bounds),
        type,
        props: {},
      };
      this.range.sheet.conditionalFormats.push(cf);
      return new ConditionalFormatNode(this.host, cf);
    }
    return super.call(method, args);
  }
}

class ConditionalFormatNode extends Node {
  readonly type = 'ConditionalFormat';
  constructor(
    host: Host,
    readonly cf: ConditionalFormat,
  ) {
    super(host);
  }
  label(): string {
    return `cf:${this.cf.address}`;
  }
  override instance(): Record<string, unknown> {
    return { Id: this.cf.id };
  }
  override set(prop: string, value: unknown): void {
    if (prop === 'Priority' || prop === 'StopIfTrue') {
      this.cf.props[camel(prop)] = value;
      return;
    }
    super.set(prop, value);
  }
  override nav(prop: string): Node {
    const write = (p: string, v: unknown) => {
      this.cf.props[p] = v;
    };
    if (prop === 'Custom' && this.cf.type === 'Custom') {
      return new Bag(this.host, 'CustomConditionalFormat', this.label(), 'custom', write, {
        Rule: {},
        Format: { Fill: {}, Font: {} },
      });
    }
    if (prop === 'DataBar' && this.cf.type === 'DataBar') {
      return new Bag(this.host, 'DataBarConditionalFormat', this.label(), 'dataBar', write, {
        PositiveFormat: {},
        NegativeFormat: {},
      });
    }
    return super.nav(prop) as Node;
  }
}

// ----- tables

class TableCollectionNode extends Node {
  readonly type = 'TableCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly sheet: Sheet | null,
  ) {
    super(host);
  }
  label(): string {
    return this.sheet ? `${this.sheet.name}.tables` : 'tables';
  }
  private list(): Table[] {
    return this.book.state.tables.filter((t) => !this.sheet || t.sheet === this.sheet);
  }
  override items(): Node[] {
    return this.list().map((t) => new TableNode(this.host, t));
  }
  override index(args: unknown[]): Node {
    const t = this.book.requireTable(String(args[0]));
    if (this.sheet && t.sheet !== this.sheet)
      throw new ExcelError('ItemNotFound', `Table ${String(args[0])}`);
    return new TableNode(this.host, t);
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'Add': {
        const address = args[0];
        let sheet: Sheet;
        let b: Bounds | null;
        if (address instanceof RangeNode) {
          sheet = address.sheet;
          b = address.bounds;
        } else {
          const text = String(address);
          const bang = text.lastIndexOf('!');
          if (bang >= 0) {
            sheet = this.book.requireSheet(text.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'"));
          } else if (this.sheet) {
            sheet = this.sheet;
          } else {
            sheet = this.book.requireSheet(this.book.state.activeSheet ?? '');
          }
          b = parseA1(text.slice(bang + 1));
        }
        if (!b) throw invalid(`The address "${String(address)}" is not valid.`);
        if (this.sheet && sheet !== this.sheet) throw invalid('The table address is on another sheet.');
        return new TableNode(this.host, this.book.addTable(sheet, b, Boolean(args[1])));
      }
      case 'GetItemOrNullObject': {
        const t = this.book.tableByKey(String(args[0]));
        return t && (!this.sheet || t.sheet === this.sheet) ? new TableNode(this.host, t) : null;
      }
      case 'GetItemAt': {
        const t = this.list()[Number(args[0])];
        if (!t) throw new ExcelError('ItemNotFound', 'table index');
        return new TableNode(this.host, t);
      }
      case 'GetCount':
        return { value: this.list().length };
    }
    return super.call(method, args);
  }
}

class TableNode extends Node {
  readonly type = 'Table';
  constructor(
    host: Host,
    readonly table: Table,
  ) {
    super(host);
  }
  label(): string {
    return `table:${this.table.name}`;
  }
  override instance(): Record<string, unknown> {
    return { Id: this.table.id };
  }
  override scalars(): string[] {
    return ['Id', 'Name', 'Style'];
  }
  override get(prop: string): unknown {
    switch (prop) {
      case 'Id':
        return this.table.id;
      case 'Name':
        return this.table.name;
      case 'Style':
        return this.table.style ?? 'TableStyleMedium2';
    }
    return super.get(prop);
  }
  override set(prop: string, value: unknown): void {
    switch (prop) {
      case 'Name':
        this.book.renameTable(this.table, value);
        return;
      case 'Style':
        if (typeof value !== 'string' || !/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value))
          throw invalid(`style ${String(value)}`);
        this.table.style = value;
        return;
      case 'ShowBandedRows':
      case 'ShowHeaders':
      case 'ShowFilterButton':
        return;
    }
    super.set(prop, value);
  }
  override nav(prop: string): Node {
    if (prop === 'Worksheet') return new WorksheetNode(this.host, this.table.sheet);
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    const t = this.table;
    switch (method) {
      case 'GetRange':
        return new RangeNode(this.host, t.sheet, { row: t.row, col: t.col, rows: t.rows, cols: t.cols });
      case 'GetHeaderRowRange':
        return new RangeNode(this.host, t.sheet, { row: t.row, col: t.col, rows: 1, cols: t.cols });
      case 'GetDataBodyRange':
        return new RangeNode(this.host, t.sheet, {
          row: t.row + 1,
          col: t.col,
          rows: t.rows - 1,
          cols: t.cols,
        });
      case 'Delete':
        this.book.state.tables = this.book.state.tables.filter((x) => x !== t);
        return { value: null };
    }
    return super.call(method, args);
  }
}

// ----- names

class NamedItemCollectionNode extends Node {
  readonly type = 'NamedItemCollection';
  override readonly isCollection = true;
  label(): string {
    return 'names';
  }
  override items(): Node[] {
    return [...this.book.state.names.keys()].map((n) => new NamedItemNode(this.host, n));
  }
  override index(args: unknown[]): Node {
    return new NamedItemNode(this.host, this.book.requireName(String(args[0])));
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'Add':
        this.book.addName(args[0], args[1] instanceof RangeNode ? `=${args[1].get('Address')}` : args[1]);
        return new NamedItemNode(this.host, String(args[0]));
      case 'AddFormulaLocal':
        this.book.addName(args[0], args[1]);
        return new NamedItemNode(this.host, String(args[0]));
      case 'GetItemOrNullObject': {
        const n = this.book.findName(String(args[0]));
        return n === undefined ? null : new NamedItemNode(this.host, n);
      }
      case 'GetCount':
        return { value: this.book.state.names.size };
    }
    return super.call(method, args);
  }
}

class NamedItemNode extends Node {
  readonly type = 'NamedItem';
  constructor(
    host: Host,
    readonly nameText: string,
  ) {
    super(host);
  }
  label(): string {
    return `name:${this.nameText}`;
  }
  private key(): string {
    return this.book.requireName(this.nameText);
  }
  override scalars(): string[] {
    return ['Name', 'Formula', 'Type', 'Visible'];
  }
  override get(prop: string): unknown {
    switch (prop) {
      case 'Name':
        return this.key();
      case 'Formula':
        return this.book.state.names.get(this.key());
      case 'Type':
        return this.book.nameTarget(this.nameText) ? 'Range' : 'String';
      case 'Visible':
        return true;
      case 'Value': {
        const t = this.book.nameTarget(this.nameText);
        return t ? `${quoteSheet(t.sheet.name)}!${toA1(t.bounds)}` : this.book.state.names.get(this.key());
      }
    }
    return super.get(prop);
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'Delete':
        this.book.deleteName(this.nameText);
        return { value: null };
      case 'GetRange':
      case 'GetRangeOrNullObject': {
        const t = this.book.nameTarget(this.nameText);
        if (!t) {
          if (method === 'GetRangeOrNullObject') return null;
          throw invalid(`The name "${this.nameText}" does not refer to a range.`);
        }
        return new RangeNode(this.host, t.sheet, t.bounds);
      }
    }
    return super.call(method, args);
  }
}

// ----- PivotTables

class PivotTableCollectionNode extends Node {
  readonly type = 'PivotTableCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly sheet: Sheet | null,
  ) {
    super(host);
  }
  label(): string {
    return this.sheet ? `${this.sheet.name}.pivotTables` : 'pivotTables';
  }
  private list(): Pivot[] {
    return this.book.state.pivots.filter((p) => !this.sheet || p.sheet === this.sheet);
  }
  override items(): Node[] {
    return this.list().map((p) => new PivotTableNode(this.host, p));
  }
  override index(args: unknown[]): Node {
    const p = this.list().find((x) => x.name.toLocaleUpperCase() === String(args[0]).toLocaleUpperCase());
    if (!p) throw new ExcelError('ItemNotFound', `PivotTable ${String(args[0])}`);
    return new PivotTableNode(this.host, p);
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    switch (method) {
      case 'Add': {
        if (!this.sheet) throw notImplemented(this.type, 'add (workbook level)');
        const [name, source, destination] = args;
        if (typeof name !== 'string' || !name) throw invalid('PivotTable name');
        if (this.book.state.pivots.some((p) => p.name.toLocaleUpperCase() === name.toLocaleUpperCase())) {
          throw new ExcelError('ItemAlreadyExists', `PivotTable ${name} exists`);
        }
        let sourceText: string;
        let headers: string[];
        if (source instanceof TableNode) {
          sourceText = `table:${source.table.name}`;
          const t = source.table;
          headers = Array.from({ length: t.cols }, (_v, c) =>
            String(this.book.peek(t.sheet, t.row, t.col + c)?.value ?? ''),
          );
        } else if (source instanceof RangeNode) {
          sourceText = source.label();
          const b = source.bounds;
          headers = Array.from({ length: b.cols }, (_v, c) =>
            String(this.book.peek(source.sheet, b.row, b.col + c)?.value ?? ''),
          );
        } else {
          throw notImplemented(this.type, 'add (source by address)');
        }
        const dest = destination instanceof RangeNode ? destination : null;
        if (!dest || dest.sheet !== this.sheet) throw invalid('PivotTable destination');
        const p: Pivot = {
          id: this.book.newId('pivot'),
          name,
          source: sourceText,
          destination: toA1(dest.bounds),
          rows: [],
          columns: [],
          data: [],
          refreshed: 0,
          sheet: this.sheet,
        };
        (p as Pivot & { headers: string[] }).headers = headers;
        this.book.state.pivots.push(p);
        return new PivotTableNode(this.host, p);
      }
      case 'RefreshAll':
        for (const p of this.list()) p.refreshed += 1;
        return { value: null };
      case 'GetCount':
        return { value: this.list().length };
    }
    return super.call(method, args);
  }
}

class PivotTableNode extends Node {
  readonly type = 'PivotTable';
  constructor(
    host: Host,
    readonly pivot: Pivot,
  ) {
    super(host);
  }
  label(): string {
    return `pivot:${this.pivot.name}`;
  }
  override instance(): Record<string, unknown> {
    return { Id: this.pivot.id };
  }
  override get(prop: string): unknown {
    if (prop === 'Name') return this.pivot.name;
    if (prop === 'Id') return this.pivot.id;
    return super.get(prop);
  }
  override nav(prop: string): Node {
    switch (prop) {
      case 'Hierarchies':
        return new PivotHierarchiesNode(this.host, this.pivot, 'all');
      case 'RowHierarchies':
        return new PivotHierarchiesNode(this.host, this.pivot, 'rows');
      case 'ColumnHierarchies':
        return new PivotHierarchiesNode(this.host, this.pivot, 'columns');
      case 'DataHierarchies':
        return new PivotHierarchiesNode(this.host, this.pivot, 'data');
    }
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'Refresh') {
      this.pivot.refreshed += 1;
      return { value: null };
    }
    if (method === 'Delete') {
      this.book.state.pivots = this.book.state.pivots.filter((p) => p !== this.pivot);
      return { value: null };
    }
    return super.call(method, args);
  }
}

class PivotHierarchiesNode extends Node {
  readonly type = 'PivotHierarchyCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly pivot: Pivot,
    readonly kind: 'all' | 'rows' | 'columns' | 'data',
  ) {
    super(host);
  }
  label(): string {
    return `pivot:${this.pivot.name}.${this.kind}`;
  }
  override index(args: unknown[]): Node {
    const name = String(args[0]);
    const headers = (this.pivot as Pivot & { headers?: string[] }).headers ?? [];
    const hit = headers.find((h) => h.toLocaleUpperCase() === name.toLocaleUpperCase());
    if (this.kind !== 'all' || hit === undefined)
      throw new ExcelError('ItemNotFound', `PivotHierarchy ${name}`);
    return new PivotHierarchyNode(this.host, this.pivot, hit);
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'Add' && this.kind !== 'all') {
      const h = args[0];
      if (!(h instanceof PivotHierarchyNode) || h.pivot !== this.pivot) throw invalid('pivot hierarchy');
      if (this.kind === 'data') {
        const entry = { name: h.field };
        this.pivot.data.push(entry);
        return new Bag(this.host, 'DataPivotHierarchy', this.label(), 'data', (p, v) => {
          if (p === 'data.summarizeBy') (entry as { summarizeBy?: string }).summarizeBy = String(v);
          else if (p === 'data.name') (entry as { displayName?: string }).displayName = String(v);
          else throw notImplemented('DataPivotHierarchy', p);
        });
      }
      this.pivot[this.kind].push(h.field);
      return new PivotHierarchyNode(this.host, this.pivot, h.field);
    }
    return super.call(method, args);
  }
}

class PivotHierarchyNode extends Node {
  readonly type = 'PivotHierarchy';
  constructor(
    host: Host,
    readonly pivot: Pivot,
    readonly field: string,
  ) {
    super(host);
  }
  label(): string {
    return `pivot:${this.pivot.name}[${this.field}]`;
  }
  override instance(): Record<string, unknown> {
    return { Id: `${this.pivot.id}:${this.field}` };
  }
}

// ----- charts

const CHART_TYPES = ['BarClustered', 'ColumnClustered', 'Line', 'Pie', 'BarStacked', 'ColumnStacked'];

class ChartCollectionNode extends Node {
  readonly type = 'ChartCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly sheet: Sheet,
  ) {
    super(host);
  }
  label(): string {
    return `${this.sheet.name}.charts`;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'Add') {
      const [type, source, seriesBy] = args;
      if (!CHART_TYPES.includes(String(type))) throw invalid(`chart type ${String(type)}`);
      if (!(source instanceof RangeNode)) throw invalid('chart source');
      const chart: Chart = {
        id: this.book.newId('chart'),
        name: `Chart ${this.book.state.charts.length + 1}`,
        type: String(type),
        source: toA1(source.bounds),
        seriesBy: seriesBy === undefined || seriesBy === null ? null : String(seriesBy),
        props: {},
        series: [{}],
        position: null,
        sheet: this.sheet,
      };
      this.book.state.charts.push(chart);
      return new ChartNode(this.host, chart);
    }
    if (method === 'GetCount')
      return { value: this.book.state.charts.filter((c) => c.sheet === this.sheet).length };
    return super.call(method, args);
  }
}

class ChartNode extends Node {
  readonly type = 'Chart';
  constructor(
    host: Host,
    readonly chart: Chart,
  ) {
    super(host);
  }
  label(): string {
    return `chart:${this.chart.name}`;
  }
  override instance(): Record<string, unknown> {
    return { Id: this.chart.id };
  }
  override get(prop: string): unknown {
    if (prop === 'Name') return this.chart.name;
    return super.get(prop);
  }
  override set(prop: string, value: unknown): void {
    if (prop === 'Name') {
      this.chart.name = String(value);
      this.chart.props.name = value;
      return;
    }
    super.set(prop, value);
  }
  override nav(prop: string): Node {
    const write = (p: string, v: unknown) => {
      this.chart.props[p] = v;
    };
    const parts: Parts = {
      Title: { Format: { Font: {} } },
      Legend: {},
      DataLabels: {},
      Axes: { ValueAxis: {}, CategoryAxis: {} },
    };
    if (parts[prop]) return new Bag(this.host, `Chart${prop}`, this.label(), camel(prop), write, parts[prop]);
    if (prop === 'Series') return new SeriesCollectionNode(this.host, this.chart);
    return super.nav(prop) as Node;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'SetPosition') {
      const text = (r: unknown) =>
        r instanceof RangeNode ? toA1(r.bounds) : r === undefined || r === null ? null : String(r);
      const start = text(args[0]);
      if (!start || !parseA1(start)) throw invalid('setPosition start');
      this.chart.position = { start, end: text(args[1]) };
      return { value: null };
    }
    if (method === 'Delete') {
      this.book.state.charts = this.book.state.charts.filter((c) => c !== this.chart);
      return { value: null };
    }
    return super.call(method, args);
  }
}

class SeriesCollectionNode extends Node {
  readonly type = 'ChartSeriesCollection';
  override readonly isCollection = true;
  constructor(
    host: Host,
    readonly chart: Chart,
  ) {
    super(host);
  }
  label(): string {
    return `chart:${this.chart.name}.series`;
  }
  override call(method: string, args: unknown[]): Node | null | { value: unknown } {
    if (method === 'GetItemAt') {
      const i = Number(args[0]);
      if (i < 0 || i >= this.chart.series.length) throw new ExcelError('ItemNotFound', `series ${i}`);
      return new SeriesNode(this.host, this.chart, i);
    }
    if (method === 'GetCount') return { value: this.chart.series.length };
    return super.call(method, args);
  }
}

class SeriesNode extends Node {
  readonly type = 'ChartSeries';
  constructor(
    host: Host,
    readonly chart: Chart,
    readonly i: number,
  ) {
    super(host);
  }
  label(): string {
    return `chart:${this.chart.name}.series[${this.i}]`;
  }
  override set(prop: string, value: unknown): void {
    if (prop === 'Name') {
      this.chart.series[this.i].name = String(value);
      return;
    }
    super.set(prop, value);
  }
  override call(method: string, args: unknown[]): { value: unknown } {
    if ((method === 'SetXAxisValues' || method === 'SetValues') && args[0] instanceof RangeNode) {
      const s = this.chart.series[this.i];
      if (method === 'SetXAxisValues') s.xAxisValues = toA1(args[0].bounds);
      else s.values = toA1(args[0].bounds);
      return { value: null };
    }
    return super.call(method, args) as { value: unknown };
  }
}

// ---------------------------------------------------------------- the request

/** Members office.js sends under another name than the one it declares their version for. */
const WIRE_NAMES: Record<string, string> = { 'Worksheet.gridlines': 'Worksheet.showGridlines' };

/** Excel answers ApiNotFound for a member newer than the host's ExcelApi version. */
function checkApi(host: Host, node: Node, member: string): void {
  const name = `${node.type}.${camel(member)}`;
  const need = officeJs().apiVersions.get(WIRE_NAMES[name] ?? name);
  if (need && !host.supports('ExcelApi', need)) {
    throw new ExcelError(
      'ApiNotFound',
      `The API you are trying to use could not be found (${node.type}.${camel(member)}, ExcelApi ${need}).`,
    );
  }
}

/** Answer to a Query action: the selected properties, PascalCase, items under "_Items". */
function project(
  host: Host,
  node: Node,
  select: string[] | undefined,
  expand: string[] | undefined,
): unknown {
  if (node.isCollection) {
    const items = node.items();
    return { _Items: items.map((n) => project(host, n, select, expand)) };
  }
  const out: Record<string, unknown> = {};
  const paths = select?.length ? select : node.scalars().map(camel);
  const nested = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('/');
    checkApi(host, node, head);
    if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
    else out[pascal(head)] = node.get(pascal(head));
  }
  for (const e of expand ?? []) if (!nested.has(e)) nested.set(e, []);
  for (const [head, sub] of nested) {
    const child = node.nav(pascal(head));
    out[pascal(head)] = child === null ? null : project(host, child, sub, undefined);
  }
  return out;
}

function withPaging(value: unknown, q: ActionInfo['QueryInfo']): unknown {
  if (!q || (q.Skip === undefined && q.Top === undefined)) return value;
  const v = value as { _Items?: unknown[] };
  if (!v || !Array.isArray(v._Items)) return value;
  const start = q.Skip ?? 0;
  return { ...v, _Items: v._Items.slice(start, q.Top === undefined ? undefined : start + q.Top) };
}

export function executeRequest(
  host: Host,
  body: RequestBody,
  sync: number,
  failAt: { afterCommands: number; error: ExcelError } | null,
): ExecuteResult {
  const root = new WorkbookNode(host);
  const resolved = new Map<number, Node | null>();
  const commands: CommandRecord[] = [];
  const results: ExecuteResult['results'] = [];

  const args = (info: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] } | undefined): unknown[] =>
    (info?.Arguments ?? []).map((a, i) => {
      const ref = info?.ReferencedObjectPathIds?.[i];
      return ref ? resolve(a as number) : a;
    });

  const resolve = (id: number): Node | null => {
    if (resolved.has(id)) return resolved.get(id) as Node | null;
    const info: ObjectPathInfo | undefined = body.ObjectPaths[String(id)];
    if (!info) throw new ExcelError('InvalidObjectPath', `Object path ${id} was not sent`);
    let node: Node | null;
    if (info.ObjectPathType === 1) node = root;
    else if (info.ObjectPathType === 7) node = null;
    else if (info.ObjectPathType === 6) {
      const kept = host.references.get(info.Name);
      if (!kept) throw new ExcelError('InvalidObjectPath', `The reference ${info.Name} is no longer kept.`);
      node = kept as Node;
    } else {
      const parent = info.ParentObjectPathId === undefined ? null : resolve(info.ParentObjectPathId);
      if (parent === null) node = null;
      else if (info.ObjectPathType === 4) {
        checkApi(host, parent, info.Name);
        node = parent.nav(info.Name);
      } else if (info.ObjectPathType === 5) node = parent.index(args(info.ArgumentInfo));
      else if (info.ObjectPathType === 3) {
        checkApi(host, parent, info.Name);
        const r = parent.call(info.Name, args(info.ArgumentInfo));
        if (r !== null && !(r instanceof Node))
          throw notImplemented(parent.type, `${camel(info.Name)}() as an object`);
        node = r;
      } else throw new ExcelError('NotImplemented', `Double: object path type ${info.ObjectPathType}`);
    }
    resolved.set(id, node);
    return node;
  };

  let done = 0;
  for (let i = 0; i < body.Actions.length; i++) {
    const action = body.Actions[i];
    try {
      if (action.ActionType === 1) {
        const node = resolve(action.ObjectPathId);
        results.push({ ActionId: action.Id, Value: node === null ? null : node.instance() });
        continue;
      }
      if (action.ActionType === 2) {
        const node = resolve(action.ObjectPathId);
        const q = action.QueryInfo;
        const value = node === null ? null : withPaging(project(host, node, q?.Select, q?.Expand), q);
        results.push({ ActionId: action.Id, Value: value });
        continue;
      }
      if (action.ActionType === 5) continue;
      if (action.ActionType !== 3 && action.ActionType !== 4) {
        throw new ExcelError('NotImplemented', `Double: action type ${action.ActionType}`);
      }
      if (failAt && done >= failAt.afterCommands) throw failAt.error;
      const node = resolve(action.ObjectPathId);
      // office.js keeps every range it makes inside Excel.run, null ones included.
      if (node === null && action.Name === '_KeepReference') continue;
      if (node === null) throw new ExcelError('ItemNotFound', 'The object is a null object.');
      checkApi(host, node, action.Name);
      const a = args(action.ArgumentInfo);
      commands.push({ sync, kind: `${node.type}.${camel(action.Name)}`, target: node.label(), args: a });
      done += 1;
      if (action.ActionType === 4) {
        node.set(action.Name, a[0]);
        continue;
      }
      const r = node.call(action.Name, a);
      results.push({ ActionId: action.Id, Value: r instanceof Node || r === null ? null : r.value });
    } catch (err) {
      const e =
        err instanceof ExcelError
          ? err
          : new ExcelError('GeneralException', String((err as Error)?.message ?? err));
      return { results, error: { code: e.code, message: e.message, actionIndex: i }, commands };
    }
  }
  if (failAt) {
    // Every command ran, and then the request failed all the same (the answer was lost).
    const e = failAt.error;
    return {
      results,
      error: { code: e.code, message: e.message, actionIndex: body.Actions.length - 1 },
      commands,
    };
  }
  return { results, error: null, commands };
}

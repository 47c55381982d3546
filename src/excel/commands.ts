import { columnLetter } from '../model/table';
import type { ConditionalFormat, Validation } from '../workbook/types';
import { color } from './cells';
import { type PageLayoutSettings, queuePageLayout } from './page-layout';

/**
 * Everything src/excel writes into a workbook, as plain data. A writer (the renderer, the
 * highlight, the update-mode swap, the merge) first turns its work into a list of commands; the
 * commands are then measured (request-size.ts) and queued by the one executor below, so the
 * bytes a request is planned at and the calls that make it cannot drift apart.
 */

export type Grid = (string | number | boolean)[][];

export type FormatProp =
  | 'font.bold'
  | 'font.italic'
  | 'font.size'
  | 'font.color'
  | 'font.name'
  | 'font.underline'
  | 'fill.color'
  | 'rowHeight'
  | 'wrapText'
  | 'horizontalAlignment'
  | 'verticalAlignment';

export type BorderEdge =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export type Command =
  | { op: 'addSheet'; sheet: string }
  | { op: 'deleteSheet'; sheet: string }
  | { op: 'renameSheet'; sheet: string; to: string }
  | { op: 'tabColor'; sheet: string; color: string }
  | { op: 'visibility'; sheet: string; state: SheetVisibility }
  | { op: 'activate'; sheet: string }
  | { op: 'columnWidth'; sheet: string; column: string; points: number }
  | { op: 'merge'; sheet: string; address: string }
  | { op: 'numberFormat'; sheet: string; address: string; grid: string[][] }
  | { op: 'values'; sheet: string; address: string; grid: Grid }
  | { op: 'formulas'; sheet: string; address: string; grid: Grid }
  | { op: 'format'; sheet: string; address: string; prop: FormatProp; value: string | number | boolean }
  | { op: 'border'; sheet: string; address: string; edge: BorderEdge }
  | { op: 'clearFill'; sheet: string; address: string }
  /** A read: the cell's fill colour, loaded (queueCommand returns the object to read after sync). */
  | { op: 'loadFill'; sheet: string; address: string }
  /** Range.autoFill (ExcelApi 1.9): the formula of `from` copied down over `to`. */
  | { op: 'fillDown'; sheet: string; from: string; to: string }
  | { op: 'addTable'; sheet: string; address: string; name: string; style: string }
  | { op: 'renameTable'; table: string; to: string }
  | { op: 'validation'; sheet: string; rule: Validation }
  | { op: 'conditionalFormat'; sheet: string; format: ConditionalFormat }
  | { op: 'freeze'; sheet: string; rows: number; cols: number }
  /** Range.columnHidden (ExcelApi 1.2): the helper columns formulas read and people need not see. */
  | { op: 'hideColumns'; sheet: string; address: string }
  /** Worksheet.showGridlines (ExcelApi 1.8). */
  | { op: 'gridlines'; sheet: string; show: boolean }
  /** Rows as high as their wrapped text (RangeFormat.autofitRows). */
  | { op: 'autofitRows'; sheet: string; address: string }
  /** Worksheet.pageLayout (ExcelApi 1.9). */
  | { op: 'pageLayout'; sheet: string; layout: PageLayoutSettings }
  | { op: 'addName'; name: string; formula: string }
  | { op: 'deleteName'; name: string }
  | { op: 'suspendCalculation' }
  | { op: 'suspendScreenUpdating' }
  | { op: 'calculate' };

/**
 * One request's worksheet and range handles: a sheet is looked up once per request, and a range
 * once per address, however many commands go to it (office.js then sends its object path once,
 * and the format objects under it once too). Excel resolves `getItem` when the request runs, so
 * a rename later in the same request does not lose the handle.
 */
export class SheetCache {
  private readonly map = new Map<string, Excel.Worksheet>();
  private readonly ranges = new Map<string, Excel.Range>();
  constructor(private readonly ctx: Excel.RequestContext) {}
  get(name: string): Excel.Worksheet {
    let ws = this.map.get(name);
    if (!ws) {
      ws = this.ctx.workbook.worksheets.getItem(name);
      this.map.set(name, ws);
    }
    return ws;
  }
  added(name: string, ws: Excel.Worksheet): void {
    this.map.set(name, ws);
  }
  range(sheet: string, address: string): Excel.Range {
    const key = `${sheet}\u0000${address}`;
    let r = this.ranges.get(key);
    if (!r) {
      r = this.get(sheet).getRange(address);
      this.ranges.set(key, r);
    }
    return r;
  }
}

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
  // Excel refuses a prompt or alert message over 255 characters.
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

function queueFormat(range: Excel.Range, prop: FormatProp, value: string | number | boolean): void {
  const f = range.format;
  switch (prop) {
    case 'font.bold':
      f.font.bold = value as boolean;
      return;
    case 'font.italic':
      f.font.italic = value as boolean;
      return;
    case 'font.size':
      f.font.size = value as number;
      return;
    case 'font.color':
      f.font.color = value as string;
      return;
    case 'font.name':
      f.font.name = value as string;
      return;
    case 'font.underline':
      f.font.underline = value as Excel.RangeUnderlineStyle;
      return;
    case 'rowHeight':
      f.rowHeight = value as number;
      return;

    case 'fill.color':
      f.fill.color = value as string;
      return;
    case 'wrapText':
      f.wrapText = value as boolean;
      return;
    case 'horizontalAlignment':
      f.horizontalAlignment = value as Excel.HorizontalAlignment;
      return;
    case 'verticalAlignment':
      f.verticalAlignment = value as Excel.VerticalAlignment;
      return;
  }
}

/**
 * The one executor: queues a command on the request context (nothing travels until sync). A
 * read returns the loaded object, to be read after the sync.
 */
export function queueCommand(
  ctx: Excel.RequestContext,
  sheets: SheetCache,
  cmd: Command,
): Excel.RangeFill | void {
  const wb = ctx.workbook;
  switch (cmd.op) {
    case 'addSheet':
      sheets.added(cmd.sheet, wb.worksheets.add(cmd.sheet));
      return;
    case 'deleteSheet':
      sheets.get(cmd.sheet).delete();
      return;
    case 'renameSheet':
      sheets.get(cmd.sheet).name = cmd.to;
      return;
    case 'tabColor':
      sheets.get(cmd.sheet).tabColor = cmd.color;
      return;
    case 'visibility':
      sheets.get(cmd.sheet).visibility = cmd.state;
      return;
    case 'activate':
      sheets.get(cmd.sheet).activate();
      return;
    case 'columnWidth':
      sheets.range(cmd.sheet, `${cmd.column}:${cmd.column}`).format.columnWidth = cmd.points;
      return;
    case 'merge':
      sheets.range(cmd.sheet, cmd.address).merge(false);
      return;
    case 'numberFormat':
      sheets.range(cmd.sheet, cmd.address).numberFormat = cmd.grid;
      return;
    case 'values':
      sheets.range(cmd.sheet, cmd.address).values = cmd.grid;
      return;
    case 'formulas':
      sheets.range(cmd.sheet, cmd.address).formulas = cmd.grid;
      return;
    case 'format':
      queueFormat(sheets.range(cmd.sheet, cmd.address), cmd.prop, cmd.value);
      return;
    case 'border':
      sheets.range(cmd.sheet, cmd.address).format.borders.getItem(cmd.edge).style = 'Continuous';
      return;
    case 'clearFill':
      sheets.range(cmd.sheet, cmd.address).format.fill.clear();
      return;
    case 'loadFill':
      return sheets.range(cmd.sheet, cmd.address).format.fill.load('color');
    case 'fillDown': {
      const ws = sheets.get(cmd.sheet);
      ws.getRange(cmd.from).autoFill(ws.getRange(cmd.to), 'FillDefault');
      return;
    }
    case 'addTable': {
      const table = sheets.get(cmd.sheet).tables.add(cmd.address, true);
      table.name = cmd.name;
      table.style = cmd.style;
      return;
    }
    case 'renameTable':
      wb.tables.getItem(cmd.table).name = cmd.to;
      return;
    case 'validation':
      queueValidation(sheets.get(cmd.sheet), cmd.rule);
      return;
    case 'conditionalFormat':
      queueConditionalFormat(sheets.get(cmd.sheet), cmd.format);
      return;
    case 'freeze': {
      const ws = sheets.get(cmd.sheet);
      if (cmd.rows > 0 && cmd.cols > 0) {
        ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(cmd.cols - 1)}${cmd.rows}`));
      } else if (cmd.rows > 0) ws.freezePanes.freezeRows(cmd.rows);
      else ws.freezePanes.freezeColumns(cmd.cols);
      return;
    }
    case 'hideColumns':
      sheets.range(cmd.sheet, cmd.address).columnHidden = true;
      return;
    case 'gridlines':
      sheets.get(cmd.sheet).showGridlines = cmd.show;
      return;
    case 'autofitRows':
      sheets.range(cmd.sheet, cmd.address).format.autofitRows();
      return;
    case 'pageLayout':
      queuePageLayout(sheets.get(cmd.sheet), cmd.layout);
      return;
    case 'addName':
      wb.names.add(cmd.name, cmd.formula);
      return;
    case 'deleteName':
      wb.names.getItem(cmd.name).delete();
      return;
    case 'suspendCalculation':
      wb.application.suspendApiCalculationUntilNextSync();
      return;
    case 'suspendScreenUpdating':
      wb.application.suspendScreenUpdatingUntilNextSync();
      return;
    case 'calculate':
      wb.application.calculate('Full');
      return;
  }
}

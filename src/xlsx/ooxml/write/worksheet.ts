import { escapeAttr, escapeXml } from '../xml';
import { conditionalXml } from './conditional';
import type { CellData, ColumnModel, FormulaResult, RowModel, WorksheetModel } from './model';
import { fitsToPage, printXml } from './print';
import { cellRef, columnName, dateSerial, parseRange, rangeRef, type Box } from './refs';
import { SharedStrings, textElement } from './shared-strings';
import type { StyleRegistry } from './styles';
import { validationsXml } from './validation';
import type { PartWriter } from './zip';

/** One worksheet part, its rows streamed from the model's iterator straight into the part. */

export type StringMode = 'shared' | 'inline';

export interface WorksheetContext {
  styles: StyleRegistry;
  strings: SharedStrings;
  stringMode: StringMode;
  /** Relationship ids of the sheet's tables, in the order of `sheet.tables`, and of its drawing. */
  tableRelIds: string[];
  drawingRelId?: string;
  tabSelected: boolean;
  /** GUIDs for extended conditional-format rules. */
  ids: () => string;
}

interface Group {
  box: Box;
  si: number;
  formula: string;
  masterWritten: boolean;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

function colsXml(columns: readonly ColumnModel[]): string {
  if (!columns.length) return '';
  // Sorted and without overlaps (checked before anything was written).
  const sorted = [...columns].sort((a, b) => a.first - b.first);
  let s = '<cols>';
  for (const c of sorted) {
    s += `<col min="${c.first + 1}" max="${(c.last ?? c.first) + 1}"`;
    // Excel's default width for an 11-point Calibri sheet when only the style is set.
    s += c.width !== undefined ? ` width="${c.width}" customWidth="1"` : ' width="9.140625"';
    if (c.style) s += ` style="${c.style}"`;
    if (c.hidden) s += ' hidden="1"';
    s += '/>';
  }
  return s + '</cols>';
}

function viewXml(sheet: WorksheetModel, tabSelected: boolean): string {
  let s = '<sheetViews><sheetView';
  if (tabSelected) s += ' tabSelected="1"';
  if (sheet.showGridLines === false) s += ' showGridLines="0"';
  s += ' workbookViewId="0"';
  const rows = sheet.freeze?.rows ?? 0;
  const cols = sheet.freeze?.cols ?? 0;
  if (!rows && !cols) return s + '/></sheetViews>';
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const topLeft = cellRef(rows + 1, cols);
  s += '><pane';
  if (cols) s += ` xSplit="${cols}"`;
  if (rows) s += ` ySplit="${rows}"`;
  s += ` topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  s += `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  return s + '</sheetView></sheetViews>';
}

function resultXml(result: FormulaResult | undefined): { t: string; v: string } {
  if (result === undefined) return { t: '', v: '' };
  if (typeof result === 'number') return { t: '', v: Number.isFinite(result) ? `<v>${result}</v>` : '' };
  if (typeof result === 'string') return { t: ' t="str"', v: `<v>${escapeXml(result)}</v>` };
  if (typeof result === 'boolean') return { t: ' t="b"', v: `<v>${result ? 1 : 0}</v>` };
  return { t: ' t="e"', v: `<v>${escapeXml(result.error)}</v>` };
}

export class WorksheetWriter {
  private readonly groups: Group[][] = [];
  private readonly headers = new Map<number, { left: number; names: string[]; table: string }[]>();
  private lastRow = 0;

  constructor(
    private readonly sheet: WorksheetModel,
    private readonly ctx: WorksheetContext,
  ) {
    (sheet.sharedFormulas ?? []).forEach((g, si) => {
      const box = parseRange(g.ref);
      for (let c = box.left; c <= box.right; c++) {
        (this.groups[c] ??= []).push({ box, si, formula: g.formula, masterWritten: false });
      }
    });
    for (const t of sheet.tables ?? []) {
      const box = parseRange(t.ref);
      const list = this.headers.get(box.top) ?? [];
      list.push({ left: box.left, names: t.columns.map((c) => c.name), table: t.name });
      this.headers.set(box.top, list);
    }
  }

  write(part: PartWriter): void {
    const { sheet, ctx } = this;
    let head = HEAD;
    const sheetPr =
      (sheet.tabColor ? `<tabColor rgb="FF${sheet.tabColor.replace(/^#/, '').toUpperCase()}"/>` : '') +
      (fitsToPage(sheet.print) ? '<pageSetUpPr fitToPage="1"/>' : '');
    if (sheetPr) head += `<sheetPr>${sheetPr}</sheetPr>`;
    if (sheet.dimension) head += `<dimension ref="${sheet.dimension}"/>`;
    head += viewXml(sheet, ctx.tabSelected);
    head += `<sheetFormatPr defaultRowHeight="${sheet.defaultRowHeight ?? 15}"/>`;
    head += colsXml(sheet.columns ?? []);
    part.write(head + '<sheetData>');
    this.writeRows(part);
    part.write('</sheetData>');
    part.write(this.tail());
  }

  private writeRows(part: PartWriter): void {
    for (const row of this.sheet.rows) part.write(this.rowXml(row));
    for (const list of this.groups)
      for (const g of list ?? [])
        if (!g.masterWritten)
          throw new Error(`shared formula ${rangeRef(g.box)} has no formula at its top-left cell`);
  }

  private rowXml(row: RowModel): string {
    const r = row.r;
    if (!(r > this.lastRow)) throw new RangeError(`row ${r} comes after row ${this.lastRow}`);
    this.lastRow = r;
    const headers = this.headers.get(r);
    if (headers) this.checkHeaders(row, headers);
    let s = `<row r="${r}"`;
    if (row.height !== undefined) s += ` ht="${row.height}" customHeight="1"`;
    if (row.hidden) s += ' hidden="1"';
    s += '>';
    const first = row.first ?? 0;
    const cells = row.cells;
    const styles = row.styles;
    const oneStyle = typeof styles === 'number' ? styles : -1;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === null || cell === undefined) continue;
      const col = first + i;
      const style = oneStyle >= 0 ? oneStyle : ((styles as readonly number[] | undefined)?.[i] ?? 0);
      s += this.cellXml(cell, r, col, style);
    }
    return s + '</row>';
  }

  private cellXml(cell: CellData, r: number, col: number, style: number): string {
    const open = style ? `<c r="${columnName(col)}${r}" s="${style}"` : `<c r="${columnName(col)}${r}"`;
    switch (cell.t) {
      case 'text':
        if (cell.v === '') return style ? open + '/>' : '';
        if (this.ctx.stringMode === 'shared')
          return `${open} t="s"><v>${this.ctx.strings.id(cell.v)}</v></c>`;
        return `${open} t="inlineStr"><is>${textElement(cell.v)}</is></c>`;
      case 'number':
        if (!Number.isFinite(cell.v)) return `${open} t="e"><v>#NUM!</v></c>`;
        return `${open}><v>${cell.v}</v></c>`;
      case 'date':
        return `${open}><v>${dateSerial(cell.v)}</v></c>`;
      case 'bool':
        return `${open} t="b"><v>${cell.v ? 1 : 0}</v></c>`;
      case 'error':
        return `${open} t="e"><v>${escapeXml(cell.v)}</v></c>`;
      case 'blank':
        return open + '/>';
      case 'formula': {
        const { t, v } = resultXml(cell.result);
        return `${open}${t}>${this.formulaXml(cell.f, r, col)}${v}</c>`;
      }
    }
  }

  private formulaXml(formula: string, r: number, col: number): string {
    const list = this.groups[col];
    if (list) {
      for (const g of list) {
        const b = g.box;
        if (r < b.top || r > b.bottom) continue;
        if (r === b.top && col === b.left) {
          g.masterWritten = true;
          return `<f t="shared" ref="${rangeRef(b)}" si="${g.si}">${escapeXml(g.formula)}</f>`;
        }
        if (!g.masterWritten)
          throw new Error(`shared formula ${rangeRef(b)}: a member comes before its top-left cell`);
        return `<f t="shared" si="${g.si}"/>`;
      }
    }
    return `<f>${escapeXml(formula)}</f>`;
  }

  private checkHeaders(row: RowModel, tables: { left: number; names: string[]; table: string }[]): void {
    const first = row.first ?? 0;
    for (const t of tables) {
      t.names.forEach((name, j) => {
        const cell = row.cells[t.left + j - first];
        if (!cell || cell.t !== 'text' || cell.v !== name)
          throw new Error(`table ${t.table}: the header cell of column "${name}" does not hold its name`);
      });
    }
  }

  private tail(): string {
    const { sheet, ctx } = this;
    let s = '';
    const merges = sheet.merges ?? [];
    if (merges.length)
      s += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeRef(parseRange(m))}"/>`).join('')}</mergeCells>`;
    const cf = conditionalXml(sheet.conditionalFormats ?? [], ctx.styles, ctx.ids);
    s += cf.main;
    s += validationsXml(sheet.validations ?? []);
    s += printXml(sheet.print);
    if (ctx.drawingRelId) s += `<drawing r:id="${ctx.drawingRelId}"/>`;
    if (ctx.tableRelIds.length)
      s += `<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${escapeAttr(id)}"/>`).join('')}</tableParts>`;
    if (cf.ext) s += `<extLst>${cf.ext}</extLst>`;
    return s + '</worksheet>';
  }
}

import ExcelJS from 'exceljs';
import type {
  CellStyle,
  CellValue,
  ConditionalFormat,
  SheetSpec,
  TableSpec,
  Validation,
  WorkbookSpec,
} from '../src/workbook/types';

/**
 * The former .xlsx writer (ExcelJS), kept in the benchmarks only, so each run measures the new
 * writer beside the one it replaced. Not shipped.
 */

function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

/** ISO date → the Date ExcelJS turns into a whole-day serial (it converts in UTC). */
function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * Plain values only: ExcelJS writes a string as a string cell whatever its first character, so
 * plan text starting with "=", "+", "-" or "@" stays text (only {formula} objects are formulas).
 */
function toExcelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  switch (value.t) {
    case 'text':
      return value.v === '' ? null : value.v;
    case 'number':
      return value.v;
    case 'bool':
      return value.v;
    case 'date':
      return isoToDate(value.v);
    case 'formula':
      return value.result === undefined
        ? ({ formula: value.f } as ExcelJS.CellFormulaValue)
        : ({ formula: value.f, result: value.result } as ExcelJS.CellFormulaValue);
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
  if (!style) return;
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  if (Object.keys(font).length) cell.font = font;
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (Object.keys(alignment).length) cell.alignment = alignment;
  if (style.numFmt) cell.numFmt = style.numFmt;
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

function addTable(ws: ExcelJS.Worksheet, table: TableSpec): void {
  // Column formats go on the whole sheet column too, so rows staff add later get the text
  // format (no accidental formulas) and the date format.
  table.columns.forEach((column, j) => {
    const sheetColumn = ws.getColumn(table.col + j + 1);
    if (column.numFmt) sheetColumn.numFmt = column.numFmt;
    sheetColumn.alignment = { vertical: 'top', ...(column.wrap ? { wrapText: true } : {}) };
  });
  // A table needs at least one data row to be valid in Excel.
  const rows = table.rows.length ? table.rows : [table.columns.map((): CellValue => null)];
  ws.addTable({
    name: table.name,
    ref: `${ws.getColumn(table.col + 1).letter}${table.row + 1}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    // No per-column cell style here: the cells inherit the sheet column's style set above, which
    // is much cheaper than ExcelJS copying a style onto every cell of a large table.
    columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((r) => r.map(toExcelValue)),
  });
  // The header keeps the text format but is shown centred and wrapped.
  const header = ws.getRow(table.row + 1);
  table.columns.forEach((_c, j) => {
    const cell = header.getCell(table.col + j + 1);
    cell.numFmt = '@';
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.font = { bold: true };
  });
}

function addValidation(ws: ExcelJS.Worksheet, v: Validation): void {
  const messages = {
    showInputMessage: !!v.prompt,
    ...(v.prompt ? { prompt: v.prompt } : {}),
    showErrorMessage: true,
    ...(v.error ? { error: v.error } : {}),
  };
  let dv: ExcelJS.DataValidation;
  switch (v.kind) {
    case 'list':
      dv = { type: 'list', allowBlank: v.allowBlank, formulae: [v.source], ...messages };
      break;
    case 'date':
      dv = {
        type: 'date',
        operator: 'between',
        allowBlank: v.allowBlank,
        formulae: [isoToDate(v.min), isoToDate(v.max)],
        ...messages,
      };
      break;
    case 'decimal':
      dv = {
        type: 'decimal',
        operator: 'between',
        allowBlank: v.allowBlank,
        formulae: [v.min, v.max],
        ...messages,
      };
      break;
  }
  // ExcelJS keeps range validations as one entry (its typings omit `dataValidations`).
  (
    ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }
  ).dataValidations.add(v.range, dv);
}

function addConditionalFormat(ws: ExcelJS.Worksheet, cf: ConditionalFormat): void {
  if (cf.kind === 'expression') {
    const style: Partial<ExcelJS.Style> = {};
    // Both colours set: Excel reads bgColor of a solid differential fill, some readers fgColor.
    if (cf.style.fill) {
      style.fill = {
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: argb(cf.style.fill) },
        bgColor: { argb: argb(cf.style.fill) },
      };
    }
    const font: Partial<ExcelJS.Font> = {};
    if (cf.style.color) font.color = { argb: argb(cf.style.color) };
    if (cf.style.bold) font.bold = true;
    if (Object.keys(font).length) style.font = font;
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: cf.priority, formulae: [cf.formula], style }],
    });
    return;
  }
  ws.addConditionalFormatting({
    ref: cf.range,
    rules: [
      {
        type: 'dataBar',
        priority: cf.priority,
        cfvo: [
          { type: 'num', value: cf.min },
          { type: 'num', value: cf.max },
        ],
        color: { argb: argb(cf.color) },
        gradient: false,
      } as unknown as ExcelJS.DataBarRuleType,
    ],
  });
}

function drawSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): void {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.state,
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: sheet.freeze
      ? [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }]
      : [{ state: 'normal' }],
  });
  sheet.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const table of sheet.tables) addTable(ws, table);
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    applyStyle(cell, c.style);
    cell.value = toExcelValue(c.value);
  }
  for (const range of sheet.merges) ws.mergeCells(range);
  for (const v of sheet.validations) addValidation(ws, v);
  for (const cf of sheet.conditionalFormats) addConditionalFormat(ws, cf);
}

export async function writeXlsxWithExcelJS(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.meta.generator;
  wb.created = new Date(spec.meta.builtAt);
  wb.modified = wb.created;
  // No cached results are written, so ask Excel to calculate everything when the file opens.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) drawSheet(wb, sheet);
  for (const n of spec.names) wb.definedNames.add(n.ref, n.name);
  // Deflate level 1: the XML still shrinks about tenfold, and large plans write much faster than
  // at JSZip's default level (measured by `npm run bench`, xlsx.build).
  const buffer = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buffer as ArrayBuffer);
}

import type {
  CellSpec,
  CellStyle,
  CellValue,
  ChartSpec,
  ConditionalFormat,
  PivotSpec,
  PrintSpec,
  SheetSpec,
  TableSpec,
  Validation,
  WorkbookSpec,
} from '../workbook/types';
import { printMarginsMm } from '../workbook/sheets/print-layout';
import { freeSharedFormulas } from './free-shared-formulas';
import {
  type CellData,
  type CellFormat,
  type ChartModel,
  type ColumnModel,
  type ConditionalFormatModel,
  type DeflateEngine,
  type PivotCacheModel,
  type PivotItemValue,
  type PivotTableModel,
  type RowModel,
  type SharedFormulaModel,
  type Sink,
  type StringMode,
  type TableModel,
  type ValidationModel,
  type WorkbookModel,
  type WorksheetModel,
  cellRef,
  columnName,
  dateSerial,
  distinctItems,
  fflateEngine,
  itemKey,
  linesHeight,
  marginsFromMm,
  parseRange,
  pivotRows,
  quoteSheet,
  StyleRegistry,
  workbookBytes,
  writeWorkbook,
  wrappedLines,
} from './ooxml/write';

/**
 * Draws a WorkbookSpec as an .xlsx file with the streaming SpreadsheetML writer (ooxml/write).
 * It knows nothing about what the columns mean: everything comes from the spec, so the Excel
 * renderer (src/excel) can draw the same thing.
 */

export interface XlsxWriteOptions {
  /** Deflate engine: fflate (pure JavaScript) by default; Node passes zlib (node-deflate.ts). */
  deflate?: DeflateEngine;
  strings?: StringMode;
}

const THIN = { style: 'thin' as const, color: 'BFBFBF' };
const PAPER = { A4: 9, A3: 8, letter: 1 } as const;

function cellFormat(style: CellStyle | undefined): CellFormat | undefined {
  if (!style) return undefined;
  const f: CellFormat = {};
  if (style.bold || style.italic || style.underline || style.size || style.color || style.font)
    f.font = {
      bold: style.bold,
      italic: style.italic,
      underline: style.underline,
      size: style.size,
      color: style.color,
      name: style.font,
    };
  if (style.fill) f.fill = style.fill;
  if (style.wrap || style.hAlign || style.vAlign || style.indent)
    f.alignment = {
      wrap: style.wrap,
      horizontal: style.hAlign,
      vertical: style.vAlign === 'middle' ? 'center' : style.vAlign,
      indent: style.indent,
    };
  if (style.numFmt) f.numFmt = style.numFmt;
  if (style.border) f.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return f;
}

/** A spec cell as writer data; the empty text the spec uses for "nothing" stays out. */
function cellData(value: CellValue): CellData | null {
  if (value === null) return null;
  if (value.t === 'text' && value.v === '') return null;
  return value;
}

/** The value a pivot or chart sees in a cell: dates as serials, formulas as their cached result. */
function plainValue(value: CellValue | undefined): PivotItemValue {
  if (!value) return null;
  switch (value.t) {
    case 'text':
    case 'number':
    case 'bool':
      return value.v;
    case 'date':
      return dateSerial(value.v);
    case 'formula':
      return value.result ?? null;
  }
}

interface TableLayout {
  spec: TableSpec;
  /** 1-based header row; data rows follow. */
  header: number;
  /** Data rows written (an empty table gets one blank row: Excel needs one). */
  rows: number;
  ref: string;
  columnStyles: number[];
  headerStyle: number;
  /** Runs of rows whose formula column holds the column's row formula, as shared formulas. */
  shared: SharedFormulaModel[];
  calculated: (string | undefined)[];
}

function layoutTable(t: TableSpec, styles: StyleRegistry): TableLayout {
  const header = t.row + 1;
  const rows = Math.max(1, t.rows.length);
  const ref = `${cellRef(header, t.col)}:${cellRef(header + rows, t.col + t.columns.length - 1)}`;
  const columnStyles = t.columns.map((c) =>
    styles.cell({ numFmt: c.numFmt, alignment: { vertical: 'top', wrap: c.wrap } }),
  );
  const headerStyle = styles.cell({
    numFmt: '@',
    font: { bold: true },
    alignment: { vertical: 'center', horizontal: 'center', wrap: true },
  });
  const shared: SharedFormulaModel[] = [];
  const calculated: (string | undefined)[] = t.columns.map(() => undefined);
  t.columns.forEach((c, j) => {
    const formula = c.formula;
    if (!formula) return;
    const col = t.col + j;
    const cellOf = (i: number) => cellRef(header + 1 + i, col);
    // Runs of rows whose cell holds the column's row formula become one shared formula each; a
    // lone cell keeps its own formula.
    let start = -1;
    const close = (end: number) => {
      if (start >= 0 && end - start >= 2)
        shared.push({ ref: `${cellOf(start)}:${cellOf(end - 1)}`, formula: formula(header + 1 + start) });
      if (start === 0 && end === t.rows.length) calculated[j] = formula(header + 1);
      start = -1;
    };
    t.rows.forEach((row, i) => {
      const v = row[j];
      const same = v?.t === 'formula' && v.f === formula(header + 1 + i);
      if (same && start < 0) start = i;
      else if (!same) close(i);
    });
    close(t.rows.length);
  });
  return { spec: t, header, rows, ref, columnStyles, headerStyle, shared, calculated };
}

/**
 * The table's rows, made as the writer asks for them. A plain iterator, not a generator: V8's
 * optimising compiler took 7–17 ms of CPU on this generator in every fresh process, the largest
 * single compile of a 1,000-task write.
 */
function tableRows(
  l: TableLayout,
  heights: (row: number, cells: readonly CellValue[]) => number | undefined,
): Iterable<RowModel> {
  const t = l.spec;
  const header: RowModel = {
    r: l.header,
    first: t.col,
    cells: t.columns.map((c): CellData => ({ t: 'text', v: c.header })),
    styles: l.headerStyle,
  };
  if (!t.rows.length) return [header, { r: l.header + 1, first: t.col, cells: [] }];
  return {
    [Symbol.iterator]: (): Iterator<RowModel> => {
      let i = -1;
      return {
        next: (): IteratorResult<RowModel> => {
          if (i < 0) {
            i = 0;
            return { value: header, done: false };
          }
          if (i >= t.rows.length) return { value: undefined, done: true };
          const r = l.header + 1 + i;
          // The spec's own row goes through as it is: no copy per row.
          const cells = t.rows[i++];
          return {
            value: { r, first: t.col, cells, styles: l.columnStyles, height: heights(r, cells) },
            done: false,
          };
        },
      };
    },
  };
}

/** Rows of several sources (each ascending) as one ascending sequence. */
function mergeRows(sources: Iterable<RowModel>[]): Iterable<RowModel> {
  const nonEmpty = sources.filter((s) => !Array.isArray(s) || s.length > 0);
  // The task sheet has its table alone: its rows go through untouched.
  return nonEmpty.length === 1 ? nonEmpty[0] : interleave(nonEmpty);
}

function* interleave(sources: Iterable<RowModel>[]): Generator<RowModel> {
  const its = sources.map((s) => s[Symbol.iterator]());
  const heads = its.map((it) => it.next());
  for (;;) {
    let min = Infinity;
    for (const h of heads) if (!h.done && h.value.r < min) min = h.value.r;
    if (min === Infinity) return;
    const same: RowModel[] = [];
    heads.forEach((h, i) => {
      if (!h.done && h.value.r === min) {
        same.push(h.value);
        heads[i] = its[i].next();
      }
    });
    yield same.length === 1 ? same[0] : combine(same);
  }
}

/** Several partial rows of one row number as one row (sources never share a cell). */
function combine(parts: RowModel[]): RowModel {
  const first = Math.min(...parts.map((p) => p.first ?? 0));
  const last = Math.max(...parts.map((p) => (p.first ?? 0) + p.cells.length));
  const cells: (CellData | null)[] = new Array(last - first).fill(null);
  const styles: number[] = new Array(last - first).fill(0);
  let height: number | undefined;
  let hidden = false;
  for (const p of parts) {
    const at = (p.first ?? 0) - first;
    p.cells.forEach((c, i) => {
      if (c === null || c === undefined) return;
      cells[at + i] = c;
      styles[at + i] = typeof p.styles === 'number' ? p.styles : (p.styles?.[i] ?? 0);
    });
    if (p.height !== undefined) height = Math.max(height ?? 0, p.height);
    hidden ||= !!p.hidden;
  }
  return { r: parts[0].r, first, cells, styles, height, hidden };
}

/** A style's registry index, remembered by its fields (specs make a new style object per cell). */
function styleIndexer(styles: StyleRegistry): (style: CellStyle | undefined) => number {
  const known = new Map<string, number>();
  return (style) => {
    if (!style) return 0;
    const s = style;
    const key = `${s.bold ? 1 : 0}${s.italic ? 1 : 0}${s.underline ? 1 : 0}${s.wrap ? 1 : 0}${s.border ? 1 : 0}|${s.size ?? ''}|${s.color ?? ''}|${s.fill ?? ''}|${s.hAlign ?? ''}|${s.vAlign ?? ''}|${s.numFmt ?? ''}|${s.font ?? ''}|${s.indent ?? ''}`;
    let i = known.get(key);
    if (i === undefined) known.set(key, (i = styles.cell(cellFormat(style))));
    return i;
  };
}

/** The sheet's loose cells as rows: sorted, one row per row number. */
function cellRows(cells: readonly CellSpec[], styleOf: (style: CellStyle | undefined) => number): RowModel[] {
  const byRow = new Map<number, CellSpec[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  return [...byRow.keys()]
    .sort((a, b) => a - b)
    .map((row0) => {
      const list = (byRow.get(row0) as CellSpec[]).sort((a, b) => a.col - b.col);
      const first = list[0].col;
      const width = list[list.length - 1].col - first + 1;
      const data: (CellData | null)[] = new Array(width).fill(null);
      const ids: number[] = new Array(width).fill(0);
      for (const c of list) {
        const style = styleOf(c.style);
        // A styled cell without a value still shows its border and fill.
        data[c.col - first] = cellData(c.value) ?? (style ? { t: 'blank' } : null);
        ids[c.col - first] = style;
      }
      return { r: row0 + 1, first, cells: data, styles: ids };
    });
}

/** Row attributes (heights, hidden); merged with the row's cells when it has any. */
function attributeRows(sheet: SheetSpec): RowModel[] {
  const rows = new Map<number, RowModel>();
  for (const [row0, height] of Object.entries(sheet.rowHeights ?? {})) {
    const r = Number(row0) + 1;
    rows.set(r, { r, cells: [], height });
  }
  for (const row0 of sheet.hiddenRows ?? []) {
    const r = row0 + 1;
    rows.set(r, { ...(rows.get(r) ?? { r, cells: [] }), hidden: true });
  }
  return [...rows.values()].sort((a, b) => a.r - b.r);
}

function validationModel(v: Validation): ValidationModel {
  const messages = {
    allowBlank: v.allowBlank,
    ...(v.prompt ? { prompt: { text: v.prompt } } : {}),
    ...(v.error ? { error: { text: v.error } } : {}),
  };
  switch (v.kind) {
    case 'list':
      return { type: 'list', sqref: v.range, formula1: v.source, ...messages };
    case 'date':
      return {
        type: 'date',
        sqref: v.range,
        operator: 'between',
        formula1: String(dateSerial(v.min)),
        formula2: String(dateSerial(v.max)),
        ...messages,
      };
    case 'decimal':
      return {
        type: 'decimal',
        sqref: v.range,
        operator: 'between',
        formula1: String(v.min),
        formula2: String(v.max),
        ...messages,
      };
  }
}

function conditionalModel(cf: ConditionalFormat): ConditionalFormatModel {
  if (cf.kind === 'expression') {
    const font = cf.style.color || cf.style.bold ? { color: cf.style.color, bold: cf.style.bold } : undefined;
    return {
      sqref: cf.range,
      rules: [
        {
          type: 'expression',
          formula: cf.formula,
          priority: cf.priority,
          format: { fill: cf.style.fill, font },
        },
      ],
    };
  }
  return {
    sqref: cf.range,
    rules: [
      {
        type: 'dataBar',
        priority: cf.priority,
        min: { type: 'num', value: cf.min },
        max: { type: 'num', value: cf.max },
        color: cf.color,
        gradient: false,
      },
    ],
  };
}

function printModel(p: PrintSpec | undefined): WorksheetModel['print'] {
  if (!p) return undefined;
  const m = p.marginsMm;
  return {
    paperSize: p.paper ? PAPER[p.paper] : undefined,
    orientation: p.orientation,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: m ? marginsFromMm(printMarginsMm(m)) : undefined,
    header: p.header,
    footer: p.footer,
    firstHeader: p.firstHeader,
    firstFooter: p.firstFooter,
    titleRows: p.repeatRows,
    area: p.area,
    horizontalCentered: p.centerHorizontally,
    gridLines: p.gridLines,
    rowBreaks: p.rowBreaks,
    columnBreaks: p.columnBreaks,
  };
}

/** Columns: widths, the table columns' formats on the whole sheet column, hidden columns. */
function columnModels(sheet: SheetSpec, tables: TableLayout[]): ColumnModel[] {
  const cols = new Map<number, ColumnModel>();
  const at = (c: number) => cols.get(c) ?? cols.set(c, { first: c }).get(c)!;
  sheet.widths.forEach((w, i) => {
    if (w) at(i).width = w;
  });
  // Formats on the whole column, so rows staff add later get the text and date formats too.
  for (const t of tables) t.columnStyles.forEach((s, j) => (at(t.spec.col + j).style = s));
  for (const c of sheet.hiddenColumns ?? []) at(c).hidden = true;
  return [...cols.values()];
}

interface WorkbookContext {
  spec: WorkbookSpec;
  styles: StyleRegistry;
  styleOf: (style: CellStyle | undefined) => number;
  tables: Map<string, { sheet: SheetSpec; layout: TableLayout }>;
  caches: PivotCacheModel[];
}

function pivotModel(p: PivotSpec, ctx: WorkbookContext): { model: PivotTableModel; rows: RowModel[] } {
  const source = ctx.tables.get(p.table.toLowerCase());
  if (!source) throw new RangeError(`pivot ${p.name}: no table ${p.table}`);
  const t = source.layout.spec;
  const field = (id: string) => {
    const j = t.columns.findIndex((c) => c.id === id);
    if (j < 0) throw new RangeError(`pivot ${p.name}: table ${t.name} has no column ${id}`);
    return j;
  };
  const rowField = field(p.rows);
  const columnField = p.columns !== undefined ? field(p.columns) : undefined;
  const countField = field(p.count);
  const records = t.rows.map((r) => t.columns.map((_c, j) => plainValue(r[j])));
  // The items met in the table, those named in the order first, in that order.
  const items = (j: number, order: readonly string[] = []) => {
    const rank = new Map(order.map((v, i) => [itemKey(v), i]));
    const found = distinctItems(records.map((r) => r[j]));
    const at = (v: PivotItemValue) => rank.get(itemKey(v)) ?? order.length + found.indexOf(v);
    return found.sort((a, b) => at(a) - at(b));
  };
  // One cache per pivot: each lists the items of its own axes.
  const cache: PivotCacheModel = {
    source: { table: t.name },
    fields: t.columns.map((c, j) => ({
      name: c.header,
      items: j === rowField ? items(j, p.rowOrder) : j === columnField ? items(j, p.columnOrder) : undefined,
    })),
  };
  ctx.caches.push(cache);
  const model: PivotTableModel = {
    name: p.name,
    cache: ctx.caches.length - 1,
    row: p.row + 1,
    col: p.col,
    rowField,
    columnField,
    data: { field: countField, summary: 'count', name: p.valueName },
    rowHeaderCaption: p.rowHeaderCaption,
    colHeaderCaption: p.colHeaderCaption,
    grandTotalCaption: p.grandTotalCaption,
    blankCaption: p.blankCaption,
  };
  return { model, rows: pivotRows(model, cache, records) };
}

/** A chart's series, with the values of its cells cached so it draws before any recalculation. */
function chartModel(c: ChartSpec, sheet: SheetSpec): ChartModel {
  const values = (ref: string) => {
    const box = parseRange(ref);
    const out: PivotItemValue[] = [];
    for (let r = box.top; r <= box.bottom; r++)
      out.push(plainValue(sheet.cells.find((x) => x.row === r - 1 && x.col === box.left)?.value));
    return out;
  };
  const abs = (ref: string) => {
    const b = parseRange(ref);
    return `${quoteSheet(sheet.name)}!$${columnName(b.left)}$${b.top}:$${columnName(b.right)}$${b.bottom}`;
  };
  return {
    type: 'bar',
    title: c.title,
    series: [
      {
        name: c.seriesName ? { text: c.seriesName } : undefined,
        categories: abs(c.categories),
        values: abs(c.values),
        color: c.color,
        cache: {
          categories: values(c.categories).map((v) => (v === null ? '' : String(v))),
          values: values(c.values).map((v) => (typeof v === 'number' ? v : null)),
        },
      },
    ],
    from: c.from,
    to: c.to,
    min: c.min,
    max: c.max,
    numFmt: c.numFmt,
    labels: c.labels,
  };
}

function sheetModel(sheet: SheetSpec, ctx: WorkbookContext): WorksheetModel {
  const layouts = sheet.tables.map((t) => ctx.tables.get(t.name.toLowerCase())!.layout);
  const widths = sheet.widths;
  // The wrapped columns and their widths, found once: the height is asked for every row.
  const first = layouts[0]?.spec;
  const wrapped =
    sheet.fitWrappedRows && first
      ? first.columns.flatMap((c, j) => (c.wrap ? [{ j, width: widths[first.col + j] ?? c.width }] : []))
      : [];
  const heights = (_r: number, cells: readonly CellValue[]) => {
    if (!wrapped.length) return undefined;
    let lines = 1;
    for (const { j, width } of wrapped) {
      const v = cells[j];
      const text = v?.t === 'text' ? v.v : v?.t === 'formula' && typeof v.result === 'string' ? v.result : '';
      if (text) lines = Math.max(lines, wrappedLines(text, width));
    }
    return linesHeight(lines);
  };
  const pivots = (sheet.pivots ?? []).map((p) => pivotModel(p, ctx));
  const sources: Iterable<RowModel>[] = [
    ...layouts.map((l) => tableRows(l, heights)),
    cellRows(sheet.cells, ctx.styleOf),
    ...pivots.map((p) => p.rows),
    attributeRows(sheet),
  ];
  const lastRow = Math.max(
    0,
    ...layouts.map((l) => l.header + l.rows),
    ...sheet.cells.map((c) => c.row + 1),
    ...pivots.map((p) => p.rows[p.rows.length - 1]?.r ?? 0),
  );
  const lastCol = Math.max(
    0,
    ...layouts.map((l) => l.spec.col + l.spec.columns.length - 1),
    ...sheet.cells.map((c) => c.col),
  );
  return {
    name: sheet.name,
    state: sheet.state,
    tabColor: sheet.tabColor,
    freeze: sheet.freeze,
    showGridLines: sheet.showGridLines,
    dimension: lastRow ? `A1:${cellRef(lastRow, lastCol)}` : undefined,
    columns: columnModels(sheet, layouts),
    rows: mergeRows(sources),
    sharedFormulas: [...layouts.flatMap((l) => l.shared), ...freeSharedFormulas(sheet.cells)],
    merges: sheet.merges,
    tables: layouts.map((l): TableModel => ({
      name: l.spec.name,
      ref: l.ref,
      columns: l.spec.columns.map((c, j) => ({ name: c.header, calculatedFormula: l.calculated[j] })),
      style: l.spec.style,
      rowStripes: true,
    })),
    validations: sheet.validations.map(validationModel),
    conditionalFormats: sheet.conditionalFormats.map(conditionalModel),
    print: printModel(sheet.print),
    pivotTables: pivots.map((p) => p.model),
    charts: (sheet.charts ?? []).map((c) => chartModel(c, sheet)),
  };
}

/** The writer's model of a spec, and the style registry its indexes refer to. */
export function workbookModel(spec: WorkbookSpec): { model: WorkbookModel; styles: StyleRegistry } {
  const styles = new StyleRegistry({ name: 'Calibri', size: 11 });
  const tables = new Map<string, { sheet: SheetSpec; layout: TableLayout }>();
  for (const sheet of spec.sheets)
    for (const t of sheet.tables) tables.set(t.name.toLowerCase(), { sheet, layout: layoutTable(t, styles) });
  const ctx: WorkbookContext = { spec, styles, styleOf: styleIndexer(styles), tables, caches: [] };
  const built = new Date(spec.meta.builtAt);
  const sheets = spec.sheets.map((s) => sheetModel(s, ctx));
  return {
    model: {
      sheets,
      definedNames: spec.names.map((n) => ({ name: n.name, ref: n.ref })),
      pivotCaches: ctx.caches,
      properties: { creator: spec.meta.generator, created: built, modified: built },
      // The cached results are worked out here, but Excel recalculates anyway when it opens the file.
      fullCalcOnLoad: true,
    },
    styles,
  };
}

/** Streams the workbook to the sink (a file on disk, a download), never holding it whole. */
export function writeXlsxTo(spec: WorkbookSpec, sink: Sink, options: XlsxWriteOptions = {}): void {
  const { model, styles } = workbookModel(spec);
  // Deflate level 1: the XML still shrinks about tenfold, at a fraction of the time of level 6.
  writeWorkbook(model, sink, {
    styles,
    deflate: options.deflate ?? fflateEngine(1),
    strings: options.strings,
  });
}

export async function writeXlsx(spec: WorkbookSpec, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const { model, styles } = workbookModel(spec);
  return workbookBytes(model, {
    styles,
    deflate: options.deflate ?? fflateEngine(1),
    strings: options.strings,
  });
}

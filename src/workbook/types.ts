/**
 * The declarative description of a tracking workbook. Pure data: the Excel renderer (src/excel)
 * and the .xlsx renderer (src/xlsx) both draw exactly this, so a column is defined once.
 *
 * Conventions shared by both renderers:
 * - Rows and columns in CellSpec are 0-based; A1 ranges are plain strings ("I2:I501").
 * - Formulas are written without the leading "=", with English function names and comma
 *   separators (the form both Range.formulas and ExcelJS expect).
 * - Dates travel as ISO strings "YYYY-MM-DD"; each renderer converts to its own date value.
 */

import type { Lang } from '../model/lang';
import type { RawCell, TableSnapshot } from '../model/table';
import type { TrackingWorkbook, WorkbookMeta } from '../model/workbook-meta';

// Defined in src/model (the core's shared types); re-exported for the renderers that map them.
export type { Lang, RawCell, TableSnapshot, TrackingWorkbook, WorkbookMeta };

export type CellValue =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'date'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'formula'; f: string; /** cached value, optional */ result?: string | number }
  | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points. */
  size?: number;
  /** RGB hex without '#', e.g. "1F4E79". */
  color?: string;
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  /** Excel number format, e.g. "dd/mm/yyyy", "@", "0%". */
  numFmt?: string;
  border?: boolean;
  /** Font name, e.g. "Times New Roman"; the workbook's default font (Calibri) when absent. */
  font?: string;
  /** Indent level of the text (about one character each). */
  indent?: number;
}

export interface CellSpec {
  row: number;
  col: number;
  value: CellValue;
  style?: CellStyle;
}

export type ColumnKind = 'text' | 'date' | 'number' | 'percent' | 'formula';

export interface ColumnSpec {
  /** Language-independent id, e.g. "status". */
  id: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters (Excel's column width unit). */
  width: number;
  numFmt?: string;
  wrap?: boolean;
  /** True when staff fill it in; false for columns copied from the plan or computed. */
  editable: boolean;
  /** Row formula for kind "formula": the text for the given 1-based sheet row. */
  formula?: (row: number) => string;
}

export interface TableSpec {
  /** Excel table name, e.g. "NhiemVu". */
  name: string;
  /** 0-based top-left of the header row. */
  row: number;
  col: number;
  columns: ColumnSpec[];
  /** Data rows, one CellValue per column (formula columns: the formula cell). */
  rows: CellValue[][];
  style: string;
}

export type Validation =
  | {
      kind: 'list';
      range: string;
      /** formula without "=", e.g. "DsTrangThai" */ source: string;
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    }
  | {
      kind: 'date';
      range: string;
      min: string;
      max: string;
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    }
  | {
      kind: 'decimal';
      range: string;
      min: number;
      max: number;
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    };

export type ConditionalFormat =
  | {
      kind: 'expression';
      range: string;
      /** Formula relative to the range's top-left cell, without "=". */
      formula: string;
      style: Pick<CellStyle, 'fill' | 'color' | 'bold'>;
      priority: number;
    }
  | { kind: 'dataBar'; range: string; color: string; min: number; max: number; priority: number };

/** Page setup for printing a sheet. */
export interface PrintSpec {
  paper?: 'A4' | 'A3' | 'letter';
  orientation?: 'portrait' | 'landscape';
  /** Fit to so many pages wide / tall; 0 means as many as needed. */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Margins in millimetres (header and footer: distance of their text from the edge). */
  marginsMm?: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** Header and footer with Excel's codes: &P page, &N pages, &L &C &R left/centre/right. */
  header?: string;
  footer?: string;
  /** Header and footer of the first page when it differs from the others ('' for none). */
  firstHeader?: string;
  firstFooter?: string;
  /** 1-based sheet rows repeated at the top of every page. */
  repeatRows?: { first: number; last: number };
  /** The printed range, e.g. "A1:H40". */
  area?: string;
  centerHorizontally?: boolean;
  gridLines?: boolean;
  /** Page breaks after these 1-based rows / 0-based columns. */
  rowBreaks?: number[];
  columnBreaks?: number[];
}

/**
 * A PivotTable over a table of this workbook: one row field, an optional column field, and a
 * count. Its cache refreshes when the file opens; the figures are also written as cells.
 */
export interface PivotSpec {
  name: string;
  /** TableSpec.name of the source table. */
  table: string;
  /** ColumnSpec.id of the row field, of the column field, and of the field counted. */
  rows: string;
  columns?: string;
  count: string;
  /** Caption of the count, e.g. "Số nhiệm vụ". */
  valueName: string;
  /** 0-based top-left cell of the pivot. */
  row: number;
  col: number;
  rowHeaderCaption?: string;
  colHeaderCaption?: string;
  grandTotalCaption?: string;
  blankCaption?: string;
  /** Items shown first, in this order; values met in the table follow in table order. */
  rowOrder?: string[];
  columnOrder?: string[];
}

/** A bar chart of one column of values against one column of labels on the same sheet. */
export interface ChartSpec {
  kind: 'bar';
  title?: string;
  /** A1 ranges on this sheet, one column each: the labels and the values. */
  categories: string;
  values: string;
  seriesName?: string;
  /** 0-based cells of the chart's top-left and bottom-right corners. */
  from: { row: number; col: number };
  to: { row: number; col: number };
  min?: number;
  max?: number;
  /** Value axis and label format, e.g. "0%". */
  numFmt?: string;
  labels?: boolean;
  color?: string;
}

export interface NameSpec {
  /** Workbook-level defined name, e.g. "NgayBaoCao". */
  name: string;
  /** Absolute reference with sheet, e.g. "'Tổng hợp'!$B$3". */
  ref: string;
}

export type SheetKey =
  'tasks' | 'summary' | 'lists' | 'guide' | 'meta' | 'history' | 'check' | 'pivot' | string;

export interface SheetSpec {
  key: SheetKey;
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Column widths by 0-based index (characters). */
  widths: number[];
  freeze?: { rows: number; cols: number };
  cells: CellSpec[];
  tables: TableSpec[];
  merges: string[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** Sheet tab colour, RGB hex. */
  tabColor?: string;
  print?: PrintSpec;
  /** Row heights in points by 0-based row. */
  rowHeights?: Record<number, number>;
  /** Table rows as high as their wrapped text needs (estimated from widths and text lengths). */
  fitWrappedRows?: boolean;
  hiddenRows?: number[];
  hiddenColumns?: number[];
  showGridLines?: boolean;
  pivots?: PivotSpec[];
  charts?: ChartSpec[];
}

export interface WorkbookSpec {
  lang: Lang;
  sheets: SheetSpec[];
  names: NameSpec[];
  meta: WorkbookMeta;
}

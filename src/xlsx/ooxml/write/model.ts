/**
 * What the SpreadsheetML writer draws: a workbook as plain data. Nothing here knows what a sheet
 * means; rows come from an iterator so a sheet of any length is written as it is produced.
 *
 * Conventions: rows are 1-based (as in A1 references), columns 0-based; colours are RGB hex
 * without '#' ("1F4E79"); formulas are written without the leading "=", in the form Excel stores
 * (English function names, comma separators, A1 references).
 */

/** Spreadsheet error values. */
export type ErrorValue = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';

/** The cached result of a formula (what a reader shows before recalculating). */
export type FormulaResult = string | number | boolean | { error: ErrorValue };

export type CellData =
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'bool'; v: boolean }
  /** A date as ISO "YYYY-MM-DD" (optionally with "THH:MM:SS") or as a serial; give it a date style. */
  | { t: 'date'; v: string | number }
  | { t: 'error'; v: ErrorValue }
  | { t: 'formula'; f: string; result?: FormulaResult }
  /** An empty cell that still carries its style (borders, fill). */
  | { t: 'blank' };

export interface RowModel {
  /** 1-based row number; rows must come in ascending order. */
  r: number;
  /** 0-based column of cells[0] (default 0). */
  first?: number;
  /** Cells from `first` on; null/undefined leaves the cell out (the column's style shows). */
  cells: readonly (CellData | null | undefined)[];
  /** Style index (from StyleRegistry.cell) of each cell, or one index for every cell. */
  styles?: readonly number[] | number;
  /** Height in points; Excel keeps it as the row's custom height. */
  height?: number;
  hidden?: boolean;
}

export interface ColumnModel {
  /** 0-based first column, and last (default: the same). */
  first: number;
  last?: number;
  /** Width in characters (Excel's column width unit). */
  width?: number;
  /** Style of the whole sheet column: empty cells, and rows staff add later, take it. */
  style?: number;
  hidden?: boolean;
}

/** A shared formula: one formula text for a block, each cell's references shifted from the top-left. */
export interface SharedFormulaModel {
  /** The block, e.g. "O2:O50001"; its formula cells are written as members of the group. */
  ref: string;
  /** The formula of the block's top-left cell. */
  formula: string;
}

export interface TableColumnModel {
  /** Must equal the header cell's text (Excel repairs the file otherwise). */
  name: string;
  /**
   * The column's formula, as for its first data row: Excel fills it into rows added to the table.
   * A1 references are relative to the first data row; structured references must be written out
   * in full (Table[[#This Row],[Column]]), never with "@".
   */
  calculatedFormula?: string;
}

export interface TableModel {
  /** Table name (also its display name): letters, digits, "_" and "."; not a cell reference. */
  name: string;
  /** Header row included, e.g. "A1:O101". */
  ref: string;
  columns: TableColumnModel[];
  /** Table style, e.g. "TableStyleMedium2". */
  style?: string;
  rowStripes?: boolean;
  columnStripes?: boolean;
  /** Filter buttons on the header (default true). */
  autoFilter?: boolean;
}

export type ValidationOperator =
  | 'between'
  | 'notBetween'
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanOrEqual'
  | 'greaterThan'
  | 'greaterThanOrEqual';

export interface ValidationModel {
  type: 'list' | 'date' | 'decimal' | 'whole' | 'textLength' | 'time' | 'custom';
  /** The cells it covers: one range ("I2:I2101") or several separated by spaces. */
  sqref: string;
  operator?: ValidationOperator;
  /** Without "=": a name or range for lists ("DsTrangThai"), a quoted list ("\"a,b\""), a serial… */
  formula1?: string;
  formula2?: string;
  allowBlank?: boolean;
  /** Shown when the cell is selected (Excel: title ≤ 32, text ≤ 255 characters). */
  prompt?: { title?: string; text: string };
  /** Shown when the entry is refused (Excel: title ≤ 32, text ≤ 225 characters). */
  error?: { title?: string; text: string; style?: 'stop' | 'warning' | 'information' };
}

/** A differential format: what a conditional format or table style element changes. */
export interface DifferentialFormat {
  font?: { bold?: boolean; italic?: boolean; underline?: boolean; strike?: boolean; color?: string };
  /** Solid fill colour. */
  fill?: string;
  numFmt?: string;
  border?: BorderFormat;
}

export type ConditionalValue =
  | { type: 'num'; value: number }
  | { type: 'percent' | 'percentile'; value: number }
  | { type: 'formula'; value: string }
  | { type: 'min' | 'max' };

export type ConditionalRule =
  | {
      type: 'expression';
      formula: string;
      format: DifferentialFormat;
      priority: number;
      stopIfTrue?: boolean;
    }
  | {
      type: 'dataBar';
      min: ConditionalValue;
      max: ConditionalValue;
      color: string;
      priority: number;
      /**
       * false draws a solid bar from 0 to 100 % of the cell (Excel 2010's extension, kept in the
       * worksheet's extLst); true (the 2007 form) a gradient from 10 % to 90 %.
       */
      gradient?: boolean;
      showValue?: boolean;
    };

export interface ConditionalFormatModel {
  sqref: string;
  rules: ConditionalRule[];
}

export interface MarginsInches {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

export interface PrintModel {
  /** Paper size code of SpreadsheetML: 9 is A4, 1 Letter, 8 A3. */
  paperSize?: number;
  orientation?: 'portrait' | 'landscape';
  /** Fit to so many pages wide / tall; 0 means as many as needed. Either turns fit-to-page on. */
  fitToWidth?: number;
  fitToHeight?: number;
  /** Percent, when not fitting. */
  scale?: number;
  margins?: MarginsInches;
  /** Header and footer text with Excel's codes (&P page, &N pages, &L &C &R sections). */
  header?: string;
  footer?: string;
  /** A different header/footer on the first page (e.g. none). */
  firstHeader?: string;
  firstFooter?: string;
  horizontalCentered?: boolean;
  verticalCentered?: boolean;
  gridLines?: boolean;
  /** Rows repeated at the top of each page (1-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Columns repeated at the left (0-based, inclusive). */
  titleColumns?: { first: number; last: number };
  /** The printed area, e.g. "A1:H40". */
  area?: string;
  /** Manual page breaks: a break after each of these 1-based rows / 0-based columns. */
  rowBreaks?: number[];
  columnBreaks?: number[];
  firstPageNumber?: number;
}

export type PivotItemValue = string | number | boolean | null;

export type PivotSummary = 'count' | 'sum' | 'average' | 'max' | 'min' | 'countNums';

export interface PivotTableModel {
  name: string;
  /** Index of its cache in WorkbookModel.pivotCaches. */
  cache: number;
  /** Top-left cell of the pivot's area (1-based row, 0-based column). */
  row: number;
  col: number;
  /** Row field (a cache field index), shown with every item of the cache field, in that order. */
  rowField: number;
  /** An optional column field, likewise. */
  columnField?: number;
  /** The one data field: which cache field is summarised, how, and its caption. */
  data: { field: number; summary: PivotSummary; name: string };
  /** Captions (Excel writes "Row Labels", "Column Labels", "Grand Total" in its own language). */
  rowHeaderCaption?: string;
  colHeaderCaption?: string;
  grandTotalCaption?: string;
  /** The label of the blank item, "(blank)" in Excel. */
  blankCaption?: string;
  style?: string;
}

export interface PivotCacheFieldModel {
  /** The source column's header. */
  name: string;
  /** Distinct values, for fields used as row or column fields; omitted for the others. */
  items?: PivotItemValue[];
}

export interface PivotCacheModel {
  /** A table (or workbook name), or a sheet range with its header row. */
  source: { table: string } | { sheet: string; ref: string };
  fields: PivotCacheFieldModel[];
}

export interface ChartSeriesModel {
  /** Series name: a cell reference ('Sheet'!$B$1) or literal text. */
  name?: { ref: string } | { text: string };
  /** Category labels and values: absolute references with the sheet. */
  categories: string;
  values: string;
  color?: string;
  /** The values as they are now, kept in the chart so it draws before any recalculation. */
  cache?: { categories: string[]; values: (number | null)[] };
}

export interface ChartModel {
  type: 'bar';
  /** 'bar' horizontal bars, 'col' vertical columns. */
  direction?: 'bar' | 'col';
  title?: string;
  series: ChartSeriesModel[];
  /** Anchor cells (0-based) of the top-left and bottom-right corners. */
  from: { row: number; col: number };
  to: { row: number; col: number };
  /** Value axis bounds and number format (e.g. 0, 1 and "0%"). */
  min?: number;
  max?: number;
  numFmt?: string;
  /** Show each bar's value. */
  labels?: boolean;
}

export interface WorksheetModel {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  tabColor?: string;
  columns?: ColumnModel[];
  /** Frozen panes: rows at the top, columns at the left. */
  freeze?: { rows: number; cols: number };
  showGridLines?: boolean;
  /** The used range, when known before the rows are written (a hint for readers). */
  dimension?: string;
  defaultRowHeight?: number;
  rows: Iterable<RowModel>;
  sharedFormulas?: SharedFormulaModel[];
  merges?: string[];
  tables?: TableModel[];
  validations?: ValidationModel[];
  conditionalFormats?: ConditionalFormatModel[];
  print?: PrintModel;
  pivotTables?: PivotTableModel[];
  charts?: ChartModel[];
}

export interface DefinedNameModel {
  name: string;
  /** Absolute reference or formula, e.g. "'Tổng hợp'!$B$3". */
  ref: string;
  /** Index of the sheet the name is local to; workbook-wide when absent. */
  localSheet?: number;
  hidden?: boolean;
}

export interface DocumentProperties {
  creator?: string;
  title?: string;
  created?: Date;
  modified?: Date;
  /** Written as the producing application in docProps/app.xml. */
  application?: string;
}

export interface WorkbookModel {
  sheets: WorksheetModel[];
  definedNames?: DefinedNameModel[];
  pivotCaches?: PivotCacheModel[];
  properties?: DocumentProperties;
  /** Ask the spreadsheet to recalculate every formula when it opens the file. */
  fullCalcOnLoad?: boolean;
}

export interface FontFormat {
  name?: string;
  /** Points. */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  color?: string;
}

export type BorderStyle =
  'thin' | 'medium' | 'thick' | 'dashed' | 'dotted' | 'double' | 'hair' | 'mediumDashed' | 'dashDot';

export interface BorderSide {
  style: BorderStyle;
  color?: string;
}

export interface BorderFormat {
  left?: BorderSide;
  right?: BorderSide;
  top?: BorderSide;
  bottom?: BorderSide;
}

export interface AlignmentFormat {
  horizontal?:
    'general' | 'left' | 'center' | 'right' | 'fill' | 'justify' | 'centerContinuous' | 'distributed';
  vertical?: 'top' | 'center' | 'bottom' | 'justify' | 'distributed';
  wrap?: boolean;
  indent?: number;
  shrink?: boolean;
  /** Degrees, 0–180 as SpreadsheetML counts them. */
  rotation?: number;
}

/** A cell's format; every part is optional and falls back to the workbook default. */
export interface CellFormat {
  font?: FontFormat;
  /** Solid fill colour. */
  fill?: string;
  border?: BorderFormat;
  alignment?: AlignmentFormat;
  /** Number format code, e.g. "dd/mm/yyyy", "@", "0.0%". */
  numFmt?: string;
  protection?: { locked?: boolean; hidden?: boolean };
}

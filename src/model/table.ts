/**
 * A cell read back from a workbook by either renderer's reader. Dates come back as Excel
 * serial numbers (as Excel itself stores them); text typed into a date column stays a string.
 */
export type RawCell = string | number | boolean | null;

/** The most characters an Excel cell holds: longer text is never written into a workbook. */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/** The tracking table as read back from a workbook. */
export interface TableSnapshot {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the table's first column. */
  firstCol: number;
  headers: string[];
  /** Data rows in sheet order; row i is sheet row headerRow + 1 + i. */
  rows: RawCell[][];
  /**
   * Each column's number format (that of its first data row), where the reader can tell:
   * a column staff added keeps it when the table is drawn again.
   */
  numberFormats?: (string | null)[];
  /**
   * Cells the reader could not take a value from (read as null in `rows`): a formula saved
   * without its result (openpyxl never saves one) or an error result such as #DIV/0!. A merge
   * never takes them for a change; it lists them.
   */
  unreadable?: UnreadableCell[];
  /** How many of `rows` are inside the table's range; the rest were typed below it. */
  tableRows?: number;
}

export interface UnreadableCell {
  /** 0-based data row and 0-based column index into `headers`. */
  row: number;
  col: number;
  reason: 'formula-without-value' | 'error-value';
  /** The error code (#DIV/0!) or the formula's text, as the file holds it. */
  text: string;
}

export function isBlankCell(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A1 column letters for a 0-based column index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The A1 address of a data cell of the snapshot. */
export function cellAddress(snapshot: TableSnapshot, rowIndex: number, columnIndex: number): string {
  return `${columnLetter(snapshot.firstCol + columnIndex)}${snapshot.headerRow + 1 + rowIndex}`;
}

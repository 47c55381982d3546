/**
 * A cell read back from a workbook by either renderer's reader. Dates come back as Excel
 * serial numbers (as Excel itself stores them); text typed into a date column stays a string.
 */
export type RawCell = string | number | boolean | null;

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

/**
 * A1 references. Conventions of this layer (the project's): rows are 1-based as Excel numbers
 * them, columns 0-based (A = 0).
 */
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from './limits';

export interface CellAddress {
  row: number;
  col: number;
}

/** An inclusive block of cells; a whole column or row spans the whole grid. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnName(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 'A' → 0, 'xfd' → 16383; -1 for anything else. */
export function columnIndex(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
  }
  return n <= EXCEL_MAX_COLS ? n - 1 : -1;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCellRef(ref: string): CellAddress | null {
  const m = CELL.exec(ref.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]);
  if (col < 0 || row < 1 || row > EXCEL_MAX_ROWS) return null;
  return { row, col };
}

/** `A1`, `A1:C9`, `$A:$C` (whole columns), `2:5` (whole rows). */
export function parseRange(ref: string): CellRange | null {
  const [a, b, extra] = ref.trim().split(':');
  if (extra !== undefined) return null;
  const end = b ?? a;
  const cols = /^\$?([A-Za-z]{1,3})$/;
  const rows = /^\$?(\d{1,7})$/;
  if (cols.test(a) && cols.test(end)) {
    const [l, r] = [columnIndex(a.replace('$', '')), columnIndex(end.replace('$', ''))];
    if (l < 0 || r < 0) return null;
    return { top: 1, bottom: EXCEL_MAX_ROWS, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (rows.test(a) && rows.test(end)) {
    const [t, u] = [Number(a.replace('$', '')), Number(end.replace('$', ''))];
    if (t < 1 || u < 1 || t > EXCEL_MAX_ROWS || u > EXCEL_MAX_ROWS) return null;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: EXCEL_MAX_COLS - 1 };
  }
  const p = parseCellRef(a);
  const q = parseCellRef(end);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}

export function formatRange(range: CellRange): string {
  const a = cellRef(range.top, range.left);
  const b = cellRef(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

/** A space-separated list of ranges (an `sqref`), kept as ranges, never expanded per cell. */
export function parseSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .filter(Boolean)
    .map(parseRange)
    .filter((r): r is CellRange => r !== null);
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

/** `'Tổng hợp'!$B$3` or `Sheet1!A1:B2` → the sheet name and the range; null for anything else. */
export function parseSheetRange(formula: string): { sheet: string; range: CellRange } | null {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!\s(),]+))!(\S+)\s*$/.exec(formula);
  if (!m) return null;
  const range = parseRange(m[3]);
  if (!range) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range };
}

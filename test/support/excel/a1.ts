/**
 * A1 addresses as Excel reads them. Written here, apart from src/, on purpose: the double stands
 * in for Excel, and sharing the add-in's own helpers would let one bug hide on both sides.
 */

export interface Bounds {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A1", "A1:B2", "A:A", "3:3", with or without "$" (a sheet part, if any, is ignored). */
export function parseA1(address: string): Bounds | null {
  const a = address.replace(/\$/g, '').split('!').pop() ?? '';
  const parts = a.split(':');
  if (parts.length > 2 || !a) return null;
  const one = (s: string): { r: number | null; c: number | null } | null => {
    const m = /^([A-Za-z]{0,3})(\d{0,7})$/.exec(s);
    if (!m || (!m[1] && !m[2])) return null;
    return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const s = one(parts[0]);
  const e = parts[1] !== undefined ? one(parts[1]) : s;
  if (!s || !e) return null;
  // "A:B" needs two columns, "3:5" two rows, "A1" or "A1:C3" two cells.
  if ((s.r === null) !== (e.r === null) || (s.c === null) !== (e.c === null)) return null;
  if (parts.length === 1 && (s.r === null || s.c === null)) return null;
  const r0 = Math.min(s.r ?? 0, e.r ?? 0);
  const r1 = s.r === null ? MAX_ROWS - 1 : Math.max(s.r, e.r as number);
  const c0 = Math.min(s.c ?? 0, e.c ?? 0);
  const c1 = s.c === null ? MAX_COLS - 1 : Math.max(s.c, e.c as number);
  if (r0 < 0 || r1 >= MAX_ROWS || c0 < 0 || c1 >= MAX_COLS) return null;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

export function toA1(b: Bounds): string {
  const tl = `${colLetters(b.col)}${b.row + 1}`;
  if (b.rows === 1 && b.cols === 1) return tl;
  return `${tl}:${colLetters(b.col + b.cols - 1)}${b.row + b.rows}`;
}

export function contains(outer: Bounds, r: number, c: number): boolean {
  return r >= outer.row && r < outer.row + outer.rows && c >= outer.col && c < outer.col + outer.cols;
}

export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** What Excel's fill does to relative row references (outside string literals). */
export function shiftFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_(])/g,
            (_m, c: string, abs: string, r: string) => `${c}${abs}${abs ? r : Number(r) + delta}`,
          ),
    )
    .join('');
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A1 references and date serials, the small arithmetic every part needs. */

export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

const LETTERS: string[] = [];

/** Column letters of a 0-based column: 0 → A, 26 → AA. */
export function columnName(col: number): string {
  const cached = LETTERS[col];
  if (cached !== undefined) return cached;
  if (!Number.isInteger(col) || col < 0 || col >= MAX_COLUMNS) throw new RangeError(`column ${col}`);
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  LETTERS[col] = s;
  return s;
}

export function cellRef(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

export interface Box {
  /** 1-based rows, 0-based columns, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** "B2:D9" or "B2" (with or without $) → its box; throws on anything else. */
export function parseRange(ref: string): Box {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new RangeError(`not a cell range: ${ref}`);
  const left = columnIndex(m[1]);
  const top = Number(m[2]);
  const right = m[3] ? columnIndex(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  if (top < 1 || bottom > MAX_ROWS || right >= MAX_COLUMNS || bottom < top || right < left)
    throw new RangeError(`not a cell range: ${ref}`);
  return { top, left, bottom, right };
}

export function rangeRef(box: Box): string {
  const a = cellRef(box.top, box.left);
  const b = cellRef(box.bottom, box.right);
  return a === b ? a : `${a}:${b}`;
}

/** A sheet name as it must appear in a reference: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const MS_PER_DAY = 86_400_000;
// Serial 25569 is 1970-01-01 in the 1900 date system (which counts the fictional 29/02/1900).
const UNIX_EPOCH_SERIAL = 25569;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/** ISO date (or date-time, read as written, without time zone) → serial; a number passes. */
export function dateSerial(value: string | number): number {
  if (typeof value === 'number') return value;
  const m = ISO.exec(value);
  if (!m) throw new RangeError(`not an ISO date: ${value}`);
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (m[4] === undefined) return day;
  const seconds = Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0);
  return day + seconds / 86_400;
}

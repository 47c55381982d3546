/**
 * Worksheet cells, read row by row. The work is bounded by what the file holds: only the rows
 * and cells present in the XML are visited, never every row up to the sheet's last row number
 * (LibreOffice writes rows 1048575–1048576 after a row is deleted), and the visit stops at the
 * last row asked for.
 *
 * Values: shared strings (plain or rich), inline strings, formula strings (`str`), numbers,
 * booleans, errors (`#DIV/0!`), ISO dates (`t="d"`). Numbers shown with a date format come back
 * as serial numbers (1900 date system, whatever the workbook's) flagged `isDate`. A formula
 * cell says so, and its value is the cached result, or empty when the producer saved none
 * (openpyxl never does).
 */
import { cellRef } from './cell-ref';
import {
  badCellReference,
  columnOutOfRange,
  FileLabel,
  missingSharedString,
  rowOutOfRange,
  tooManyCells,
  tooManyRows,
} from './errors';
import { shiftFormula } from './formula-shift';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from './limits';
import { isSml } from './namespaces';
import { END, EOF, START, XmlScanner } from './scanner';
import { readRichText } from './shared-strings';
import type { Styles } from './styles';
import { decodeXstring } from './xml';

export type CellKind = 'number' | 'text' | 'boolean' | 'error' | 'empty';

export interface Cell {
  /** 0-based column. */
  col: number;
  kind: CellKind;
  /** Number (dates as 1900-system serials), text, boolean, error code such as "#DIV/0!", or null. */
  value: number | string | boolean | null;
  /** A number its format shows as a date or time (or an ISO date cell). */
  isDate: boolean;
  /** Index into the workbook's cell formats (cellXfs). */
  style: number;
  /** The cell holds a formula; `kind` 'empty' then means no cached result was saved. */
  hasFormula: boolean;
  /** The formula without "=", when asked for; shared formulas translated to this cell. */
  formula?: string;
}

export interface Row {
  /** 1-based row number. */
  r: number;
  cells: Cell[];
}

export interface ReadRowsOptions {
  /** 1-based rows, inclusive; the visit stops after the last. */
  rows?: [number, number];
  /** 0-based columns, inclusive. */
  cols?: [number, number];
  /** Also give each formula's text (costs a little more). */
  formulas?: boolean;
  /** Also give cells that hold neither a value nor a formula (style only). */
  includeEmpty?: boolean;
  /** Counters to fill as the read goes, so the work done shows even when a limit stops it. */
  stats?: SheetReadStats;
  /**
   * false: the caller has no use for `isDate` (then left false on numbers), so the styles part is
   * not read, unless the workbook counts dates from 1904: its date serials are still moved to the
   * 1900 system, which needs each number's format.
   */
  dates?: boolean;
}

/** What a read did, so tests can assert on work rather than on time. */
export interface SheetReadStats {
  rowsVisited: number;
  cellsVisited: number;
}

export interface SheetContext {
  file: FileLabel;
  sheetName: string;
  sharedStrings: () => string[];
  /** Asked for at the first number cell whose format matters, never for a sheet without one. */
  styles: () => Styles;
  date1904: boolean;
  maxCells: number;
}

// Cell types, parsed in place from the `t` attribute.
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeOf(sc: XmlScanner, i: number): number {
  if (i < 0) return T_NUMBER;
  if (sc.attrEquals(i, 's')) return T_SHARED;
  if (sc.attrEquals(i, 'str')) return T_STR;
  if (sc.attrEquals(i, 'inlineStr')) return T_INLINE;
  if (sc.attrEquals(i, 'b')) return T_BOOL;
  if (sc.attrEquals(i, 'e')) return T_ERROR;
  if (sc.attrEquals(i, 'd')) return T_DATE;
  return T_NUMBER;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const MARCH_1900 = Date.UTC(1900, 2, 1);
/** Days from 1899-12-30 to 1904-01-01: a 1904-system serial plus this is the 1900-system serial. */
export const DAYS_1904 = 1462;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 date or date-time as a 1900-system serial (Excel's 1900 leap-year quirk kept). */
export function isoToSerial(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms)) return null;
  const time = m[4] ? (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400 : 0;
  const days = (ms - EPOCH_1900) / DAY_MS;
  return (ms < MARCH_1900 ? days - 1 : days) + time;
}

interface SharedMaster {
  row: number;
  col: number;
  formula: string;
}

/**
 * Visits the rows of a worksheet part; `visit` returns false to stop. Returns what was visited.
 */
export function scanRows(
  sc: XmlScanner,
  ctx: SheetContext,
  options: ReadRowsOptions,
  visit: (row: Row) => boolean | void,
): SheetReadStats {
  const stats: SheetReadStats = options.stats ?? { rowsVisited: 0, cellsVisited: 0 };
  const [fromRow, toRow] = options.rows ?? [1, EXCEL_MAX_ROWS];
  const [fromCol, toCol] = options.cols ?? [0, EXCEL_MAX_COLS - 1];
  const wantFormulas = options.formulas === true;
  const includeEmpty = options.includeEmpty === true;
  const masters = new Map<string, SharedMaster>();
  const formatsMatter = options.dates !== false || ctx.date1904;
  let styles: Styles | null = null;
  let strings: string[] | null = null;
  let inData = false;
  let prevRow = 0;

  for (let ev = sc.next(); ev !== EOF; ev = sc.next()) {
    if (ev === END) {
      if (inData && sc.local === 'sheetData') break;
      continue;
    }
    if (ev !== START || !isSml(sc.ns)) {
      if (ev === START) sc.skip();
      continue;
    }
    // Read into a variable: comparing the property itself would narrow its type for the
    // compiler, although the next event changes it.
    const name: string = sc.local;
    if (!inData) {
      if (name === 'sheetData') inData = true;
      else if (name !== 'worksheet') sc.skip();
      continue;
    }
    if (name !== 'row') {
      sc.skip();
      continue;
    }
    const ri = sc.attrIndex1(114 /* r */);
    let r = ri < 0 ? prevRow + 1 : sc.attrUint(ri);
    if (r < 1) r = prevRow + 1;
    if (r > EXCEL_MAX_ROWS) throw rowOutOfRange(ctx.file, ctx.sheetName, r, EXCEL_MAX_ROWS);
    prevRow = r;
    if (++stats.rowsVisited > EXCEL_MAX_ROWS) throw tooManyRows(ctx.file, ctx.sheetName, EXCEL_MAX_ROWS);
    if (r > toRow) break;
    // Rows above the range are skipped unread, unless formulas are wanted: a shared formula's
    // master may sit there.
    if (r < fromRow && !wantFormulas) {
      sc.skip();
      continue;
    }
    const keep = r >= fromRow;
    const cells: Cell[] = [];
    if (!sc.selfClosing) {
      const rowDepth = sc.depth;
      let prevCol = -1;
      for (let cev = sc.next(); cev !== EOF; cev = sc.next()) {
        if (cev === END) {
          if (sc.depth < rowDepth) break;
          continue;
        }
        const cellName: string = sc.local;
        if (!isSml(sc.ns) || cellName !== 'c') {
          sc.skip();
          continue;
        }
        if (++stats.cellsVisited > ctx.maxCells) throw tooManyCells(ctx.file, ctx.sheetName, ctx.maxCells);
        // One pass over the attributes: r, s and t are all a cell has that matters here.
        let refAt = -1;
        let styleAt = -1;
        let typeAt = -1;
        for (let a = sc.attributeCount - 1; a >= 0; a--) {
          const letter = sc.attrLetter(a);
          if (letter === 114 /* r */) refAt = a;
          else if (letter === 115 /* s */) styleAt = a;
          else if (letter === 116 /* t */) typeAt = a;
        }
        let col = prevCol + 1;
        if (refAt >= 0) {
          col = sc.attrColumn(refAt);
          if (col < 0) {
            const ref = sc.attributeValue(refAt);
            if (/^[A-Za-z]+\d+$/.test(ref)) throw columnOutOfRange(ctx.file, ctx.sheetName, ref);
            throw badCellReference(ctx.file, ctx.sheetName, ref);
          }
        }
        if (col >= EXCEL_MAX_COLS) throw columnOutOfRange(ctx.file, ctx.sheetName, cellRef(r, col));
        prevCol = col;
        const inCols = col >= fromCol && col <= toCol;
        if (!inCols && !wantFormulas) {
          sc.skip();
          continue;
        }
        const style = styleAt < 0 ? 0 : Math.max(0, sc.attrUint(styleAt));
        const type = typeOf(sc, typeAt);
        let v: string | null = null;
        /** The value of a number or shared-string cell, read without making a string. */
        let num = NaN;
        let inline: string | null = null;
        let hasFormula = false;
        let formula: string | undefined;
        if (!sc.selfClosing) {
          const cellDepth = sc.depth;
          for (let fev = sc.next(); fev !== EOF; fev = sc.next()) {
            if (fev === END) {
              if (sc.depth < cellDepth) break;
              continue;
            }
            if (!isSml(sc.ns)) {
              sc.skip();
              continue;
            }
            const local: string = sc.local;
            if (local === 'v') {
              if (type === T_NUMBER || type === T_SHARED) {
                num = sc.textNumber();
                v = sc.lastText;
              } else v = sc.text();
            } else if (local === 'f') {
              hasFormula = true;
              if (!wantFormulas) {
                sc.skip();
                continue;
              }
              const kind = sc.attr('t');
              const group = kind === 'shared' ? sc.attr('si') : null;
              const text = decodeXstring(sc.text());
              if (group !== null) {
                if (text) {
                  masters.set(group, { row: r, col, formula: text });
                  formula = text;
                } else {
                  const m = masters.get(group);
                  formula = m ? shiftFormula(m.formula, r - m.row, col - m.col) : undefined;
                }
              } else formula = text;
            } else if (local === 'is') inline = readRichText(sc);
            else sc.skip();
          }
        } else sc.skip();
        if (!keep || !inCols) continue;

        let kind: CellKind = 'empty';
        let value: number | string | boolean | null = null;
        let isDate = false;
        switch (type) {
          case T_SHARED:
            if (!Number.isNaN(num)) {
              strings ??= ctx.sharedStrings();
              const text = strings[num];
              if (text === undefined)
                throw missingSharedString(ctx.file, ctx.sheetName, cellRef(r, col), num);
              kind = 'text';
              value = text;
            }
            break;
          case T_INLINE:
            if (inline !== null || v !== null) {
              kind = 'text';
              value = inline ?? decodeXstring(v as string);
            }
            break;
          case T_STR:
            if (v !== null) {
              kind = 'text';
              value = decodeXstring(v);
            }
            break;
          case T_BOOL:
            if (v !== null && v !== '') {
              kind = 'boolean';
              value = v === '1' || v.toLowerCase() === 'true';
            }
            break;
          case T_ERROR:
            if (v !== null && v !== '') {
              kind = 'error';
              value = v.trim();
            }
            break;
          case T_DATE:
            if (v !== null && v !== '') {
              const serial = isoToSerial(v);
              if (serial === null) {
                kind = 'text';
                value = v;
              } else {
                kind = 'number';
                value = serial;
                isDate = true;
              }
            }
            break;
          default:
            if (Number.isFinite(num)) {
              kind = 'number';
              if (formatsMatter) {
                styles ??= ctx.styles();
                isDate = styles.isDate(style);
              }
              value = isDate && ctx.date1904 ? num + DAYS_1904 : num;
            } else if (v !== null && v.trim() !== '') {
              // Not a number although the cell says so: keep what it holds.
              kind = 'text';
              value = v;
            }
        }
        if (kind === 'empty' && !hasFormula && !includeEmpty) continue;
        const cell: Cell = { col, kind, value, isDate, style, hasFormula };
        if (formula !== undefined) cell.formula = formula;
        cells.push(cell);
      }
    } else sc.skip();
    if (!keep) continue;
    if ((cells.length > 0 || includeEmpty) && visit({ r, cells }) === false) break;
  }
  return stats;
}

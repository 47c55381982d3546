/**
 * Moves a formula the way copying it to another cell does: relative A1 references shift by the
 * offset, `$` parts stay. String literals, sheet names, function names, defined names, error
 * literals, array constants and structured references (`Table[@[Column]]`) are left alone. Used
 * to give a shared-formula group a new master, or to write its members out as plain formulas.
 */
import { columnIndex, columnName } from './cell-ref';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from './limits';

const NAME_CHAR = /[\p{L}\p{N}_.$\\?]/u;

function isNameChar(ch: string | undefined): boolean {
  return ch !== undefined && NAME_CHAR.test(ch);
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;

function shiftCol(abs: string, letters: string, d: number): string | null {
  const col = columnIndex(letters);
  if (col < 0) return null;
  const moved = abs ? col : col + d;
  return moved < 0 || moved >= EXCEL_MAX_COLS ? null : abs + columnName(moved);
}

function shiftRow(abs: string, digits: string, d: number): string | null {
  const row = Number(digits);
  const moved = abs ? row : row + d;
  return moved < 1 || moved > EXCEL_MAX_ROWS ? null : abs + String(moved);
}

/** The end of the bracketed part starting at `i` (nested brackets, `'` escaping the next character). */
function bracketEnd(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    const ch = f[j];
    if (ch === "'") j++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return j + 1;
  }
  return f.length;
}

/** The end of the quoted run starting at `i` (the quote doubled to escape itself). */
function quotedEnd(f: string, i: number, quote: string): number {
  for (let j = i + 1; j < f.length; j++) {
    if (f[j] !== quote) continue;
    if (f[j + 1] === quote) j++;
    else return j + 1;
  }
  return f.length;
}

function nameEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && isNameChar(f[j])) j++;
  return j;
}

export function shiftFormula(formula: string, dRows: number, dCols: number): string {
  if (dRows === 0 && dCols === 0) return formula;
  const f = formula;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i];
    if (ch === '"' || ch === "'") {
      const e = quotedEnd(f, i, ch);
      out += f.slice(i, e);
      i = e;
      continue;
    }
    if (ch === '[') {
      const e = bracketEnd(f, i);
      out += f.slice(i, e);
      i = e;
      continue;
    }
    if (ch === '{') {
      let e = i + 1;
      while (e < f.length && f[e] !== '}') e = f[e] === '"' ? quotedEnd(f, e, '"') : e + 1;
      out += f.slice(i, e + 1);
      i = e + 1;
      continue;
    }
    if (ch === '#') {
      const m = /^#[A-Za-z0-9/]+[!?]?/.exec(f.slice(i));
      const e = i + (m ? m[0].length : 1);
      out += f.slice(i, e);
      i = e;
      continue;
    }
    if (!isNameChar(ch)) {
      out += ch;
      i++;
      continue;
    }
    const e = nameEnd(f, i);
    const word = f.slice(i, e);
    const next = f[e];
    // A range of two words: whole columns, whole rows, or a 3-D sheet span (Sheet1:Sheet3!A1).
    if (next === ':' && isNameChar(f[e + 1])) {
      const e2 = nameEnd(f, e + 1);
      const word2 = f.slice(e + 1, e2);
      if (f[e2] === '!') {
        out += f.slice(i, e2);
        i = e2;
        continue;
      }
      const c1 = COLUMN.exec(word);
      const c2 = COLUMN.exec(word2);
      const r1 = ROW.exec(word);
      const r2 = ROW.exec(word2);
      if ((c1 && c2) || (r1 && r2)) {
        const a = c1 && c2 ? shiftCol(c1[1], c1[2], dCols) : shiftRow(r1![1], r1![2], dRows);
        const b = c1 && c2 ? shiftCol(c2[1], c2[2], dCols) : shiftRow(r2![1], r2![2], dRows);
        out += a === null || b === null ? '#REF!' : `${a}:${b}`;
        i = e2;
        continue;
      }
    }
    if (next === '!' || next === '(' || (next === '[' && !CELL.test(word))) {
      out += word;
      i = e;
      continue;
    }
    const cell = CELL.exec(word);
    if (cell && (i === 0 || !/[\p{L}\p{N}_]/u.test(f[i - 1]))) {
      const col = shiftCol(cell[1], cell[2], dCols);
      const row = shiftRow(cell[3], cell[4], dRows);
      out += col === null || row === null ? '#REF!' : col + row;
    } else out += word;
    i = e;
  }
  return out;
}

/**
 * Shared formulas for the free cells of a sheet (the report sheets' helper columns and lists):
 * where a column holds one formula down consecutive rows, each row's copy shifted as Excel shifts
 * a copied formula, the run is written once at its top and the other cells as members. The
 * radar's two helper columns alone were some 600 bytes a task row of formula text, more than the
 * task table itself.
 *
 * A run is only taken when every member is exactly what shifting the top formula gives
 * (`shiftFormula`, the same function the reader uses to expand a member), so a file read back
 * holds the formulas the spec drew.
 */
import type { CellSpec } from '../workbook/types';
import { shiftFormula } from './ooxml/formula-shift';
import { EXCEL_MAX_ROWS } from './ooxml/limits';
import { cellRef, type SharedFormulaModel } from './ooxml/write';

/**
 * A formula cut at its digit runs (even indexes text, odd digits), and for each run whether a
 * copy one row down changes it by one (a relative row) or leaves it (anything else).
 */
interface RowTemplate {
  parts: string[];
  rows: (number | null)[];
}

const DIGIT_RUNS = /(\d+)/;

function rowTemplate(formula: string): RowTemplate | null {
  const parts = formula.split(DIGIT_RUNS);
  const once = shiftFormula(formula, 1, 0).split(DIGIT_RUNS);
  if (once.length !== parts.length) return null;
  const rows: (number | null)[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (once[i] !== parts[i]) return null;
    } else if (once[i] === parts[i]) rows.push(null);
    else if (once[i] === String(Number(parts[i]) + 1)) rows.push(Number(parts[i]));
    // Anything else (a reference pushed off the sheet) is not a plain copy: no run.
    else return null;
  }
  return { parts, rows };
}

/** The top formula as copied `d` rows down, or null when a reference would leave the sheet. */
function shifted(t: RowTemplate, d: number): string | null {
  let s = t.parts[0];
  for (let i = 1; i < t.parts.length; i += 2) {
    const row = t.rows[(i - 1) / 2];
    if (row === null) s += t.parts[i];
    else if (row + d > EXCEL_MAX_ROWS) return null;
    else s += String(row + d);
    s += t.parts[i + 1];
  }
  return s;
}

function formulaOf(c: CellSpec): string | null {
  return c.value?.t === 'formula' ? c.value.f : null;
}

export function freeSharedFormulas(cells: readonly CellSpec[]): SharedFormulaModel[] {
  const byCol = new Map<number, CellSpec[]>();
  for (const c of cells) {
    if (c.value?.t !== 'formula') continue;
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  const out: SharedFormulaModel[] = [];
  for (const [col, list] of byCol) {
    list.sort((a, b) => a.row - b.row);
    let i = 0;
    while (i < list.length) {
      const top = list[i];
      const f = formulaOf(top) as string;
      let j = i + 1;
      if (j < list.length && list[j].row === top.row + 1) {
        const t = rowTemplate(f);
        if (t)
          while (
            j < list.length &&
            list[j].row === top.row + (j - i) &&
            formulaOf(list[j]) === shifted(t, j - i)
          )
            j++;
      }
      if (j - i >= 2)
        out.push({ ref: `${cellRef(top.row + 1, col)}:${cellRef(list[j - 1].row + 1, col)}`, formula: f });
      i = j;
    }
  }
  return out;
}

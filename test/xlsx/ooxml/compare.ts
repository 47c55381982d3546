/** Reading a workbook back cell by cell, with this layer and with openpyxl, to compare the two. */
import { cellRef } from '../../../src/xlsx/ooxml/cell-ref';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import type { Cell } from '../../../src/xlsx/ooxml/worksheet';
import type { OpenpyxlSheet } from '../../support/openpyxl';

/** Every cell the reader gives (empty styled cells included only when asked), by A1 reference. */
export function readerCells(bytes: Uint8Array, sheet: string, formulas = true): Record<string, Cell> {
  const wb = openWorkbook(bytes);
  const info = wb.sheet(sheet);
  if (!info) throw new Error(`no sheet ${sheet}`);
  const out: Record<string, Cell> = {};
  for (const row of wb.readRows(info, { formulas }).rows)
    for (const c of row.cells) out[cellRef(row.r, c.col)] = c;
  return out;
}

/** An ISO date-time (as openpyxl prints it) as a 1900-system serial. */
export function isoToSerial(iso: string): number {
  const [date, time = '00:00:00'] = iso.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return days + (hh * 3600 + mm * 60 + (ss || 0)) / 86400;
}

/** The value openpyxl reports for a cell, in the reader's terms (cached result for formulas). */
export function openpyxlValue(c: OpenpyxlSheet['cells'][string]): {
  value: unknown;
  isDate: boolean;
  formula: string | null;
} {
  const formula = c.type === 'f' && typeof c.value === 'string' ? c.value.replace(/^=/, '') : null;
  if (c.date) return { value: Math.round(isoToSerial(c.date) * 1e6) / 1e6, isDate: true, formula };
  const value = formula !== null ? c.cached : c.value;
  return { value, isDate: false, formula };
}

/**
 * Differences between what openpyxl and the reader see in one sheet, for every cell either of
 * them reports; an empty list when they agree on every value, date flag and formula.
 */
export function disagreements(bytes: Uint8Array, sheet: OpenpyxlSheet): string[] {
  const ours = readerCells(bytes, sheet.name);
  const out: string[] = [];
  const refs = new Set([
    ...Object.keys(sheet.cells),
    ...Object.keys(ours).filter((r) => ours[r].kind !== 'empty' || ours[r].hasFormula),
  ]);
  for (const ref of refs) {
    const theirs = sheet.cells[ref];
    const mine = ours[ref];
    const t = theirs ? openpyxlValue(theirs) : { value: null, isDate: false, formula: null };
    const value =
      mine?.kind === 'number' && mine.isDate
        ? Math.round((mine.value as number) * 1e6) / 1e6
        : (mine?.value ?? null);
    const same =
      value === t.value &&
      (mine?.isDate ?? false) === t.isDate &&
      (t.formula === null ? !mine?.hasFormula : mine?.formula === t.formula);
    if (!same)
      out.push(`${sheet.name}!${ref}: openpyxl ${JSON.stringify(t)}, reader ${JSON.stringify(mine ?? null)}`);
  }
  return out;
}

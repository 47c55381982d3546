import ExcelJS from 'exceljs';

import { isoToSerial, isoFromParts } from '../../src/model/dates';

import type { RawCell } from '../../src/model/table';

/** ExcelJS cells as RawCells: the tests use ExcelJS as an independent reader of what the product writes. */

const MS_PER_DAY = 86_400_000;

/** A JS Date from ExcelJS (a serial read in UTC) → the serial, keeping any time of day. */
export function dateToSerial(d: Date): number {
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const day = isoToSerial(isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
  const fraction = (d.getTime() - dayStart) / MS_PER_DAY;
  return fraction ? day + fraction : day;
}

/** One ExcelJS cell value as a RawCell: formulas give their cached result, rich text its text. */
export function rawValue(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && !(result instanceof Date)) return null; // an error value
      return rawValue(result as ExcelJS.CellValue);
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && 'hyperlink' in value) return rawValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return null;
}

/**
 * A cell as a RawCell. Formula cells give their cached result through `cell.result`, because
 * ExcelJS's `cell.value` copy drops a result of 0.
 */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (cell as unknown as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return null; // an error value
    return rawValue(result as ExcelJS.CellValue);
  }
  return rawValue(value);
}

/**
 * The one conversion from a value read back from a workbook (a RawCell) to the CellValue a
 * renderer writes, for every column the registry knows and for columns staff added. Split,
 * revise and merge all carry entries through it, so a date stays a date and text stays text
 * however a value travels.
 */
import { columnOf } from '../model/columns';
import { isoToSerial, serialToIso, isoToVn } from '../model/dates';
import type { Lang } from '../model/lang';
import { CATEGORY_LABELS, STATUS_LABELS } from '../model/labels';
import type { RawCell } from '../model/table';
import { numberFromText, parseDateCell, parseListWord } from '../tracking/entries';
import type { CellValue } from './types';

export interface CellOptions {
  /**
   * Put the value in the workbook's own form (merge writes a return's entries into the
   * master): list words in this language, dates typed as text made real dates, numbers typed as
   * text made numbers. Without it the value is kept exactly as entered, for the checks to judge.
   */
  normalizeTo?: Lang;
}

/** A raw cell as the CellValue of column `columnId` (a column the registry does not know is plain). */
export function cellValueOf(
  columnId: string | null,
  raw: RawCell | undefined,
  opts: CellOptions = {},
): CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  const column = columnId === null ? undefined : columnOf(columnId);
  const lang = opts.normalizeTo;
  if (lang && typeof raw === 'string') {
    if (raw.trim() === '') return null;
    if (column?.list) {
      const id = parseListWord(column.list, raw);
      const labels = column.list === 'statuses' ? STATUS_LABELS : CATEGORY_LABELS;
      if (id) return { t: 'text', v: (labels as Record<string, { vi: string; en: string }>)[id][lang] };
    }
    if (column?.kind === 'date') {
      const d = parseDateCell(raw);
      if (d) return { t: 'date', v: d };
    }
    if (column?.kind === 'number') {
      const n = numberFromText(raw.replace(/%$/, ''));
      if (n !== null) return { t: 'number', v: n };
    }
  }
  if (typeof raw === 'boolean') return { t: 'bool', v: raw };
  if (typeof raw === 'number') {
    if (column?.kind === 'date' && raw >= 1) return { t: 'date', v: serialToIso(raw) };
    return { t: 'number', v: raw };
  }
  return { t: 'text', v: raw };
}

/** The value a CellValue puts in a cell, as a reader gives it back (dates as serials). */
export function rawOf(value: CellValue): RawCell {
  if (value === null) return null;
  switch (value.t) {
    case 'text':
    case 'number':
    case 'bool':
      return value.v;
    case 'date':
      return isoToSerial(value.v);
    case 'formula':
      return value.result ?? null;
  }
}

/** A raw cell as a person reads it: a date column's serial as dd/mm/yyyy, anything else as stored. */
export function displayCell(columnId: string, raw: RawCell): string {
  const v = cellValueOf(columnId, raw);
  if (v === null) return '';
  if (v.t === 'date') return isoToVn(v.v);
  return String(rawOf(v));
}

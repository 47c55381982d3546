import { isoToSerial, serialToIso } from '../model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../model/labels';
import type { Msg } from '../model/msg';
import type { DeadlineCategory, DeadlineState } from '../model/vocabulary';
import { deadlineState } from '../tracking/deadline-state';
import type { CellValue } from './types';

/**
 * The values the workbook's formulas compute, worked out when the workbook is built, so each
 * formula cell can carry its result: Protected View, previewers and phones show that result
 * instead of a blank. Each function reads a cell the way the formula does (Excel's TRIM, its
 * case-insensitive comparison, ISNUMBER), and the deadline state comes from the formula's twin.
 */

/** Excel's TRIM: spaces (U+0020 only) at the ends removed, runs inside cut to one. */
export function excelTrim(text: string): string {
  return text.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

/** Excel's `=` between two texts: equal regardless of case. */
export function sameText(a: string, b: string): boolean {
  return a === b || a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** The text a comparison sees in a text cell; other cells never equal a word. */
export function cellText(value: CellValue): string | null {
  return value?.t === 'text'
    ? value.v
    : value?.t === 'formula' && typeof value.result === 'string'
      ? value.result
      : null;
}

/** The number ISNUMBER sees: a number or date cell, else null. */
export function cellNumber(value: CellValue): number | null {
  if (value?.t === 'number') return value.v;
  if (value?.t === 'date') return isoToSerial(value.v);
  if (value?.t === 'formula' && typeof value.result === 'number') return value.result;
  return null;
}

/** COUNTA: cells that are not empty. */
export function isFilled(value: CellValue): boolean {
  return value !== null && !(value.t === 'text' && value.v === '');
}

function matches(value: CellValue, words: readonly string[]): boolean {
  const text = cellText(value);
  if (text === null) return false;
  const trimmed = excelTrim(text);
  return words.some((w) => sameText(trimmed, w));
}

const both = (m: Msg) => [m.vi, m.en];

export interface StateCells {
  category: CellValue;
  due: CellValue;
  status: CellValue;
  completedOn: CellValue;
  adjustedDue: CellValue;
}

/**
 * What `Tình trạng hạn` (deadlineStateFormula) computes for a row: the cells read as the formula
 * reads them, then deadlineState(), the formula's twin. Change the three together.
 */
export function formulaDeadlineState(cells: StateCells, reportDate: string): DeadlineState {
  let category: DeadlineCategory | null = null;
  if (matches(cells.category, both(CATEGORY_LABELS.ongoing))) category = 'ongoing';
  else if (matches(cells.category, both(CATEGORY_LABELS.periodic))) category = 'periodic';
  const due = cellNumber(cells.due);
  const adjusted = cellNumber(cells.adjustedDue);
  const done = cellNumber(cells.completedOn);
  return deadlineState(
    {
      category,
      due: due === null ? null : serialToIso(due),
      status: matches(cells.status, both(STATUS_LABELS.done)) ? 'done' : null,
      completedOn: done === null ? null : serialToIso(done),
      adjustedDue: adjusted === null ? null : serialToIso(adjusted),
    },
    reportDate,
  );
}

import { isIsoDate, isoToSerial } from '../model/dates';
import type { CellStyle, CellValue, ColumnSpec } from '../workbook/types';

/**
 * How one CellValue is typed into Excel. Excel reads a string written through Range.values or
 * Range.formulas the way it reads typed input: "=…", "+…", "-…" and "@…" become formulas
 * (`- Bộ Chính trị,` would turn into #NAME?). Two guards, both applied: the text number format
 * "@" is set on the cell *before* the value (a text cell keeps what is typed), and such strings
 * get a leading apostrophe, which Excel takes as the "this is text" prefix and does not store
 * (office-js drops it on read as well: OfficeDev/office-js#6687). A string that itself starts
 * with an apostrophe gets one more, so its own apostrophe survives.
 */
const FORMULA_LEAD = /^[=+\-@']/;

export function escapeText(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

export function needsEscape(text: string): boolean {
  return FORMULA_LEAD.test(text);
}

/** The input for Range.values / Range.formulas. */
export function cellInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  switch (value.t) {
    case 'text':
      return escapeText(value.v);
    case 'number':
      return value.v;
    case 'bool':
      return value.v;
    case 'date':
      // A malformed date stays visible as text rather than becoming a wrong day.
      return isIsoDate(value.v) ? isoToSerial(value.v) : escapeText(value.v);
    case 'formula':
      return value.f.startsWith('=') ? value.f : `=${value.f}`;
  }
}

export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';

/** The number format a table column's data cells get before any value is written. */
export function columnNumberFormat(col: ColumnSpec): string {
  if (col.kind === 'text') return '@';
  if (col.numFmt) return col.numFmt;
  if (col.kind === 'date') return DEFAULT_DATE_FORMAT;
  if (col.kind === 'percent') return '0%';
  return 'General';
}

/** The number format of a free cell: its style's, else "@" for text, a date format for dates. */
export function cellNumberFormat(value: CellValue, style: CellStyle | undefined): string | null {
  if (style?.numFmt) {
    // A text cell must stay text even when a style asks for something else.
    return value?.t === 'text' && needsEscape(value.v) ? '@' : style.numFmt;
  }
  if (value?.t === 'text') return '@';
  if (value?.t === 'date') return DEFAULT_DATE_FORMAT;
  return null;
}

/** Characters (Excel's column width unit) → points, which is what office-js takes. */
export function widthToPoints(chars: number): number {
  // Calibri 11: 7 px per character plus 5 px padding; 0.75 pt per px.
  return Math.round(Math.floor(chars * 7 + 5) * 0.75 * 100) / 100;
}

export function color(hex: string): string {
  return hex.startsWith('#') ? hex : `#${hex}`;
}

const encoder = new TextEncoder();
/** UTF-8 size of a value as JSON: what a request carries for it. */
export function jsonSize(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

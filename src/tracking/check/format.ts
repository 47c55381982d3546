import { isoToSerial, isoToVn } from '../../model/dates';
import type { RawCell } from '../../model/table';
import type { Suggestion } from './types';

/** A cell value as staff see it, quoted, with invisible differences made visible. */
export function shown(value: RawCell): string {
  if (value === null || value === undefined) return '“”';
  const s = String(value);
  const visible = s.replace(/^\s+|\s+$/g, (m) => '␣'.repeat(m.length));
  return `“${visible}”`;
}

export function vnDate(iso: string): string {
  return isoToVn(iso);
}

export function dateSuggestion(iso: string): Suggestion {
  return {
    value: isoToSerial(iso),
    label: { vi: `Sửa thành ngày ${isoToVn(iso)}`, en: `Change to the date ${isoToVn(iso)}` },
  };
}

export function wordSuggestion(word: string): Suggestion {
  return { value: word, label: { vi: `Sửa thành “${word}”`, en: `Change to “${word}”` } };
}

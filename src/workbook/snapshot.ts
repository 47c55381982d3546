import { COLUMN_HEADERS, TASK_COLUMN_IDS, TaskColumnId } from './labels';
import type { Lang, RawCell, TableSnapshot } from './types';

/** Where each known column sits in a table read back from a workbook. */
export interface ColumnMap {
  /** Column id → index into TableSnapshot.headers / rows. */
  index: Partial<Record<TaskColumnId, number>>;
  /** Known columns not found under either language's header. */
  missing: TaskColumnId[];
  /** Headers that match no known column (added or renamed by staff). */
  unknown: { index: number; header: string }[];
  /** The language whose headers matched most columns. */
  lang: Lang;
}

function headerKey(header: string): string {
  return header.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** Matches headers in either language, ignoring case, spacing and Unicode form. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const byHeader = new Map<string, { id: TaskColumnId; lang: Lang }>();
  for (const lang of ['vi', 'en'] as const) {
    for (const id of TASK_COLUMN_IDS) byHeader.set(headerKey(COLUMN_HEADERS[lang][id]), { id, lang });
  }
  const index: Partial<Record<TaskColumnId, number>> = {};
  const unknown: { index: number; header: string }[] = [];
  const votes: Record<Lang, number> = { vi: 0, en: 0 };
  headers.forEach((header, i) => {
    const hit = byHeader.get(headerKey(String(header ?? '')));
    if (hit && index[hit.id] === undefined) {
      index[hit.id] = i;
      votes[hit.lang] += 1;
    } else {
      unknown.push({ index: i, header: String(header ?? '') });
    }
  });
  const missing = TASK_COLUMN_IDS.filter((id) => index[id] === undefined);
  return { index, missing, unknown, lang: votes.en > votes.vi ? 'en' : 'vi' };
}

/** A1 column letters for a 0-based column index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The A1 address of a data cell of the snapshot. */
export function cellAddress(snapshot: TableSnapshot, rowIndex: number, columnIndex: number): string {
  return `${columnLetter(snapshot.firstCol + columnIndex)}${snapshot.headerRow + 1 + rowIndex}`;
}

export function cellOf(snapshot: TableSnapshot, map: ColumnMap, rowIndex: number, id: TaskColumnId): RawCell {
  const i = map.index[id];
  if (i === undefined) return null;
  return snapshot.rows[rowIndex]?.[i] ?? null;
}

/**
 * The base values of an agency copy live in its `_PlanTracker` sheet as extra `baseEntries` rows
 * (JSON, chunked like the task list). parseMeta ignores keys it does not know, so older readers
 * still read the copy; merge reads them with parseBaseEntries.
 */
import { chunkText } from '../workbook/meta';
import type { RawCell } from '../workbook/types';
import type { SyncRecord } from './merge';

export const BASE_ENTRIES_KEY = 'baseEntries';

export type BaseEntries = Record<string, Record<string, RawCell>>;

export function serializeBaseEntries(base: BaseEntries): string[][] {
  return chunkText(JSON.stringify(base)).map((piece) => [BASE_ENTRIES_KEY, piece]);
}

function isRaw(v: unknown): v is RawCell {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** The base values from the meta sheet's rows; undefined when absent or damaged. */
export function parseBaseEntries(rows: readonly (readonly RawCell[])[]): BaseEntries | undefined {
  const pieces = rows
    .filter((r) => String(r?.[0] ?? '').trim() === BASE_ENTRIES_KEY)
    .map((r) => (r[1] === null || r[1] === undefined ? '' : String(r[1])));
  if (pieces.length === 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(pieces.join(''));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const out: BaseEntries = {};
    for (const [id, cells] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof cells !== 'object' || cells === null || Array.isArray(cells)) return undefined;
      const row: Record<string, RawCell> = {};
      for (const [col, v] of Object.entries(cells as Record<string, unknown>)) {
        if (!isRaw(v)) return undefined;
        row[col] = v;
      }
      out[id] = row;
    }
    return out;
  } catch {
    return undefined;
  }
}

/**
 * Sync records of past merges, appended to the master's meta sheet by each merge: a row
 * `mergeSync` starts one merge's JSON list, `mergeSync+` rows continue it (a cell holds at
 * most ~32,000 characters). Appending keeps earlier merges' rows untouched.
 */
export const SYNC_KEY = 'mergeSync';
const SYNC_MORE = 'mergeSync+';

export function serializeSync(records: readonly SyncRecord[]): string[][] {
  if (records.length === 0) return [];
  const json = JSON.stringify(records.map((r) => [r.copy, r.taskId, r.column, r.r, r.m]));
  return chunkText(json).map((piece, i) => [i === 0 ? SYNC_KEY : SYNC_MORE, piece]);
}

/** Every merge's records, oldest first; damaged blocks are skipped (their cells then conflict). */
export function parseSync(rows: readonly (readonly RawCell[])[]): SyncRecord[] {
  const blobs: string[] = [];
  for (const r of rows) {
    const key = String(r?.[0] ?? '').trim();
    const v = r?.[1] === null || r?.[1] === undefined ? '' : String(r[1]);
    if (key === SYNC_KEY) blobs.push(v);
    else if (key === SYNC_MORE && blobs.length > 0) blobs[blobs.length - 1] += v;
  }
  const out: SyncRecord[] = [];
  for (const blob of blobs) {
    try {
      const parsed: unknown = JSON.parse(blob);
      if (!Array.isArray(parsed)) continue;
      for (const t of parsed) {
        if (!Array.isArray(t) || t.length !== 5) continue;
        const [copy, taskId, column, r, m] = t as unknown[];
        if (typeof copy !== 'string' || typeof taskId !== 'string' || typeof column !== 'string') continue;
        if (!isRaw(r) || !isRaw(m)) continue;
        out.push({ copy, taskId, column: column as SyncRecord['column'], r, m });
      }
    } catch {
      continue;
    }
  }
  return out;
}

/**
 * The fingerprint of a task row's plan columns, stored per task in the meta at build: it tells
 * whether staff edited what the plan said (revise then keeps their edit) and ties an agency's copy
 * to its master's task list (merge compares the stored values, never recomputes them).
 *
 * Workbooks record the algorithm (`taskHashAlgorithm`); those built before it was recorded used
 * the first 64 bits of SHA-256 over the eight plan columns of that layout, and are still verified
 * that way.
 */
import { columnOf, mapColumns, PLAN_COLUMN_IDS, type TaskColumnId } from '../model/columns';
import { fnv1a64Hex, sha256Hex } from '../model/hash';
import type { RawCell, TableSnapshot } from '../model/table';
import type { WorkbookMeta } from '../model/workbook-meta';
import { cellText, parseDateCell, parseListWord } from './entries';

export const TASK_HASH_ALGORITHM = 'fnv1a-64';

/** The plan columns the 0.1.0 layout hashed, in its order: a fact about old files, frozen. */
const LEGACY_HASHED_COLUMNS = ['taskId', 'section', 'group', 'lead', 'partners', 'text', 'category', 'due'];

/** The canonical value of a plan cell: what an edit changes and a re-save does not. */
function canonical(columnId: string, raw: RawCell): string {
  const column = columnOf(columnId);
  if (column?.list) return parseListWord(column.list, raw) ?? '';
  // Only a real date cell is a date to the sheet's formulas; text typed there counts as none.
  if (column?.kind === 'date') return parseDateCell(raw, false) ?? '';
  return cellText(raw);
}

function parts(columnIds: readonly string[], cell: (id: string) => RawCell): string {
  return JSON.stringify(columnIds.map((id) => canonical(id, cell(id))));
}

/**
 * The plan columns the fingerprint covers: not those added later (the plan a task belongs to),
 * so workbooks built before them still verify, and a task moved into a portfolio is the same task.
 */
const HASHED_COLUMN_IDS = PLAN_COLUMN_IDS.filter((id) => !columnOf(id)?.addedLater);

/** The fingerprint of a row's plan columns with the current algorithm: 16 hex digits. */
export function taskHash(cell: (id: string) => RawCell): string {
  return fnv1a64Hex(parts(HASHED_COLUMN_IDS, cell));
}

async function hashWith(
  algorithm: string | undefined,
  cell: (id: string) => RawCell,
): Promise<string | null> {
  if (algorithm === TASK_HASH_ALGORITHM) return taskHash(cell);
  if (algorithm === undefined) {
    const sha = await sha256Hex(parts(LEGACY_HASHED_COLUMNS, cell));
    return sha === null ? null : sha.slice(0, 16);
  }
  return null;
}

/**
 * Ids of the rows whose plan columns are as built, verified with the algorithm the meta names.
 * Rows that cannot be verified (no meta, an unknown algorithm, no Web Crypto for an old
 * workbook) are not in the set: the caller then treats them as edited, which keeps staff's values.
 */
export async function untouchedTasks(
  snapshot: TableSnapshot,
  meta: WorkbookMeta | null,
): Promise<Set<string>> {
  const out = new Set<string>();
  if (!meta) return out;
  const stored = new Map(meta.tasks.map((t) => [t.id, t.hash]));
  const map = mapColumns(snapshot.headers);
  const idCol = map.index.taskId;
  if (idCol === undefined) return out;
  for (const row of snapshot.rows) {
    const id = cellText(row[idCol]);
    const hash = stored.get(id);
    if (!hash) continue;
    const cell = (c: string) => {
      const i = map.index[c as TaskColumnId];
      return i === undefined ? null : (row[i] ?? null);
    };
    if ((await hashWith(meta.taskHashAlgorithm, cell)) === hash) out.add(id);
  }
  return out;
}

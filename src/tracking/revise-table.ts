/**
 * Applying a revised plan to an existing tracking table, as plain rows: the one revision the
 * command line and Excel's update mode share. Nothing staff typed is lost:
 * - a task still in the plan (matched by text, then id: see revise.ts) keeps every entry;
 * - the deadline type and deadline, copied from the plan but editable, follow the revised plan
 *   where staff left them as built (the task fingerprint says so), and keep staff's value where
 *   they changed them or nothing can tell;
 * - a task gone from the plan stays, at the end of the table, with all its cells and a mark in
 *   its note (and its id marked too when the revised plan gave that id to another task);
 * - columns staff added to the table stay, with their values.
 */
import { COLUMNS, mapColumns, type TaskColumnId } from '../model/columns';
import type { Lang } from '../model/lang';
import { LocalizedError, type Msg } from '../model/msg';
import { isBlankCell, type RawCell, type TableSnapshot } from '../model/table';
import { cellText } from './entries';
import type { RowCells } from './plan-rows';
import { diffPlanTasks, type PlanRevision, type RevisionTask } from './revise';

export const REMOVED_MARK: Msg = {
  vi: '[Không còn trong kế hoạch sửa đổi]',
  en: '[No longer in the revised plan]',
};

/** Added to a removed task's id when the revised plan gave that id to another task. */
export const REMOVED_ID_SUFFIX: Msg = { vi: ' (cũ)', en: ' (old)' };

/** Added to the id of a second row carrying one id: both rows are kept, neither takes the other's place. */
export const DUPLICATE_ID_SUFFIX: Msg = { vi: ' (trùng)', en: ' (duplicate)' };

/** The column the removal mark is written into. */
const MARK_COLUMN: TaskColumnId = 'note';

export interface ReviseTableInput {
  old: TableSnapshot;
  /** Old task ids whose plan columns are as built (untouchedTasks, task-hash.ts). */
  untouched: ReadonlySet<string>;
  /** The revised plan's rows (planRowCells). */
  revised: readonly RowCells[];
  /** The workbook's language: the words of the marks. */
  lang: Lang;
}

export interface RevisedTable {
  /** The revised plan's rows with the entries carried to them, then the removed tasks' rows. */
  rows: RowCells[];
  /** How many of `rows` are the revised plan's (the rest are removed tasks, kept). */
  planRows: number;
  /** Columns staff added, with one cell per row of `rows` (and their number format, if known). */
  extraColumns: { header: string; cells: RawCell[]; numFmt?: string }[];
  revision: PlanRevision;
  /** New ids of the tasks whose entries were carried. */
  kept: string[];
  added: string[];
  /** Old ids of the tasks no longer in the plan (kept as marked rows). */
  removed: string[];
  renumbered: { oldId: string; newId: string }[];
  /** Removed tasks that carried entries. */
  removedWithEntries: string[];
  /** Sheet rows of the old table with no task id but something typed: kept at the end as they were. */
  keptWithoutId: number[];
  /** Second (third…) rows of one id in the old table: kept at the end, their id marked. */
  keptDuplicates: { id: string; row: number }[];
}

const EDITABLE = COLUMNS.filter((c) => c.editable);
const KEPT_FROM_OLD = COLUMNS.filter((c) => c.origin !== 'computed');

/** Without a text column nothing but the id can pair tasks. */
function byIdOnly(oldTasks: RevisionTask[], newTasks: RevisionTask[]): PlanRevision {
  const newIds = new Set(newTasks.map((t) => t.id));
  const oldIds = new Set(oldTasks.map((t) => t.id));
  return {
    matches: newTasks
      .filter((t) => oldIds.has(t.id))
      .map((t) => ({ kind: 'unchanged', oldId: t.id, newId: t.id, similarity: 1, textChanged: false })),
    added: newTasks.filter((t) => !oldIds.has(t.id)),
    removed: oldTasks.filter((t) => !newIds.has(t.id)),
  };
}

export function reviseTable(input: ReviseTableInput): RevisedTable {
  const { old, untouched, revised, lang } = input;
  const map = mapColumns(old.headers);
  const idCol = map.index.taskId;
  if (idCol === undefined)
    throw new LocalizedError({
      vi: 'Bảng theo dõi thiếu cột mã nhiệm vụ: không ghép được các nhiệm vụ với kế hoạch sửa đổi.',
      en: 'The tracking table has no task id column: its tasks cannot be matched with the revised plan.',
    });
  const at = (row: RawCell[], id: string): RawCell => {
    const i = map.index[id as TaskColumnId];
    return i === undefined ? null : (row[i] ?? null);
  };

  const oldRows = new Map<string, RawCell[]>();
  // Rows the plan cannot pair are still staff's: kept, never dropped (issue 20 item 10).
  const withoutId: { row: number; cells: RawCell[] }[] = [];
  const duplicates: { id: string; row: number; cells: RawCell[] }[] = [];
  // Formulas fill computed cells of empty rows too: only what a person typed counts.
  const computed = new Set(
    COLUMNS.filter((c) => c.origin === 'computed').map((c) => map.index[c.id as TaskColumnId]),
  );
  old.rows.forEach((r, i) => {
    const id = cellText(r[idCol]);
    const sheetRow = old.headerRow + 1 + i;
    if (!id) {
      if (r.some((v, k) => !computed.has(k) && !isBlankCell(v))) withoutId.push({ row: sheetRow, cells: r });
    } else if (oldRows.has(id)) duplicates.push({ id, row: sheetRow, cells: r });
    else oldRows.set(id, r);
  });
  const oldTasks = [...oldRows].map(([id, r]) => ({ id, text: cellText(at(r, 'text')) }));
  const newTasks = revised.map((r) => ({ id: cellText(r.taskId ?? null), text: cellText(r.text ?? null) }));
  const revision =
    map.index.text === undefined ? byIdOnly(oldTasks, newTasks) : diffPlanTasks(oldTasks, newTasks);
  const oldFor = new Map(revision.matches.map((m) => [m.newId, m.oldId]));

  // Staff-added columns: headers the registry does not know, holding something.
  const extras = map.unknown.filter(
    ({ index, header }) => header.trim() !== '' && old.rows.some((r) => !isBlankCell(r[index])),
  );
  const extraColumns = extras.map(({ header, index }) => {
    const numFmt = old.numberFormats?.[index] ?? undefined;
    return { header, cells: [] as RawCell[], ...(numFmt ? { numFmt } : {}) };
  });
  const pushExtras = (from: RawCell[] | null) =>
    extras.forEach(({ index }, k) => extraColumns[k].cells.push(from ? (from[index] ?? null) : null));

  const rows: RowCells[] = [];
  const kept: string[] = [];
  const added: string[] = [];
  const renumbered: { oldId: string; newId: string }[] = [];
  for (const [i, planRow] of revised.entries()) {
    const newId = newTasks[i].id;
    const oldId = oldFor.get(newId);
    const prev = oldId === undefined ? undefined : oldRows.get(oldId);
    if (!prev || oldId === undefined) {
      added.push(newId);
      rows.push({ ...planRow });
      pushExtras(null);
      continue;
    }
    kept.push(newId);
    if (oldId !== newId) renumbered.push({ oldId, newId });
    const row: RowCells = { ...planRow };
    for (const c of EDITABLE) {
      const was = at(prev, c.id);
      if (isBlankCell(was)) continue;
      // What the plan itself says follows the revision, unless staff changed it.
      if (c.origin === 'plan' && untouched.has(oldId)) continue;
      row[c.id] = was;
    }
    rows.push(row);
    pushExtras(prev);
  }

  const planRows = rows.length;
  const newIds = new Set(newTasks.map((t) => t.id));
  const mark = REMOVED_MARK[lang];
  const removed: string[] = [];
  const removedWithEntries: string[] = [];
  for (const t of revision.removed) {
    const prev = oldRows.get(t.id) as RawCell[];
    removed.push(t.id);
    if (EDITABLE.some((c) => c.origin === 'staff' && !isBlankCell(at(prev, c.id))))
      removedWithEntries.push(t.id);
    const row: RowCells = {};
    for (const c of KEPT_FROM_OLD) row[c.id] = at(prev, c.id);
    // Two rows with one id would hand one task's entries to the other at the next merge.
    if (newIds.has(t.id)) row.taskId = `${t.id}${REMOVED_ID_SUFFIX[lang]}`;
    const note = cellText(row[MARK_COLUMN] ?? null);
    row[MARK_COLUMN] = note.startsWith(mark) ? note : `${mark} ${note}`.trim();
    rows.push(row);
    pushExtras(prev);
  }
  const taken = new Set(rows.map((r) => cellText(r.taskId ?? null)));
  for (const d of duplicates) {
    const row: RowCells = {};
    for (const c of KEPT_FROM_OLD) row[c.id] = at(d.cells, c.id);
    let id = `${d.id}${DUPLICATE_ID_SUFFIX[lang]}`;
    for (let n = 2; taken.has(id); n++) id = `${d.id}${DUPLICATE_ID_SUFFIX[lang]} ${n}`;
    taken.add(id);
    row.taskId = id;
    rows.push(row);
    pushExtras(d.cells);
  }
  for (const w of withoutId) {
    const row: RowCells = {};
    for (const c of KEPT_FROM_OLD) row[c.id] = at(w.cells, c.id);
    rows.push(row);
    pushExtras(w.cells);
  }
  return {
    rows,
    planRows,
    extraColumns,
    revision,
    kept,
    added,
    removed,
    renumbered,
    removedWithEntries,
    keptWithoutId: withoutId.map((w) => w.row),
    keptDuplicates: duplicates.map((d) => ({ id: d.id, row: d.row })),
  };
}

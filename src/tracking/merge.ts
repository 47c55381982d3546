/**
 * Consolidation of agency returns into the master, as a pure plan of cell changes.
 *
 * Three values per editable cell: base (at split time, carried in the return's meta), the
 * master's current value and the return's current value. Only what the agency changed flows in;
 * a cell both sides changed to different values is a conflict and is never settled silently.
 * Every return is validated before anything is planned, so a merge is all or nothing.
 */
import {
  cellOf,
  columnHeader,
  EDITABLE_COLUMN_IDS,
  mapColumns,
  MERGED_COLUMN_IDS,
  MERGED_IF_UNDATED_COLUMN_IDS,
  REPORTED_COLUMN_IDS,
  type ColumnMap,
  type TaskColumnId,
} from '../model/columns';
import type { Lang } from '../model/lang';
import type { Msg } from '../model/msg';
import type { RawCell, TableSnapshot } from '../model/table';
import type { SyncRecord, WorkbookMeta } from '../model/workbook-meta';
import { parseCategory, sameCell } from './entries';
import { followLineage } from './lineage';
import { SAME_ID_THRESHOLD, textSimilarity } from './revise';

export type { SyncRecord };

export interface MergeSource {
  /** File name shown in messages and written to the history sheet. */
  file: string;
  snapshot: TableSnapshot;
  meta: WorkbookMeta | null;
}

/** Columns merged whatever the task, and those merged only where the plan gave no date. */
const MERGED_ALWAYS: readonly TaskColumnId[] = MERGED_COLUMN_IDS;
const MERGED_WHEN_UNDATED: readonly TaskColumnId[] = [...MERGED_COLUMN_IDS, ...MERGED_IF_UNDATED_COLUMN_IDS];

/** A column a merge may write: the registry's editable ones. */
export type MergeColumnId = TaskColumnId;

export interface CellChange {
  file: string;
  taskId: string;
  column: MergeColumnId;
  /** 0-based row of the task in the master's snapshot. */
  masterRow: number;
  base: RawCell;
  old: RawCell;
  new: RawCell;
  /** True when this settles a conflict in favour of the return (--prefer return). */
  fromConflict: boolean;
}

export interface MergeConflict {
  file: string;
  taskId: string;
  column: MergeColumnId;
  base: RawCell;
  master: RawCell;
  return: RawCell;
  /** The decision taken, or null when none was given (then nothing is applied). */
  resolution: 'return' | 'master' | null;
}

export type RefusalCode =
  | 'no-meta'
  | 'not-agency-copy'
  | 'schema-older'
  | 'schema-newer'
  | 'foreign-workbook'
  | 'foreign-plan'
  | 'missing-columns'
  | 'unknown-task'
  | 'task-hash'
  | 'duplicate-task'
  | 'row-mismatch'
  | 'not-master'
  | 'unproven-lineage';

export interface MergeRefusal {
  file: string;
  code: RefusalCode;
  message: Msg;
}

export interface MergeNotice {
  file: string;
  taskId: string;
  column: TaskColumnId;
  message: Msg;
}

export interface MergeFileReport {
  file: string;
  agencyKey: string | null;
  tasks: number;
  changes: number;
  conflicts: number;
}

export interface MergePlan {
  refused: MergeRefusal[];
  changes: CellChange[];
  conflicts: MergeConflict[];
  /** Edits to plan columns or to the plan's own deadlines: reported, not merged. */
  notices: MergeNotice[];
  files: MergeFileReport[];
  /** True when the changes can be written: nothing refused and every conflict decided. */
  ok: boolean;
  /** Cells where this merge brought a copy and the master to a common point (kept in the master). */
  sync: SyncRecord[];
}

export function copyIdOf(meta: Pick<WorkbookMeta, 'agencyKey' | 'builtAt'>): string {
  return `${meta.agencyKey ?? ''}@${meta.builtAt}`;
}

type SyncIndex = Map<string, Map<string, Map<string, SyncRecord>>>;

function addSync(index: SyncIndex, rec: SyncRecord): void {
  const byCopy = index.get(rec.copy) ?? new Map<string, Map<string, SyncRecord>>();
  index.set(rec.copy, byCopy);
  const byTask = byCopy.get(rec.taskId) ?? new Map<string, SyncRecord>();
  byCopy.set(rec.taskId, byTask);
  byTask.set(rec.column, rec);
}

function syncIndex(records: readonly SyncRecord[]): SyncIndex {
  const index: SyncIndex = new Map();
  for (const rec of records) addSync(index, rec);
  return index;
}

export interface MergeOptions {
  prefer?: 'return' | 'master' | null;
  /** Take returns whose lineage cannot be proven, by task id (`--adopt`; see lineage.ts). */
  adopt?: boolean;
  /** The master's sync records from earlier merges, oldest first; default the master meta's. */
  sync?: readonly SyncRecord[];
}

function norm(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function refusal(file: string, code: RefusalCode, message: Msg): MergeRefusal {
  return { file, code, message };
}

/** Column names in a message: each language its own headers. */
function headers(ids: readonly TaskColumnId[], lang: Lang): string {
  return ids.map((id) => `"${columnHeader(id, lang)}"`).join(', ');
}

function taskIdOf(snapshot: TableSnapshot, map: ColumnMap, row: number): string {
  const v = cellOf(snapshot, map, row, 'taskId');
  return v === null ? '' : norm(String(v));
}

interface ValidReturn {
  source: MergeSource;
  meta: WorkbookMeta;
  map: ColumnMap;
  rowsById: Map<string, number>;
}

function validateMaster(master: MergeSource): MergeRefusal | null {
  if (!master.meta)
    return refusal(master.file, 'no-meta', {
      vi: 'Sổ tổng không có thông tin gốc (trang _PlanTracker): không biết sổ này được tạo từ kế hoạch nào.',
      en: 'The master has no metadata (the _PlanTracker sheet): cannot tell which plan it was built from.',
    });
  if (master.meta.agencyKey)
    return refusal(master.file, 'not-master', {
      vi: `Tệp "${master.file}" là sổ tách cho một cơ quan, không phải sổ tổng.`,
      en: `"${master.file}" is a per-agency copy, not the master.`,
    });
  const map = mapColumns(master.snapshot.headers);
  if (map.index.taskId === undefined)
    return refusal(master.file, 'missing-columns', {
      vi: `Sổ tổng thiếu cột ${headers(['taskId'], 'vi')}.`,
      en: `The master has no ${headers(['taskId'], 'en')} column.`,
    });
  return null;
}

function validateReturn(
  master: MergeSource & { meta: WorkbookMeta },
  masterHashes: Map<string, string>,
  masterTexts: Map<string, string>,
  source: MergeSource,
): MergeRefusal[] | ValidReturn {
  const { file, meta } = source;
  if (!meta)
    return [
      refusal(file, 'no-meta', {
        vi: `"${file}" không phải sổ theo dõi do công cụ này tạo (không có trang _PlanTracker).`,
        en: `"${file}" is not a tracking workbook made by this tool (no _PlanTracker sheet).`,
      }),
    ];
  const refused: MergeRefusal[] = [];
  if (meta.workbookId !== master.meta.workbookId)
    refused.push(
      refusal(file, 'foreign-workbook', {
        vi: `"${file}" không được tách từ sổ tổng này (mã sổ ${meta.workbookId} ≠ ${master.meta.workbookId}).`,
        en: `"${file}" was not split from this master (workbook id ${meta.workbookId} ≠ ${master.meta.workbookId}).`,
      }),
    );
  if (meta.sourceFingerprint !== master.meta.sourceFingerprint)
    refused.push(
      refusal(file, 'foreign-plan', {
        vi: `"${file}" thuộc kế hoạch khác ("${meta.planTitle}").`,
        en: `"${file}" belongs to another plan ("${meta.planTitle}").`,
      }),
    );
  if (meta.schemaVersion < master.meta.schemaVersion)
    refused.push(
      refusal(file, 'schema-older', {
        vi: `"${file}" được tạo bằng phiên bản mẫu cũ hơn (${meta.schemaVersion} < ${master.meta.schemaVersion}); hãy tách lại sổ cho cơ quan.`,
        en: `"${file}" uses an older layout (${meta.schemaVersion} < ${master.meta.schemaVersion}); split the master again.`,
      }),
    );
  else if (meta.schemaVersion > master.meta.schemaVersion)
    refused.push(
      refusal(file, 'schema-newer', {
        vi: `"${file}" dùng phiên bản mẫu mới hơn sổ tổng (${meta.schemaVersion} > ${master.meta.schemaVersion}).`,
        en: `"${file}" uses a newer layout than the master (${meta.schemaVersion} > ${master.meta.schemaVersion}).`,
      }),
    );
  if (!meta.agencyKey)
    refused.push(
      refusal(file, 'not-agency-copy', {
        vi: `"${file}" không phải sổ tách cho một cơ quan (có thể là một bản sổ tổng).`,
        en: `"${file}" is not a per-agency copy (it may be a copy of a master).`,
      }),
    );
  const map = mapColumns(source.snapshot.headers);
  if (map.missing.length > 0)
    refused.push(
      refusal(file, 'missing-columns', {
        vi: `"${file}" thiếu cột: ${headers(map.missing, 'vi')} (cột bị xoá hoặc đổi tên).`,
        en: `"${file}" is missing columns: ${headers(map.missing, 'en')} (deleted or renamed).`,
      }),
    );
  if (refused.length > 0) return refused;

  const returnHashes = new Map(meta.tasks.map((t) => [t.id, t.hash]));
  for (const t of meta.tasks) {
    const h = masterHashes.get(t.id);
    if (h === undefined)
      refused.push(
        refusal(file, 'unknown-task', {
          vi: `"${file}": nhiệm vụ "${t.id}" không có trong sổ tổng.`,
          en: `"${file}": task "${t.id}" is not in the master.`,
        }),
      );
    else if (h !== t.hash)
      refused.push(
        refusal(file, 'task-hash', {
          vi: `"${file}": nội dung nhiệm vụ "${t.id}" khác với sổ tổng (kế hoạch đã sửa sau khi tách?).`,
          en: `"${file}": task "${t.id}" differs from the master's (plan revised after the split?).`,
        }),
      );
  }
  const rowsById = new Map<string, number>();
  source.snapshot.rows.forEach((_r, i) => {
    const id = taskIdOf(source.snapshot, map, i);
    if (!id) return;
    if (rowsById.has(id))
      refused.push(
        refusal(file, 'duplicate-task', {
          vi: `"${file}": mã nhiệm vụ "${id}" xuất hiện hai lần.`,
          en: `"${file}": task id "${id}" appears twice.`,
        }),
      );
    // A row whose id is not in the copy's own list was typed over or pasted in.
    else if (!returnHashes.has(id) || !masterHashes.has(id))
      refused.push(
        refusal(file, 'unknown-task', {
          vi: `"${file}": mã nhiệm vụ "${id}" (dòng ${source.snapshot.headerRow + 1 + i}) không có trong sổ được tách; mã đã bị sửa?`,
          en: `"${file}": task id "${id}" (row ${source.snapshot.headerRow + 1 + i}) is not one the copy was split with; edited id?`,
        }),
      );
    else {
      // An id typed over, or ids swapped between rows, leaves a row whose text belongs to another
      // task: its entries would land on the wrong task. A reworded text still resembles it.
      const mine = masterTexts.get(id);
      const theirs = String(cellOf(source.snapshot, map, i, 'text') ?? '');
      if (mine !== undefined && textSimilarity(mine, theirs) < SAME_ID_THRESHOLD)
        refused.push(
          refusal(file, 'row-mismatch', {
            vi: `"${file}": dòng ${source.snapshot.headerRow + 1 + i} mang mã "${id}" nhưng nội dung là của nhiệm vụ khác; mã đã bị sửa hoặc tráo?`,
            en: `"${file}": row ${source.snapshot.headerRow + 1 + i} has id "${id}" but another task's text; edited or swapped id?`,
          }),
        );
    }
    rowsById.set(id, i);
  });
  return refused.length > 0 ? refused : { source, meta, map, rowsById };
}

/**
 * Plans the merge of returns into the master. Returns are applied in the order given; a later
 * return sees the earlier ones' changes as the master's current values.
 */
export function planMerge(
  master: MergeSource,
  returns: readonly MergeSource[],
  opts: MergeOptions = {},
): MergePlan {
  const prefer = opts.prefer ?? null;
  const empty = { changes: [], conflicts: [], notices: [], files: [], sync: [] };
  const masterProblem = validateMaster(master);
  if (masterProblem) return { refused: [masterProblem], ok: false, ...empty };
  const masterWithMeta = master as MergeSource & { meta: WorkbookMeta };
  const masterHashes = new Map(masterWithMeta.meta.tasks.map((t) => [t.id, t.hash]));
  const masterMap = mapColumns(master.snapshot.headers);
  const masterRows = new Map<string, number>();
  const masterTexts = new Map<string, string>();
  master.snapshot.rows.forEach((_r, i) => {
    const id = taskIdOf(master.snapshot, masterMap, i);
    if (id && !masterRows.has(id)) {
      masterRows.set(id, i);
      masterTexts.set(id, String(cellOf(master.snapshot, masterMap, i, 'text') ?? ''));
    }
  });

  const refused: MergeRefusal[] = [];
  const valid: ValidReturn[] = [];
  const lineageNotices: MergeNotice[] = [];
  for (const given of returns) {
    // A return split before a revision or from a rebuilt master, under the master's ids.
    const followed = followLineage(masterWithMeta.meta, masterTexts, given, opts.adopt ?? false);
    if (followed.refusal) refused.push(refusal(given.file, followed.refusal.code, followed.refusal.message));
    lineageNotices.push(...followed.notices);
    const r = followed.source;
    const v = validateReturn(masterWithMeta, masterHashes, masterTexts, r);
    if (Array.isArray(v)) refused.push(...v);
    else valid.push(v);
  }
  if (refused.length > 0) return { refused, ok: false, ...empty };

  // The master's values as the merge goes: task id → column → value.
  const current = new Map<string, Map<string, RawCell>>();
  const masterValue = (taskId: string, column: TaskColumnId): RawCell => {
    const over = current.get(taskId);
    if (over?.has(column)) return over.get(column) ?? null;
    const row = masterRows.get(taskId);
    return row === undefined ? null : cellOf(master.snapshot, masterMap, row, column);
  };
  const setValue = (taskId: string, column: string, value: RawCell) => {
    const m = current.get(taskId) ?? new Map<string, RawCell>();
    m.set(column, value);
    current.set(taskId, m);
  };

  const changes: CellChange[] = [];
  const conflicts: MergeConflict[] = [];
  const notices: MergeNotice[] = [];
  const files: MergeFileReport[] = [];
  const sync: SyncRecord[] = [];
  const syncs = syncIndex(opts.sync ?? masterWithMeta.meta.sync ?? []);
  const record = (copy: string, taskId: string, column: MergeColumnId, r: RawCell, m: RawCell) => {
    const rec: SyncRecord = { copy, taskId, column, r, m };
    sync.push(rec);
    addSync(syncs, rec);
  };
  for (const v of valid) {
    const { source, meta, map, rowsById } = v;
    const report: MergeFileReport = {
      file: source.file,
      agencyKey: meta.agencyKey,
      tasks: rowsById.size,
      changes: 0,
      conflicts: 0,
    };
    files.push(report);
    for (const [taskId, row] of rowsById) {
      const masterRow = masterRows.get(taskId);
      if (masterRow === undefined) {
        // In the master's meta but not in its table: the master's own row was deleted.
        notices.push({
          file: source.file,
          taskId,
          column: 'taskId',
          message: {
            vi: `Nhiệm vụ "${taskId}" không còn trong bảng của sổ tổng; dữ liệu trả về không được gộp.`,
            en: `Task "${taskId}" is no longer in the master's table; its return was not merged.`,
          },
        });
        continue;
      }
      const theirs = (column: TaskColumnId) => cellOf(source.snapshot, map, row, column);
      for (const column of REPORTED_COLUMN_IDS) {
        if (!sameCell(column, theirs(column), masterValue(taskId, column)))
          notices.push({
            file: source.file,
            taskId,
            column,
            message: {
              vi: `"${source.file}" đã sửa cột lấy từ kế hoạch (${columnHeader(column, 'vi')}) của "${taskId}"; không gộp.`,
              en: `"${source.file}" edited a plan column (${columnHeader(column, 'en')}) of "${taskId}"; not merged.`,
            },
          });
      }
      const dated = parseCategory(masterValue(taskId, 'category')) === 'due';
      const columns = dated ? MERGED_ALWAYS : MERGED_WHEN_UNDATED;
      if (dated)
        for (const column of MERGED_IF_UNDATED_COLUMN_IDS) {
          if (sameCell(column, theirs(column), masterValue(taskId, column))) continue;
          notices.push({
            file: source.file,
            taskId,
            column,
            message: {
              vi: `"${source.file}" đã sửa ${columnHeader(column, 'vi').toLocaleLowerCase('vi')} do kế hoạch quy định của "${taskId}"; không gộp.`,
              en: `"${source.file}" edited the plan's own ${columnHeader(column, 'en').toLowerCase()} of "${taskId}"; not merged.`,
            },
          });
        }
      const baseRow = meta.baseEntries?.[taskId];
      const copy = copyIdOf(meta);
      for (const column of columns) {
        const ret = theirs(column);
        const mine = masterValue(taskId, column);
        // The last merge of this same copy is the newer common ancestor: after it, the
        // agency's value and the master's are judged against what each side had then.
        const synced = syncs.get(copy)?.get(taskId)?.get(column);
        const hasSplitBase = baseRow !== undefined && Object.prototype.hasOwnProperty.call(baseRow, column);
        const hasBase = synced !== undefined || hasSplitBase;
        const splitBase = hasSplitBase ? (baseRow[column] ?? null) : null;
        const baseReturn = synced ? synced.r : splitBase;
        const baseMaster = synced ? synced.m : splitBase;
        // Without a recorded base nobody can say which side changed: a decision is needed.
        const returnChanged = !hasBase || !sameCell(column, ret, baseReturn);
        const masterChanged = !hasBase || !sameCell(column, mine, baseMaster);
        if (sameCell(column, ret, mine)) {
          // Both sides made the same change: that is a new common point.
          if (returnChanged || masterChanged) record(copy, taskId, column, ret, mine);
          continue;
        }
        if (!returnChanged) continue;
        const change: CellChange = {
          file: source.file,
          taskId,
          column,
          masterRow,
          base: baseReturn,
          old: mine,
          new: ret,
          fromConflict: false,
        };
        if (!masterChanged) {
          changes.push(change);
          setValue(taskId, column, ret);
          record(copy, taskId, column, ret, ret);
          report.changes += 1;
          continue;
        }
        conflicts.push({
          file: source.file,
          taskId,
          column,
          base: baseReturn,
          master: mine,
          return: ret,
          resolution: prefer,
        });
        report.conflicts += 1;
        if (prefer === 'return') {
          changes.push({ ...change, fromConflict: true });
          setValue(taskId, column, ret);
          record(copy, taskId, column, ret, ret);
          report.changes += 1;
        } else if (prefer === 'master') record(copy, taskId, column, ret, mine);
      }
    }
  }
  const ok = conflicts.every((c) => c.resolution !== null);
  return { refused: [], changes, conflicts, notices: [...lineageNotices, ...notices], files, ok, sync };
}

/** The editable cells of the given rows, as stored in an agency copy's meta for a later merge. */
export function baseEntriesOf(
  snapshot: TableSnapshot,
  taskIds: ReadonlySet<string>,
): Record<string, Record<string, RawCell>> {
  const map = mapColumns(snapshot.headers);
  const out: Record<string, Record<string, RawCell>> = {};
  snapshot.rows.forEach((_r, i) => {
    const id = taskIdOf(snapshot, map, i);
    if (!id || !taskIds.has(id)) return;
    const cells: Record<string, RawCell> = {};
    for (const column of EDITABLE_COLUMN_IDS) cells[column] = cellOf(snapshot, map, i, column);
    out[id] = cells;
  });
  return out;
}

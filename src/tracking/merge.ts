/**
 * Consolidation of agency returns into the master, as a pure plan of cell changes.
 *
 * Three values per editable cell: base (at split time, carried in the return's meta), the
 * master's current value and the return's current value. Only what the agency changed flows in;
 * a cell both sides changed to different values is a conflict and is never settled silently.
 * Every return is validated before anything is planned, so a merge is all or nothing.
 *
 * Nothing is dropped without a word: a value the merge does not take (a row without a task id,
 * a row typed below the table, a formula saved without its result, an error value, a value the
 * checks call an error, text longer than a cell holds) is listed in `skipped` with its cell and
 * the reason. Changes are detected on exactly what staff typed (a line break added inside a
 * result is a change); only list words, dates and numbers compare by what they mean.
 */
import {
  cellOf,
  columnHeader,
  columnOf,
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
import { cellAddress, EXCEL_MAX_CELL_TEXT, type RawCell, type TableSnapshot } from '../model/table';
import type { BaseEntries, SyncRecord, WorkbookMeta } from '../model/workbook-meta';
import { rowErrorChecker } from './check';
import { cellKey, parseCategory, parseListWord } from './entries';
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
  /** Set when the value is one the checks call an error, written because of --accept-invalid. */
  invalid?: Msg;
}

export type SkipCode =
  | 'no-id'
  | 'below-table'
  | 'unknown-row'
  | 'formula-without-value'
  | 'error-value'
  | 'invalid'
  | 'too-long'
  | 'no-column';

/** A value of a return the merge did not take, with where it is and why. */
export interface MergeSkip {
  file: string;
  /** The cell in the return, e.g. "L12". */
  cell: string;
  taskId: string | null;
  column: TaskColumnId | null;
  /** The value as the return holds it (an error code or formula text for unreadable cells). */
  value: RawCell;
  code: SkipCode;
  message: Msg;
  /** What the checks suggest instead, for an invalid value. */
  suggestion?: RawCell;
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
  /** Edits to plan columns or to the plan's own deadlines, repeated returns: reported, not merged. */
  notices: MergeNotice[];
  /** Values of the returns that were not taken; the exit code is 1 when there are any. */
  skipped: MergeSkip[];
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

/**
 * One conflict settled on its own: the side to take for the cell of `taskId` (and `column`, and
 * the return `file`, when given: a decision without them covers every conflict of that task, or of
 * that task and column). It overrides `prefer`, which settles the conflicts no decision names.
 */
export interface ConflictDecision {
  taskId: string;
  column?: string;
  file?: string;
  take: 'return' | 'master';
}

/** The side a decision takes for this conflict: the most specific decision naming it, else none. */
export function decisionFor(
  decisions: readonly ConflictDecision[],
  c: Pick<MergeConflict, 'file' | 'taskId' | 'column'>,
): 'return' | 'master' | null {
  let best: ConflictDecision | null = null;
  let bestScore = -1;
  for (const d of decisions) {
    if (d.taskId !== c.taskId) continue;
    if (d.column !== undefined && d.column !== c.column) continue;
    if (d.file !== undefined && d.file !== c.file) continue;
    const score = (d.column !== undefined ? 2 : 0) + (d.file !== undefined ? 1 : 0);
    // Later decisions replace earlier ones of the same reach (a choice changed in the pane).
    if (score >= bestScore) [best, bestScore] = [d, score];
  }
  return best ? best.take : null;
}

export interface MergeOptions {
  prefer?: 'return' | 'master' | null;
  /** Conflicts settled one by one (the pane's per-conflict choice, the CLI's --take). */
  decisions?: readonly ConflictDecision[];
  /** Write values the checks call errors (and mark them) instead of listing them. */
  acceptInvalid?: boolean;
  /** ISO date the incoming values are checked against (a completion date after it is an error). */
  today?: string;
  /** Take returns whose lineage cannot be proven, by task id (`--adopt`; see lineage.ts). */
  adopt?: boolean;
  /** The master's sync records from earlier merges, oldest first; default the master meta's. */
  sync?: readonly SyncRecord[];
}

/** Anything but printable ASCII: what normalising, trimming or collapsing spaces could change. */
const NOT_PLAIN = /[^!-~]/;

function norm(text: string): string {
  // Task ids are nearly always plain ASCII without spaces, which all three steps leave as it is.
  if (!NOT_PLAIN.test(text)) return text;
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
  /** The same pairs in the same order, as arrays (walking a map's entries makes an array each). */
  ids: string[];
  rows: number[];
  skipped: MergeSkip[];
  notices: MergeNotice[];
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

/**
 * Whether a return descends from this master: same workbook, same plan, same layout, a per-agency
 * copy. THE lineage hook: a revised or rebuilt master that records where it descends from
 * answers here (and nowhere else) for returns of its ancestors.
 */
export function lineageRefusals(master: WorkbookMeta, meta: WorkbookMeta, file: string): MergeRefusal[] {
  const refused: MergeRefusal[] = [];
  if (meta.workbookId !== master.workbookId)
    refused.push(
      refusal(file, 'foreign-workbook', {
        vi: `"${file}" không được tách từ sổ tổng này (mã sổ ${meta.workbookId} ≠ ${master.workbookId}).`,
        en: `"${file}" was not split from this master (workbook id ${meta.workbookId} ≠ ${master.workbookId}).`,
      }),
    );
  if (meta.sourceFingerprint !== master.sourceFingerprint)
    refused.push(
      refusal(file, 'foreign-plan', {
        vi: `"${file}" thuộc kế hoạch khác ("${meta.planTitle}").`,
        en: `"${file}" belongs to another plan ("${meta.planTitle}").`,
      }),
    );
  if (meta.schemaVersion < master.schemaVersion)
    refused.push(
      refusal(file, 'schema-older', {
        vi: `"${file}" được tạo bằng phiên bản mẫu cũ hơn (${meta.schemaVersion} < ${master.schemaVersion}); hãy tách lại sổ cho cơ quan.`,
        en: `"${file}" uses an older layout (${meta.schemaVersion} < ${master.schemaVersion}); split the master again.`,
      }),
    );
  else if (meta.schemaVersion > master.schemaVersion)
    refused.push(
      refusal(file, 'schema-newer', {
        vi: `"${file}" dùng phiên bản mẫu mới hơn sổ tổng (${meta.schemaVersion} > ${master.schemaVersion}).`,
        en: `"${file}" uses a newer layout than the master (${meta.schemaVersion} > ${master.schemaVersion}).`,
      }),
    );
  if (!meta.agencyKey)
    refused.push(
      refusal(file, 'not-agency-copy', {
        vi: `"${file}" không phải sổ tách cho một cơ quan (có thể là một bản sổ tổng).`,
        en: `"${file}" is not a per-agency copy (it may be a copy of a master).`,
      }),
    );
  return refused;
}

/** The columns whose values a row of a return carries from staff (not plan text, not formulas). */
const STAFF_COLUMNS: readonly TaskColumnId[] = MERGED_WHEN_UNDATED;

function skipMessage(code: SkipCode, file: string, cell: string, extra = ''): Msg {
  switch (code) {
    case 'no-id':
      return {
        vi: `"${file}" ô ${cell}: dòng không có mã nhiệm vụ (mã bị xoá?); giá trị không được gộp.`,
        en: `"${file}" cell ${cell}: the row has no task id (id cleared?); the value was not merged.`,
      };
    case 'below-table':
      return {
        vi: `"${file}" ô ${cell}: dòng nhập bên dưới bảng, không có mã nhiệm vụ; giá trị không được gộp.`,
        en: `"${file}" cell ${cell}: a row typed below the table, without a task id; the value was not merged.`,
      };
    case 'unknown-row':
      return {
        vi: `"${file}" ô ${cell}: mã nhiệm vụ "${extra}" không có trong sổ được tách (mã bị sửa?); giá trị không được gộp.`,
        en: `"${file}" cell ${cell}: task id "${extra}" is not one the copy was split with (edited id?); the value was not merged.`,
      };
    case 'formula-without-value':
      return {
        vi: `"${file}" ô ${cell}: công thức chưa có kết quả được lưu (tệp lưu bằng chương trình không tính công thức); sổ tổng giữ giá trị cũ.`,
        en: `"${file}" cell ${cell}: a formula saved without its result (the program that saved it does not calculate); the master keeps its value.`,
      };
    case 'error-value':
      return {
        vi: `"${file}" ô ${cell}: kết quả lỗi ${extra}; sổ tổng giữ giá trị cũ.`,
        en: `"${file}" cell ${cell}: an error result ${extra}; the master keeps its value.`,
      };
    case 'too-long':
      return {
        vi: `"${file}" ô ${cell}: văn bản dài ${extra} ký tự, quá giới hạn ${EXCEL_MAX_CELL_TEXT} ký tự của một ô Excel; không gộp. Hãy rút gọn.`,
        en: `"${file}" cell ${cell}: text of ${extra} characters, over Excel's ${EXCEL_MAX_CELL_TEXT}-character cell limit; not merged. Shorten it.`,
      };
    case 'no-column':
      return {
        vi: `"${file}" ô ${cell}: sổ tổng chưa có cột "${extra}" (sổ tạo bằng phiên bản trước); giá trị không được gộp. Chạy "revise" với kế hoạch để thêm cột rồi gộp lại.`,
        en: `"${file}" cell ${cell}: the master has no "${extra}" column (built by an earlier version); the value was not merged. Run "revise" with the plan to add the column, then merge again.`,
      };
    case 'invalid':
      return {
        vi: `"${file}" ô ${cell}: ${extra} Không gộp (dùng --accept-invalid để vẫn gộp và đánh dấu).`,
        en: `"${file}" cell ${cell}: ${extra} Not merged (use --accept-invalid to merge it anyway, marked).`,
      };
  }
}

function isBlankRaw(v: RawCell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * The form a cell is compared in to tell whether someone changed it: list words, dates and
 * numbers by what they mean (either language, serial or text); text exactly as typed.
 */
export function changeKey(column: TaskColumnId, raw: RawCell): string {
  if (isBlankRaw(raw)) return '';
  const def = columnOf(column);
  if (typeof raw === 'string' && def && def.kind === 'text' && !def.list) return `t:${raw}`;
  return cellKey(column, raw);
}

export function sameEntry(column: TaskColumnId, a: RawCell, b: RawCell): boolean {
  return a === b || changeKey(column, a) === changeKey(column, b);
}

/**
 * The comparable forms of values, each computed once per merge: a merge compares the same few
 * list words and dates tens of thousands of times, and normalising them (Unicode, case) is the
 * cost of a comparison.
 */
class EntryKeys {
  private readonly change = new Map<string, Map<RawCell, string>>();
  private readonly cell = new Map<string, Map<RawCell, string>>();

  // The key functions are static so a comparison, made hundreds of thousands of times, builds no closure.
  private static of(
    cache: Map<string, Map<RawCell, string>>,
    column: string,
    raw: RawCell,
    compute: (column: string, raw: RawCell) => string,
  ): string {
    let byValue = cache.get(column);
    if (!byValue) cache.set(column, (byValue = new Map()));
    let key = byValue.get(raw);
    if (key === undefined) byValue.set(raw, (key = compute(column, raw)));
    return key;
  }

  private static changeKeyOf = (column: string, raw: RawCell) => changeKey(column as TaskColumnId, raw);
  private static cellKeyOf = (column: string, raw: RawCell) => cellKey(column, raw);

  sameEntry(column: TaskColumnId, a: RawCell, b: RawCell): boolean {
    if (a === b) return true;
    return (
      EntryKeys.of(this.change, column, a, EntryKeys.changeKeyOf) ===
      EntryKeys.of(this.change, column, b, EntryKeys.changeKeyOf)
    );
  }

  sameCell(column: TaskColumnId, a: RawCell, b: RawCell): boolean {
    return (
      EntryKeys.of(this.cell, column, a, EntryKeys.cellKeyOf) ===
      EntryKeys.of(this.cell, column, b, EntryKeys.cellKeyOf)
    );
  }
}

interface ReturnRows {
  rowsById: Map<string, number>;
  ids: string[];
  rows: number[];
  refused: MergeRefusal[];
  skipped: MergeSkip[];
  notices: MergeNotice[];
}

/** Every row of a return: by task id, or listed with why its values cannot be taken. */
function rowsOfReturn(
  source: MergeSource,
  map: ColumnMap,
  copyIds: ReadonlySet<string>,
  masterHashes: Map<string, string>,
  masterTexts: Map<string, string>,
): ReturnRows {
  const { file, snapshot } = source;
  const out: ReturnRows = { rowsById: new Map(), ids: [], rows: [], refused: [], skipped: [], notices: [] };
  const tableRows = snapshot.tableRows ?? snapshot.rows.length;
  const listRow = (i: number, code: SkipCode, taskId: string | null) => {
    // A row pasted from elsewhere carries its plan's deadline: only the entries are staff's.
    for (const column of code === 'unknown-row' ? MERGED_ALWAYS : STAFF_COLUMNS) {
      const j = map.index[column];
      const value = j === undefined ? null : (snapshot.rows[i]?.[j] ?? null);
      if (j === undefined || isBlankRaw(value)) continue;
      const cell = cellAddress(snapshot, i, j);
      out.skipped.push({
        file,
        cell,
        taskId,
        column,
        value,
        code,
        message: skipMessage(code, file, cell, taskId ?? ''),
      });
    }
  };
  snapshot.rows.forEach((_r, i) => {
    const id = taskIdOf(snapshot, map, i);
    if (!id) {
      listRow(i, i >= tableRows ? 'below-table' : 'no-id', null);
      return;
    }
    if (out.rowsById.has(id)) {
      out.refused.push(
        refusal(file, 'duplicate-task', {
          vi: `"${file}": mã nhiệm vụ "${id}" xuất hiện hai lần (dòng ${snapshot.headerRow + 1 + (out.rowsById.get(id) ?? 0)} và ${snapshot.headerRow + 1 + i}).`,
          en: `"${file}": task id "${id}" appears twice (rows ${snapshot.headerRow + 1 + (out.rowsById.get(id) ?? 0)} and ${snapshot.headerRow + 1 + i}).`,
        }),
      );
      return;
    }
    if (!copyIds.has(id) || !masterHashes.has(id)) {
      // A row whose id is not in the copy's own list was typed over or pasted in.
      listRow(i, 'unknown-row', id);
      return;
    }
    const mine = masterTexts.get(id);
    const theirs = String(cellOf(snapshot, map, i, 'text') ?? '');
    // Unchanged text (nearly every row) needs no comparison.
    if (mine !== undefined && mine !== theirs && textSimilarity(mine, theirs) < SAME_ID_THRESHOLD) {
      // Ids swapped between rows leave a row whose text is another task's: its entries would
      // land on the wrong task. A text of no other task is an agency's own rewording: taken.
      const other = [...copyIds].find(
        (o) => o !== id && textSimilarity(masterTexts.get(o) ?? '', theirs) >= SAME_ID_THRESHOLD,
      );
      if (other) {
        out.refused.push(
          refusal(file, 'row-mismatch', {
            vi: `"${file}": dòng ${snapshot.headerRow + 1 + i} mang mã "${id}" nhưng nội dung là của nhiệm vụ "${other}"; mã đã bị tráo?`,
            en: `"${file}": row ${snapshot.headerRow + 1 + i} has id "${id}" but the text of task "${other}"; swapped ids?`,
          }),
        );
        return;
      }
    }
    out.rowsById.set(id, i);
    out.ids.push(id);
    out.rows.push(i);
  });
  return out;
}

/** The cells of a return that hold no value to take: formulas without a result, error results. */
function unreadableCells(snapshot: TableSnapshot): Map<string, { reason: SkipCode; text: string }> {
  const out = new Map<string, { reason: SkipCode; text: string }>();
  for (const u of snapshot.unreadable ?? [])
    out.set(`${u.row}:${u.col}`, {
      reason: u.reason === 'error-value' ? 'error-value' : 'formula-without-value',
      text: u.text,
    });
  return out;
}

type CellFinding = { message: Msg; suggestion?: RawCell };

/**
 * Error-level findings of the checks on a return, by row index and column: a row is checked the
 * first time a value of it would be taken (nearly every row of a return is unchanged). Only the
 * row rules matter here: the table rules speak of ids, the header and over-long text, which are
 * refused or listed before a cell's findings are asked for.
 */
function invalidCells(
  source: MergeSource,
  today: string,
): (row: number, column: TaskColumnId) => CellFinding | undefined {
  const check = rowErrorChecker({
    snapshot: source.snapshot,
    meta: source.meta,
    reportDate: today,
    lang: source.meta?.lang,
  });
  const map = mapColumns(source.snapshot.headers);
  // Most rows have no finding: they share one empty map.
  const none = new Map<string, CellFinding>();
  const byRow = new Map<number, Map<string, CellFinding>>();
  return (row, column) => {
    let found = byRow.get(row);
    if (found === undefined) {
      const findings = check(row);
      found = findings.length === 0 ? none : new Map<string, CellFinding>();
      byRow.set(row, found);
      for (const f of findings) {
        if (f.severity !== 'error' || !f.column) continue;
        // A list word of the other language is a value the master writes in its own words.
        const list = columnOf(f.column)?.list;
        if (list && parseListWord(list, cellOf(source.snapshot, map, row, f.column)) !== null) continue;
        if (!found.has(f.column))
          found.set(f.column, { message: f.message, suggestion: f.suggestion?.value });
      }
    }
    return found.get(column);
  };
}

/** What staff entered in a return, exactly, for telling the same return given twice. */
function contentKey(source: MergeSource, map: ColumnMap, rowsById: Map<string, number>): string {
  const cols = STAFF_COLUMNS.map((c) => map.index[c]);
  const ids = [...rowsById.keys()].sort();
  return JSON.stringify(
    ids.map((id) => [
      id,
      cols.map((j) =>
        j === undefined ? null : (source.snapshot.rows[rowsById.get(id) as number]?.[j] ?? null),
      ),
    ]),
  );
}

/**
 * Whether a return of a copy builds on what earlier returns of that copy brought in (the same
 * file sent again next quarter) or was filled beside them (two people, two versions): derived
 * when no cell an earlier return changed is back at its split value and at least one still holds
 * what was merged. A parallel return is judged against the split values, so a cell both changed
 * differently is a conflict.
 */
function isDerived(
  keys: EntryKeys,
  earlier: Map<string, Map<string, SyncRecord>> | undefined,
  base: BaseEntries | undefined,
  theirs: (taskId: string, column: TaskColumnId) => RawCell | undefined,
): boolean {
  if (!earlier || !base) return true;
  let agrees = false;
  let changedBefore = false;
  for (const [taskId, byColumn] of earlier) {
    const row = base[taskId];
    if (!row) continue;
    for (const [column, rec] of byColumn) {
      const col = column as TaskColumnId;
      const splitValue = row[column] ?? null;
      if (keys.sameEntry(col, rec.r, splitValue)) continue;
      changedBefore = true;
      const now = theirs(taskId, col);
      if (now === undefined) continue;
      if (keys.sameEntry(col, now, splitValue)) return false;
      if (keys.sameEntry(col, now, rec.r)) agrees = true;
    }
  }
  return !changedBefore || agrees;
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
  const refused = lineageRefusals(master.meta, meta, file);
  const map = mapColumns(source.snapshot.headers);
  if (map.missing.length > 0)
    refused.push(
      refusal(file, 'missing-columns', {
        vi: `"${file}" thiếu cột: ${headers(map.missing, 'vi')} (cột bị xoá hoặc đổi tên).`,
        en: `"${file}" is missing columns: ${headers(map.missing, 'en')} (deleted or renamed).`,
      }),
    );
  if (refused.length > 0) return refused;

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
  const copyIds = new Set(meta.tasks.map((t) => t.id));
  const rows = rowsOfReturn(source, map, copyIds, masterHashes, masterTexts);
  refused.push(...rows.refused);
  if (refused.length > 0) return refused;
  return {
    source,
    meta,
    map,
    rowsById: rows.rowsById,
    ids: rows.ids,
    rows: rows.rows,
    skipped: rows.skipped,
    notices: rows.notices,
  };
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
  const decisions = opts.decisions ?? [];
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const empty = { changes: [], conflicts: [], notices: [], skipped: [], files: [], sync: [] };
  const masterProblem = validateMaster(master);
  if (masterProblem) return { refused: [masterProblem], ok: false, ...empty };
  const masterWithMeta = master as MergeSource & { meta: WorkbookMeta };
  const masterHashes = new Map<string, string>();
  for (const t of masterWithMeta.meta.tasks) masterHashes.set(t.id, t.hash);
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
  const notices: MergeNotice[] = [];
  const skipped: MergeSkip[] = [];
  const lineageNotices: MergeNotice[] = [];
  for (const given of returns) {
    // A return split before a revision or from a rebuilt master, under the master's ids.
    const followed = followLineage(masterWithMeta.meta, masterTexts, given, opts.adopt ?? false);
    if (followed.refusal) refused.push(refusal(given.file, followed.refusal.code, followed.refusal.message));
    lineageNotices.push(...followed.notices);
    const r = followed.source;
    const v = validateReturn(masterWithMeta, masterHashes, masterTexts, r);
    if (Array.isArray(v)) refused.push(...v);
    else {
      valid.push(v);
      notices.push(...v.notices);
      skipped.push(...v.skipped);
    }
  }
  if (refused.length > 0) return { refused, ok: false, ...empty };

  // The master's values as the merge goes: what earlier returns wrote, by master cell (one map
  // for the merge rather than one per row: a plan's garbage is collected while the returns it
  // reads are young, and every collection copies them).
  const overrides = new Map<number, RawCell>();
  const masterCells = master.snapshot.rows;
  const masterIndex = masterMap.index;
  const masterWidth = master.snapshot.headers.length;
  // The master's cell at column j (undefined: a column the master lacks, never written; the
  // change is skipped as no-column).
  const masterCell = (masterRow: number, j: number | undefined): RawCell => {
    if (j === undefined) return null;
    if (overrides.size > 0) {
      const over = overrides.get(masterRow * masterWidth + j);
      if (over !== undefined) return over;
    }
    return masterCells[masterRow]?.[j] ?? null;
  };
  const masterValue = (masterRow: number, column: TaskColumnId): RawCell =>
    masterCell(masterRow, masterIndex[column]);
  // Where the merged columns sit in the master, looked up once per merge rather than per cell.
  const masterAlwaysAt = MERGED_ALWAYS.map((c) => masterIndex[c]);
  const masterUndatedAt = MERGED_WHEN_UNDATED.map((c) => masterIndex[c]);
  const setValue = (masterRow: number, column: TaskColumnId, value: RawCell) => {
    const j = masterIndex[column];
    if (j !== undefined) overrides.set(masterRow * masterWidth + j, value);
  };

  const changes: CellChange[] = [];
  const conflicts: MergeConflict[] = [];
  const files: MergeFileReport[] = [];
  const sync: SyncRecord[] = [];
  const syncs = syncIndex(opts.sync ?? masterWithMeta.meta.sync ?? []);
  // This merge's records join the index by copy, when a later return of that copy needs them: a
  // return never looks up its own records (each of its cells is judged once, before its record).
  const pending = new Map<string, SyncRecord[]>();
  const record = (copy: string, taskId: string, column: MergeColumnId, r: RawCell, m: RawCell) => {
    const rec: SyncRecord = { copy, taskId, column, r, m };
    sync.push(rec);
    const list = pending.get(copy);
    if (list === undefined) pending.set(copy, [rec]);
    else list.push(rec);
  };
  const syncsOf = (copy: string) => {
    const list = pending.get(copy);
    if (list !== undefined) {
      for (const rec of list) addSync(syncs, rec);
      pending.delete(copy);
    }
    return syncs.get(copy);
  };
  // The returns merged so far, by copy: only two returns of one copy can be the same return given
  // twice, so what staff entered is spelled out (the content key) only when a copy comes back.
  const seen = new Map<string, { file: string; v: ValidReturn; key?: string }[]>();
  const contentOf = (e: { v: ValidReturn; key?: string }): string =>
    (e.key ??= contentKey(e.v.source, e.v.map, e.v.rowsById));
  const keys = new EntryKeys();
  for (const v of valid) {
    const { source, meta, map, rowsById } = v;
    const copy = copyIdOf(meta);
    const mine = { file: source.file, v };
    const sameCopy = seen.get(copy);
    if (sameCopy === undefined) seen.set(copy, [mine]);
    else {
      const content = contentOf(mine);
      const first = sameCopy.find((e) => contentOf(e) === content);
      if (first !== undefined) {
        notices.push({
          file: source.file,
          taskId: '',
          column: 'taskId',
          message: {
            vi: `"${source.file}" giống hệt "${first.file}" (cùng một bản trả về, gửi hai lần); chỉ gộp một lần.`,
            en: `"${source.file}" is the same as "${first.file}" (one return given twice); merged once.`,
          },
        });
        continue;
      }
      sameCopy.push(mine);
    }
    const report: MergeFileReport = {
      file: source.file,
      agencyKey: meta.agencyKey,
      tasks: rowsById.size,
      changes: 0,
      conflicts: 0,
    };
    files.push(report);
    const cells = source.snapshot.rows;
    const index = map.index;
    const unreadable = unreadableCells(source.snapshot);
    const invalid = invalidCells(source, today);
    const valueIn = (taskId: string, column: TaskColumnId): RawCell | undefined => {
      const row = rowsById.get(taskId);
      const j = index[column];
      if (row === undefined || j === undefined || unreadable.has(`${row}:${j}`)) return undefined;
      return cells[row]?.[j] ?? null;
    };
    // A parallel return is judged against the split, not against its sibling's merge.
    const copySyncs = syncsOf(copy);
    const derived = isDerived(keys, copySyncs, meta.baseEntries, valueIn);
    // Where each column sits in this return, looked up once per return instead of once per cell.
    const reportedAt = REPORTED_COLUMN_IDS.map((c) => index[c]);
    const undatedAt = MERGED_IF_UNDATED_COLUMN_IDS.map((c) => index[c]);
    const alwaysAt = MERGED_ALWAYS.map((c) => index[c]);
    const undatedAllAt = MERGED_WHEN_UNDATED.map((c) => index[c]);
    for (let at = 0; at < v.ids.length; at++) {
      const taskId = v.ids[at];
      const row = v.rows[at];
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
      const theirRow = cells[row];
      for (let k = 0; k < REPORTED_COLUMN_IDS.length; k++) {
        const column = REPORTED_COLUMN_IDS[k];
        const j = reportedAt[k];
        const t = j === undefined ? null : (theirRow?.[j] ?? null);
        const m = masterValue(masterRow, column);
        if (t !== m && !keys.sameCell(column, t, m))
          notices.push({
            file: source.file,
            taskId,
            column,
            message: {
              vi: `"${source.file}" đã sửa cột lấy từ kế hoạch (${columnHeader(column, 'vi')}) của "${taskId}"; phần sửa không được gộp, các giá trị khác vẫn được gộp.`,
              en: `"${source.file}" edited a plan column (${columnHeader(column, 'en')}) of "${taskId}"; that edit was not merged, the other values were.`,
            },
          });
      }
      const dated = parseCategory(masterValue(masterRow, 'category')) === 'due';
      const columns = dated ? MERGED_ALWAYS : MERGED_WHEN_UNDATED;
      const columnsAt = dated ? alwaysAt : undatedAllAt;
      const masterAt = dated ? masterAlwaysAt : masterUndatedAt;
      if (dated)
        for (let k = 0; k < MERGED_IF_UNDATED_COLUMN_IDS.length; k++) {
          const column = MERGED_IF_UNDATED_COLUMN_IDS[k];
          const j = undatedAt[k];
          const t = j === undefined ? null : (theirRow?.[j] ?? null);
          const m = masterValue(masterRow, column);
          if (t === m || keys.sameCell(column, t, m)) continue;
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
      // The last merge of this same copy is the newer common ancestor: after it, the agency's
      // value and the master's are judged against what each side had then.
      const syncedRow = derived ? copySyncs?.get(taskId) : undefined;
      // An indexed loop over positions found above: for-of and a keyed lookup per cell were most
      // of this loop's cost in a process's first merges, before V8 optimises it.
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k];
        const j = columnsAt[k];
        // A return drawn before the column was added holds nothing of it.
        if (j === undefined) continue;
        // Nearly every cell is taken or unchanged: its address is spelled only for a skip.
        const bad = unreadable.size === 0 ? undefined : unreadable.get(`${row}:${j}`);
        if (bad) {
          // No value was saved: nothing to compare, so never a change (and never an erasure).
          const cell = cellAddress(source.snapshot, row, j);
          skipped.push({
            file: source.file,
            cell,
            taskId,
            column,
            value: bad.text,
            code: bad.reason,
            message: skipMessage(bad.reason, source.file, cell, bad.text),
          });
          continue;
        }
        const ret = theirRow?.[j] ?? null;
        const mine = masterCell(masterRow, masterAt[k]);
        const synced = syncedRow?.get(column);
        const hasSplitBase = baseRow !== undefined && Object.prototype.hasOwnProperty.call(baseRow, column);
        const hasBase = synced !== undefined || hasSplitBase;
        const splitBase = hasSplitBase ? (baseRow[column] ?? null) : null;
        const baseReturn = synced ? synced.r : splitBase;
        const baseMaster = synced ? synced.m : splitBase;
        // Without a recorded base nobody can say which side changed: a decision is needed.
        const returnChanged = !hasBase || !keys.sameEntry(column, ret, baseReturn);
        const masterChanged = !hasBase || !keys.sameEntry(column, mine, baseMaster);
        if (keys.sameEntry(column, ret, mine)) {
          // Both sides made the same change: that is a new common point.
          if (returnChanged || masterChanged) record(copy, taskId, column, ret, mine);
          continue;
        }
        if (!returnChanged) continue;
        if (masterAt[k] === undefined) {
          // Nowhere to write it: the master was built before the column existed.
          const cell = cellAddress(source.snapshot, row, j);
          skipped.push({
            file: source.file,
            cell,
            taskId,
            column,
            value: ret,
            code: 'no-column',
            message: {
              vi: skipMessage('no-column', source.file, cell, columnHeader(column, 'vi')).vi,
              en: skipMessage('no-column', source.file, cell, columnHeader(column, 'en')).en,
            },
          });
          continue;
        }
        if (typeof ret === 'string' && ret.length > EXCEL_MAX_CELL_TEXT) {
          const cell = cellAddress(source.snapshot, row, j);
          skipped.push({
            file: source.file,
            cell,
            taskId,
            column,
            value: `${ret.slice(0, 200)}…`,
            code: 'too-long',
            message: skipMessage('too-long', source.file, cell, String(ret.length)),
          });
          continue;
        }
        const finding = invalid(row, column);
        if (finding && !opts.acceptInvalid) {
          const cell = cellAddress(source.snapshot, row, j);
          skipped.push({
            file: source.file,
            cell,
            taskId,
            column,
            value: ret,
            code: 'invalid',
            message: {
              vi: skipMessage('invalid', source.file, cell, finding.message.vi).vi,
              en: skipMessage('invalid', source.file, cell, finding.message.en).en,
            },
            ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
          });
          continue;
        }
        // One shape for every change (a conditional spread would give the marked ones another).
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
        if (finding) change.invalid = finding.message;
        if (!masterChanged) {
          changes.push(change);
          setValue(masterRow, column, ret);
          record(copy, taskId, column, ret, ret);
          report.changes += 1;
          continue;
        }
        const resolution = decisionFor(decisions, { file: source.file, taskId, column }) ?? prefer;
        conflicts.push({
          file: source.file,
          taskId,
          column,
          base: baseReturn,
          master: mine,
          return: ret,
          resolution,
        });
        report.conflicts += 1;
        if (resolution === 'return') {
          change.fromConflict = true;
          changes.push(change);
          setValue(masterRow, column, ret);
          record(copy, taskId, column, ret, ret);
          report.changes += 1;
        } else if (resolution === 'master') record(copy, taskId, column, ret, mine);
      }
    }
  }
  const ok = conflicts.every((c) => c.resolution !== null);
  return {
    refused: [],
    changes,
    conflicts,
    notices: [...lineageNotices, ...notices],
    skipped,
    files,
    ok,
    sync,
  };
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

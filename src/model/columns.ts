/**
 * Everything derived from the column registry (task-columns.ts): the lists of columns other
 * code works through, the header ↔ id mapping of a table read back, and the cell reader. No
 * column is named here; the registry says what each one is.
 */
import type { Lang } from './lang';
import { labelKey } from './labels';
import type { RawCell, TableSnapshot } from './table';
import { columnLetter } from './table';
import { TASK_COLUMNS, type ListId, type TaskColumn } from './task-columns';

export { DATE_INPUT } from './task-columns';

export type { ColumnInput, ColumnOrigin, ListId, MergeRule, PlanRowSource, TaskColumn } from './task-columns';
export type { TaskColumnKind } from './task-columns';

export type TaskColumnId = (typeof TASK_COLUMNS)[number]['id'];

/** The registry as a plain list (a test may extend a copy of it). */
export const COLUMNS: readonly TaskColumn[] = TASK_COLUMNS;

export const TASK_COLUMN_IDS: readonly TaskColumnId[] = COLUMNS.map((c) => c.id as TaskColumnId);

const BY_ID = new Map<string, TaskColumn>(COLUMNS.map((c) => [c.id, c]));

/** The column of an id, or undefined for an id the registry does not have (a staff-added column). */
export function columnOf(id: string): TaskColumn | undefined {
  return BY_ID.get(id);
}

/** 0-based position of a column in the table as built. */
export function columnIndex(id: TaskColumnId): number {
  return TASK_COLUMN_IDS.indexOf(id);
}

/** Column letter of a tracking column when the table starts at 0-based column `firstCol`. */
export function taskColumnLetter(id: TaskColumnId, firstCol = 0): string {
  return columnLetter(firstCol + columnIndex(id));
}

const ids = (keep: (c: TaskColumn) => boolean): TaskColumnId[] =>
  COLUMNS.filter(keep).map((c) => c.id as TaskColumnId);

/** Copied from the plan at build (the task fingerprint covers them). */
export const PLAN_COLUMN_IDS = ids((c) => c.origin === 'plan');
/** Copied from the plan and never typed into: what identifies a task. */
export const FIXED_PLAN_COLUMN_IDS = ids((c) => c.origin === 'plan' && !c.editable);
/** Copied from the plan, completed by staff where the plan said nothing (deadline type, deadline). */
export const PLAN_ENTRY_COLUMN_IDS = ids((c) => c.origin === 'plan' && c.editable);
/** What staff enter. */
export const STAFF_COLUMN_IDS = ids((c) => c.origin === 'staff');
/** Everything staff may type into: what split copies, merge compares and revise keeps. */
export const EDITABLE_COLUMN_IDS = ids((c) => c.editable);
/** Columns an agency's edit of is reported, not merged. */
export const REPORTED_COLUMN_IDS = ids((c) => c.merge === 'report');
/** Columns merged from a return whatever the task. */
export const MERGED_COLUMN_IDS = ids((c) => c.merge === 'entry');
/** Columns merged only for tasks the plan gave no date. */
export const MERGED_IF_UNDATED_COLUMN_IDS = ids((c) => c.merge === 'entryIfUndated');
export const DATE_COLUMN_IDS = ids((c) => c.kind === 'date');
export const REQUIRED_COLUMN_IDS = ids((c) => c.required === true);
export const COMPUTED_COLUMN_IDS = ids((c) => c.origin === 'computed');

/** The column whose cells hold words of a list. */
export function listColumnId(list: ListId): TaskColumnId {
  const c = COLUMNS.find((x) => x.list === list);
  if (!c) throw new Error(`No column holds the list ${list}`);
  return c.id as TaskColumnId;
}

export function isDateColumn(id: string): boolean {
  return columnOf(id)?.kind === 'date';
}

export function columnHeader(id: TaskColumnId, lang: Lang): string {
  return (BY_ID.get(id) as TaskColumn).label[lang];
}

/** Every column's header in one language, by id. */
export function columnHeaders(lang: Lang): Record<TaskColumnId, string> {
  return Object.fromEntries(COLUMNS.map((c) => [c.id, c.label[lang]])) as Record<TaskColumnId, string>;
}

/** Where each known column sits in a table read back from a workbook. */
export interface ColumnMap {
  /** Column id → index into TableSnapshot.headers / rows. */
  index: Partial<Record<TaskColumnId, number>>;
  /** Known columns not found under either language's header. */
  missing: TaskColumnId[];
  /** Columns added later (`addedLater`) that this table, built before them, does not have. */
  absent: TaskColumnId[];
  /** Headers that match no known column (added or renamed by staff). */
  unknown: { index: number; header: string }[];
  /** The language whose headers matched most columns. */
  lang: Lang;
}

const BY_HEADER = new Map<string, { id: TaskColumnId; lang: Lang }>();
for (const lang of ['vi', 'en'] as const) {
  for (const c of COLUMNS) BY_HEADER.set(labelKey(c.label[lang]), { id: c.id as TaskColumnId, lang });
}

/** The column a header names in either language (ignoring case, spacing and Unicode form). */
export function columnForHeader(header: string): TaskColumnId | undefined {
  return BY_HEADER.get(labelKey(header))?.id;
}

/** Matches headers in either language, ignoring case, spacing and Unicode form. */
export function mapColumns(headers: readonly string[]): ColumnMap {
  const index: Partial<Record<TaskColumnId, number>> = {};
  const unknown: { index: number; header: string }[] = [];
  const votes: Record<Lang, number> = { vi: 0, en: 0 };
  headers.forEach((header, i) => {
    const hit = BY_HEADER.get(labelKey(String(header ?? '')));
    if (hit && index[hit.id] === undefined) {
      index[hit.id] = i;
      votes[hit.lang] += 1;
    } else {
      unknown.push({ index: i, header: String(header ?? '') });
    }
  });
  const notFound = COLUMNS.filter((c) => index[c.id as TaskColumnId] === undefined);
  const missing = notFound.filter((c) => !c.addedLater).map((c) => c.id as TaskColumnId);
  const absent = notFound.filter((c) => c.addedLater).map((c) => c.id as TaskColumnId);
  return { index, missing, absent, unknown, lang: votes.en > votes.vi ? 'en' : 'vi' };
}

export function cellOf(snapshot: TableSnapshot, map: ColumnMap, rowIndex: number, id: string): RawCell {
  const i = map.index[id as TaskColumnId];
  if (i === undefined) return null;
  return snapshot.rows[rowIndex]?.[i] ?? null;
}

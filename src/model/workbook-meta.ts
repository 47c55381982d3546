import type { Lang } from './lang';
import type { RawCell, TableSnapshot } from './table';

/** Editable cells of an agency copy at split time: task id → column id → raw cell. */
export type BaseEntries = Record<string, Record<string, RawCell>>;

/**
 * After a copy is merged, its cells and the master's have a newer common point than the split:
 * the agency's value then (r) and the master's value then (m). Without it, the next return of
 * the same copy (agencies report every quarter on one file) would conflict with its own
 * previously merged values.
 */
export interface SyncRecord {
  /** The agency copy: agency key and split time (a re-split is a new copy with new bases). */
  copy: string;
  taskId: string;
  column: string;
  r: RawCell;
  m: RawCell;
}

/**
 * One revision a master went through: the master it was revised from (its plan fingerprint and
 * task list as built) and where each of its tasks went. Agency copies split from that ancestor
 * merge through it: their ids are followed to today's, removed tasks reported.
 */
export interface LineageStep {
  /** The ancestor's `sourceFingerprint` (copies split from it carry the same). */
  fingerprint: string;
  /** The ancestor's build time. */
  builtAt: string;
  /** The ancestor's task list as built: id and plan-column hash (as `WorkbookMeta.tasks`). */
  tasks: { id: string; hash: string }[];
  /** Ancestor id → id in the revised master, for every task the revision kept. */
  map: Record<string, string>;
  /** Ancestor ids the revision removed (their rows are kept, marked, at the end of the table). */
  removed: string[];
}

/**
 * One plan of a master that tracks several (a portfolio, issue 17): the first is the plan the
 * master was built from (the meta's own plan fields), the others were added by `add`.
 */
export interface PlanRecord {
  title: string;
  number: string | null;
  issuedOn: string | null;
  fingerprint: string;
  fingerprintAlgorithm?: string;
  /** What the `Kế hoạch` column shows for its tasks. */
  ref: string;
  /** Its tasks' ids in the table (prefixed for added plans, e.g. `KH215.IV.3.2`). */
  taskIds: string[];
}

/**
 * One agency spelling the user said is another (issue 17): every grouping by agency counts `from`
 * under `to`. Both are names as written; they are compared through the canonical key.
 */
export interface AgencyAlias {
  from: string;
  to: string;
}

/** What ties a workbook to the plan and build it came from (stored in the hidden meta sheet). */
export interface WorkbookMeta {
  generator: string;
  generatorVersion: string;
  /** Layout version of the workbook description; bump when columns change. */
  schemaVersion: number;
  lang: Lang;
  builtAt: string;
  planTitle: string;
  planNumber: string | null;
  planIssuedOn: string | null;
  /**
   * The plan's issuing office and place, for the Báo cáo heading: every redraw of the report
   * sheets (a plan added, agencies merged, a revision) names them again. Absent when the plan
   * did not say, and in workbooks built before they were recorded.
   */
  issuer?: string;
  place?: string;
  /** A hash of the normalised plan text (the algorithm is `fingerprintAlgorithm`). */
  sourceFingerprint: string;
  /** Absent in workbooks built before it was recorded: SHA-256. */
  fingerprintAlgorithm?: string;
  /** Random id given to a master at build; agency copies carry their master's id. */
  workbookId: string;
  /** Set on a per-agency copy: the agency key it was split for. */
  agencyKey: string | null;
  /** The task list as built: id and a fingerprint of the plan columns. */
  tasks: { id: string; hash: string }[];
  /** How `tasks[].hash` was computed; absent in workbooks built before it was recorded. */
  taskHashAlgorithm?: string;
  /**
   * Set on a per-agency copy (merge): the editable cells as they were at split time. Merge
   * compares a return against these to tell what the agency changed from what the master
   * changed since. Absent on masters.
   */
  baseEntries?: BaseEntries;
  /** On a master: the common points of earlier merges, oldest first. */
  sync?: SyncRecord[];
  /** On a revised master: the masters it descends from, oldest first (absent before any revision). */
  lineage?: LineageStep[];
  /** On a master holding several plans: one record per plan, in the order they were added. */
  plans?: PlanRecord[];
  /** Agency spellings merged by the user, in the order recorded (absent before any). */
  agencyAliases?: AgencyAlias[];
}

/** A tracking workbook as read back from an .xlsx file (or from Excel). */
export interface TrackingWorkbook {
  snapshot: TableSnapshot;
  /** The hidden meta sheet's content, or null when the sheet is missing or unreadable. */
  meta: WorkbookMeta | null;
  /** The report date (the NgayBaoCao name's cell) as ISO, or null when missing or not a date. */
  reportDate: string | null;
  /** The language of the tracking table's headers (or of the meta when headers are ambiguous). */
  lang: Lang;
  sheetNames: string[];
  /**
   * How many times each task's adjusted deadline was set or moved by a merge, counted from the
   * `Lịch sử` rows of that column (absent when the workbook has no history sheet).
   */
  extensions?: Record<string, number>;
}

import type { DeadlineCategory, Status } from './vocabulary';

/** The plan columns of one tracking row, as the sheet shows them (category as its id). */
export interface PlanColumns {
  taskId: string;
  section: string;
  group: string;
  lead: string;
  partners: string;
  text: string;
  category: DeadlineCategory | null;
  /** ISO date or null. */
  due: string | null;
}

/** One row of the tracking table, typed. Text fields keep what the sheet shows. */
export interface TaskEntry extends PlanColumns {
  /** 0-based index into TableSnapshot.rows. */
  rowIndex: number;
  status: Status | null;
  completedOn: string | null;
  /** As entered, in percent units (the sheet validates 0..100). */
  progress: number | null;
  result: string;
  note: string;
  updatedOn: string | null;
  /**
   * ISO date of `Thời hạn điều chỉnh`: the deadline as moved since the plan (absent or null when
   * none, and in workbooks built before the column existed). States are judged against it.
   */
  adjustedDue?: string | null;
  /** `Căn cứ điều chỉnh`: the decision that moved the deadline, as typed. */
  adjustmentBasis?: string;
}

import type { DeadlineCategory, DeadlineState, Status } from '../model/vocabulary';

export interface DeadlineStateInput {
  category: DeadlineCategory | null;
  /** ISO date from the `Thời hạn` cell (a real date cell; text there is not a date to the formula). */
  due: string | null;
  /** null: blank or unrecognised status, judged like a task not yet done. */
  status: Status | null;
  completedOn: string | null;
  /** ISO date from `Thời hạn điều chỉnh` (a real date cell), when the deadline was moved. */
  adjustedDue?: string | null;
}

/**
 * The deadline a task is judged against: the adjusted one when a real date was entered, the
 * plan's otherwise. An external-schedule task given an adjusted date is thereby a dated task.
 */
export function effectiveDue(due: string | null, adjustedDue?: string | null): string | null {
  return adjustedDue || due;
}

/**
 * The pure twin of the `Tình trạng hạn` sheet formula (src/workbook/formulas.ts,
 * deadlineStateFormula): both must give the same answer for every row, which the LibreOffice
 * tests check. Rules, in order:
 * 1. category ongoing → ongoing; periodic without a due date → ongoing;
 * 2. no due date → undated;
 * 3. done → on time when completedOn ≤ due, late when after; done WITHOUT a completion date is
 *    done_undated (neither: the checks flag the missing date, and the rate does not count it done);
 * 4. anything else (blank status, not started, in progress) → overdue when the report date is after
 *    the due date, otherwise in progress within the deadline (the due day itself is still on time).
 * "Due date" is the effective one (effectiveDue): the adjusted deadline when present.
 * ISO strings compare like the date serials the formula compares.
 */
export function deadlineState(input: DeadlineStateInput, reportDate: string): DeadlineState {
  const { category, status, completedOn } = input;
  const due = effectiveDue(input.due, input.adjustedDue);
  if (category === 'ongoing') return 'ongoing';
  if (!due) return category === 'periodic' ? 'ongoing' : 'undated';
  if (status === 'done') {
    if (!completedOn) return 'done_undated';
    return completedOn > due ? 'done_late' : 'done_on_time';
  }
  return reportDate > due ? 'overdue' : 'in_progress_on_time';
}

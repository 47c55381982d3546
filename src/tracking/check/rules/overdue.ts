import { deadlineState, effectiveDue } from '../../deadline-state';
import { vnDate } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

export const TASK_OVERDUE = rule('task.overdue', 'warning', 'Quá hạn chưa hoàn thành', 'Overdue, not done');

/** The deadline state "Quá hạn chưa hoàn thành": due date before the report date, not done. */
export const overdueRule: RowRule = {
  rules: [TASK_OVERDUE],
  needs: ['status', 'due'],
  check(row, ctx, emit) {
    const adjusted = row.dates.adjustedDue?.iso ?? null;
    const due = effectiveDue(row.due.iso, adjusted);
    if (!due) return;
    // An unknown status is already an error of its own; judging it here would only add noise.
    if (!row.status.blank && row.statusMeant === null) return;
    // The same judgement as the sheet's formula (a date typed as text is read for its meaning:
    // the text itself is reported by date.as_text).
    const state = deadlineState(
      {
        category: row.categoryMeant,
        due: row.due.iso,
        adjustedDue: adjusted,
        status: row.statusMeant,
        completedOn: row.completedOn.iso,
      },
      ctx.reportDate,
    );
    if (state !== 'overdue') return;
    const which = adjusted
      ? { vi: 'thời hạn điều chỉnh', en: 'the adjusted deadline' }
      : { vi: 'thời hạn', en: 'the deadline' };
    emit(
      TASK_OVERDUE,
      { rowIndex: row.index, column: 'status' },
      {
        vi: `Quá hạn chưa hoàn thành: ${which.vi} ${vnDate(due)} đã qua (ngày báo cáo ${vnDate(ctx.reportDate)}).`,
        en: `Overdue and not done: ${which.en} ${vnDate(due)} has passed (report date ${vnDate(ctx.reportDate)}).`,
      },
    );
  },
};

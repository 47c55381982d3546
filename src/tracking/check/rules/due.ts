import { vnDate } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

export const DUE_MISSING_DATED = rule(
  'due.missing_dated',
  'error',
  '“Có thời hạn” nhưng chưa có thời hạn',
  '“Dated” without a deadline',
);
export const DUE_EXTERNAL_UNDATED = rule(
  'due.external_still_undated',
  'warning',
  '“Theo kế hoạch cấp trên” vẫn chưa có thời hạn sau năm đầu của kế hoạch',
  '“Set by higher level” still undated after the plan’s first year',
);

export const dueRule: RowRule = {
  rules: [DUE_MISSING_DATED, DUE_EXTERNAL_UNDATED],
  needs: ['category', 'due'],
  check(row, ctx, emit) {
    if (row.due.kind !== 'empty') return;
    const at = { rowIndex: row.index, column: 'due' as const };
    if (row.categoryMeant === 'due') {
      emit(DUE_MISSING_DATED, at, {
        vi: 'Loại thời hạn “Có thời hạn” nhưng ô Thời hạn trống: nhập ngày đến hạn.',
        en: 'Deadline type “Dated” but the deadline is blank: enter the due date.',
      });
    } else if (
      row.categoryMeant === 'external' &&
      ctx.planFirstYearEnd &&
      ctx.reportDate > ctx.planFirstYearEnd
    ) {
      emit(DUE_EXTERNAL_UNDATED, at, {
        vi: `Nhiệm vụ theo kế hoạch cấp trên vẫn chưa có thời hạn dù đã qua ${vnDate(ctx.planFirstYearEnd)}: cập nhật thời hạn nếu cấp trên đã ban hành kế hoạch.`,
        en: `Task set by a higher level is still undated after ${vnDate(ctx.planFirstYearEnd)}: enter the deadline once the higher level has set it.`,
      });
    }
  },
};

/**
 * Deadline extensions (`Thời hạn điều chỉnh`, `Căn cứ điều chỉnh`): the state is judged against
 * the adjusted deadline, so one entered without its basis, earlier than the plan's own deadline
 * or before the plan was issued changes a report on a word nobody can trace.
 */
import { cellOf, columnHeader } from '../../../model/columns';
import { vnDate } from '../format';
import { rule } from '../rule';
import type { WorkbookMeta } from '../../../model/workbook-meta';
import type { RowRule } from '../types';

export const ADJUSTED_WITHOUT_BASIS = rule(
  'adjustment.no_basis',
  'warning',
  'Có thời hạn điều chỉnh nhưng không ghi căn cứ điều chỉnh',
  'Adjusted deadline without its basis',
);
export const ADJUSTED_EARLIER = rule(
  'adjustment.earlier',
  'warning',
  'Thời hạn điều chỉnh sớm hơn thời hạn theo kế hoạch',
  'Adjusted deadline earlier than the plan’s deadline',
);
export const ADJUSTED_BEFORE_PLAN = rule(
  'adjustment.before_plan',
  'error',
  'Thời hạn điều chỉnh trước ngày ban hành kế hoạch',
  'Adjusted deadline before the plan was issued',
);

export const EXTENDED_MANY_TIMES = rule(
  'adjustment.many',
  'warning',
  'Nhiệm vụ đã gia hạn quá hai lần',
  'Task extended more than twice',
);

/** More extensions than this and the task is flagged for the leadership's attention. */
export const MAX_EXTENSIONS = 2;

const planDates = new WeakMap<WorkbookMeta, Map<string, string | null>>();

/** The issue date of the plan a task belongs to: in a master of several plans, its own plan's. */
function planDateOf(meta: WorkbookMeta | null, taskId: string | null): string | null {
  if (!meta) return null;
  if (!meta.plans?.length || !taskId) return meta.planIssuedOn;
  let dates = planDates.get(meta);
  if (!dates) {
    dates = new Map();
    for (const p of meta.plans) for (const id of p.taskIds) dates.set(id, p.issuedOn);
    planDates.set(meta, dates);
  }
  return dates.has(taskId) ? (dates.get(taskId) ?? null) : meta.planIssuedOn;
}

export const adjustmentRule: RowRule = {
  rules: [ADJUSTED_WITHOUT_BASIS, ADJUSTED_EARLIER, ADJUSTED_BEFORE_PLAN, EXTENDED_MANY_TIMES],
  needs: ['adjustedDue'],
  check(row, ctx, emit) {
    // A date typed as text is read for its meaning (date.as_text reports the text itself).
    const adjusted = row.dates.adjustedDue?.iso;
    if (!adjusted) return;
    const at = { rowIndex: row.index, column: 'adjustedDue' as const };
    const h = { vi: columnHeader('adjustedDue', 'vi'), en: columnHeader('adjustedDue', 'en') };
    // Counted from the history (each merged extension is a row there); the table holds the latest.
    const times = row.taskId ? (ctx.extensions?.[row.taskId] ?? 0) : 0;
    if (times > MAX_EXTENSIONS)
      emit(EXTENDED_MANY_TIMES, at, {
        vi: `Nhiệm vụ đã gia hạn ${times} lần (theo trang Lịch sử), lần gần nhất đến ${vnDate(adjusted)}: cần lãnh đạo xem xét.`,
        en: `The task has been extended ${times} times (per the history sheet), lately to ${vnDate(adjusted)}: for the leadership's attention.`,
      });
    const basis = cellOf(ctx.snapshot, ctx.map, row.index, 'adjustmentBasis');
    if (ctx.map.index.adjustmentBasis !== undefined && (basis === null || String(basis).trim() === '')) {
      emit(ADJUSTED_WITHOUT_BASIS, at, {
        vi: `${h.vi} ${vnDate(adjusted)} chưa có căn cứ: ghi văn bản cho phép điều chỉnh vào cột “${columnHeader('adjustmentBasis', 'vi')}” (ví dụ “Công văn số 123/VP-TH ngày 05/3/2024”).`,
        en: `${h.en} ${vnDate(adjusted)} has no basis: enter the document that allowed it in “${columnHeader('adjustmentBasis', 'en')}” (e.g. “Công văn số 123/VP-TH ngày 05/3/2024”).`,
      });
    }
    const planDate = planDateOf(ctx.meta, row.taskId);
    if (planDate && adjusted < planDate) {
      emit(ADJUSTED_BEFORE_PLAN, at, {
        vi: `${h.vi} ${vnDate(adjusted)} trước ngày ban hành kế hoạch (${vnDate(planDate)}): kiểm tra lại ngày.`,
        en: `${h.en} ${vnDate(adjusted)} is before the plan was issued (${vnDate(planDate)}): check the date.`,
      });
      return;
    }
    const due = row.due.iso;
    if (due && adjusted < due) {
      emit(ADJUSTED_EARLIER, at, {
        vi: `${h.vi} ${vnDate(adjusted)} sớm hơn thời hạn theo kế hoạch (${vnDate(due)}): kiểm tra lại ngày hoặc căn cứ.`,
        en: `${h.en} ${vnDate(adjusted)} is earlier than the plan’s deadline (${vnDate(due)}): check the date or its basis.`,
      });
    }
  },
};

import { vnDate } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

export const TASK_NO_UPDATE = rule(
  'task.no_update',
  'info',
  'Chưa cập nhật trong kỳ báo cáo',
  'Not updated in the reporting period',
);

/** Ongoing and in-progress work is reported every period; a stale update date means nobody did. */
export const noUpdateRule: RowRule = {
  rules: [TASK_NO_UPDATE],
  needs: ['status', 'updatedOn'],
  check(row, ctx, emit) {
    if (row.statusMeant === 'done') return;
    const recurring = row.categoryMeant === 'ongoing' || row.categoryMeant === 'periodic';
    if (!recurring && row.statusMeant !== 'in_progress') return;
    const u = row.updatedOn;
    if (u.kind === 'invalid' || (u.iso && u.iso >= ctx.periodStart)) return;
    const last = u.iso
      ? { vi: `lần cuối ${vnDate(u.iso)}`, en: `last on ${vnDate(u.iso)}` }
      : { vi: 'chưa có ngày cập nhật', en: 'no update date' };
    emit(
      TASK_NO_UPDATE,
      { rowIndex: row.index, column: 'updatedOn' },
      {
        vi: `Chưa cập nhật trong kỳ ${ctx.periodLabel.vi} (từ ${vnDate(ctx.periodStart)}; ${last.vi}).`,
        en: `Not updated in ${ctx.periodLabel.en} (since ${vnDate(ctx.periodStart)}; ${last.en}).`,
      },
    );
  },
};

/**
 * The completion date against the status, the report date and the plan date.
 *
 * Day/month swap heuristic (a dd/mm date typed into an English-locale Excel becomes mm/dd):
 * a completion date E whose day is 12 or less (and differs from its month) has a swapped
 * reading S. We call E swapped only when S is plausible — on or before the report date and
 * not before the plan was issued — and E is not, or the row's own words contradict E:
 *   1. E is more than a month after the report date (a shorter gap is more likely work
 *      finished after the period's cut-off, reported as date.future), or
 *   2. E is before the plan was issued, or
 *   3. the result/note text of the row writes S out as dd/mm/yyyy and never writes E.
 * Otherwise E stands, and the plain future / before-plan findings apply. A false alarm costs
 * more trust than a miss, hence the margins.
 */
import { addDays, isoFromParts, isRealDate } from '../../../model/dates';
import { STATUS_LABELS } from '../../../model/labels';
import { DMY_IN_TEXT } from '../read';
import { dateSuggestion, vnDate, wordSuggestion } from '../format';
import { rule } from '../rule';
import type { RowContext, RowRule } from '../types';

export const DONE_NO_DATE = rule(
  'done.no_date',
  'error',
  'Đã hoàn thành nhưng thiếu ngày hoàn thành',
  'Done without a completion date',
);
export const COMPLETED_NOT_DONE = rule(
  'date.completed_not_done',
  'warning',
  'Có ngày hoàn thành nhưng trạng thái chưa hoàn thành',
  'Completion date on a task not marked done',
);
export const DATE_FUTURE = rule(
  'date.future',
  'error',
  'Ngày hoàn thành sau ngày báo cáo',
  'Completion date after the report date',
);
export const DATE_BEFORE_PLAN = rule(
  'date.before_plan',
  'warning',
  'Ngày hoàn thành trước ngày ban hành kế hoạch',
  'Completion date before the plan was issued',
);
export const DATE_SWAPPED = rule(
  'date.swapped',
  'error',
  'Ngày hoàn thành có vẻ bị đảo ngày/tháng',
  'Completion date looks day/month swapped',
);

/** Beyond this many days after the report date a date is "clearly" in the future. */
export const SWAP_FUTURE_MARGIN_DAYS = 31;

export function swappedDate(iso: string): string | null {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (d > 12 || d === m || !isRealDate(y, d, m)) return null;
  return isoFromParts(y, d, m);
}

/** Dates written as d/m/yyyy in the row's free text. */
function datesInRemarks(row: RowContext): Set<string> {
  const out = new Set<string>();
  for (const cell of [row.result, row.note]) {
    if (typeof cell !== 'string') continue;
    for (const m of cell.matchAll(DMY_IN_TEXT)) {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (isRealDate(y, mo, d)) out.add(isoFromParts(y, mo, d));
    }
  }
  return out;
}

export const completionRule: RowRule = {
  rules: [DONE_NO_DATE, COMPLETED_NOT_DONE, DATE_FUTURE, DATE_BEFORE_PLAN, DATE_SWAPPED],
  needs: ['status', 'completedOn'],
  check(row, ctx, emit) {
    const c = row.completedOn;
    const done = row.statusMeant === 'done';
    const atDate = { rowIndex: row.index, column: 'completedOn' as const };
    if (done && c.kind === 'empty') {
      emit(DONE_NO_DATE, atDate, {
        vi: 'Trạng thái “Đã hoàn thành” nhưng chưa có ngày hoàn thành: không xác định được đúng hạn hay quá hạn.',
        en: 'Marked done without a completion date: on time or late cannot be told.',
      });
      return;
    }
    if (c.kind === 'empty') return;
    // An unknown status is reported by the status rule; judging it here would only add noise.
    const notDone =
      row.status.blank || row.statusMeant === 'not_started' || row.statusMeant === 'in_progress';
    if (notDone) {
      const doneWord = STATUS_LABELS.done[ctx.lang];
      const when = c.iso ? ` (${vnDate(c.iso)})` : '';
      const status = row.status.blank
        ? { vi: 'trống', en: 'blank' }
        : { vi: `“${String(row.status.raw).trim()}”`, en: `“${String(row.status.raw).trim()}”` };
      emit(
        COMPLETED_NOT_DONE,
        { rowIndex: row.index, column: 'status' },
        {
          vi: `Có ngày hoàn thành${when} nhưng trạng thái là ${status.vi}: nếu đã xong, chọn “${doneWord}”; nếu chưa, xoá ngày hoàn thành.`,
          en: `Has a completion date${when} but the status is ${status.en}: if finished, choose “${doneWord}”; if not, clear the date.`,
        },
        wordSuggestion(doneWord),
      );
    }
    if (c.kind !== 'serial' || !c.iso) return;
    const e = c.iso;
    const plan = ctx.meta?.planIssuedOn ?? null;
    const future = e > ctx.reportDate;
    const beforePlan = plan !== null && e < plan;
    const s = swappedDate(e);
    if (s !== null && s <= ctx.reportDate && (plan === null || s >= plan)) {
      let swapped = (future && e > addDays(ctx.reportDate, SWAP_FUTURE_MARGIN_DAYS)) || beforePlan;
      if (!swapped && (typeof row.result === 'string' || typeof row.note === 'string')) {
        const written = datesInRemarks(row);
        swapped = written.has(s) && !written.has(e);
      }
      if (swapped) {
        emit(
          DATE_SWAPPED,
          atDate,
          {
            vi: `Ngày hoàn thành ${vnDate(e)} có vẻ bị đảo ngày/tháng (Excel đọc theo kiểu Mỹ tháng/ngày); có lẽ là ${vnDate(s)}.`,
            en: `Completion date ${vnDate(e)} looks day/month swapped (read month-first by an English-locale Excel); probably ${vnDate(s)}.`,
          },
          dateSuggestion(s),
        );
        return;
      }
    }
    if (future) {
      emit(DATE_FUTURE, atDate, {
        vi: `Ngày hoàn thành ${vnDate(e)} sau ngày báo cáo ${vnDate(ctx.reportDate)}.`,
        en: `Completion date ${vnDate(e)} is after the report date ${vnDate(ctx.reportDate)}.`,
      });
    } else if (beforePlan && plan) {
      emit(DATE_BEFORE_PLAN, atDate, {
        vi: `Ngày hoàn thành ${vnDate(e)} trước ngày ban hành kế hoạch ${vnDate(plan)}.`,
        en: `Completion date ${vnDate(e)} is before the plan was issued (${vnDate(plan)}).`,
      });
    }
  },
};

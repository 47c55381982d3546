/**
 * Progress is a plain number 0..100 (the workbook's `Tiến độ (%)` column: format "0",
 * validation 0–100, data bar 0–100).
 */
import { STATUS_LABELS } from '../../../model/labels';
import { shown } from '../format';
import { rule } from '../rule';
import type { RowRule, Suggestion } from '../types';

export const PROGRESS_FULL = 100;

export const PROGRESS_NOT_NUMBER = rule(
  'progress.not_number',
  'error',
  'Tiến độ không phải số',
  'Progress is not a number',
);
export const PROGRESS_RANGE = rule(
  'progress.range',
  'error',
  'Tiến độ ngoài khoảng 0–100%',
  'Progress outside 0–100%',
);
export const PROGRESS_FULL_NOT_DONE = rule(
  'progress.full_not_done',
  'warning',
  'Tiến độ 100% nhưng chưa “Đã hoàn thành”',
  'Progress 100% but not marked done',
);
export const PROGRESS_DONE_BELOW_FULL = rule(
  'progress.done_below_full',
  'warning',
  'Đã hoàn thành nhưng tiến độ dưới 100%',
  'Done but progress below 100%',
);

const NUMBER_TEXT = /^([+-]?\d+(?:[.,]\d+)?)\s*(%?)$/;

function percentText(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}

function suggest(value: number): Suggestion {
  const p = percentText(value);
  return { value, label: { vi: `Sửa thành ${p}`, en: `Change to ${p}` } };
}

/** What a progress typed as text most likely meant, or null when that is not clear. */
function meantFromText(text: string): number | null {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return null;
  // "50%" and "50" both mean 50. A comma could be a decimal or a thousands mark: no guess.
  if (m[1].includes(',')) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= PROGRESS_FULL ? n : null;
}

export const progressRule: RowRule = {
  rules: [PROGRESS_NOT_NUMBER, PROGRESS_RANGE, PROGRESS_FULL_NOT_DONE, PROGRESS_DONE_BELOW_FULL],
  needs: ['progress'],
  check(row, ctx, emit) {
    const raw = row.progress;
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return;
    const at = { rowIndex: row.index, column: 'progress' as const };
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      const meant = typeof raw === 'string' ? meantFromText(raw) : null;
      emit(
        PROGRESS_NOT_NUMBER,
        at,
        {
          vi: `Tiến độ ${shown(raw)} không phải là số (nhập số từ 0 đến 100).`,
          en: `Progress ${shown(raw)} is not a number (enter a number from 0 to 100).`,
        },
        meant === null ? undefined : suggest(meant),
      );
      return;
    }
    if (raw < 0 || raw > PROGRESS_FULL) {
      emit(PROGRESS_RANGE, at, {
        vi: `Tiến độ ${percentText(raw)} nằm ngoài khoảng 0–100%.`,
        en: `Progress ${percentText(raw)} is outside 0–100%.`,
      });
      return;
    }
    const done = row.statusMeant === 'done';
    const notDone =
      row.status.blank || row.statusMeant === 'not_started' || row.statusMeant === 'in_progress';
    if (raw === PROGRESS_FULL && notDone) {
      const doneWord = STATUS_LABELS.done[ctx.lang];
      emit(PROGRESS_FULL_NOT_DONE, at, {
        vi: `Tiến độ 100% nhưng trạng thái chưa phải “${doneWord}”: kiểm tra lại trạng thái hoặc tiến độ.`,
        en: `Progress is 100% but the status is not “${doneWord}”: check the status or the progress.`,
      });
    } else if (raw < PROGRESS_FULL && done) {
      emit(
        PROGRESS_DONE_BELOW_FULL,
        at,
        {
          vi: `Đã hoàn thành nhưng tiến độ chỉ ${percentText(raw)}.`,
          en: `Marked done but progress is only ${percentText(raw)}.`,
        },
        suggest(PROGRESS_FULL),
      );
    }
  },
};

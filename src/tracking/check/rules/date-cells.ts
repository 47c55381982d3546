import { columnHeader, DATE_COLUMN_IDS, type TaskColumnId } from '../../../model/columns';
import { dateSuggestion, shown, vnDate } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

export const DATE_AS_TEXT = rule(
  'date.as_text',
  'error',
  'Ngày nhập dạng chữ, Excel không coi là ngày',
  'Date typed as text, not a date to Excel',
);
export const DATE_INVALID = rule(
  'date.invalid',
  'error',
  'Ô ngày chứa giá trị không phải ngày',
  'A date cell holds something that is not a date',
);

/** Dates pasted or typed as text sort, compare and compute as text: every date formula misses them. */
export const dateCellsRule: RowRule = {
  rules: [DATE_AS_TEXT, DATE_INVALID],
  needs: [],
  check(row, ctx, emit) {
    for (const id of DATE_COLUMN_IDS) {
      const d = row.dates[id];
      if (!d || d.kind === 'empty' || d.kind === 'serial') continue;
      const column: TaskColumnId = id;
      const at = { rowIndex: row.index, column };
      const vi = columnHeader(id, 'vi');
      const en = columnHeader(id, 'en');
      if (d.kind === 'text' && d.iso) {
        const order = d.monthFirst
          ? {
              vi: ' (đọc theo kiểu tháng/ngày vì ngày/tháng không hợp lệ)',
              en: ' (read as month/day: day/month is impossible)',
            }
          : { vi: '', en: '' };
        emit(
          DATE_AS_TEXT,
          at,
          {
            vi: `${vi}: ${shown(d.raw)} là chữ, không phải ngày; nhập lại thành ngày ${vnDate(d.iso)}${order.vi}.`,
            en: `${en}: ${shown(d.raw)} is text, not a date; enter it as the date ${vnDate(d.iso)}${order.en}.`,
          },
          dateSuggestion(d.iso),
        );
      } else {
        emit(DATE_INVALID, at, {
          vi: `${vi}: ${shown(d.raw)} không phải ngày hợp lệ (nhập dạng ngày/tháng/năm).`,
          en: `${en}: ${shown(d.raw)} is not a valid date (enter day/month/year).`,
        });
      }
    }
  },
};

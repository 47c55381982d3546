import type { Lang } from '../../../model/lang';
import { STATUS_LABELS } from '../../../model/labels';
import { MATCH_KIND_TEXT } from '../../text-match';
import { shown, wordSuggestion } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

function listText(lang: Lang): string {
  return Object.values(STATUS_LABELS)
    .map((m) => `“${m[lang]}”`)
    .join(', ');
}

export const STATUS_UNKNOWN = rule(
  'status.unknown',
  'error',
  'Trạng thái không có trong danh mục',
  'Status not in the list',
);
export const STATUS_NEAR_MISS = rule(
  'status.near_miss',
  'error',
  'Trạng thái gần đúng với danh mục (gợi ý giá trị đúng)',
  'Status close to a list value (the intended value suggested)',
);

/** Pasted statuses bypass the dropdown; formulas count only the exact list words. */
export const statusRule: RowRule = {
  rules: [STATUS_UNKNOWN, STATUS_NEAR_MISS],
  needs: ['status'],
  check(row, ctx, emit) {
    const s = row.status;
    if (s.blank) return;
    const at = { rowIndex: row.index, column: 'status' as const };
    if (!s.match) {
      const list = listText(ctx.lang);
      emit(STATUS_UNKNOWN, at, {
        vi: `Trạng thái ${shown(s.raw)} không có trong danh mục (${list}).`,
        en: `Status ${shown(s.raw)} is not in the list (${list}).`,
      });
      return;
    }
    if (s.match.kind === 'exact') return;
    const word = STATUS_LABELS[s.match.key][ctx.lang];
    const why = MATCH_KIND_TEXT[s.match.kind];
    emit(
      STATUS_NEAR_MISS,
      at,
      {
        vi: `Trạng thái ${shown(s.raw)} khác giá trị danh mục “${word}” (${why.vi}); công thức sẽ không tính đúng.`,
        en: `Status ${shown(s.raw)} differs from the list value “${word}” (${why.en}); formulas will not count it.`,
      },
      wordSuggestion(word),
    );
  },
};

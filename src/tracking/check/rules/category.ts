import type { Lang } from '../../../model/lang';
import { CATEGORY_LABELS } from '../../../model/labels';
import { MATCH_KIND_TEXT } from '../../text-match';
import { shown, wordSuggestion } from '../format';
import { rule } from '../rule';
import type { RowRule } from '../types';

function listText(lang: Lang): string {
  return Object.values(CATEGORY_LABELS)
    .map((m) => `“${m[lang]}”`)
    .join(', ');
}

export const CATEGORY_MISSING = rule(
  'category.missing',
  'warning',
  'Thiếu loại thời hạn',
  'Deadline type missing',
);
export const CATEGORY_UNKNOWN = rule(
  'category.unknown',
  'error',
  'Loại thời hạn không có trong danh mục',
  'Deadline type not in the list',
);
export const CATEGORY_NEAR_MISS = rule(
  'category.near_miss',
  'error',
  'Loại thời hạn gần đúng với danh mục (gợi ý giá trị đúng)',
  'Deadline type close to a list value (the intended value suggested)',
);

export const categoryRule: RowRule = {
  rules: [CATEGORY_MISSING, CATEGORY_UNKNOWN, CATEGORY_NEAR_MISS],
  needs: ['category'],
  check(row, ctx, emit) {
    const c = row.category;
    const at = { rowIndex: row.index, column: 'category' as const };
    if (c.blank) {
      emit(CATEGORY_MISSING, at, {
        vi: 'Chưa có loại thời hạn: nhiệm vụ không được xếp vào tình trạng hạn nào.',
        en: 'No deadline type: the task cannot be given a deadline state.',
      });
      return;
    }
    if (!c.match) {
      const list = listText(ctx.lang);
      emit(CATEGORY_UNKNOWN, at, {
        vi: `Loại thời hạn ${shown(c.raw)} không có trong danh mục (${list}).`,
        en: `Deadline type ${shown(c.raw)} is not in the list (${list}).`,
      });
      return;
    }
    if (c.match.kind === 'exact') return;
    const word = CATEGORY_LABELS[c.match.key][ctx.lang];
    const why = MATCH_KIND_TEXT[c.match.kind];
    emit(
      CATEGORY_NEAR_MISS,
      at,
      {
        vi: `Loại thời hạn ${shown(c.raw)} khác giá trị danh mục “${word}” (${why.vi}).`,
        en: `Deadline type ${shown(c.raw)} differs from the list value “${word}” (${why.en}).`,
      },
      wordSuggestion(word),
    );
  },
};

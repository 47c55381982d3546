import type { Msg } from './msg';
import type { DeadlineCategory, DeadlineState, Severity, Status } from './vocabulary';

/**
 * The words a workbook and a screen show for the vocabulary's ids. A workbook stores the words
 * of its language, so reading one back matches either language's words (see labelKey).
 */

export const STATUS_LABELS: Record<Status, Msg> = {
  not_started: { vi: 'Chưa thực hiện', en: 'Not started' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
};

export const CATEGORY_LABELS: Record<DeadlineCategory, Msg> = {
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
  due: { vi: 'Có thời hạn', en: 'Dated' },
  periodic: { vi: 'Định kỳ', en: 'Periodic' },
  external: { vi: 'Theo kế hoạch cấp trên', en: 'Set by higher level' },
  none: { vi: 'Chưa xác định', en: 'Unspecified' },
};

export const STATE_LABELS: Record<DeadlineState, Msg> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  done_undated: { vi: 'Chưa rõ ngày hoàn thành', en: 'Done, completion date unknown' },
  in_progress_on_time: { vi: 'Đang thực hiện trong hạn', en: 'In progress, within deadline' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
  ongoing: { vi: 'Thường xuyên', en: 'Ongoing' },
  undated: { vi: 'Chưa có thời hạn', en: 'No deadline yet' },
};

/** How bad a check finding is, in the words every screen, sheet and report uses. */
export const SEVERITY_LABELS: Record<Severity, Msg> = {
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Lưu ý', en: 'Note' },
};

/**
 * Keys already computed. A workbook repeats a handful of list words and headers over thousands
 * of rows, and the locale-aware lower-casing is the cost of a key (a merge of 50 returns spent
 * a twentieth of its time here); bounded, so odd inputs cannot make it grow without end.
 */
const LABEL_KEYS = new Map<string, string>();
const LABEL_KEYS_KEPT = 4096;

/** What makes two spellings of one word equal: Unicode form, case, spacing. */
export function labelKey(text: string): string {
  let key = LABEL_KEYS.get(text);
  if (key === undefined) {
    key = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
    if (LABEL_KEYS.size >= LABEL_KEYS_KEPT) LABEL_KEYS.clear();
    LABEL_KEYS.set(text, key);
  }
  return key;
}

/** A word of either language → its id. */
export function reverseLabels<K extends string>(labels: Record<K, Msg>): Map<string, K> {
  const out = new Map<string, K>();
  for (const lang of ['vi', 'en'] as const) {
    for (const [key, m] of Object.entries(labels) as [K, Msg][]) out.set(labelKey(m[lang]), key);
  }
  return out;
}

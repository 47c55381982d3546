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

/** What makes two spellings of one word equal: Unicode form, case, spacing. */
export function labelKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

/** A word of either language → its id. */
export function reverseLabels<K extends string>(labels: Record<K, Msg>): Map<string, K> {
  const out = new Map<string, K>();
  for (const lang of ['vi', 'en'] as const) {
    for (const [key, m] of Object.entries(labels) as [K, Msg][]) out.set(labelKey(m[lang]), key);
  }
  return out;
}

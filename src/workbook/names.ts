/** The names the tracking workbook gives its sheets, table, lists and report-date cell. */
import type { Lang } from '../model/lang';
import type { Msg } from '../model/msg';

export type SheetName = 'tasks' | 'summary' | 'lists' | 'guide' | 'meta' | 'history' | 'check' | 'pivot';

export const SHEET_NAMES: Record<SheetName, Msg> = {
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  summary: { vi: 'Tổng hợp', en: 'Summary' },
  lists: { vi: 'Danh mục', en: 'Lists' },
  guide: { vi: 'Hướng dẫn', en: 'Guide' },
  meta: { vi: '_PlanTracker', en: '_PlanTracker' },
  // Excel reserves "History" (its change-tracking log) and refuses files with such a sheet.
  history: { vi: 'Lịch sử', en: 'Merge history' },
  check: { vi: 'Kiểm tra', en: 'Check' },
  pivot: { vi: 'PivotTable', en: 'PivotTable' },
};

export function sheetName(key: SheetName, lang: Lang): string {
  return SHEET_NAMES[key][lang];
}

/** True when `name` is the sheet `key` in either language (Unicode form and case ignored). */
export function isSheet(key: SheetName, name: string): boolean {
  const k = name.normalize('NFC').toLowerCase();
  return (['vi', 'en'] as const).some((l) => SHEET_NAMES[key][l].normalize('NFC').toLowerCase() === k);
}

export const TABLE_NAME = 'NhiemVu';
export const REPORT_DATE_NAME = 'NgayBaoCao';

/** Workbook-level names of the lists on the lists sheet (language-independent). */
export const LIST_NAMES = {
  statuses: 'DsTrangThai',
  categories: 'DsLoaiThoiHan',
  agencies: 'DsCoQuan',
  states: 'DsTinhTrangHan',
} as const;

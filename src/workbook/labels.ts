import type { DeadlineCategory } from '../plan/types';
import type { DeadlineState, Status } from '../tracking/types';
import type { Lang } from './types';

/** Words the workbook shows. Vietnamese is the default; the workbook stores the words, so a
 * workbook built in one language is read back by matching either language's words. */

export const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  vi: { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Đã hoàn thành' },
  en: { not_started: 'Not started', in_progress: 'In progress', done: 'Done' },
};

export const CATEGORY_LABELS: Record<Lang, Record<DeadlineCategory, string>> = {
  vi: {
    ongoing: 'Thường xuyên',
    due: 'Có thời hạn',
    periodic: 'Định kỳ',
    external: 'Theo kế hoạch cấp trên',
    none: 'Chưa xác định',
  },
  en: {
    ongoing: 'Ongoing',
    due: 'Dated',
    periodic: 'Periodic',
    external: 'Set by higher level',
    none: 'Unspecified',
  },
};

export const STATE_LABELS: Record<Lang, Record<DeadlineState, string>> = {
  vi: {
    done_on_time: 'Hoàn thành đúng hạn',
    done_late: 'Hoàn thành quá hạn',
    in_progress_on_time: 'Đang thực hiện trong hạn',
    overdue: 'Quá hạn chưa hoàn thành',
    ongoing: 'Thường xuyên',
    undated: 'Chưa có thời hạn',
  },
  en: {
    done_on_time: 'Done on time',
    done_late: 'Done late',
    in_progress_on_time: 'In progress, within deadline',
    overdue: 'Overdue, not done',
    ongoing: 'Ongoing',
    undated: 'No deadline yet',
  },
};

/** Tracking-table column ids in sheet order, and their headers. */
export const TASK_COLUMN_IDS = [
  'taskId',
  'section',
  'group',
  'lead',
  'partners',
  'text',
  'category',
  'due',
  'status',
  'completedOn',
  'progress',
  'result',
  'note',
  'updatedOn',
  'state',
] as const;

export type TaskColumnId = (typeof TASK_COLUMN_IDS)[number];

export const COLUMN_HEADERS: Record<Lang, Record<TaskColumnId, string>> = {
  vi: {
    taskId: 'Mã nhiệm vụ',
    section: 'Phần',
    group: 'Nhóm',
    lead: 'Cơ quan chủ trì',
    partners: 'Cơ quan phối hợp',
    text: 'Nội dung nhiệm vụ',
    category: 'Loại thời hạn',
    due: 'Thời hạn',
    status: 'Trạng thái',
    completedOn: 'Ngày hoàn thành',
    progress: 'Tiến độ (%)',
    result: 'Kết quả thực hiện',
    note: 'Ghi chú',
    updatedOn: 'Cập nhật lần cuối',
    state: 'Tình trạng hạn',
  },
  en: {
    taskId: 'Task ID',
    section: 'Part',
    group: 'Group',
    lead: 'Lead agency',
    partners: 'Partner agencies',
    text: 'Task',
    category: 'Deadline type',
    due: 'Deadline',
    status: 'Status',
    completedOn: 'Completed on',
    progress: 'Progress (%)',
    result: 'Result',
    note: 'Notes',
    updatedOn: 'Last updated',
    state: 'Deadline state',
  },
};

export const SHEET_NAMES: Record<
  Lang,
  Record<'tasks' | 'summary' | 'lists' | 'guide' | 'meta' | 'history' | 'check' | 'pivot', string>
> = {
  vi: {
    tasks: 'Nhiệm vụ',
    summary: 'Tổng hợp',
    lists: 'Danh mục',
    guide: 'Hướng dẫn',
    meta: '_PlanTracker',
    history: 'Lịch sử',
    check: 'Kiểm tra',
    pivot: 'PivotTable',
  },
  en: {
    tasks: 'Tasks',
    summary: 'Summary',
    lists: 'Lists',
    guide: 'Guide',
    meta: '_PlanTracker',
    // Excel reserves "History" (its change-tracking log) and refuses files with such a sheet.
    history: 'Merge history',
    check: 'Check',
    pivot: 'PivotTable',
  },
};

export const TABLE_NAME = 'NhiemVu';
export const REPORT_DATE_NAME = 'NgayBaoCao';

/** Other words of the workbook (summary, lists, validation messages). */
export const WORKBOOK_TEXT: Record<
  Lang,
  {
    summaryTitle: string;
    reportDate: string;
    reportDateHint: string;
    byAgencyTitle: string;
    agency: string;
    total: string;
    dueCount: string;
    completionRate: string;
    otherAgency: string;
    grandTotal: string;
    rateNote: string;
    byCategoryTitle: string;
    category: string;
    taskCount: string;
    noCategory: string;
    listStatuses: string;
    listCategories: string;
    listAgencies: string;
    listStates: string;
    statusPrompt: string;
    statusError: string;
    categoryPrompt: string;
    categoryError: string;
    datePrompt: string;
    dateError: string;
    progressPrompt: string;
    progressError: string;
  }
> = {
  vi: {
    summaryTitle: 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH',
    reportDate: 'Ngày báo cáo',
    reportDateHint: 'Sửa ô này thành ngày chốt số liệu của kỳ báo cáo; các bảng tự tính lại.',
    byAgencyTitle: 'Theo cơ quan chủ trì và tình trạng hạn',
    agency: 'Cơ quan chủ trì',
    total: 'Tổng số',
    dueCount: 'Đã đến hạn',
    completionRate: 'Tỷ lệ hoàn thành',
    otherAgency: 'Khác / chưa có cơ quan chủ trì',
    grandTotal: 'Tổng cộng',
    rateNote:
      'Tỷ lệ hoàn thành = số hoàn thành (đúng hạn + quá hạn) ÷ số nhiệm vụ đã đến hạn (hoàn thành + quá hạn chưa hoàn thành). Nhiệm vụ thường xuyên và chưa có thời hạn được tính riêng.',
    byCategoryTitle: 'Theo loại thời hạn',
    category: 'Loại thời hạn',
    taskCount: 'Số nhiệm vụ',
    noCategory: 'Chưa ghi loại thời hạn',
    listStatuses: 'Trạng thái',
    listCategories: 'Loại thời hạn',
    listAgencies: 'Cơ quan',
    listStates: 'Tình trạng hạn',
    statusPrompt: 'Chọn trạng thái trong danh sách.',
    statusError: 'Chỉ chọn một trạng thái trong danh sách.',
    categoryPrompt: 'Chọn loại thời hạn trong danh sách.',
    categoryError: 'Chỉ chọn một loại thời hạn trong danh sách.',
    datePrompt: 'Nhập ngày dạng dd/mm/yyyy.',
    dateError: 'Giá trị phải là một ngày (dd/mm/yyyy).',
    progressPrompt: 'Nhập số từ 0 đến 100.',
    progressError: 'Tiến độ phải là số từ 0 đến 100.',
  },
  en: {
    summaryTitle: 'PLAN IMPLEMENTATION SUMMARY',
    reportDate: 'Report date',
    reportDateHint: "Change this cell to the reporting period's cut-off date; the tables recalculate.",
    byAgencyTitle: 'By lead agency and deadline state',
    agency: 'Lead agency',
    total: 'Total',
    dueCount: 'Deadline passed',
    completionRate: 'Completion rate',
    otherAgency: 'Other / no lead agency',
    grandTotal: 'Grand total',
    rateNote:
      'Completion rate = tasks done (on time + late) ÷ tasks whose deadline has passed (done + overdue). Ongoing and undated tasks are counted apart.',
    byCategoryTitle: 'By deadline type',
    category: 'Deadline type',
    taskCount: 'Tasks',
    noCategory: 'No deadline type',
    listStatuses: 'Status',
    listCategories: 'Deadline type',
    listAgencies: 'Agency',
    listStates: 'Deadline state',
    statusPrompt: 'Pick a status from the list.',
    statusError: 'Pick one of the statuses in the list.',
    categoryPrompt: 'Pick a deadline type from the list.',
    categoryError: 'Pick one of the deadline types in the list.',
    datePrompt: 'Enter a date as dd/mm/yyyy.',
    dateError: 'The value must be a date (dd/mm/yyyy).',
    progressPrompt: 'Enter a number from 0 to 100.',
    progressError: 'Progress must be a number from 0 to 100.',
  },
};

/** Workbook-level names of the lists on the lists sheet (language-independent). */
export const LIST_NAMES = {
  statuses: 'DsTrangThai',
  categories: 'DsLoaiThoiHan',
  agencies: 'DsCoQuan',
  states: 'DsTinhTrangHan',
} as const;

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

export const SHEET_NAMES: Record<Lang, Record<'tasks' | 'summary' | 'lists' | 'guide' | 'meta' | 'history' | 'check' | 'pivot', string>> = {
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
    history: 'History',
    check: 'Check',
    pivot: 'PivotTable',
  },
};

export const TABLE_NAME = 'NhiemVu';
export const REPORT_DATE_NAME = 'NgayBaoCao';

/**
 * A hand-built tracking table for the checks: the tasks of part IV and V of the real sample plan
 * (samples/nq28-nam-dinh.txt) with their leads and deadline notes as the plan writes them.
 */
import type { DeadlineCategory } from '../../../src/plan/types';
import { isoToSerial } from '../../../src/workbook/dates';
import { CATEGORY_LABELS, COLUMN_HEADERS, TASK_COLUMN_IDS, TaskColumnId } from '../../../src/workbook/labels';
import type { Lang, RawCell, TableSnapshot, WorkbookMeta } from '../../../src/workbook/types';

const HDND = 'Đảng đoàn Hội đồng nhân dân tỉnh';
const UBND = 'Ban cán sự đảng Ủy ban nhân dân tỉnh';
const BTC = 'Ban Tổ chức Tỉnh ủy';
const UBKT = 'Ủy ban Kiểm tra Tỉnh ủy';
const BTG = 'Ban Tuyên giáo Tỉnh ủy';
const BDV = 'Ban Dân vận Tỉnh ủy';
const VP = 'Văn phòng Tỉnh ủy';
const MTTQ = 'Đảng đoàn Mặt trận Tổ quốc, các tổ chức chính trị - xã hội tỉnh và Ban Thường vụ Tỉnh đoàn';
const HUYEN = 'Các huyện ủy, thành ủy, đảng ủy trực thuộc tỉnh';

export interface SampleTask {
  id: string;
  lead: string;
  category: DeadlineCategory;
  due: string | null;
}

const t = (id: string, lead: string, category: DeadlineCategory, due: string | null = null): SampleTask => ({
  id,
  lead,
  category,
  due,
});

/** Part IV ("NHIỆM VỤ CỤ THỂ") and V of the sample, notes read by hand ("hoàn thành trong năm 2023" → 31/12/2023). */
export const SAMPLE_TASKS: SampleTask[] = [
  t('IV.1.1', HDND, 'none'),
  t('IV.1.2', HDND, 'none'),
  t('IV.1.3', HDND, 'none'),
  t('IV.1.4', HDND, 'none'),
  t('IV.2.1', UBND, 'ongoing'),
  t('IV.2.2', UBND, 'ongoing'),
  t('IV.3.1', BTC, 'ongoing'),
  t('IV.3.2', BTC, 'ongoing'),
  t('IV.3.3', BTC, 'ongoing'),
  t('IV.3.4', BTC, 'ongoing'),
  t('IV.3.5', BTC, 'due', '2023-12-31'),
  t('IV.3.6', BTC, 'external'),
  t('IV.3.7', BTC, 'none'),
  t('IV.4.1', UBKT, 'ongoing'),
  t('IV.4.2', UBKT, 'ongoing'),
  t('IV.4.3', UBKT, 'ongoing'),
  t('IV.5.1', BTG, 'ongoing'),
  t('IV.5.2', BTG, 'ongoing'),
  t('IV.5.3', BTG, 'due', '2023-12-31'),
  t('IV.6.1', BDV, 'external'),
  t('IV.6.2', BDV, 'ongoing'),
  t('IV.7.1', VP, 'ongoing'),
  t('IV.7.2', VP, 'external'),
  t('IV.8.1', MTTQ, 'due', '2023-12-31'),
  t('IV.8.2', MTTQ, 'ongoing'),
  t('IV.9.1', HUYEN, 'due', '2023-12-31'),
  t('IV.9.2', HUYEN, 'none'),
  t('V.1', HUYEN, 'none'),
  t('V.2', HUYEN, 'none'),
  t('V.3', BTC, 'none'),
];

export type Entry = Partial<Record<TaskColumnId, RawCell>>;

export const serial = isoToSerial;

/** How a careful office fills a task by the report date 10/06/2024. */
export function correctEntry(task: SampleTask, lang: Lang = 'vi'): Entry {
  const words =
    lang === 'vi'
      ? { doing: 'Đang thực hiện', done: 'Đã hoàn thành', todo: 'Chưa thực hiện' }
      : { doing: 'In progress', done: 'Done', todo: 'Not started' };
  const base: Entry = {
    taskId: task.id,
    section: task.id.startsWith('IV') ? 'IV. NHIỆM VỤ CỤ THỂ' : 'V. TỔ CHỨC THỰC HIỆN',
    lead: task.lead,
    text: `Nội dung nhiệm vụ ${task.id}`,
    category: CATEGORY_LABELS[lang][task.category],
    due: task.due ? serial(task.due) : null,
  };
  switch (task.category) {
    case 'ongoing':
      return {
        ...base,
        status: words.doing,
        progress: 50,
        updatedOn: serial('2024-06-01'),
        result: 'Đã triển khai',
      };
    case 'due':
      return {
        ...base,
        status: words.done,
        completedOn: serial('2023-11-20'),
        progress: 100,
        updatedOn: serial('2023-11-20'),
      };
    case 'external':
      return {
        ...base,
        due: serial('2024-09-30'),
        status: words.doing,
        progress: 30,
        updatedOn: serial('2024-05-20'),
      };
    default:
      return { ...base, status: words.todo };
  }
}

export function toRow(entry: Entry, ids: readonly TaskColumnId[] = TASK_COLUMN_IDS): RawCell[] {
  return ids.map((id) => entry[id] ?? null);
}

export function snapshotOf(
  entries: Entry[],
  lang: Lang = 'vi',
  ids: readonly TaskColumnId[] = TASK_COLUMN_IDS,
): TableSnapshot {
  return {
    sheet: lang === 'vi' ? 'Nhiệm vụ' : 'Tasks',
    headerRow: 1,
    firstCol: 0,
    headers: ids.map((id) => COLUMN_HEADERS[lang][id]),
    rows: entries.map((e) => toRow(e, ids)),
  };
}

/**
 * The sample carries no "Nam Định, ngày …" line; it cites Kế hoạch 84-KH/TU of 21/12/2022, so it
 * was issued after that. The fixture takes 10/01/2023.
 */
export const PLAN_ISSUED_ON = '2023-01-10';
export const REPORT_DATE = '2024-06-10';

export function metaFor(tasks: readonly SampleTask[], lang: Lang = 'vi'): WorkbookMeta {
  return {
    generator: 'plan-tracker',
    generatorVersion: '0.1.0',
    schemaVersion: 1,
    lang,
    builtAt: '2023-01-15T08:00:00.000Z',
    planTitle: 'KẾ HOẠCH thực hiện Nghị quyết số 28-NQ/TW',
    planNumber: null,
    planIssuedOn: PLAN_ISSUED_ON,
    sourceFingerprint: '0'.repeat(64),
    workbookId: 'test',
    agencyKey: null,
    tasks: tasks.map((task) => ({ id: task.id, hash: '0'.repeat(16) })),
  };
}

/** A1 letter of a column id in the standard layout, computed apart from the code under test. */
export function letterOf(id: TaskColumnId, ids: readonly TaskColumnId[] = TASK_COLUMN_IDS): string {
  return String.fromCharCode('A'.charCodeAt(0) + ids.indexOf(id));
}

/**
 * A hand-built tracking table for the checks: the tasks of part IV and V of the real sample plan
 * (samples/nq28-nam-dinh.txt) with their leads and deadline notes as the plan writes them.
 */
import type { DeadlineCategory } from '../../../src/plan/types';
import { isoToSerial } from '../../../src/model/dates';
import { CATEGORY_LABELS } from '../../../src/model/labels';
import { columnHeader, TASK_COLUMN_IDS, TaskColumnId } from '../../../src/model/columns';
import type { Lang, RawCell, TableSnapshot, WorkbookMeta } from '../../../src/workbook/types';
import { SAMPLE_TASKS as EXPECTED } from '../../plan/sample-expectations';

export interface SampleTask {
  id: string;
  lead: string;
  category: DeadlineCategory;
  due: string | null;
}

/**
 * Parts IV and V of the sample, from the plan tests' hand reading (one reading of the plan, not
 * two). A row shows one deadline: a dated note wins over the others (IV.5.3 has two notes).
 */
export const SAMPLE_TASKS: SampleTask[] = EXPECTED.filter((e) => !e.id.startsWith('III.')).map((e) => {
  const dated = e.deadlines.find(([category]) => category === 'due');
  const [category, due] = dated ?? e.deadlines[0];
  return { id: e.id, lead: e.lead ?? '', category, due };
});

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
    category: CATEGORY_LABELS[task.category][lang],
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
    headers: ids.map((id) => columnHeader(id, lang)),
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

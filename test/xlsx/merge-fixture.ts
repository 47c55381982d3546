/**
 * A small plan, its master and per-agency copies, and edits made the way another program saves
 * them, for the merge tests.
 */
import type { Plan } from '../../src/plan/types';
import { agencyKey } from '../../src/plan/agency';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { TaskColumnId, mapColumns } from '../../src/model/columns';
import { cellAddress } from '../../src/model/table';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, UserValue } from '../e2e-roundtrip/user-edit';

export const AGENCIES = [
  { key: agencyKey('Sở Nội vụ'), name: 'Sở Nội vụ' },
  { key: agencyKey('Ban Tổ chức Tỉnh ủy'), name: 'Ban Tổ chức Tỉnh ủy' },
  { key: agencyKey('Sở Tài chính'), name: 'Sở Tài chính' },
];
export const [NV, BTC, TC] = AGENCIES.map((a) => a.key);

function task(id: string, lead: string | null, text: string, due: string | null, partners: string[] = []) {
  return {
    id,
    section: 'IV',
    number: id.split('.').slice(1).join('.'),
    group: null,
    lead,
    partners,
    text,
    deadlines: due
      ? [{ category: 'due' as const, raw: 'trước ngày', due }]
      : [{ category: 'ongoing' as const, raw: 'thường xuyên', due: null }],
    references: [],
    line: 1,
  };
}

export const PLAN: Plan = {
  title: 'Kế hoạch thử nghiệm',
  number: '1/KH-UBND',
  issuedOn: '2024-01-10',
  issuer: null,
  place: null,
  signer: null,
  sections: [{ id: 'IV', heading: 'NHIỆM VỤ CỤ THỂ', kind: 'tasks' }],
  agencies: AGENCIES,
  tasks: [
    task('IV.1.1', NV, 'Rà soát vị trí việc làm của các cơ quan hành chính', '2024-03-31', [TC]),
    task('IV.1.2', NV, 'Tổ chức bồi dưỡng cán bộ công chức cấp xã', null),
    task('IV.2.1', BTC, 'Tham mưu sắp xếp tổ chức bộ máy tinh gọn', '2024-06-30', [NV, TC]),
    task('IV.2.2', BTC, 'Hướng dẫn quy trình đánh giá cán bộ hằng năm', '2024-12-31'),
    task('IV.3.1', TC, 'Bố trí kinh phí thực hiện kế hoạch', '2024-05-15'),
    task('IV.9.9', null, 'Các cấp ủy quán triệt nghị quyết', null),
  ],
  warnings: [],
};

export async function buildMaster(workbookId = 'master-1'): Promise<Uint8Array> {
  return writeXlsx(
    buildWorkbookSpec(PLAN, {
      lang: 'vi',
      reportDate: '2024-06-20',
      workbookId,
      now: new Date('2024-01-15T00:00:00Z'),
    }),
  );
}

/** The Sở Nội vụ copy split from a master, as the agency receives it. */
export async function nvCopy(master: Uint8Array): Promise<Uint8Array> {
  const { files } = await splitWorkbook(master);
  return files.find((f) => f.agencyKey === NV)!.bytes;
}

/** A1 edits for task cells, found through the file's own header row. */
export async function taskEdits(bytes: Uint8Array, edits: [string, TaskColumnId, UserValue][]) {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [taskId, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === taskId);
    if (row < 0) throw new Error(`no row for ${taskId}`);
    out[cellAddress(wb.snapshot, row, map.index[column] as number)] = value;
  }
  return { sheet: wb.snapshot.sheet, out };
}

export async function fill(
  bytes: Uint8Array,
  edits: [string, TaskColumnId, UserValue][],
): Promise<Uint8Array> {
  const { sheet, out } = await taskEdits(bytes, edits);
  return editCells(bytes, sheet, out);
}

export async function valueOf(bytes: Uint8Array, taskId: string, column: TaskColumnId) {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === taskId);
  return row?.[map.index[column] as number] ?? null;
}

/**
 * A plan of `tasks` tasks in one part, led in turn by `agencies`, each with its own text
 * (`text(i)`, i from 0) and no deadline: the large masters of the stress and text-pool tests.
 */
export function generatedPlan(tasks: number, agencies: readonly string[], text: (i: number) => string): Plan {
  const leads = agencies.map((name) => ({ key: agencyKey(name), name }));
  return {
    title: 'Kế hoạch thử tải',
    number: '9/KH-UBND',
    issuedOn: '2024-01-10',
    issuer: null,
    place: null,
    signer: null,
    sections: [{ id: 'I', heading: 'NHIỆM VỤ', kind: 'tasks' }],
    agencies: leads,
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `I.${i + 1}`,
      section: 'I',
      number: String(i + 1),
      group: null,
      lead: leads[i % leads.length].key,
      partners: [],
      text: text(i),
      deadlines: [{ category: 'ongoing' as const, raw: 'thường xuyên', due: null }],
      references: [],
      line: i + 1,
    })),
    warnings: [],
  };
}

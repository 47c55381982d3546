/**
 * Deadline extensions end to end (issue 17): an agency proposes an adjusted deadline and its
 * basis in its return; the merge lists and logs it; the master then judges the task against it,
 * the summary counts it extended, and the checks find nothing wrong with it. And workbooks built
 * before the two columns existed still read, check, split, merge and revise.
 */
import type { TaskColumn } from '../../src/model/task-columns';
import { columnLetter, type RawCell } from '../../src/model/table';
import { mapColumns, taskColumnLetter, type TaskColumnId } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import type { Plan } from '../../src/plan/types';
import { reviseTracking } from '../../src/app/revise';
import { checkTracking } from '../../src/tracking/check';
import { readEntries } from '../../src/tracking/entries';
import { entryState, summarize } from '../../src/tracking/summary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { untouchedTasks } from '../../src/tracking/task-hash';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';
import { fixturePlan } from '../workbook/fixture-plan';

const REPORT_DATE = '2024-07-01';
/** Every column added since main's layout of 0.1.0: the extension columns and the plan column. */
const ADDED_LATER: TaskColumnId[] = ['adjustedDue', 'adjustmentBasis', 'planRef'];
const BASIS = 'Công văn số 123/VP-TH ngày 05/3/2024';

/** The fixture plan with its external-schedule task given a lead, so a copy carries it. */
function plan(): Plan {
  const p = fixturePlan();
  return { ...p, tasks: p.tasks.map((t) => (t.id === 'III.4' ? { ...t, lead: 'so-noi-vu' } : t)) };
}

async function master(): Promise<Uint8Array> {
  const spec = buildWorkbookSpec(plan(), { lang: 'vi', reportDate: REPORT_DATE, workbookId: 'wb-ext' });
  return writeXlsx(spec);
}

/** Types values into task cells, found by header, the way another program saves them. */
async function fill(bytes: Uint8Array, edits: [string, string, UserValue][]): Promise<Uint8Array> {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [taskId, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === taskId);
    const col = (map.index as Record<string, number>)[column];
    expect(row).toBeGreaterThanOrEqual(0);
    expect(col).toBeDefined();
    out[`${columnLetter(wb.snapshot.firstCol + col)}${wb.snapshot.headerRow + 1 + row}`] = value;
  }
  return editCells(bytes, wb.snapshot.sheet, out);
}

async function entriesOf(bytes: Uint8Array) {
  const wb = await readTrackingWorkbook(bytes);
  return { wb, entries: readEntries(wb.snapshot).entries };
}

describe('a deadline extension proposed in a return', () => {
  it('arrives as a change, is logged, and the master judges the task against it', async () => {
    const built = await master();
    const before = await entriesOf(built);
    const state = (es: typeof before.entries, id: string) =>
      entryState(
        es.find((e) => e.taskId === id)!,
        REPORT_DATE,
      );
    // III.1 was due 31/12/2023 and is not done; III.4 waits for the central schedule.
    expect(state(before.entries, 'III.1')).toBe('overdue');
    expect(state(before.entries, 'III.4')).toBe('undated');

    const { files } = await splitWorkbook(built);
    const copy = files.find((f) => f.taskIds.includes('III.1'))!;
    expect(copy.taskIds).toContain('III.4');
    const ret = await fill(copy.bytes, [
      ['III.1', 'adjustedDue', isoToSerial('2024-12-31')],
      ['III.1', 'adjustmentBasis', BASIS],
      ['III.4', 'adjustedDue', isoToSerial('2024-09-30')],
      ['III.4', 'adjustmentBasis', 'Kế hoạch số 45-KH/TW'],
    ]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: built }, [
      { file: 'so-noi-vu.xlsx', bytes: ret },
    ]);
    expect(res.plan.ok).toBe(true);
    expect(res.plan.skipped).toEqual([]);
    const changed = res.plan.changes.map((c) => [c.taskId, c.column, c.new]);
    expect(changed.sort()).toEqual(
      [
        ['III.1', 'adjustedDue', isoToSerial('2024-12-31')],
        ['III.1', 'adjustmentBasis', BASIS],
        ['III.4', 'adjustedDue', isoToSerial('2024-09-30')],
        ['III.4', 'adjustmentBasis', 'Kế hoạch số 45-KH/TW'],
      ].sort(),
    );
    expect(res.history.map((h) => [h.taskId, h.column]).sort()).toEqual(
      changed.map((c) => c.slice(0, 2)).sort(),
    );
    const adjustedLetter = taskColumnLetter('adjustedDue');
    expect(res.history.find((h) => h.taskId === 'III.1' && h.column === 'adjustedDue')?.cell).toMatch(
      new RegExp(`!${adjustedLetter}\\d+$`),
    );

    const after = await entriesOf(res.output as Uint8Array);
    // Extended past the report date: within the deadline again; the external task is now dated.
    expect(state(after.entries, 'III.1')).toBe('in_progress_on_time');
    expect(state(after.entries, 'III.4')).toBe('in_progress_on_time');
    // The plan's own deadline is kept beside the adjusted one.
    expect(after.entries.find((e) => e.taskId === 'III.1')?.due).toBe('2023-12-31');

    // The summary counts both as extended, for Sở Nội vụ and in total, beside the states.
    const summary = summarize(after.entries, { reportDate: REPORT_DATE });
    const noiVu = summary.byAgency.find((r) => r.label === 'Sở Nội vụ')!;
    expect(noiVu.extended).toBe(2);
    expect(summary.total.extended).toBe(2);
    expect(summary.total.counts.overdue).toBe(
      before.entries.filter((e) => state(before.entries, e.taskId) === 'overdue').length - 1,
    );
    // Both come with their basis, after the plan's date and not earlier than the plan said.
    const findings = checkTracking({
      snapshot: after.wb.snapshot,
      meta: after.wb.meta,
      reportDate: REPORT_DATE,
    });
    expect(findings.filter((f) => f.code.startsWith('adjustment.'))).toEqual([]);
  });
});

/** The product's modules loaded against the registry as it was before the two columns. */
function modulesWithoutExtensionColumns() {
  let m:
    | {
        build: typeof import('../../src/workbook/build');
        write: typeof import('../../src/xlsx/write');
        split: typeof import('../../src/xlsx/split');
      }
    | undefined;
  const libraries = { exceljs: require('exceljs'), jszip: require('jszip') };
  jest.isolateModules(() => {
    for (const [name, lib] of Object.entries(libraries)) jest.doMock(name, () => lib);
    jest.doMock('../../src/model/task-columns', () => {
      const actual = jest.requireActual('../../src/model/task-columns');
      const cols = (actual.TASK_COLUMNS as TaskColumn[]).filter(
        (c) => !ADDED_LATER.includes(c.id as TaskColumnId),
      );
      return { ...actual, TASK_COLUMNS: cols };
    });
    m = {
      build: require('../../src/workbook/build'),
      write: require('../../src/xlsx/write'),
      split: require('../../src/xlsx/split'),
    };
  });
  return m!;
}

describe('a workbook built before the extension columns', () => {
  const old = modulesWithoutExtensionColumns();
  const oldMaster = () =>
    old.write.writeXlsx(
      old.build.buildWorkbookSpec(plan(), { lang: 'vi', reportDate: REPORT_DATE, workbookId: 'wb-old' }),
    );

  it('is read and checked without a word about the columns it lacks', async () => {
    const bytes = await oldMaster();
    const wb = await readTrackingWorkbook(bytes);
    const map = mapColumns(wb.snapshot.headers);
    expect(map.missing).toEqual([]);
    expect(map.absent).toEqual(ADDED_LATER);
    // Its tasks' fingerprints still verify: revise follows the plan where staff changed nothing.
    expect((await untouchedTasks(wb.snapshot, wb.meta)).size).toBe(plan().tasks.length);
    const findings = checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate: REPORT_DATE });
    expect(
      findings.filter((f) => f.code.startsWith('structure.') || f.code.startsWith('adjustment.')),
    ).toEqual([]);
    const { entries } = readEntries(wb.snapshot);
    expect(entries.every((e) => e.adjustedDue === null)).toBe(true);
    expect(summarize(entries, { reportDate: REPORT_DATE }).total.extended).toBe(0);
  });

  it('merges its old returns, and a new copy’s extension is listed, not lost, until it is revised', async () => {
    const bytes = await oldMaster();
    // A copy split by the earlier version, returned with a status.
    const oldCopy = (await old.split.splitWorkbook(bytes)).files.find((f) => f.taskIds.includes('III.1'))!;
    expect(mapColumns((await readTrackingWorkbook(oldCopy.bytes)).snapshot.headers).absent).toEqual(
      ADDED_LATER,
    );
    const oldReturn = await fill(oldCopy.bytes, [['III.1', 'status', 'Đang thực hiện']]);
    const merged = await mergeWorkbooks({ file: 'master.xlsx', bytes }, [
      { file: 'cu.xlsx', bytes: oldReturn },
    ]);
    expect(merged.plan.ok).toBe(true);
    expect(merged.plan.changes.map((c) => [c.taskId, c.column])).toEqual([['III.1', 'status']]);
    expect(merged.plan.skipped).toEqual([]);

    // Split today, the copy has the columns; the old master has nowhere to put an extension.
    const copy = (await splitWorkbook(merged.output as Uint8Array)).files.find((f) =>
      f.taskIds.includes('III.1'),
    )!;
    expect(mapColumns((await readTrackingWorkbook(copy.bytes)).snapshot.headers).absent).toEqual([]);
    const ret = await fill(copy.bytes, [
      ['III.1', 'adjustedDue', isoToSerial('2024-12-31')],
      ['III.1', 'progress', 40],
    ]);
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: merged.output as Uint8Array }, [
      { file: 'moi.xlsx', bytes: ret },
    ]);
    expect(res.plan.ok).toBe(true);
    expect(res.plan.changes.map((c) => [c.taskId, c.column])).toEqual([['III.1', 'progress']]);
    expect(res.plan.skipped.map((s) => [s.taskId, s.column, s.code, s.value])).toEqual([
      ['III.1', 'adjustedDue', 'no-column', isoToSerial('2024-12-31')],
    ]);
    expect(res.plan.skipped[0].message.vi).toContain('Thời hạn điều chỉnh');
    expect(res.plan.skipped[0].message.en).toContain('Adjusted deadline');

    // Revised with its plan (one task added), the master gains the columns and keeps every entry.
    const wb = await readTrackingWorkbook(res.output as Uint8Array);
    const p = plan();
    const revisedPlan: Plan = {
      ...p,
      tasks: [...p.tasks, { ...p.tasks[0], id: 'III.8', number: '8', text: 'Nhiệm vụ mới' }],
    };
    const revised = await reviseTracking(wb, revisedPlan);
    const out = await readTrackingWorkbook(await writeXlsx(revised.spec));
    const outMap = mapColumns(out.snapshot.headers);
    expect(outMap.absent).toEqual([]);
    const row = out.snapshot.rows.find((r) => r[outMap.index.taskId!] === 'III.1')!;
    const cell = (id: TaskColumnId): RawCell => row[outMap.index[id]!];
    expect([cell('status'), cell('progress'), cell('adjustedDue')]).toEqual(['Đang thực hiện', 40, null]);
  });
});

/**
 * Adding a column is a change in the registry and nothing else: the columns the next issues bring
 * (an adjusted deadline and its basis, staff columns; the plan a task belongs to, a plan column)
 * are added to a copy of the registry, and every part of the product is loaded against that copy.
 * Each one must then draw, read, split, merge and check the new columns without knowing them.
 */
import { planRef, type TaskColumn } from '../../src/model/task-columns';
import type { Plan } from '../../src/plan/types';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';
import { fixturePlan } from '../workbook/fixture-plan';

const DATE_INPUT = {
  kind: 'date',
  prompt: { vi: 'Nhập ngày dạng dd/mm/yyyy.', en: 'Enter a date as dd/mm/yyyy.' },
  error: { vi: 'Giá trị phải là một ngày (dd/mm/yyyy).', en: 'The value must be a date (dd/mm/yyyy).' },
} as const;

const ADJUSTED_DUE: TaskColumn = {
  id: 'adjustedDue',
  label: { vi: 'Thời hạn điều chỉnh', en: 'Adjusted deadline' },
  kind: 'date',
  origin: 'staff',
  editable: true,
  merge: 'entry',
  width: 13,
  numFmt: 'dd/mm/yyyy',
  input: DATE_INPUT,
};
const BASIS: TaskColumn = {
  id: 'adjustmentBasis',
  label: { vi: 'Căn cứ điều chỉnh', en: 'Basis of the adjustment' },
  kind: 'text',
  origin: 'staff',
  editable: true,
  merge: 'entry',
  width: 30,
  numFmt: '@',
  wrap: true,
};
const PLAN_REF: TaskColumn = {
  id: 'planRef',
  label: { vi: 'Kế hoạch', en: 'Plan' },
  kind: 'text',
  origin: 'plan',
  editable: false,
  merge: 'report',
  width: 20,
  numFmt: '@',
  wrap: true,
  fromPlan: (r) => [r.plan.number, r.plan.title].filter(Boolean).join(' '),
};

type Modules = {
  columns: typeof import('../../src/model/columns');
  build: typeof import('../../src/workbook/build');
  write: typeof import('../../src/xlsx/write');
  read: typeof import('../../src/xlsx/read');
  split: typeof import('../../src/xlsx/split');
  merge: typeof import('../../src/xlsx/merge');
  render: typeof import('../../src/excel/render');
  fake: typeof import('../support/excel/strict-excel');
  check: typeof import('../../src/tracking/check');
  table: typeof import('../../src/model/table');
  revise: typeof import('../../src/app/revise');
};

/** Every module of the product, loaded against the registry with the three columns added. */
function loadWithExtendedRegistry(): Modules {
  let m: Modules | undefined;
  // Only this project's modules are loaded afresh; the libraries are shared with the outer
  // registry (ExcelJS's streams break when two copies of them meet).
  const libraries = { exceljs: require('exceljs'), jszip: require('jszip') };
  jest.isolateModules(() => {
    for (const [name, lib] of Object.entries(libraries)) jest.doMock(name, () => lib);
    jest.doMock('../../src/model/task-columns', () => {
      const actual = jest.requireActual('../../src/model/task-columns');
      const cols: TaskColumn[] = [...actual.TASK_COLUMNS];
      const has = (c: TaskColumn) => cols.some((x) => x.id === c.id);
      // In the middle, so every position after them moves: nothing may count columns by hand.
      // Those the registry has since gained (issue 17's extension columns) are tested as they are.
      if (!has(PLAN_REF)) cols.splice(1, 0, PLAN_REF);
      const extension = [ADJUSTED_DUE, BASIS].filter((c) => !has(c));
      cols.splice(cols.findIndex((c) => c.id === 'due') + 1, 0, ...extension);
      return { ...actual, TASK_COLUMNS: cols };
    });
    m = {
      columns: require('../../src/model/columns'),
      build: require('../../src/workbook/build'),
      write: require('../../src/xlsx/write'),
      read: require('../../src/xlsx/read'),
      split: require('../../src/xlsx/split'),
      merge: require('../../src/xlsx/merge'),
      render: require('../../src/excel/render'),
      fake: require('../support/excel/strict-excel'),
      check: require('../../src/tracking/check'),
      table: require('../../src/model/table'),
      revise: require('../../src/app/revise'),
    };
  });
  return m as Modules;
}

const m = loadWithExtendedRegistry();
const NEW_IDS = ['planRef', 'adjustedDue', 'adjustmentBasis'];
const REPORT_DATE = '2024-06-20';

function plan(): Plan {
  return { ...fixturePlan(), number: '74/KH-UBND' };
}
// The registry's own plan column since issue 17: its number and short title.
const PLAN_REF_TEXT = planRef({ number: '74/KH-UBND', title: fixturePlan().title });

function master(lang: 'vi' | 'en' = 'vi') {
  return m.build.buildWorkbookSpec(plan(), {
    lang,
    reportDate: REPORT_DATE,
    workbookId: 'wb-new-columns',
    now: new Date('2024-01-15T00:00:00Z'),
  });
}

async function read(bytes: Uint8Array) {
  const wb = await m.read.readTrackingWorkbook(bytes);
  return { wb, map: m.columns.mapColumns(wb.snapshot.headers) };
}

/** Types values into task cells the way another program saves them, found by header. */
async function fill(bytes: Uint8Array, edits: [string, string, UserValue][]): Promise<Uint8Array> {
  const { wb, map } = await read(bytes);
  const out: Record<string, UserValue> = {};
  for (const [taskId, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === taskId);
    const col = (map.index as Record<string, number>)[column];
    out[m.table.cellAddress(wb.snapshot, row, col)] = value;
  }
  return editCells(bytes, wb.snapshot.sheet, out);
}

async function valueOf(bytes: Uint8Array, taskId: string, column: string) {
  const { wb, map } = await read(bytes);
  const row = wb.snapshot.rows.find((r) => r[map.index.taskId as number] === taskId);
  return row?.[(map.index as Record<string, number>)[column]] ?? null;
}

describe('a column added to the registry, and only there', () => {
  const ids = () => m.columns.TASK_COLUMN_IDS as readonly string[];

  it('is in the table both renderers draw, with its header, format and validation', async () => {
    expect(ids()).toEqual(expect.arrayContaining(NEW_IDS));
    const spec = master();
    const table = spec.sheets[0].tables[0];
    expect(table.columns.map((c) => c.id)).toEqual(ids());
    const at = (id: string) => ids().indexOf(id);
    expect(table.columns[at('adjustedDue')]).toMatchObject({ header: 'Thời hạn điều chỉnh', kind: 'date' });
    // The plan column takes its value from the plan; the staff columns start blank.
    expect(table.rows[0][at('planRef')]).toEqual({ t: 'text', v: PLAN_REF_TEXT });
    expect(table.rows[0][at('adjustedDue')]).toBeNull();
    const letter = m.columns.taskColumnLetter('adjustedDue' as never);
    expect(spec.sheets[0].validations).toContainEqual(
      expect.objectContaining({
        kind: 'date',
        range: `${letter}2:${letter}${2 + spec.meta.tasks.length - 1 + 2000}`,
      }),
    );
    // The state formula still reads the right cells although every column after them moved.
    const state = table.rows[0][at('state')];
    expect(state?.t === 'formula' && state.f).toContain(`${m.columns.taskColumnLetter('due')}2`);

    // .xlsx
    const { wb } = await read(await m.write.writeXlsx(spec));
    expect(wb.snapshot.headers).toEqual(table.columns.map((c) => c.header));
    // Excel, through office-js (the strict double)
    const x = new m.fake.StrictExcel();
    x.addSheet('Sheet1');
    await m.render.renderWorkbook(x.requestContext, spec);
    for (const id of NEW_IDS) {
      const header = table.columns[at(id)].header;
      expect(x.at('Nhiệm vụ', `${m.columns.taskColumnLetter(id as never)}1`)?.value).toBe(header);
    }
    expect(x.at('Nhiệm vụ', `${m.columns.taskColumnLetter('planRef' as never)}2`)?.value).toBe(PLAN_REF_TEXT);
    const sheet = x.sheetByName('Nhiệm vụ');
    expect(sheet?.validations.some((v) => v.address.startsWith(`${letter}2:`))).toBe(true);
  });

  it('is read back, and checked like any column of its kind', async () => {
    const id = plan().tasks[0].id;
    const bytes = await fill(await m.write.writeXlsx(master()), [
      // After the plan's date (10/04/2024): only the text-for-a-date is wrong.
      [id, 'adjustedDue', '05/12/2024'],
      [id, 'adjustmentBasis', 'Công văn số 123/VP-TH ngày 05/3/2024'],
    ]);
    const { wb, map } = await read(bytes);
    expect(map.missing).toEqual([]);
    expect(await valueOf(bytes, id, 'adjustmentBasis')).toBe('Công văn số 123/VP-TH ngày 05/3/2024');
    // A date typed as text in the new date column is reported at its cell.
    const findings = m.check.checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate: REPORT_DATE });
    const cell = `${m.columns.taskColumnLetter('adjustedDue' as never)}2`;
    expect(findings.filter((f) => f.cell === cell).map((f) => f.code)).toEqual(['date.as_text']);
  });

  it('travels to the agency copies and comes back merged, its edits logged', async () => {
    const tasks = plan().tasks.filter((t) => t.lead);
    const [a, b] = [tasks[0], tasks.find((t) => t.lead === tasks[0].lead && t !== tasks[0]) ?? tasks[0]];
    const serial = 45400; // 19/04/2024
    const filled = await fill(await m.write.writeXlsx(master()), [[a.id, 'adjustedDue', serial]]);
    const { files } = await m.split.splitWorkbook(filled);
    const copy = files.find((f) => f.taskIds.includes(a.id))!;
    expect(await valueOf(copy.bytes, a.id, 'adjustedDue')).toBe(serial);
    expect(await valueOf(copy.bytes, a.id, 'planRef')).toBe(PLAN_REF_TEXT);
    expect((await read(copy.bytes)).wb.meta?.baseEntries?.[a.id]).toMatchObject({ adjustedDue: serial });

    const ret = await fill(copy.bytes, [
      [a.id, 'adjustedDue', serial + 30],
      [b.id, 'adjustmentBasis', 'Công văn 45/UBND'],
      [a.id, 'planRef', 'Kế hoạch khác'],
    ]);
    const res = await m.merge.mergeWorkbooks({ file: 'master.xlsx', bytes: filled }, [
      { file: 'copy.xlsx', bytes: ret },
    ]);
    expect(res.plan.ok).toBe(true);
    expect(res.plan.changes.map((c) => [c.taskId, c.column]).sort()).toEqual(
      [
        [a.id, 'adjustedDue'],
        [b.id, 'adjustmentBasis'],
      ].sort(),
    );
    // A plan column edited by the agency is reported, never merged.
    expect(res.plan.notices.map((n) => [n.taskId, n.column])).toContainEqual([a.id, 'planRef']);
    const out = res.output as Uint8Array;
    expect(await valueOf(out, a.id, 'adjustedDue')).toBe(serial + 30);
    expect(await valueOf(out, b.id, 'adjustmentBasis')).toBe('Công văn 45/UBND');
    expect(await valueOf(out, a.id, 'planRef')).toBe(PLAN_REF_TEXT);
    expect(res.history.map((h) => h.column)).toContain('adjustedDue');
  });

  it('is kept by a revision of the plan, for the tasks kept and for those removed', async () => {
    const old = plan();
    const [kept, dropped] = [old.tasks[0], old.tasks[1]];
    const filled = await fill(await m.write.writeXlsx(master()), [
      [kept.id, 'adjustedDue', 45500],
      [kept.id, 'adjustmentBasis', 'Công văn 7/UBND'],
      [dropped.id, 'adjustmentBasis', 'Công văn 8/UBND'],
    ]);
    const { wb } = await read(filled);
    // The revision drops one task and comes with a new number: the plan column follows it.
    const revised: Plan = { ...old, number: '75/KH-UBND', tasks: old.tasks.filter((t) => t !== dropped) };
    const { spec, table } = await m.revise.reviseTracking(wb, revised);
    expect(table.removed).toEqual([dropped.id]);
    const out = await m.write.writeXlsx(spec);
    expect(await valueOf(out, kept.id, 'adjustedDue')).toBe(45500);
    expect(await valueOf(out, kept.id, 'adjustmentBasis')).toBe('Công văn 7/UBND');
    expect(await valueOf(out, kept.id, 'planRef')).toBe(planRef({ number: '75/KH-UBND', title: old.title }));
    expect(await valueOf(out, dropped.id, 'adjustmentBasis')).toBe('Công văn 8/UBND');
  });
});

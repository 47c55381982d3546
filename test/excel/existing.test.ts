import { localizeAll } from '../../src/model/msg';
import { buildTrackingWorkbook, detectExisting, ExistingWorkbookError } from '../../src/excel/existing';
import { REMOVED_MARK } from '../../src/tracking/revise-table';
import { readTracking } from '../../src/excel/read';
import { CountingExcel, FakeExcelError } from '../../src/excel/testing/counting-context';
import { scalePlan } from '../../src/excel/testing/plans';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import { REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import { STATUS_LABELS } from '../../src/model/labels';
import { parseMeta } from '../../src/tracking/meta';
import { columnLetter } from '../../src/model/table';
import { mapColumns } from '../../src/model/columns';
import type { Plan } from '../../src/plan/types';
import { samplePlan, specFor, updateWith } from './helpers';

const names = localizeAll(SHEET_NAMES, 'vi');
const col = (id: (typeof TASK_COLUMN_IDS)[number]) => columnLetter(TASK_COLUMN_IDS.indexOf(id));

function userWorkbook(): CountingExcel {
  const x = new CountingExcel();
  const s = x.addSheet('Sheet1');
  x.writeInput(x.cell(s, 0, 0), 'Dữ liệu của tôi', false);
  return x;
}

/** Staff entries typed into the built table: row index → values. */
function enterEntries(
  x: CountingExcel,
  rows: number[],
): Map<string, { status: string; result: string; done: number; note: string }> {
  const sheet = x.requireSheet(names.tasks);
  const entered = new Map<string, { status: string; result: string; done: number; note: string }>();
  for (const i of rows) {
    const r = i + 2;
    const id = String(x.at(names.tasks, `${col('taskId')}${r}`)!.value);
    const e = {
      status: STATUS_LABELS.done.vi,
      result: `Đã ban hành văn bản số ${i + 1}/KH`,
      done: isoToSerial('2024-03-15') + i,
      // Starts with "-": must survive the rebuild as text.
      note: `- ghi chú ${i}`,
    };
    const put = (c: string, v: string | number) => {
      const b = { r: r - 1, c: TASK_COLUMN_IDS.indexOf(c as (typeof TASK_COLUMN_IDS)[number]) };
      x.writeInput(x.cell(sheet, b.r, b.c), v, false);
    };
    put('status', e.status);
    put('result', e.result);
    put('completedOn', e.done);
    put('note', e.note);
    entered.set(id, e);
  }
  return entered;
}

/** The plan revised: one task dropped, one added, the rest unchanged. */
function revise(plan: Plan, dropIndex: number): Plan {
  const tasks = plan.tasks.filter((_t, i) => i !== dropIndex);
  const extra = {
    ...plan.tasks[0],
    id: 'IV.99',
    number: '99',
    text: 'Nhiệm vụ mới bổ sung trong kế hoạch sửa đổi',
    line: 999,
  };
  return { ...plan, tasks: [...tasks, extra] };
}

function sheetNames(x: CountingExcel): string[] {
  return x.state.sheets.map((s) => s.name);
}

describe('detecting and protecting an existing tracking workbook', () => {
  it('finds nothing in a plain workbook and builds fresh', async () => {
    const x = userWorkbook();
    const info = await detectExisting(x.requestContext);
    expect(info.found).toBe(false);
    const result = await buildTrackingWorkbook(x.requestContext, specFor(samplePlan()));
    expect(result.mode).toBe('fresh');
    expect(sheetNames(x)).toContain(names.tasks);
    const again = await detectExisting(x.requestContext);
    expect(again.found).toBe(true);
    expect(again.tableSheet).toBe(names.tasks);
    expect(again.metaSheet).toBe(names.meta);
  });

  it('asks (update or new sheets) instead of overwriting, and changes nothing', async () => {
    const x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(samplePlan()));
    const entered = enterEntries(x, [0, 1]);
    const before = sheetNames(x);
    const err = await buildTrackingWorkbook(x.requestContext, specFor(samplePlan())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExistingWorkbookError);
    expect((err as ExistingWorkbookError).choices).toEqual(['update', 'new-sheets']);
    expect((err as ExistingWorkbookError).msg.vi).toMatch(/Cập nhật/);
    expect((err as ExistingWorkbookError).msg.en).toMatch(/Update/);
    expect(sheetNames(x)).toEqual(before);
    const [id] = [...entered.keys()];
    expect(x.at(names.tasks, `${col('taskId')}2`)!.value).toBe(id);
    expect(x.at(names.tasks, `${col('result')}2`)!.value).toBe(entered.get(id)!.result);
  });
});

describe('update mode: revising the task list keeps every entry', () => {
  const plan = samplePlan();
  const revised = revise(plan, 1);
  let x: CountingExcel;
  let entered: Map<string, { status: string; result: string; done: number; note: string }>;
  let droppedId: string;
  let result: Awaited<ReturnType<typeof buildTrackingWorkbook>>;

  beforeAll(async () => {
    x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(plan));
    entered = enterEntries(x, [0, 1, 2, 5]);
    droppedId = plan.tasks[1].id;
    // A column staff added to the right of the table, with content.
    const sheet = x.requireSheet(names.tasks);
    const extraCol = TASK_COLUMN_IDS.length;
    x.writeInput(x.cell(sheet, 0, extraCol), 'Người theo dõi', false);
    x.writeInput(x.cell(sheet, 1, extraCol), 'Chị Lan', false);
    x.state.tables.find((t) => t.name === TABLE_NAME)!.cols += 1;
    // Staff moved the report date to their own cut-off.
    x.writeInput(x.cell(x.requireSheet(names.summary), 2, 1), isoToSerial('2024-09-14'), false);
    result = await buildTrackingWorkbook(x.requestContext, specFor(revised), updateWith(revised));
  });

  it('keeps the entries of tasks still in the plan, under the same task', async () => {
    const read = await readTracking(x.requestContext);
    const map = mapColumns(read.snapshot.headers);
    const byId = new Map(read.snapshot.rows.map((r) => [String(r[map.index.taskId!]), r]));
    for (const [id, e] of entered) {
      const row = byId.get(id)!;
      expect(row).toBeDefined();
      expect(row[map.index.status!]).toBe(e.status);
      expect(row[map.index.result!]).toBe(e.result);
      expect(row[map.index.completedOn!]).toBe(e.done);
      if (id === droppedId) expect(String(row[map.index.note!])).toBe(`${REMOVED_MARK.vi} ${e.note}`);
      else expect(row[map.index.note!]).toBe(e.note);
    }
    // Every task in both plans is matched (with or without entries).
    expect(result.kept.sort()).toEqual(
      revised.tasks
        .map((t) => t.id)
        .filter((id) => id !== 'IV.99')
        .sort(),
    );
  });

  it('keeps the removed task, marked, at the end; adds the new task blank', async () => {
    const read = await readTracking(x.requestContext);
    const map = mapColumns(read.snapshot.headers);
    const ids = read.snapshot.rows.map((r) => String(r[map.index.taskId!]));
    expect(ids[ids.length - 1]).toBe(droppedId);
    expect(ids).toContain('IV.99');
    expect(result.removed).toEqual([droppedId]);
    expect(result.added).toEqual(['IV.99']);
    const added = read.snapshot.rows[ids.indexOf('IV.99')];
    expect(added[map.index.status!]).toBeNull();
    expect(read.snapshot.rows).toHaveLength(revised.tasks.length + 1);
  });

  it('keeps the report date staff set', async () => {
    const read = await readTracking(x.requestContext);
    expect(read.reportDate).toBe('2024-09-14');
  });

  it('keeps a column staff added', async () => {
    const read = await readTracking(x.requestContext);
    const i = read.snapshot.headers.indexOf('Người theo dõi');
    expect(i).toBeGreaterThanOrEqual(0);
    const map = mapColumns(read.snapshot.headers);
    const first = read.snapshot.rows.find((r) => r[map.index.taskId!] === plan.tasks[0].id)!;
    expect(first[i]).toBe('Chị Lan');
    expect(result.extraColumns).toEqual(['Người theo dõi']);
  });

  it('ends with the final sheet, table and name names, and no temporary sheet', () => {
    expect(sheetNames(x).some((n) => n.startsWith('~pt'))).toBe(false);
    const backup = `${names.tasks} (trước cập nhật)`;
    expect(result.backupSheet).toBe(backup);
    expect(sheetNames(x).sort()).toEqual(
      ['Sheet1', names.tasks, names.summary, names.lists, names.guide, names.meta, backup].sort(),
    );
    expect(x.requireSheet(backup).visibility).toBe('Hidden');
    expect(x.state.tables.find((t) => t.name === TABLE_NAME)!.sheet.name).toBe(names.tasks);
    // The backup still holds what staff typed, as it was.
    const [id, e] = [...entered][0];
    expect(x.at(backup, `${col('taskId')}2`)!.value).toBe(id);
    expect(x.at(backup, `${col('result')}2`)!.value).toBe(e.result);
    expect(x.state.names.get(REPORT_DATE_NAME)).toBe(`='${names.summary}'!$B$3`);
    for (const f of x.state.names.values()) expect(f).not.toMatch(/~pt|#REF/);
    const summary = x.requireSheet(names.summary);
    const formulas = [...summary.cells.values()].map((c) => c.formula).filter((f): f is string => !!f);
    expect(formulas.some((f) => f.includes(`'${names.tasks}'!`))).toBe(true);
    for (const f of formulas) expect(f).not.toMatch(/~pt|#REF/);
    expect(x.requireSheet(names.meta).visibility).toBe('VeryHidden');
    expect(x.valuesOf('Sheet1', 'A1')).toEqual([['Dữ liệu của tôi']]);
  });

  it('stores the revised plan in the meta sheet and keeps row formulas aligned', async () => {
    const read = await readTracking(x.requestContext);
    expect(read.meta?.tasks.map((t) => t.id)).toEqual(revised.tasks.map((t) => t.id));
    expect(parseMeta(x.valuesOf(names.meta, 'A1:B20'))).not.toBeNull();
    const n = read.snapshot.rows.length;
    for (const r of [2, n + 1]) {
      const f = x.at(names.tasks, `${col('state')}${r}`)!.formula!;
      expect(f).toContain(`${col('status')}${r}`);
    }
    expect(read.snapshot.headers.slice(0, TASK_COLUMN_IDS.length)).toEqual(
      TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi')),
    );
  });

  it('uses the same number of syncs for a small and a large plan', async () => {
    const syncs: number[] = [];
    for (const n of [100, 2000]) {
      const y = userWorkbook();
      const big = scalePlan(plan, n, 3);
      await buildTrackingWorkbook(y.requestContext, specFor(big));
      const start = y.syncs.length;
      const r = await buildTrackingWorkbook(
        y.requestContext,
        specFor(revise(big, 0)),
        updateWith(revise(big, 0)),
      );
      syncs.push(r.syncs);
      expect(r.syncs).toBe(y.syncs.length - start);
      expect(Math.max(...y.syncs.slice(start).map((s) => s.requestBytes))).toBeLessThan(4 * 1024 * 1024);
    }
    expect(syncs[0]).toBe(syncs[1]);
    // detect + read (2) + 4 data + finishing + swap
    expect(syncs[0]).toBe(9);
  });
});

describe('update mode: a failure leaves the user data untouched', () => {
  it('removes the temporary sheets and keeps the old sheets and entries as they were', async () => {
    const plan = samplePlan();
    const x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(plan));
    const entered = enterEntries(x, [0, 3]);
    const before = sheetNames(x);
    const namesBefore = new Map(x.state.names);
    const snapshotBefore = x.valuesOf(names.tasks, `A1:${col('state')}${plan.tasks.length + 1}`);
    // detect (1) + read (2) + inventory-free render: fail inside the second data request.
    x.failAt = {
      sync: x.syncs.length + 5,
      afterCommands: 3,
      error: new FakeExcelError('GeneralException', 'network'),
    };
    await expect(
      buildTrackingWorkbook(x.requestContext, specFor(revise(plan, 0)), updateWith(revise(plan, 0))),
    ).rejects.toThrow('network');
    expect(sheetNames(x)).toEqual(before);
    expect(new Map(x.state.names)).toEqual(namesBefore);
    expect(x.valuesOf(names.tasks, `A1:${col('state')}${plan.tasks.length + 1}`)).toEqual(snapshotBefore);
    expect(x.state.tables.map((t) => t.name)).toEqual([TABLE_NAME]);
    for (const [id] of entered) expect(snapshotBefore.some((r) => r[0] === id)).toBe(true);
  });
});

describe('new-sheets mode', () => {
  it('builds next to the old workbook under suffixed names and leaves the old one alone', async () => {
    const plan = samplePlan();
    const x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(plan));
    enterEntries(x, [0]);
    const oldValues = x.valuesOf(names.tasks, `A1:${col('state')}5`);
    const result = await buildTrackingWorkbook(x.requestContext, specFor(revise(plan, 0)), {
      mode: 'new-sheets',
    });
    expect(result.mode).toBe('new-sheets');
    expect(result.sheetNames.tasks).toBe(`${names.tasks} (2)`);
    expect(x.valuesOf(names.tasks, `A1:${col('state')}5`)).toEqual(oldValues);
    expect(x.state.tables.map((t) => t.name).sort()).toEqual([TABLE_NAME, `${TABLE_NAME}_2`]);
    expect(x.state.names.get(`${REPORT_DATE_NAME}_2`)).toBe(`='${names.summary} (2)'!$B$3`);
    expect(x.state.names.get(REPORT_DATE_NAME)).toBe(`='${names.summary}'!$B$3`);
    const f = x.at(`${names.tasks} (2)`, `${col('state')}2`)!.formula!;
    expect(f).toContain(`${REPORT_DATE_NAME}_2`);
    const v = x
      .requireSheet(`${names.tasks} (2)`)
      .validations.find((d) => d.address.startsWith(col('status')))!;
    expect(JSON.stringify(v.rule)).toMatch(/DsTrangThai_2/);
  });
});

describe('update mode: deadlines follow the revised plan unless staff changed them', () => {
  it('takes a revised deadline for an untouched row and keeps a deadline staff typed', async () => {
    const plan = samplePlan();
    const dated = plan.tasks.findIndex((t) => t.deadlines.some((d) => d.due));
    const other = dated === 0 ? 1 : 0;
    expect(dated).toBeGreaterThanOrEqual(0);
    const x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(plan));
    const sheet = x.requireSheet(names.tasks);
    const dueCol = TASK_COLUMN_IDS.indexOf('due');
    const builtDue = x.peek(sheet, dated + 1, dueCol)!.value;
    expect(typeof builtDue).toBe('number');
    // Staff set a deadline on one row; the dated row is left as built.
    x.writeInput(x.cell(sheet, other + 1, dueCol), isoToSerial('2025-05-31'), false);
    const newDeadline = [{ category: 'due' as const, raw: 'trước ngày 30/9/2026', due: '2026-09-30' }];
    const revisedTasks = plan.tasks.map((t, i) =>
      i === dated || i === other ? { ...t, deadlines: newDeadline } : t,
    );
    const revisedPlan = { ...plan, tasks: revisedTasks };
    await buildTrackingWorkbook(x.requestContext, specFor(revisedPlan), updateWith(revisedPlan));
    const read = await readTracking(x.requestContext);
    const map = mapColumns(read.snapshot.headers);
    const due = (id: string) => read.snapshot.rows.find((r) => r[map.index.taskId!] === id)![map.index.due!];
    expect(due(plan.tasks[other].id)).toBe(isoToSerial('2025-05-31'));
    expect(due(plan.tasks[dated].id)).toBe(isoToSerial('2026-09-30'));
    expect(builtDue).not.toBe(isoToSerial('2026-09-30'));
  });
});

describe('update mode: a renumbered plan', () => {
  it('carries entries to the task with the same text, not the same number', async () => {
    const plan = samplePlan();
    // The first task of a numbered group is dropped and the rest of the group renumbered, as
    // an editor would do: IV.3.2 becomes IV.3.1, and so on.
    const first = plan.tasks.findIndex((t, i) => {
      const next = plan.tasks[i + 1];
      return next && t.section === next.section && t.group && t.group === next.group;
    });
    expect(first).toBeGreaterThanOrEqual(0);
    const group = plan.tasks[first].group;
    const members = plan.tasks.map((t, i) => ({ t, i })).filter(({ t }) => t.group === group);
    const renumbered = plan.tasks
      .filter((_t, i) => i !== first)
      .map((t) => {
        const k = members.findIndex((m) => m.t === t);
        return k > 0 ? { ...t, id: members[k - 1].t.id, number: members[k - 1].t.number } : t;
      });
    const x = userWorkbook();
    await buildTrackingWorkbook(x.requestContext, specFor(plan));
    const entered = enterEntries(x, [first + 1]);
    const [[oldId, e]] = [...entered];
    const renumberedPlan = { ...plan, tasks: renumbered };
    const result = await buildTrackingWorkbook(
      x.requestContext,
      specFor(renumberedPlan),
      updateWith(renumberedPlan),
    );
    const read = await readTracking(x.requestContext);
    const map = mapColumns(read.snapshot.headers);
    const text = plan.tasks[first + 1].text;
    const row = read.snapshot.rows.find(
      (r) => r[map.index.text!] === text && r[map.index.taskId!] !== oldId,
    )!;
    expect(row).toBeDefined();
    expect(row[map.index.taskId!]).toBe(plan.tasks[first].id);
    expect(row[map.index.result!]).toBe(e.result);
    expect(result.renumbered).toContainEqual({ oldId, newId: plan.tasks[first].id });
    expect(result.removed).toEqual([plan.tasks[first].id]);
    // The dropped task is kept at the end, marked, without the entries of its successor.
    const last = read.snapshot.rows[read.snapshot.rows.length - 1];
    expect(last[map.index.text!]).toBe(plan.tasks[first].text);
    expect(last[map.index.result!]).toBeNull();
  });
});

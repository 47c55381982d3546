/**
 * A master for many plans (issue 17, first step): three real plans in one master through `add`,
 * then split per agency across the plans and every return merged back with nothing lost.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { addPlanToMaster } from '../../src/app/add-plan';
import { mapColumns } from '../../src/model/columns';
import { columnLetter } from '../../src/model/table';
import { planRef } from '../../src/model/task-columns';
import { isoToSerial } from '../../src/model/dates';
import { checkTracking } from '../../src/tracking/check';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { readEntries } from '../../src/tracking/entries';
import { summarize } from '../../src/tracking/summary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';

const REAL = join(__dirname, '../fixtures/real');
const FILES = ['ha-tinh-624-kh-ubnd-2025.txt', 'can-tho-165-kh-ubnd-2025.txt', 'hcm-174-kh-ubnd-2025.txt'];
const REPORT_DATE = '2025-09-30';

function plan(file: string): { plan: Plan; text: string } {
  const text = readFileSync(join(REAL, file), 'utf8');
  return { plan: parsePlan(text), text };
}

async function portfolio() {
  const [a, b, c] = FILES.map(plan);
  let bytes = await writeXlsx(
    buildWorkbookSpec(a.plan, {
      lang: 'vi',
      reportDate: REPORT_DATE,
      workbookId: 'wb-portfolio',
      sourceText: a.text,
    }),
  );
  const prefixes: string[] = [];
  for (const next of [b, c]) {
    const added = await addPlanToMaster(await readTrackingWorkbook(bytes), next.plan, {
      sourceText: next.text,
    });
    prefixes.push(added.prefix);
    bytes = await writeXlsx(added.spec);
  }
  return { bytes, plans: [a.plan, b.plan, c.plan], prefixes };
}

describe('three real plans in one master', () => {
  let built: Awaited<ReturnType<typeof portfolio>>;
  beforeAll(async () => {
    built = await portfolio();
  }, 120_000);

  it('holds every task once, with its plan, under ids unique across the plans', async () => {
    const { bytes, plans, prefixes } = built;
    expect(prefixes).toEqual(['KH165', 'KH174']);
    const wb = await readTrackingWorkbook(bytes);
    const map = mapColumns(wb.snapshot.headers);
    expect(map.missing).toEqual([]);
    expect(map.absent).toEqual([]);
    const { entries } = readEntries(wb.snapshot);
    const expectedIds = [
      ...plans[0].tasks.map((t) => t.id),
      ...plans[1].tasks.map((t) => `KH165.${t.id}`),
      ...plans[2].tasks.map((t) => `KH174.${t.id}`),
    ];
    expect(entries.map((e) => e.taskId)).toEqual(expectedIds);
    expect(new Set(expectedIds).size).toBe(expectedIds.length);
    // The Kế hoạch column names each task's plan; the meta keeps one record per plan.
    const refOf = (p: Plan) => planRef(p);
    expect(refOf(plans[1])).toMatch(/^165\/KH-UBND \S.{0,40}…$/);
    const planCol = map.index.planRef!;
    const refs = wb.snapshot.rows.map((r) => r[planCol]);
    expect(refs).toEqual([
      ...plans[0].tasks.map(() => refOf(plans[0])),
      ...plans[1].tasks.map(() => refOf(plans[1])),
      ...plans[2].tasks.map(() => refOf(plans[2])),
    ]);
    expect(wb.meta?.plans?.map((p) => [p.number, p.taskIds.length])).toEqual(
      plans.map((p) => [p.number, p.tasks.length]),
    );
    expect(wb.meta?.tasks.map((t) => t.id)).toEqual(expectedIds);
    // The same plan again is refused, and changes nothing.
    await expect(addPlanToMaster(wb, plans[1], { sourceText: plan(FILES[1]).text })).rejects.toMatchObject({
      msg: { vi: expect.stringContaining('đã có trong sổ tổng') },
    });
    // One agency, one row: Sở Y tế leads tasks in all three plans.
    const summary = summarize(entries, { reportDate: REPORT_DATE });
    const yTe = summary.byAgency.filter((r) => r.key === agencyKey('Sở Y tế'));
    expect(yTe).toHaveLength(1);
    const leadsOf = (p: Plan) => {
      const names = new Map(p.agencies.map((x) => [x.key, x.name]));
      return p.tasks.filter((t) => t.lead && agencyKey(names.get(t.lead) ?? '') === agencyKey('Sở Y tế'));
    };
    const perPlan = plans.map((p) => leadsOf(p).length);
    expect(perPlan.every((n) => n > 0)).toBe(true);
    expect(yTe[0].total).toBe(perPlan.reduce((x, y) => x + y, 0));

    // An adjusted deadline is judged against its own plan's date: 20/11/2025 is after the first
    // plan (19/11/2025) and before the second (21/11/2025).
    expect([plans[0].issuedOn, plans[1].issuedOn]).toEqual(['2025-11-19', '2025-11-21']);
    const adjusted = map.index.adjustedDue!;
    const firstId = plans[0].tasks[0].id;
    const secondId = `KH165.${plans[1].tasks[0].id}`;
    const rows = wb.snapshot.rows.map((r) => {
      const id = r[map.index.taskId!];
      if (id !== firstId && id !== secondId) return r;
      const copy = [...r];
      copy[adjusted] = isoToSerial('2025-11-20');
      return copy;
    });
    const findings = checkTracking({
      snapshot: { ...wb.snapshot, rows },
      meta: wb.meta,
      reportDate: REPORT_DATE,
    });
    expect(findings.filter((f) => f.code === 'adjustment.before_plan').map((f) => f.taskId)).toEqual([
      secondId,
    ]);
  });

  it('splits one copy per agency across the plans, and merges every return back, nothing lost', async () => {
    const { bytes } = built;
    const { files } = await splitWorkbook(bytes);
    const across = files.filter(
      (f) => new Set(f.taskIds.map((id) => /^KH\d+\./.exec(id)?.[0] ?? '')).size > 1,
    );
    expect(across.length).toBeGreaterThan(0);
    // Every agency fills every task of its copy: a status, a progress, a result.
    const returns: { file: string; bytes: Uint8Array }[] = [];
    const expected = new Map<string, [string, number, string]>();
    for (const [k, f] of files.entries()) {
      const wb = await readTrackingWorkbook(f.bytes);
      const map = mapColumns(wb.snapshot.headers);
      const edits: Record<string, UserValue> = {};
      wb.snapshot.rows.forEach((r, i) => {
        const id = String(r[map.index.taskId!]);
        const cell = (col: number) =>
          `${columnLetter(wb.snapshot.firstCol + col)}${wb.snapshot.headerRow + 1 + i}`;
        const value: [string, number, string] = ['Đang thực hiện', (k * 7 + i) % 100, `Kết quả ${id}`];
        edits[cell(map.index.status!)] = value[0];
        edits[cell(map.index.progress!)] = value[1];
        edits[cell(map.index.result!)] = value[2];
        expected.set(id, value);
      });
      returns.push({ file: f.fileName, bytes: await editCells(f.bytes, wb.snapshot.sheet, edits) });
    }
    const res = await mergeWorkbooks({ file: 'master.xlsx', bytes }, returns);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.skipped).toEqual([]);
    expect(res.plan.conflicts).toEqual([]);
    const merged = await readTrackingWorkbook(res.output as Uint8Array);
    const { entries } = readEntries(merged.snapshot);
    const assigned = entries.filter((e) => expected.has(e.taskId));
    expect(assigned.length).toBe(expected.size);
    for (const e of assigned) {
      const [, progress, result] = expected.get(e.taskId)!;
      expect([e.taskId, e.status, e.progress, e.result]).toEqual([e.taskId, 'in_progress', progress, result]);
    }
    // The plans' records survive the merge.
    expect(merged.meta?.plans?.length).toBe(3);
  });
});

/**
 * A master of 100 plans × 100 tasks (issue 17): summary, check and split at that size, each in
 * turns with its floor, the same work on a master of ONE plan of the same 10,000 tasks (what the
 * portfolio must not cost much more than): the plan records, the `Kế hoạch` column and agencies
 * spelled two ways across plans (one alias recorded) are what differs.
 */
import { checkWorkbook } from '../src/app/check';
import { summariseWorkbook } from '../src/app/summary';
import type { PlanRecord, WorkbookMeta } from '../src/model/workbook-meta';
import { planRef } from '../src/model/task-columns';
import { parsePlan } from '../src/plan/parse';
import type { Plan } from '../src/plan/types';
import { planRowCells } from '../src/tracking/plan-rows';
import { buildTrackingSpec, planMeta, taskList } from '../src/workbook/build';
import { readTrackingWorkbookSync } from '../src/xlsx/read';
import { splitWorkbook } from '../src/xlsx/split';
import { writeXlsx } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';
import type { Result } from './measure';
import { inTurns } from './timing';

const PLANS = 100;
const TASKS = 100;
const REPORT = '2024-06-14';

async function portfolioBytes(): Promise<{ portfolio: Uint8Array; single: Uint8Array }> {
  const base = scalePlan(parsePlan(sampleText()), TASKS);
  const plans: Plan[] = Array.from({ length: PLANS }, (_, k) => ({
    ...base,
    number: `${k + 1}/KH-UBND`,
    title: `${base.title} (${k + 1})`,
    // Every other plan writes the People's Committee abbreviated, as drafters do.
    tasks: base.tasks.map((t) => ({
      ...t,
      id: k === 0 ? t.id : `KH${k + 1}.${t.id}`,
      lead: t.lead,
    })),
  }));
  const rows = plans.flatMap((p, k) =>
    planRowCells(p, 'vi').map((r) => ({
      ...r,
      lead: k % 2 && typeof r.lead === 'string' ? r.lead.replace(/ tỉnh$/, ' Tỉnh') + ' ' : r.lead,
    })),
  );
  const records: PlanRecord[] = plans.map((p) => ({
    title: p.title,
    number: p.number,
    issuedOn: p.issuedOn,
    fingerprint: `fp-${p.number}`,
    ref: planRef(p),
    taskIds: p.tasks.map((t) => t.id),
  }));
  const one = { ...base, tasks: plans.flatMap((p) => p.tasks) };
  const meta: WorkbookMeta = {
    ...planMeta(one, rows, { lang: 'vi', reportDate: REPORT, workbookId: 'bench-portfolio' }),
    tasks: taskList(rows),
    plans: records,
    agencyAliases: [{ from: 'Sở Nội vụ', to: 'Sở Nội vụ tỉnh' }],
  };
  const spec = (m: WorkbookMeta, withRefs: boolean) =>
    buildTrackingSpec({
      lang: 'vi',
      reportDate: REPORT,
      planTitle: base.title,
      agencies: base.agencies.map((a) => a.name),
      rows: withRefs
        ? rows
        : rows.map((r) => ({ ...r, planRef: null, lead: base.tasks.length ? r.lead : r.lead })),
      meta: m,
    });
  const singleMeta: WorkbookMeta = { ...meta, plans: undefined, agencyAliases: undefined };
  return { portfolio: await writeXlsx(spec(meta, true)), single: await writeXlsx(spec(singleMeta, false)) };
}

export async function portfolioBenchmark(): Promise<Result[]> {
  const { portfolio, single } = await portfolioBytes();
  const n = PLANS * TASKS;
  const wbP = readTrackingWorkbookSync(portfolio);
  const wbS = readTrackingWorkbookSync(single);
  const out: Result[] = [];
  const pairs: [string, () => unknown, () => unknown, number][] = [
    ['summary', () => summariseWorkbook(wbP), () => summariseWorkbook(wbS), 7],
    [
      'check',
      () => checkWorkbook(readTrackingWorkbookSync(portfolio)),
      () => checkWorkbook(readTrackingWorkbookSync(single)),
      3,
    ],
  ];
  for (const [name, product, floor, runs] of pairs) {
    const t = inTurns(runs, { product, floor });
    out.push(
      { name: `portfolio.${name}.cpu`, size: n, value: t.product.cpu, unit: 'ms cpu' },
      { name: `portfolio.${name}.floor.cpu`, size: n, value: t.floor.cpu, unit: 'ms cpu' },
      { name: `portfolio.${name}.ratio.cpu`, size: n, value: t.product.cpu / t.floor.cpu, unit: '× floor' },
    );
  }
  // Split is asynchronous: timed in turns by hand, median of 3.
  const times = { product: [] as number[], floor: [] as number[] };
  for (let i = 0; i < 3; i++)
    for (const [k, bytes] of [
      ['product', portfolio],
      ['floor', single],
    ] as const) {
      const t0 = process.cpuUsage();
      await splitWorkbook(bytes);
      const d = process.cpuUsage(t0);
      times[k].push((d.user + d.system) / 1000);
    }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  out.push(
    { name: 'portfolio.split.cpu', size: n, value: med(times.product), unit: 'ms cpu' },
    { name: 'portfolio.split.floor.cpu', size: n, value: med(times.floor), unit: 'ms cpu' },
    {
      name: 'portfolio.split.ratio.cpu',
      size: n,
      value: med(times.product) / med(times.floor),
      unit: '× floor',
    },
  );
  return out;
}

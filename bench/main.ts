/**
 * `npm run bench`: every benchmark in one go. Prints a table and writes bench/results.json as
 * [{ name, size, value, unit }]. Not a test: nothing here fails on a slow machine.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../src/plan/parse';
import { checkTracking } from '../src/tracking/check';
import { walkActions } from '../test/support/excel/walk';
import { buildWorkbookSpec, taskList } from '../src/workbook/build';
import { planRowCells } from '../src/tracking/plan-rows';
import { untouchedTasks } from '../src/tracking/task-hash';
import { cellText } from '../src/tracking/entries';
import { PLAN_COLUMN_IDS } from '../src/model/columns';
import { filledSnapshot, ROOT, sampleText, scalePlan } from './generate';
import { child, median, Result, timeMedian } from './measure';
import type { ChildAnswer } from './child';
import { taskpaneBenchmarks } from './taskpane';
import { mergeBenchmark } from './merge';
import { readBenchmark } from './read';
import { reportSheetsBenchmark } from './report-sheets';
import { reviseBenchmark } from './revise';
import { checkFileBenchmark, GROWTH_SIZES } from './check-file';
import { portfolioBenchmark } from './portfolio';
import { growth, stepLabel } from './timing';
import { writeBenchmarks } from './xlsx';
import { parseBenchmark } from './parse';

const results: Result[] = [];

function record(name: string, size: number | string, value: number, unit: string): void {
  const r = { name, size, value: Math.round(value * 100) / 100, unit };
  results.push(r);
  process.stdout.write(
    `${name.padEnd(40)} ${String(size).padStart(10)} ${String(r.value).padStart(14)} ${unit}\n`,
  );
}

function parseBench(): void {
  for (const r of parseBenchmark()) record(r.name, r.size, r.value, r.unit);
}

function xlsxBench(): void {
  for (const n of [1_000, 10_000, 50_000]) {
    const runs = n >= 50_000 ? 1 : 3;
    const answers: ChildAnswer[] = [];
    for (let i = 0; i < runs; i++) answers.push(child<ChildAnswer>('xlsx', String(n)));
    answers.sort((a, b) => a.ms - b.ms);
    const mid = answers[Math.floor(answers.length / 2)];
    record('xlsx.build', n, mid.ms, 'ms');
    record('xlsx.build.peakRss', n, mid.peakRssMb, 'MB');
    record('xlsx.build.fileSize', n, mid.bytes / 1024, 'KB');
  }
  for (const r of writeBenchmarks()) record(r.name, r.size, r.value, r.unit);
}

async function checkBench(): Promise<void> {
  for (const n of [10_000, 100_000]) {
    const snapshot = filledSnapshot(n);
    const input = { snapshot, meta: null, reportDate: '2024-06-14' };
    checkTracking(input);
    const ms = await timeMedian(5, () => checkTracking(input));
    record('check', n, ms, 'ms');
  }
}

/**
 * The task fingerprint every build computes for every row (FNV-1a 64 over the plan columns),
 * against a floor doing the same work without hashing (reading the cells and serialising the
 * parts); and verifying the rows of a workbook that names no algorithm (built before it was
 * recorded: SHA-256 through Web Crypto, one digest per row).
 */
async function hashBench(): Promise<void> {
  const plan = parsePlan(sampleText());
  for (const n of [10_000, 50_000]) {
    const rows = planRowCells(scalePlan(plan, n), 'vi');
    const floor = () => rows.map((r) => JSON.stringify(PLAN_COLUMN_IDS.map((id) => cellText(r[id] ?? null))));
    floor();
    taskList(rows);
    // Interleaved, so a neighbour's load falls on both alike.
    const floorTimes: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      floorTimes.push(await timeMedian(1, floor));
      times.push(await timeMedian(1, () => taskList(rows)));
    }
    const floorMs = median(floorTimes);
    const ms = median(times);
    record('hash.taskRows', n, ms, 'ms');
    record('hash.taskRows.floor', n, floorMs, 'ms');
    record('hash.taskRows.ratio', n, ms / floorMs, 'x');
    const spec = buildWorkbookSpec(scalePlan(plan, n), { lang: 'vi', reportDate: '2024-06-14' });
    const table = spec.sheets[0].tables[0];
    const snapshot = {
      sheet: 'Nhiệm vụ',
      headerRow: 1,
      firstCol: 0,
      headers: table.columns.map((c) => c.header),
      rows: rows.map((r) => table.columns.map((c) => r[c.id] ?? null)),
    };
    const legacy = { ...spec.meta, taskHashAlgorithm: undefined };
    const legacyMs = await timeMedian(3, () => untouchedTasks(snapshot, legacy));
    record('hash.verifyLegacySha256', n, legacyMs, 'ms');
  }
}

/**
 * Every pane action inside Excel, walked on one workbook in the strict double (office.js's own
 * client and serializer, Excel on the web's limits): round trips, largest request and response.
 */
async function excelBench(): Promise<void> {
  const plan = parsePlan(sampleText());
  for (const [host, api] of [
    ['', '1.17'],
    ['.api17', '1.7'],
  ] as const) {
    for (const n of [100, 1_000, 10_000]) {
      const figures = await walkActions(scalePlan(plan, n), { api });
      for (const f of figures) {
        const name = `excel${host}.${f.action.replace(/[ +]/g, '-')}`;
        record(`${name}.syncs`, n, f.syncs, 'syncs');
        record(`${name}.maxRequest`, n, f.maxRequestBytes / 1024, 'KB');
        record(`${name}.maxResponse`, n, f.maxResponseBytes / 1024, 'KB');
      }
    }
  }
}

/**
 * Revise at the growth sizes (1k, 10k, 50k), CPU time: its exponent step by step beside those
 * the check-file, merge and xlsx groups print for theirs.
 */
function reviseGrowth(): void {
  const results = reviseBenchmark(GROWTH_SIZES);
  for (const name of ['revise.match', 'revise.table', 'revise.floor']) {
    const points = results.filter((r) => r.name === name).map((r) => [Number(r.size), r.value] as const);
    points.forEach(([n, v]) => record(`growth.${name}`, n, v, 'ms cpu'));
    for (let i = 1; i < points.length; i++) {
      const [[n1, t1], [n2, t2]] = [points[i - 1], points[i]];
      record(`${name}.growth.cpu`, stepLabel(n1, n2), growth(n1, t1, n2, t2), '');
    }
  }
}

export async function main(args: string[]): Promise<void> {
  const only = args[0];
  const benches: [string, () => unknown][] = [
    ['parse', parseBench],
    ['xlsx', xlsxBench],
    ['check', checkBench],
    ['hash', hashBench],
    ['merge', async () => (await mergeBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit))],
    ['read', async () => (await readBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit))],
    [
      'reports',
      async () => (await reportSheetsBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit)),
    ],
    ['revise', () => reviseBenchmark().forEach((r) => record(r.name, r.size, r.value, r.unit))],
    [
      'check-file',
      async () => (await checkFileBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit)),
    ],
    ['growth', reviseGrowth],
    [
      'portfolio',
      async () => (await portfolioBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit)),
    ],
    ['excel', excelBench],
    [
      'taskpane',
      async () => (await taskpaneBenchmarks(ROOT)).forEach((r) => record(r.name, r.size, r.value, r.unit)),
    ],
  ];
  process.stdout.write(`${'name'.padEnd(40)} ${'size'.padStart(10)} ${'value'.padStart(14)} unit\n`);
  for (const [name, run] of benches) {
    if (!only || only === name) await run();
  }
  if (!only) writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

/**
 * `npm run bench`: every benchmark in one go. Prints a table and writes bench/results.json as
 * [{ name, size, value, unit }]. Not a test: nothing here fails on a slow machine.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../src/plan/parse';
import { checkTracking } from '../src/tracking/check';
import { buildWorkbookSpec } from '../src/workbook/build';
import { CountingExcel } from '../src/excel/testing/counting-context';
import { renderWorkbook } from '../src/excel/render';
import { filledSnapshot, generatePlanText, realPlanText, ROOT, sampleText, scalePlan } from './generate';
import { child, Result, timeMedian } from './measure';
import type { ChildAnswer } from './child';
import { taskpaneBenchmarks } from './taskpane';
import { mergeBenchmark } from './merge';
import { writeBenchmarks } from './xlsx';

const results: Result[] = [];

function record(name: string, size: number | string, value: number, unit: string): void {
  const r = { name, size, value: Math.round(value * 100) / 100, unit };
  results.push(r);
  process.stdout.write(
    `${name.padEnd(30)} ${String(size).padStart(10)} ${String(r.value).padStart(14)} ${unit}\n`,
  );
}

async function parseBench(): Promise<void> {
  const sizes: [string, number][] = [
    ['25KB', 25_000],
    ['1MB', 1_000_000],
    ['5MB', 5_000_000],
  ];
  for (const [label, bytes] of sizes) {
    const text = generatePlanText(bytes);
    const runs = bytes > 1_000_000 ? 5 : 9;
    parsePlan(text); // warm-up, so the first size does not pay for JIT compilation alone
    const ms = await timeMedian(runs, () => parsePlan(text));
    record('parse', label, ms, 'ms');
    record('parse.tasks', label, parsePlan(text).tasks.length, 'tasks');
  }
  // The same sizes made of real plans (several issuers and layouts), and the throughput.
  for (const [label, bytes] of sizes) {
    const text = realPlanText(bytes);
    const runs = bytes > 1_000_000 ? 5 : 9;
    parsePlan(text);
    const ms = await timeMedian(runs, () => parsePlan(text));
    record('parse.real', label, ms, 'ms');
    record('parse.real.throughput', label, new TextEncoder().encode(text).length / 1000 / ms, 'MB/s');
    record('parse.real.tasks', label, parsePlan(text).tasks.length, 'tasks');
  }
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

async function excelBench(): Promise<void> {
  const plan = parsePlan(sampleText());
  for (const n of [100, 1_000, 10_000]) {
    const spec = buildWorkbookSpec(scalePlan(plan, n), { lang: 'vi', reportDate: '2024-06-14' });
    const excel = new CountingExcel();
    excel.payloadLimit = null;
    await renderWorkbook(excel.requestContext, spec);
    record('excel.render.syncs', n, excel.syncs.length, 'syncs');
    record('excel.render.maxRequestBytes', n, excel.maxRequestBytes, 'bytes');
  }
}

export async function main(args: string[]): Promise<void> {
  const only = args[0];
  const benches: [string, () => unknown][] = [
    ['parse', parseBench],
    ['xlsx', xlsxBench],
    ['check', checkBench],
    ['merge', async () => (await mergeBenchmark()).forEach((r) => record(r.name, r.size, r.value, r.unit))],
    ['excel', excelBench],
    [
      'taskpane',
      async () => (await taskpaneBenchmarks(ROOT)).forEach((r) => record(r.name, r.size, r.value, r.unit)),
    ],
  ];
  process.stdout.write(`${'name'.padEnd(30)} ${'size'.padStart(10)} ${'value'.padStart(14)} unit\n`);
  for (const [name, run] of benches) {
    if (!only || only === name) await run();
  }
  if (!only) writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

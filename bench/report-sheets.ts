/**
 * What the report sheets (Báo cáo, Sắp đến hạn, PivotTable: src/workbook/reports.ts) cost a
 * build: the tracking workbook built and written with and without them, in turns in the same
 * run, as CPU time (user + system), median of the runs.
 */
import { parsePlan } from '../src/plan/parse';
import { buildWorkbookSpec } from '../src/workbook/build';
import { withReportSheets } from '../src/workbook/reports';
import { writeXlsx } from '../src/xlsx/write';
import { zlibEngine } from '../src/xlsx/node-deflate';
import { sampleText, scalePlan } from './generate';
import { median, type Result } from './measure';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export async function reportSheetsBenchmark(sizes = [1_000, 10_000], runs = 3): Promise<Result[]> {
  const out: Result[] = [];
  for (const n of sizes) {
    const plan = scalePlan(parsePlan(sampleText()), n);
    const build = async (reports: boolean) => {
      const c0 = cpuMs();
      const base = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' });
      const spec = reports
        ? withReportSheets(base, { reportDate: '2024-06-14', issuer: plan.issuer, place: plan.place })
        : base;
      const bytes = await writeXlsx(spec, { deflate: zlibEngine(1) });
      return { ms: cpuMs() - c0, bytes: bytes.byteLength };
    };
    const without: { ms: number; bytes: number }[] = [];
    const withReports: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < runs; i++) {
      without.push(await build(false));
      withReports.push(await build(true));
    }
    const a = median(without.map((r) => r.ms));
    const b = median(withReports.map((r) => r.ms));
    out.push(
      { name: 'xlsx.build.withoutReports', size: n, value: a, unit: 'ms cpu' },
      { name: 'xlsx.build.withReports', size: n, value: b, unit: 'ms cpu' },
      { name: 'xlsx.build.reports.ratio', size: n, value: b / a, unit: '×' },
      {
        name: 'xlsx.build.reports.addedBytes',
        size: n,
        value: (withReports[0].bytes - without[0].bytes) / 1024,
        unit: 'KB',
      },
    );
  }
  return out;
}

/** Work measured in a fresh process, so peak memory belongs to that work alone. */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlan } from '../src/plan/parse';
import { buildWorkbookSpec } from '../src/workbook/build';
import { withReportSheets } from '../src/workbook/reports';
import type { WorkbookSpec } from '../src/workbook/types';
import { zlibEngine } from '../src/xlsx/node-deflate';
import { writeXlsx, writeXlsxTo } from '../src/xlsx/write';
import { sampleText, scalePlan } from './generate';

export interface ChildAnswer {
  ms: number;
  peakRssMb: number;
  bytes: number;
}

export interface WriteAnswer extends ChildAnswer {
  /** Time to build the spec, and the resident memory once it is built (after a collection). */
  specMs: number;
  specRssMb: number;
  /** Highest resident memory sampled while a streaming writer ran (as its output came). */
  writeRssMb: number | null;
  /** CPU time (user + system) of the write: steadier than wall time on a shared machine. */
  cpuMs: number;
}

async function xlsx(n: number): Promise<ChildAnswer> {
  const plan = scalePlan(parsePlan(sampleText()), n);
  const t0 = process.hrtime.bigint();
  // As the product builds it (src/app/build.ts): the report sheets and the pivots included.
  const spec = withReportSheets(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' }), {
    reportDate: '2024-06-14',
    issuer: plan.issuer,
    place: plan.place,
  });
  const bytes = await writeXlsx(spec, { deflate: zlibEngine(1) });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.byteLength };
}

export type Writer = 'product' | 'product-fflate' | 'product-inline' | 'floor' | 'exceljs' | 'none';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The write phase alone: the spec is built first, then one writer puts it in a file. */
async function write(n: number, writer: Writer): Promise<WriteAnswer> {
  // Only the writer measured is loaded: ExcelJS alone adds tens of megabytes to a process.
  const { floorXlsx } = writer === 'floor' ? await import('./floor-write') : { floorXlsx: null };
  const { writeXlsxWithExcelJS } =
    writer === 'exceljs' ? await import('./exceljs-write') : { writeXlsxWithExcelJS: null };
  const plan = scalePlan(parsePlan(sampleText()), n);
  const s0 = process.hrtime.bigint();
  const spec: WorkbookSpec = buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-14' });
  const specMs = Number(process.hrtime.bigint() - s0) / 1e6;
  gc();
  const specRss = process.memoryUsage.rss();
  const dir = mkdtempSync(join(tmpdir(), 'bench-write-'));
  const file = join(dir, 'out.xlsx');
  let writeRss = 0;
  let chunks = 0;
  try {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    if (floorXlsx) writeFileSync(file, floorXlsx(spec));
    else if (writeXlsxWithExcelJS) writeFileSync(file, await writeXlsxWithExcelJS(spec));
    else if (writer !== 'none') {
      const fd = openSync(file, 'w');
      try {
        writeXlsxTo(
          spec,
          (chunk) => {
            writeSync(fd, chunk);
            // Sampled now and then: reading the resident size is a system call.
            if (++chunks % 64 === 0) writeRss = Math.max(writeRss, process.memoryUsage.rss());
          },
          {
            deflate: writer === 'product-fflate' ? undefined : zlibEngine(1),
            strings: writer === 'product-inline' ? 'inline' : 'shared',
          },
        );
      } finally {
        closeSync(fd);
      }
      writeRss = Math.max(writeRss, process.memoryUsage.rss());
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(c0);
    const bytes = writer === 'none' ? 0 : statSync(file).size;
    return {
      ms,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      bytes,
      specMs,
      specRssMb: mb(specRss),
      writeRssMb: writeRss ? mb(writeRss) : null,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [task, arg, extra] = process.argv.slice(2);
  const answer =
    task === 'xlsx' ? xlsx(Number(arg)) : task === 'write' ? write(Number(arg), extra as Writer) : null;
  if (!answer) throw new Error(`unknown bench task ${task}`);
  answer.then((a) => process.stdout.write(JSON.stringify(a) + '\n'));
}

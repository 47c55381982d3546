/**
 * The figures of an .xlsx build can be trusted without recalculation: every formula cell of every
 * sheet (task states, Tổng hợp, the Sắp đến hạn radar) carries the value LibreOffice computes when
 * it recalculates the file (soffice headless, read back with openpyxl), on the sample plan and on
 * a filled 1,000-task plan. The radar's list is also the pure radar()'s list.
 */
import { DEFAULT_RADAR_DAYS, radar } from '../../src/tracking/radar';
import { radarRows } from '../../src/tracking/report';
import { drawnEntries, withReportSheets } from '../../src/workbook/reports';
import type { WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { DumpedWorkbook, dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { batchSpec, sampleSpec } from './write-fixtures';

const maybe = openpyxlAvailable() && sofficeAvailable() ? describe : describe.skip;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  // A formula giving "" reads back as nothing.
  const empty = (v: unknown) => v === '' || v === null || v === undefined;
  if (empty(a) && empty(b)) return true;
  return a === b;
}

const DATES = { sample: '2024-07-01', batch: '2024-09-15' } as const;

maybe('cached values of an .xlsx build against LibreOffice', () => {
  const specs: Record<keyof typeof DATES, WorkbookSpec> = {
    sample: withReportSheets(sampleSpec('vi', DATES.sample), { reportDate: DATES.sample }),
    batch: withReportSheets(batchSpec(1000, DATES.batch), { reportDate: DATES.batch }),
  };
  const mine: Record<string, DumpedWorkbook> = {};
  const theirs: Record<string, DumpedWorkbook> = {};

  beforeAll(async () => {
    const bytes: Record<string, Uint8Array> = {};
    for (const [name, spec] of Object.entries(specs)) {
      bytes[name] = await writeXlsx(spec);
      mine[name] = dumpWithOpenpyxl(bytes[name]);
    }
    const recalculated = await recalcXlsxBytes(bytes);
    for (const name of Object.keys(specs)) theirs[name] = dumpWithOpenpyxl(recalculated[name]);
  }, 400_000);

  it.each(['sample', 'batch'] as const)('%s: every formula cell holds what LibreOffice computes', (name) => {
    const mismatches: string[] = [];
    const counted: Record<string, number> = {};
    for (const sheet of specs[name].sheets) {
      const a = sheetOf(mine[name], sheet.name).cells;
      const b = sheetOf(theirs[name], sheet.name).cells;
      for (const [ref, cell] of Object.entries(a)) {
        if (typeof cell.value !== 'string' || !cell.value.startsWith('=')) continue;
        counted[sheet.key] = (counted[sheet.key] ?? 0) + 1;
        if (!same(cell.cached, b[ref]?.cached))
          mismatches.push(`${sheet.name}!${ref}: cached ${cell.cached}, LibreOffice ${b[ref]?.cached}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    const tasks = specs[name].sheets.find((s) => s.key === 'tasks')!.tables[0].rows.length;
    expect(counted.tasks).toBe(tasks);
    expect(counted.summary).toBeGreaterThan(20);
    // The helper key per covered row, and seven formulas per list row.
    expect(counted.radar).toBeGreaterThan(tasks + 2000);
  });

  it.each(['sample', 'batch'] as const)("%s: the radar lists radar()'s tasks in due-date order", (name) => {
    const spec = specs[name];
    const sheet = spec.sheets.find((s) => s.key === 'radar')!;
    const cells = sheetOf(theirs[name], sheet.name).cells;
    const want = radar(radarRows(drawnEntries(spec), DATES[name]), DATES[name], DEFAULT_RADAR_DAYS);
    expect(want.items.length).toBeGreaterThan(name === 'batch' ? 100 : 3);
    const headRow = Object.entries(cells).find(
      ([ref, c]) => /^B\d+$/.test(ref) && c.value === 'Mã nhiệm vụ',
    )!;
    const first = Number(headRow[0].slice(1)) + 1;
    const listed: string[] = [];
    for (let r = first; cells[`B${r}`]?.cached; r++) listed.push(String(cells[`B${r}`].cached));
    expect(listed).toEqual(want.items.slice(0, listed.length).map((i) => i.taskId));
    expect(listed.length).toBe(Math.min(want.items.length, 500));
  });

  it('sets Times New Roman on every cell of the Báo cáo sheet', () => {
    const sheet = specs.sample.sheets.find((s) => s.key === 'report')!;
    const cells = Object.values(sheetOf(mine.sample, sheet.name).cells);
    expect(cells.length).toBeGreaterThan(50);
    expect(new Set(cells.map((c) => c.font))).toEqual(new Set(['Times New Roman']));
  });
});

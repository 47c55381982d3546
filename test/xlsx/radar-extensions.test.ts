/**
 * The `Sắp đến hạn` sheet chases the deadline a task is judged against (issue 17): the adjusted
 * one when entered. Boundary cases, generated: the plan's and the adjusted deadline each before,
 * on, just after and well after the report date and the radar's horizon; LibreOffice recalculates
 * the sheet to the values the build wrote, and its list is the pure radar()'s, deadlines included.
 */
import { addDays, isoToSerial } from '../../src/model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { DEFAULT_RADAR_DAYS, radar } from '../../src/tracking/radar';
import { radarRows } from '../../src/tracking/report';
import { planRowCells } from '../../src/tracking/plan-rows';
import { buildTrackingSpec, planMeta } from '../../src/workbook/build';
import { drawnEntries, withReportSheets } from '../../src/workbook/reports';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcXlsxBytes, sofficeAvailable } from '../helpers/libreoffice';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { batchPlan } from './write-fixtures';

const REPORT = '2024-09-15';
const maybe = openpyxlAvailable() && sofficeAvailable() ? describe : describe.skip;

function spec() {
  // Offsets from the report date: before, on, the day after, at and past the horizon.
  const offsets = [-40, -1, 0, 1, 15, DEFAULT_RADAR_DAYS, DEFAULT_RADAR_DAYS + 1, 90];
  const cases: { due: number; adjusted: number | null }[] = [];
  for (const d of offsets) {
    cases.push({ due: d, adjusted: null });
    for (const a of offsets) if (a !== d) cases.push({ due: d, adjusted: a });
  }
  const plan = batchPlan(cases.length);
  const serial = (offset: number) => isoToSerial(addDays(REPORT, offset));
  const rows = planRowCells(plan, 'vi').map((r, i) => ({
    ...r,
    category: CATEGORY_LABELS.due.vi,
    due: serial(cases[i].due),
    adjustedDue: cases[i].adjusted === null ? null : serial(cases[i].adjusted as number),
    adjustmentBasis: cases[i].adjusted === null ? null : 'Công văn số 12/VP-TH ngày 01/8/2024',
    status: STATUS_LABELS.in_progress.vi,
    progress: 50,
  }));
  const built = buildTrackingSpec({
    lang: 'vi',
    reportDate: REPORT,
    planTitle: plan.title,
    agencies: plan.agencies.map((a) => a.name),
    rows,
    meta: planMeta(plan, rows, { lang: 'vi', reportDate: REPORT, workbookId: 'radar-ext' }),
  });
  return { spec: withReportSheets(built, { reportDate: REPORT, pivotSheet: false }), cases };
}

maybe('the radar and adjusted deadlines', () => {
  it("LibreOffice computes what the build wrote, and the list is radar()'s by the adjusted deadline", async () => {
    const { spec: s, cases } = spec();
    const bytes = await writeXlsx(s);
    const mine = dumpWithOpenpyxl(bytes);
    const theirs = dumpWithOpenpyxl((await recalcXlsxBytes({ 'radar.xlsx': bytes }))['radar.xlsx']);
    const sheet = s.sheets.find((x) => x.key === 'radar')!;
    const a = sheetOf(mine, sheet.name).cells;
    const b = sheetOf(theirs, sheet.name).cells;
    const mismatches: string[] = [];
    for (const [ref, cell] of Object.entries(a)) {
      if (typeof cell.value !== 'string' || !cell.value.startsWith('=')) continue;
      const x = cell.cached;
      const y = b[ref]?.cached;
      const empty = (v: unknown) => v === '' || v === null || v === undefined;
      if (!(
        x === y ||
        (empty(x) && empty(y)) ||
        (typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) < 1e-9)
      ))
        mismatches.push(`${ref}: cached ${x}, LibreOffice ${y}`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);

    // The pure radar, judged by the adjusted deadline; the sheet's list shows the same tasks and dates.
    const want = radar(radarRows(drawnEntries(s), REPORT), REPORT, DEFAULT_RADAR_DAYS);
    // A task extended from overdue to next week is due soon, not overdue; one moved earlier into
    // the past is overdue though its plan date is ahead.
    const moved = cases.findIndex((c) => c.due === -40 && c.adjusted === 15);
    const pulled = cases.findIndex((c) => c.due === 90 && c.adjusted === -1);
    const kindOf = (i: number) => want.items.find((it) => it.rowIndex === i)?.kind;
    expect(kindOf(moved)).toBe('due_soon');
    expect(kindOf(pulled)).toBe('overdue');
    const ids = new Set(drawnEntries(s).map((e) => e.taskId));
    const listed: { id: string; due: string }[] = [];
    for (let r = 1; r <= 400; r++) {
      const id = b[`B${r}`]?.cached;
      const due = b[`C${r}`]?.cached;
      if (typeof id === 'string' && ids.has(id) && typeof due === 'string')
        listed.push({ id, due: due.slice(0, 10) });
    }
    expect(listed).toEqual(want.items.map((it) => ({ id: it.taskId, due: it.due })));
  }, 300_000);
});

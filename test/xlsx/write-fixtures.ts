/** Workbooks for the writer's tests: the sample plan, a filled batch, and what each cell should hold. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { seededRandom } from '../support/excel/plans';
import { isoToSerial } from '../../src/model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import type { DeadlineCategory } from '../../src/model/vocabulary';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { checkTracking } from '../../src/tracking/check';
import { readEntries } from '../../src/tracking/entries';
import { planRowCells, type RowCells } from '../../src/tracking/plan-rows';
import { summarize } from '../../src/tracking/summary';
import { buildTrackingSpec, buildWorkbookSpec, planMeta } from '../../src/workbook/build';
import { rawOf } from '../../src/workbook/cells';
import { buildCheckSheet } from '../../src/workbook/sheets/check';
import { buildSummarySheet as buildPeriodSheet } from '../../src/workbook/sheets/period-summary';
import type { CellValue, Lang, SheetSpec, TableSnapshot, WorkbookSpec } from '../../src/workbook/types';
import { fixturePlan } from '../workbook/fixture-plan';

export const SAMPLE_TEXT = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
export const NOW = new Date('2026-11-27T08:00:00Z');

export function sampleSpec(lang: Lang, reportDate = '2024-07-01'): WorkbookSpec {
  return buildWorkbookSpec(parsePlan(SAMPLE_TEXT), {
    lang,
    reportDate,
    now: NOW,
    workbookId: `sample-${lang}`,
    sourceText: SAMPLE_TEXT,
  });
}

/** A plan of n tasks over the fixture's agencies, plus names COUNTIFS cannot take as criteria. */
export function batchPlan(n: number): Plan {
  const base = fixturePlan();
  const odd = [
    {
      key: 'dai',
      name: `Ban chỉ đạo ${'thực hiện Nghị quyết số 28-NQ/TW về đổi mới tổ chức bộ máy '.repeat(5)}`,
    },
    { key: 'wild', name: 'Sở * Ban ? ngành ~ khác' },
  ];
  const agencies = [...base.agencies, ...odd];
  const leads = [...agencies.map((a) => a.key), null];
  return {
    ...base,
    agencies,
    tasks: Array.from({ length: n }, (_, i) => ({
      ...base.tasks[0],
      id: `B.${i + 1}`,
      number: String(i + 1),
      text: `Nhiệm vụ số ${i + 1} của kế hoạch`,
      lead: leads[i % leads.length],
      deadlines: [],
    })),
  };
}

/**
 * Entries staff could type, drawn (seeded) so every deadline state occurs, including the edges:
 * due on the report date, done on the due date, labels in the other language, odd spacing and case.
 * Cells as a workbook holds them (dates as serials).
 */
export function batchEntries(n: number, reportDate: string, seed = 16): RowCells[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const report = isoToSerial(reportDate);
  const date = (): number => pick([report - 1, report, report + 1, report - 200 + Math.floor(rnd() * 400)]);
  const categories: DeadlineCategory[] = ['ongoing', 'due', 'periodic', 'external', 'none'];
  return Array.from({ length: n }, () => {
    const lang: Lang = rnd() < 0.7 ? 'vi' : 'en';
    const category = pick(categories);
    const status = pick(['not_started', 'in_progress', 'done', null] as const);
    let statusText = status ? STATUS_LABELS[status][lang] : null;
    if (statusText && rnd() < 0.2) statusText = `  ${statusText.toUpperCase()} `;
    return {
      category: CATEGORY_LABELS[category][lang],
      due: rnd() < 0.8 ? date() : null,
      status: statusText,
      completedOn: status === 'done' && rnd() < 0.8 ? date() : null,
      progress: status === 'done' ? 100 : Math.floor(rnd() * 100),
    };
  });
}

/** A master of n tasks whose table staff have filled in (as a split copy or a revision carries it). */
export function batchSpec(n: number, reportDate: string): WorkbookSpec {
  const plan = batchPlan(n);
  const entries = batchEntries(n, reportDate);
  const rows = planRowCells(plan, 'vi').map((r, i) => ({ ...r, ...entries[i] }));
  return buildTrackingSpec({
    lang: 'vi',
    reportDate,
    planTitle: plan.title,
    agencies: plan.agencies.map((a) => a.name),
    rows,
    meta: planMeta(plan, rows, { lang: 'vi', reportDate, now: NOW, workbookId: 'batch' }),
  });
}

export type Expected = { value: string | number | boolean; cached?: string | number | boolean };

/** What each non-empty cell of a sheet should read as (openpyxl's view: formulas with "="). */
export function expectedCells(sheet: SheetSpec): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const letters = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const put = (row0: number, col0: number, v: CellValue) => {
    if (!v || (v.t === 'text' && v.v === '')) return;
    const ref = `${letters(col0)}${row0 + 1}`;
    if (v.t === 'formula') out.set(ref, { value: `=${v.f}`, cached: v.result });
    else if (v.t === 'date') out.set(ref, { value: v.v });
    else out.set(ref, { value: v.v });
  };
  for (const t of sheet.tables) {
    t.columns.forEach((c, j) => put(t.row, t.col + j, { t: 'text', v: c.header }));
    t.rows.forEach((row, i) => row.forEach((v, j) => put(t.row + 1 + i, t.col + j, v)));
  }
  for (const c of sheet.cells) put(c.row, c.col, c.value);
  return out;
}

/** A4, the margins of Nghị định 30/2020/NĐ-CP (mm), page numbers in the footer. */
export const DECREE_30_PRINT = {
  paper: 'A4' as const,
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  footer: '&CTrang &P/&N',
};

/**
 * The sample workbook with what reports add: print setup on the task and summary sheets, a sheet
 * of two PivotTables over the task table, a period summary with its bar chart, a check sheet.
 */
export function reportsSpec(lang: Lang = 'vi', spec: WorkbookSpec = sampleSpec(lang)): WorkbookSpec {
  const tasks = spec.sheets.find((s) => s.key === 'tasks')!;
  tasks.print = {
    ...DECREE_30_PRINT,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    repeatRows: { first: 1, last: 1 },
    // A manual break after the 100th task.
    rowBreaks: [101],
  };
  tasks.fitWrappedRows = true;
  const summary = spec.sheets.find((s) => s.key === 'summary')!;
  summary.print = {
    ...DECREE_30_PRINT,
    orientation: 'portrait',
    fitToWidth: 1,
    fitToHeight: 0,
    centerHorizontally: true,
  };
  const table = tasks.tables[0];
  const leadCol = table.columns.findIndex((c) => c.id === 'lead');
  const leads = new Set(
    table.rows.map((r) => (r[leadCol]?.t === 'text' ? (r[leadCol] as { v: string }).v.toLowerCase() : '')),
  );
  const first = { row: 2, col: 0 };
  const second = { row: first.row + leads.size + 5, col: 0 };
  const pivotSheet: SheetSpec = {
    key: 'pivot',
    name: 'PivotTable',
    state: 'visible',
    widths: [40, 14, 14, 14, 14, 14, 14, 14],
    cells: [
      { row: 0, col: 0, value: { t: 'text', v: 'Nhiệm vụ theo cơ quan' }, style: { bold: true, size: 14 } },
    ],
    tables: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    print: { ...DECREE_30_PRINT, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, area: 'A1:H60' },
    pivots: [
      {
        name: 'CoQuanTinhTrang',
        table: table.name,
        rows: 'lead',
        columns: 'state',
        count: 'taskId',
        valueName: 'Số nhiệm vụ',
        ...first,
        rowHeaderCaption: 'Cơ quan chủ trì',
        colHeaderCaption: 'Tình trạng hạn',
        grandTotalCaption: 'Tổng cộng',
        blankCaption: '(trống)',
      },
      {
        name: 'CoQuanLoaiHan',
        table: table.name,
        rows: 'lead',
        columns: 'category',
        count: 'taskId',
        valueName: 'Số nhiệm vụ',
        ...second,
        rowHeaderCaption: 'Cơ quan chủ trì',
        colHeaderCaption: 'Loại thời hạn',
        grandTotalCaption: 'Tổng cộng',
        blankCaption: '(trống)',
      },
    ],
  };
  spec.sheets.splice(2, 0, pivotSheet);
  return spec;
}

/** The task table of a spec as a reader returns it: dates as serials, formulas as their result. */
export function snapshotOf(spec: WorkbookSpec): TableSnapshot {
  const sheet = spec.sheets.find((s) => s.key === 'tasks')!;
  const table = sheet.tables[0];
  return {
    sheet: sheet.name,
    headerRow: table.row + 1,
    firstCol: table.col,
    headers: table.columns.map((c) => c.header),
    rows: table.rows.map((r) => r.map(rawOf)),
  };
}

/** The period summary (with its chart) and the check sheet, as the CLI and the page write them. */
export function periodAndCheckSpecs(): { period: WorkbookSpec; check: WorkbookSpec } {
  const spec = batchSpec(120, '2024-06-20');
  const snapshot = snapshotOf(spec);
  const { entries } = readEntries(snapshot);
  const summary = summarize(entries, {
    reportDate: '2024-06-20',
    period: { start: '2024-03-15', end: '2024-06-14', label: { vi: 'Quý II-2024', en: 'Q2 2024' } },
  });
  const { sheet } = buildPeriodSheet(summary, { lang: 'vi' });
  const findings = checkTracking({ snapshot, meta: spec.meta, reportDate: '2024-06-20' });
  const check = buildCheckSheet(findings, 'vi', snapshot.sheet);
  return {
    period: { lang: 'vi', sheets: [sheet], names: [], meta: spec.meta },
    check: { ...spec, sheets: [...spec.sheets, check] },
  };
}

import { readFileSync } from 'fs';
import { join } from 'path';
import { addToOpenWorkbook } from '../../src/app/add-open';
import { mergeAgenciesInOpen } from '../../src/app/agencies-open';
import { trackingWorkbookSpec } from '../../src/app/build';
import { checkWorkbook } from '../../src/app/check';
import { createWorkspace } from '../../src/app/workspace';
import { createPivots, PIVOT_NAMES } from '../../src/excel/pivot';
import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { columnHeader, mapColumns } from '../../src/model/columns';
import { cellAddress } from '../../src/model/table';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import { CHECK_HEADER_ROW } from '../../src/workbook/sheets/check';
import { REPORT_SHEET_NAME } from '../../src/workbook/sheets/report';
import { StrictExcel } from '../support/excel/strict-excel';

/**
 * A master of two real plans open in Excel (the strict double, Microsoft's office.js), its
 * PivotTables made, then `Sở Văn hoá Thể thao du lịch` (Đồng Tháp's spelling) merged into
 * `Sở Văn hóa, Thể thao và Du lịch` (Hà Tĩnh's) from the pane (issue 17): the in-place redraw
 * keeps the PivotTable sheet, the pivots group the two spellings as one agency, and the Báo cáo
 * keeps the issuer it was built with.
 */

jest.setTimeout(120_000);

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-12-15';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';

function real(file: string): { plan: Plan; text: string } {
  const text = readFileSync(join(REAL, file), 'utf8');
  return { plan: parsePlan(text), text };
}
const A = real('ha-tinh-624-kh-ubnd-2025.txt');
const B = real('dong-thap-552-kh-ubnd-2025.txt');

/** An open workbook of plan A with plan B added in Excel ("Thêm vào sổ đang mở"). */
async function openTwoPlans(api?: '1.7'): Promise<StrictExcel> {
  const x = new StrictExcel({ api });
  x.addSheet('Sheet1');
  Object.assign(globalThis, {
    Excel: { run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => x.run(batch) },
    Office: { context: { requirements: { isSetSupported: x.support } } },
  });
  const spec = await trackingWorkbookSpec({
    plan: A.plan,
    sourceText: A.text,
    lang: 'vi',
    reportDate: REPORT_DATE,
  });
  await renderWorkbook(x.requestContext, spec, { isSetSupported: x.support });
  await addToOpenWorkbook({ plan: B.plan, sourceText: B.text, planFile: 'dong-thap-552.txt' });
  return x;
}

async function openPortfolio(): Promise<StrictExcel> {
  const x = await openTwoPlans();
  const made = await createPivots(x.requestContext, { lang: 'vi', isSetSupported: x.support });
  expect(made.ok).toBe(true);
  return x;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

/** The distinct items a pivot's row field lists: the table's cells under that header, case ignored. */
async function pivotRowItems(x: StrictExcel, pivot: string): Promise<string[]> {
  const p = x.state.pivots.find((q) => q.name === pivot);
  if (!p) throw new Error(`no pivot ${pivot}`);
  expect(p.source).toBe(`table:${TABLE_NAME}`);
  const { snapshot } = await readTracking(x.requestContext);
  const at = snapshot.headers.indexOf(p.rows[0]);
  expect(at).toBeGreaterThanOrEqual(0);
  const seen = new Map<string, string>();
  for (const r of snapshot.rows) {
    const v = String(r[at] ?? '');
    if (!seen.has(v.toLocaleLowerCase())) seen.set(v.toLocaleLowerCase(), v);
  }
  return [...seen.values()];
}

/** The portfolio open in Excel with its pivots, the two spellings merged from the pane. */
async function merged() {
  const x = await openPortfolio();
  const before = await pivotRowItems(x, PIVOT_NAMES.byState);
  expect(before).toEqual(expect.arrayContaining([VH_SHORT, VH_FULL]));
  const outcome = await mergeAgenciesInOpen([{ from: VH_SHORT, to: VH_FULL }], { lang: 'vi' });
  expect(outcome.added).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
  return { x, before, outcome };
}

const workspace = () =>
  createWorkspace({ mode: 'excel', excelApi: '1.17', displayLanguage: 'vi-VN', dark: false });

describe('agencies merged in a portfolio master open in Excel', () => {
  it('groups both PivotTables by the merged agency: one row for the two spellings', async () => {
    const { x, before } = await merged();
    for (const name of [PIVOT_NAMES.byState, PIVOT_NAMES.byCategory]) {
      const items = await pivotRowItems(x, name);
      expect(items).toContain(VH_FULL);
      expect(items).not.toContain(VH_SHORT);
      expect(items).toHaveLength(before.length - 1);
    }
    const { snapshot } = await readTracking(x.requestContext);
    const map = mapColumns(snapshot.headers);
    const vh = snapshot.rows.filter((r) => [VH_SHORT, VH_FULL].includes(String(r[map.index.lead!])));
    expect(vh.length).toBe(2);
    expect(vh.map((r) => r[map.index.agencyGroup!])).toEqual([VH_FULL, VH_FULL]);
    // The column is there for the pivots, out of the staff's sight.
    expect(snapshot.headers[map.index.agencyGroup!]).toBe(columnHeader('agencyGroup', 'vi'));
    const tasks = x.requireSheet(SHEET_NAMES.tasks.vi);
    expect(tasks.hiddenColumns.has(snapshot.firstCol + map.index.agencyGroup!)).toBe(true);
  });

  it('keeps the PivotTable sheet through the redraw, the task sheet in front', async () => {
    const { x, outcome } = await merged();
    expect(x.state.sheets.filter((s) => s.name === SHEET_NAMES.pivot.vi)).toHaveLength(1);
    expect(x.state.pivots.map((p) => p.name).sort()).toEqual(
      [PIVOT_NAMES.byCategory, PIVOT_NAMES.byState].sort(),
    );
    expect(x.state.pivots.every((p) => p.sheet.name === SHEET_NAMES.pivot.vi)).toBe(true);
    expect(outcome.notes.map((n) => n.vi).join(' ')).not.toMatch(/PivotTable/);
    expect(x.state.activeSheet).toBe(SHEET_NAMES.tasks.vi);
  });

  it('says the PivotTable sheet is gone where the host cannot make PivotTables (ExcelApi 1.7)', async () => {
    const x = await openTwoPlans('1.7');
    // The sheet an .xlsx build carries, its pivots native to the file.
    x.addSheet(SHEET_NAMES.pivot.vi);
    const outcome = await mergeAgenciesInOpen([{ from: VH_SHORT, to: VH_FULL }], { lang: 'vi' });
    expect(x.state.sheets.some((s) => s.name === SHEET_NAMES.pivot.vi)).toBe(false);
    expect(outcome.notes.map((n) => n.vi).join(' ')).toMatch(/Trang PivotTable cũ đã được gỡ/);
  });

  it('keeps the issuer in the heading of the Báo cáo drawn again', async () => {
    const { x } = await merged();
    const issuer = A.plan.issuer!.toLocaleUpperCase('vi');
    expect(x.valuesOf(REPORT_SHEET_NAME.vi, 'A1')).toEqual([[issuer]]);
  });

  it('writes the Kiểm tra sheet with the merged agency as one group', async () => {
    const { x } = await merged();
    const ws = workspace();
    const open = await ws.openTracking!();
    const { snapshot } = open.wb;
    const map = mapColumns(snapshot.headers);
    // A status slip typed on each spelling's task: a finding for each.
    snapshot.rows.forEach((r, i) => {
      if ([VH_SHORT, VH_FULL].includes(String(r[map.index.lead!])))
        x.setCell(snapshot.sheet, cellAddress(snapshot, i, map.index.status!), 'hoàn thành');
    });
    const wb = (await ws.openTracking!()).wb;
    const findings = checkWorkbook(wb).findings;
    const ofVh = findings.filter((f) => [VH_SHORT, VH_FULL].includes(f.agency ?? ''));
    expect(new Set(ofVh.map((f) => f.agency))).toEqual(new Set([VH_SHORT, VH_FULL]));
    const live = (await ws.openTracking!()).live!;
    const written = await live.writeCheckSheet(findings, 'vi');
    const first = CHECK_HEADER_ROW + 2;
    const names = x.valuesOf(written.sheet, `A${first}:A${first + findings.length - 1}`).map((r) => r[0]);
    expect(names).not.toContain(VH_SHORT);
    expect(names.filter((n) => n === VH_FULL)).toHaveLength(ofVh.length);
  });
});

import { columnHeaders } from '../../src/model/columns';
import { createPivots, PIVOT_NAMES, refreshPivots } from '../../src/excel/pivot';
import { renderWorkbook } from '../../src/excel/render';
import { StrictExcel } from '../support/excel/strict-excel';
import { SHEET_NAMES, TABLE_NAME } from '../../src/workbook/names';
import { samplePlan, specFor } from './helpers';

async function built() {
  const x = new StrictExcel();
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, specFor(samplePlan()));
  return x;
}

const h = columnHeaders('vi');

describe('PivotTables', () => {
  it('builds agency × deadline state and agency × category, counting task ids', async () => {
    const x = await built();
    const start = x.syncs.length;
    const result = await createPivots(x.requestContext, { lang: 'vi', isSetSupported: () => true });
    expect(result.ok).toBe(true);
    expect(x.syncs.length - start).toBe(2);
    expect(result.sheet).toBe(SHEET_NAMES.pivot.vi);
    const [byState, byCategory] = x.state.pivots;
    expect(byState).toMatchObject({
      name: PIVOT_NAMES.byState,
      source: `table:${TABLE_NAME}`,
      rows: [h.agencyGroup],
      columns: [h.state],
      data: [{ name: h.taskId, summarizeBy: 'Count' }],
    });
    expect(byCategory).toMatchObject({
      name: PIVOT_NAMES.byCategory,
      rows: [h.agencyGroup],
      columns: [h.category],
    });
    expect(byState.sheet.name).toBe('PivotTable');
  });

  it('rebuilds its own sheet when run again, and refreshes on demand', async () => {
    const x = await built();
    await createPivots(x.requestContext, { lang: 'vi', isSetSupported: () => true });
    await createPivots(x.requestContext, { lang: 'vi', isSetSupported: () => true });
    expect(x.state.pivots).toHaveLength(2);
    expect(x.state.sheets.filter((s) => s.name === 'PivotTable')).toHaveLength(1);
    const r = await refreshPivots(x.requestContext, { lang: 'vi', isSetSupported: () => true });
    expect(r.ok).toBe(true);
    expect(x.state.pivots.every((p) => p.refreshed === 1)).toBe(true);
  });

  it('falls back to the formula summary where ExcelApi 1.8 is missing, saying so in both languages', async () => {
    const x = await built();
    const calls: [string, string][] = [];
    const check = (set: string, v: string) => {
      calls.push([set, v]);
      return false;
    };
    const start = x.syncs.length;
    const result = await createPivots(x.requestContext, { lang: 'vi', isSetSupported: check });
    expect(calls).toContainEqual(['ExcelApi', '1.8']);
    expect(result).toMatchObject({ ok: false, fallback: true });
    expect(result.message.vi).toContain(SHEET_NAMES.summary.vi);
    expect(result.message.en).toMatch(/ExcelApi 1\.8/);
    expect(x.syncs.length).toBe(start);
    expect(x.state.pivots).toHaveLength(0);
    const refresh = await refreshPivots(x.requestContext, { lang: 'vi', isSetSupported: check });
    expect(refresh.fallback).toBe(true);
  });

  it('reports a missing tracking table instead of failing', async () => {
    const x = new StrictExcel();
    x.addSheet('Sheet1');
    const result = await createPivots(x.requestContext, { lang: 'en', isSetSupported: () => true });
    expect(result.ok).toBe(false);
    expect(result.message.en).toMatch(/no tracking table/);
  });
});

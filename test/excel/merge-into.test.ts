import { readTracking } from '../../src/excel/read';
import { mapColumns } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { parseSync } from '../../src/tracking/meta';
import { SHEET_NAMES } from '../../src/workbook/names';
import { StrictExcel } from '../support/excel/strict-excel';
import { scaledSpec } from './helpers';
import { masterInDouble, mergeIntoWorkbook, plannedMerge } from './merge-fixture';

const FOUR_MB = 4 * 1024 * 1024;
const history = SHEET_NAMES.history.vi;

describe('mergeIntoWorkbook: the returns merged into the workbook open in Excel', () => {
  it('writes every change, appends the history and the merge points, in two syncs', async () => {
    const x = new StrictExcel();
    await masterInDouble(x, scaledSpec(200));
    const { plan, input } = await plannedMerge(x);
    expect(plan.ok).toBe(true);
    expect(plan.changes.length).toBeGreaterThan(50);
    const start = x.syncs.length;
    const report = await mergeIntoWorkbook(x.requestContext, input);
    expect(report.syncs).toBe(2);
    expect(x.syncs.length - start).toBe(2);
    expect(report.historyCreated).toBe(true);

    // The master now holds the agencies' values…
    const after = await readTracking(x.requestContext);
    const map = mapColumns(after.snapshot.headers);
    for (const c of plan.changes) {
      expect(after.snapshot.rows[c.masterRow][map.index.status!]).toBe(STATUS_LABELS.in_progress.vi);
    }
    // …the history one row per change, under its header…
    expect(x.at(history, 'A1')!.value).toBe('Thời gian');
    expect(x.requireSheet(history).freeze).toEqual({ rows: 1, cols: 0 });
    expect(x.valuesOf(history, `C2:C${plan.changes.length + 1}`).map((r) => r[0])).toEqual(
      plan.changes.map((c) => c.taskId),
    );
    expect(x.at(history, `A${plan.changes.length + 2}`)).toBeUndefined();
    // …and the meta sheet the common points the next return of a copy is judged against.
    const meta = x.valuesOf(SHEET_NAMES.meta.vi, 'A1:B20000');
    expect(parseSync(meta)).toEqual(plan.sync);
    expect(x.state.calculations).toBeGreaterThan(0);
  });

  it('appends to the history of an earlier merge instead of making a second sheet', async () => {
    const x = new StrictExcel();
    await masterInDouble(x, scaledSpec(60));
    const first = await plannedMerge(x, '2024-07-15T08:00:00.000Z');
    await mergeIntoWorkbook(x.requestContext, first.input);
    const rows = first.input.history.rows.length;
    const again = {
      ...first.input,
      changes: first.input.changes.slice(0, 3),
      history: { ...first.input.history, rows: first.input.history.rows.slice(0, 3) },
      meta: undefined,
    };
    const report = await mergeIntoWorkbook(x.requestContext, again);
    expect(report.historyCreated).toBe(false);
    expect(x.state.sheets.filter((s) => s.name === history)).toHaveLength(1);
    const firstTask = first.input.history.rows[0][2] as { v: string };
    expect(x.at(history, `C${rows + 2}`)!.value).toBe(firstTask.v);
    expect(x.at(history, `C${rows + 5}`)).toBeUndefined();
  });

  it('keeps text entries as text and writes dates as dates', async () => {
    const x = new StrictExcel();
    await masterInDouble(x, scaledSpec(20));
    const read = await readTracking(x.requestContext);
    const sheet = read.snapshot.sheet;
    await mergeIntoWorkbook(x.requestContext, {
      changes: [
        { sheet, address: 'J2', value: { t: 'text', v: '3/4/2023' } },
        { sheet, address: 'J3', value: { t: 'date', v: '2024-03-04' } },
        { sheet, address: 'L2', value: { t: 'text', v: '- Đã ban hành văn bản' } },
      ],
      history: { sheet: history, headers: ['Ô'], rows: [] },
    });
    // A text entry in a date column stays what the agency typed, not 4 March read en-US.
    expect(x.at(sheet, 'J2')).toMatchObject({ value: '3/4/2023', numberFormat: '@' });
    expect(x.at(sheet, 'J3')).toMatchObject({ value: 45355, numberFormat: 'dd/mm/yyyy' });
    expect(x.at(sheet, 'L2')).toMatchObject({ value: '- Đã ban hành văn bản', formula: null });
    // No history rows: no history sheet.
    expect(x.state.sheets.some((s) => s.name === history)).toBe(false);
  });

  it('takes two syncs for 1,000 tasks, more for 10,000 only through the cap, every request under 4 MB', async () => {
    for (const n of [1000, 10000]) {
      const x = new StrictExcel();
      await masterInDouble(x, scaledSpec(n));
      const { input } = await plannedMerge(x);
      const start = x.syncs.length;
      const report = await mergeIntoWorkbook(x.requestContext, input);
      const mine = x.syncs.slice(start);
      expect(Math.max(...mine.map((s) => s.requestBytes))).toBeLessThan(FOUR_MB);
      expect(Math.max(...mine.map((s) => s.responseBytes))).toBeLessThan(FOUR_MB);
      report.requestBytes.forEach((planned, i) =>
        expect(planned).toBeGreaterThanOrEqual(mine[i + 1].requestBytes),
      );
      const total = report.requestBytes.reduce((a, b) => a + b, 0);
      if (n === 1000) expect(report.syncs).toBe(2);
      // One look, then as many requests as 3.5 MB each needs, give or take one for balance.
      expect(report.syncs - 1).toBeLessThanOrEqual(Math.ceil(total / 3_500_000) + 1);
    }
  });
});

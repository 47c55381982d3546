import { renderWorkbook } from '../../src/excel/render';
import { readTracking } from '../../src/excel/read';
import { GeneratedSheetExistsError, writePeriodSummary } from '../../src/excel/summary';
import { CountingExcel, parseA1 } from '../../src/excel/testing/counting-context';
import type { Plan } from '../../src/plan/types';
import { readEntries } from '../../src/tracking/entries';
import { parsePeriod } from '../../src/tracking/periods';
import { summarize } from '../../src/tracking/summary';
import { buildSummarySheet } from '../../src/workbook/sheets/period-summary';
import { isoToSerial } from '../../src/model/dates';
import { SHEET_NAMES } from '../../src/workbook/names';
import { STATUS_LABELS } from '../../src/model/labels';
import { TASK_COLUMN_IDS } from '../../src/model/columns';
import { columnLetter } from '../../src/model/table';
import type { Lang } from '../../src/workbook/types';
import { REPORT_DATE, samplePlan, specFor } from './helpers';

const col = (id: (typeof TASK_COLUMN_IDS)[number]) => columnLetter(TASK_COLUMN_IDS.indexOf(id));

/**
 * A tracking workbook drawn into the fake from the plan, with some tasks marked done in the
 * quarter, read back through readTracking and summarised: the real path of the task pane.
 */
async function summaryFor(plan: Plan, lang: Lang = 'vi') {
  const x = new CountingExcel();
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, specFor(plan));
  const sheet = SHEET_NAMES.tasks.vi;
  // Every third task is done on 10/05/2024 (inside Quý II-2024, 15/03–14/06 under the 14th cut-off).
  plan.tasks.forEach((_t, i) => {
    if (i % 3 !== 0) return;
    const row = i + 2;
    const put = (address: string, value: string | number) => {
      const b = parseA1(address);
      x.writeInput(x.cell(x.requireSheet(sheet), b.row, b.col), value, false);
    };
    put(`${col('status')}${row}`, STATUS_LABELS.done.vi);
    put(`${col('completedOn')}${row}`, isoToSerial('2024-05-10'));
  });
  const read = await readTracking(x.requestContext);
  const { entries } = readEntries(read.snapshot);
  const period = parsePeriod('2024-Q2');
  const summary = summarize(entries, {
    reportDate: REPORT_DATE,
    period: { start: period.start, end: period.end, label: period.label },
  });
  return { x, summary, built: buildSummarySheet(summary, { lang }) };
}

/** A plan whose tasks are spread over `n` lead agencies. */
function manyAgencies(n: number): Plan {
  const base = samplePlan();
  return { ...base, tasks: base.tasks.map((t, i) => ({ ...t, lead: `Cơ quan thử số ${(i % n) + 1}` })) };
}

function cellText(x: CountingExcel, sheet: string, address: string): unknown {
  return x.at(sheet, address)?.value ?? null;
}

describe('writePeriodSummary', () => {
  it('draws the period sheet through the generic renderer and charts completion by agency', async () => {
    const { x, summary, built } = await summaryFor(samplePlan());
    const sheetsBefore = x.state.sheets.map((s) => s.name);
    const start = x.syncs.length;
    const report = await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'vi' });

    // inventory + one data request + finishing request + the chart
    expect(x.syncs.length - start).toBe(4);
    expect(report.syncs).toBe(4);
    expect(report.chart).toBe(true);
    // Exactly one sheet more; the tracking workbook's meta sheet is not added a second time.
    expect(x.state.sheets.map((s) => s.name)).toEqual([...sheetsBefore, built.sheet.name]);
    expect(x.state.sheets.filter((s) => s.name === SHEET_NAMES.meta.vi)).toHaveLength(1);
    expect(x.state.activeSheet).toBe(built.sheet.name);

    // Every cell of the spec is in the sheet, text as text and numbers as numbers.
    for (const c of built.sheet.cells) {
      const got = x.at(built.sheet.name, `${columnLetter(c.col)}${c.row + 1}`);
      if (c.value?.t === 'text') expect(got?.value).toBe(c.value.v);
      if (c.value?.t === 'number') expect(got?.value).toBe(c.value.v);
    }
    expect(x.requireSheet(built.sheet.name).freeze).toEqual(built.sheet.freeze);

    // The chart: clustered bars of the rate column, labelled with the agency column.
    expect(x.state.charts).toHaveLength(1);
    const chart = x.state.charts[0];
    expect(chart.sheet.name).toBe(built.sheet.name);
    expect(chart.type).toBe('BarClustered');
    expect(chart.source).toBe(built.chart.values);
    expect(chart.series[0].xAxisValues).toBe(built.chart.categories);
    expect(chart.props['title.text']).toBe('Tỷ lệ hoàn thành theo cơ quan');
    expect(chart.props['dataLabels.showValue']).toBe(true);
    expect(chart.props['axes.valueAxis.maximum']).toBe(1);
    expect(chart.position).not.toBeNull();

    // The ranges hold one row per agency: its name and its rate, as the summary computed them.
    const cats = parseA1(built.chart.categories);
    expect(cats.rows).toBe(summary.byAgency.length);
    summary.byAgency.forEach((a, i) => {
      const row = cats.row + 1 + i;
      // Tasks without a lead agency are one row, shown as "(chưa xác định)".
      expect(cellText(x, built.sheet.name, `A${row}`)).toBe(a.label || '(chưa xác định)');
      const rate = cellText(x, built.sheet.name, `${built.chart.values.replace(/\d+:.*$/, '')}${row}`);
      expect(rate).toBe(a.completionRate === null ? '—' : a.completionRate);
    });
    // The planted completions make some rates real numbers, so the chart has bars to show.
    expect(summary.byAgency.some((a) => (a.completionRate ?? 0) > 0)).toBe(true);
  });

  it('titles the chart in the workbook language', async () => {
    const { x, built } = await summaryFor(samplePlan(), 'en');
    await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'en' });
    expect(x.state.charts[0].props['title.text']).toBe('Completion rate by agency');
    expect(x.state.charts[0].series[0].name).toBe('Completion rate by agency');
  });

  it('takes the same number of syncs for 9 agencies and for 60', async () => {
    const counts: number[] = [];
    for (const plan of [samplePlan(), manyAgencies(60)]) {
      const { x, summary, built } = await summaryFor(plan);
      const start = x.syncs.length;
      await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'vi' });
      counts.push(x.syncs.length - start);
      expect(parseA1(x.state.charts[0].series[0].xAxisValues as string).rows).toBe(summary.byAgency.length);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('refuses to overwrite an existing sheet of that name without replace (vi + en), touching nothing', async () => {
    const { x, built } = await summaryFor(samplePlan());
    const mine = x.addSheet(built.sheet.name);
    x.writeInput(x.cell(mine, 0, 0), 'Ghi chú của tôi', false);
    const start = x.syncs.length;
    const err = await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'vi' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GeneratedSheetExistsError);
    expect((err as GeneratedSheetExistsError).msg.vi).toMatch(/đã có trong sổ.*Thay thế/);
    expect((err as GeneratedSheetExistsError).msg.en).toMatch(/already exists.*Replace/);
    // Only the inventory was read; nothing was written.
    expect(x.syncs.length - start).toBe(1);
    expect(x.at(built.sheet.name, 'A1')?.value).toBe('Ghi chú của tôi');
    expect(x.state.charts).toHaveLength(0);
  });

  it('replaces the sheet and its chart with replace: true', async () => {
    const { x, built } = await summaryFor(samplePlan());
    await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'vi' });
    const sheets = x.state.sheets.length;
    x.writeInput(x.cell(x.requireSheet(built.sheet.name), 0, 0), 'cũ', false);
    const start = x.syncs.length;
    const report = await writePeriodSummary(x.requestContext, built.sheet, built.chart, {
      lang: 'vi',
      replace: true,
    });
    expect(report.replaced).toBe(true);
    expect(x.syncs.length - start).toBe(4);
    expect(x.state.sheets).toHaveLength(sheets);
    expect(x.state.charts).toHaveLength(1);
    expect(x.at(built.sheet.name, 'A1')?.value).toBe(
      built.sheet.cells[0].value?.t === 'text' ? built.sheet.cells[0].value.v : null,
    );
  });

  it('skips the chart, with a reason, when no agency has tasks', async () => {
    const x = new CountingExcel();
    x.addSheet('Sheet1');
    const built = buildSummarySheet(summarize([], { reportDate: REPORT_DATE }), { lang: 'vi' });
    const report = await writePeriodSummary(x.requestContext, built.sheet, built.chart, { lang: 'vi' });
    expect(report.chart).toBe(false);
    expect(report.skipped.map((s) => s.en)).toContain('There is no agency to chart.');
    expect(x.state.charts).toHaveLength(0);
    expect(x.requireSheet(built.sheet.name)).toBeDefined();
  });
});

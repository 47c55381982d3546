import { LocalizedError, type Msg } from '../model/msg';
import { columnLetter } from '../model/table';
import type { SummarySheet } from '../workbook/sheets/period-summary';
import type { Lang, SheetSpec } from '../workbook/types';
import { hasSheet, takeInventory, type WorkbookInventory } from './inventory';
import { renderWorkbook, type RenderReport } from './render';
import { defaultSupport, type SupportCheck } from './support';

/**
 * Generated sheets drawn into an open tracking workbook: the period summary (with its bar chart)
 * here, the check list in check-sheet.ts. Both go through the generic renderer (render.ts), so
 * cells, styles, tables and the payload cap are handled in one place.
 */

export class GeneratedSheetExistsError extends LocalizedError {
  constructor(readonly sheet: string) {
    super({
      vi: `Trang tính "${sheet}" đã có trong sổ. Chưa ghi đè gì; hãy chọn "Thay thế" để tạo lại trang này.`,
      en: `The sheet "${sheet}" already exists. Nothing was overwritten; choose "Replace" to rebuild it.`,
    });
    this.name = 'GeneratedSheetExistsError';
  }
}

export interface SheetDrawOptions {
  lang: Lang;
  /** Delete a sheet of the same name first. Without it, an existing sheet is an error. */
  replace?: boolean;
  isSetSupported?: SupportCheck;
  /** The workbook's sheets and names, when the caller already read them (saves a sync). */
  inventory?: WorkbookInventory;
  /** Data requests (see render.ts); the sheet's size decides how many it needs. */
  dataSyncs?: number;
  maxRequestBytes?: number;
  /** Activate the new sheet at the end (default true). */
  activate?: boolean;
}

export interface SheetDrawReport {
  syncs: number;
  sheet: string;
  /** True when a sheet of the same name was deleted first. */
  replaced: boolean;
  render: RenderReport;
}

/**
 * Draws one generated sheet into the open workbook through renderWorkbook, without the meta
 * sheet the workbook already has (test/excel/summary.test.ts asserts no second one appears).
 */
export async function drawGeneratedSheet(
  context: Excel.RequestContext,
  sheet: SheetSpec,
  opts: SheetDrawOptions,
): Promise<SheetDrawReport> {
  let syncs = 0;
  let inventory = opts.inventory;
  if (!inventory) {
    inventory = await takeInventory(context);
    syncs += 1;
  }
  const existing = hasSheet(inventory, sheet.name);
  if (existing && !opts.replace) throw new GeneratedSheetExistsError(sheet.name);
  const key = sheet.name.toLocaleLowerCase();
  if (existing) {
    // Queued now, so it travels in the renderer's first request, ahead of the new sheet's add.
    // Only generated sheets are replaced this way (the caller asks for it): if that request
    // fails, the old copy may be gone too, and running again rebuilds it from the workbook.
    context.workbook.worksheets.getItem(sheet.name).delete();
  }
  const render = await renderWorkbook(
    context,
    {
      lang: opts.lang,
      sheets: [sheet],
      names: [],
    },
    {
      inventory: {
        sheets: inventory.sheets.filter((s) => s.name.toLocaleLowerCase() !== key),
        names: inventory.names,
      },
      isSetSupported: opts.isSetSupported ?? defaultSupport,
      dataSyncs: opts.dataSyncs ?? 1,
      maxRequestBytes: opts.maxRequestBytes,
      activate: opts.activate === false ? null : sheet.name,
    },
  );
  return { syncs: syncs + render.syncs, sheet: sheet.name, replaced: existing, render };
}

export interface PeriodSummaryOptions extends Omit<SheetDrawOptions, 'dataSyncs'> {
  /** Chart name, so a later run (or the user) can find it. */
  chartName?: string;
}

export interface PeriodSummaryReport extends SheetDrawReport {
  /** False when there was no agency to chart. */
  chart: boolean;
  /** Parts left out. */
  skipped: Msg[];
}

/** "A6:A14" → rows 6 and 14; null for anything else. */
function rowsOf(range: string): { first: number; last: number; col: string } | null {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(range);
  if (!m || m[1] !== m[3]) return null;
  return { col: m[1], first: Number(m[2]), last: Number(m[4]) };
}

/** The first column right of everything the sheet writes, leaving one empty column. */
function chartColumn(sheet: SheetSpec): number {
  const used = Math.max(sheet.widths.length, ...sheet.cells.map((c) => c.col + 1));
  return used + 1;
}

const letters = columnLetter;

/**
 * The period summary sheet (`Tổng hợp Quý II-2024`, built by buildSummarySheet) with a clustered
 * bar chart of the completion rate by agency, titled in the workbook's language.
 *
 * Syncs: 1 (inventory, unless passed) + 1 (data) + 1 (finish) + 1 (chart) = 4, whatever the
 * number of agencies; the sheet is a few hundred cells, far below one request's cap.
 */
export async function writePeriodSummary(
  context: Excel.RequestContext,
  spec: SheetSpec,
  chart: SummarySheet['chart'],
  opts: PeriodSummaryOptions,
): Promise<PeriodSummaryReport> {
  const drawn = await drawGeneratedSheet(context, spec, { ...opts, dataSyncs: 1 });
  const report: PeriodSummaryReport = { ...drawn, chart: false, skipped: [...drawn.render.skipped] };

  const cats = rowsOf(chart.categories);
  const vals = rowsOf(chart.values);
  if (!cats || !vals || cats.last < cats.first || vals.last < vals.first) {
    report.skipped.push({
      vi: 'Không có cơ quan nào để vẽ biểu đồ.',
      en: 'There is no agency to chart.',
    });
    return report;
  }
  // Categories and values are two separate columns: the chart takes the values, and the series
  // gets its category labels with setXAxisValues (ExcelApi 1.7, which renderWorkbook requires).
  const ws = context.workbook.worksheets.getItem(spec.name);
  const c = ws.charts.add('BarClustered', ws.getRange(chart.values), 'Columns');
  if (opts.chartName) c.name = opts.chartName;
  c.title.text = chart.title;
  c.legend.visible = false;
  c.dataLabels.showValue = true;
  const series = c.series.getItemAt(0);
  series.name = chart.title;
  series.setXAxisValues(ws.getRange(chart.categories));
  // Rates are fractions: a fixed 0–100 % axis lets two periods' charts be compared by eye.
  c.axes.valueAxis.minimum = 0;
  c.axes.valueAxis.maximum = 1;
  const col = letters(chartColumn(spec));
  const endCol = letters(chartColumn(spec) + 7);
  // A bar per agency needs about a row and a half of height; never smaller than 15 rows.
  const height = Math.max(15, Math.ceil((cats.last - cats.first + 1) * 1.5) + 4);
  const top = cats.first - 1;
  c.setPosition(`${col}${top}`, `${endCol}${top + height}`);
  await context.sync();
  report.syncs += 1;
  report.chart = true;
  return report;
}

/**
 * Summarising a tracking workbook for a reporting period, and the period summary as a sheet:
 * written as its own .xlsx file (to file with the report) or drawn into Excel by the host.
 */
import { todayIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { readEntries } from '../tracking/entries';
import { periodContaining, type Period, type PeriodKind } from '../tracking/periods';
import { summarize, type TrackingSummary } from '../tracking/summary';
import { buildSummarySheet, type SummarySheet } from '../workbook/sheets/period-summary';

export { parsePeriod, type Period, type PeriodKind } from '../tracking/periods';
export type { SummaryRow, TrackingSummary } from '../tracking/summary';

export interface SummaryRequest {
  /** Default: the workbook's report date, else today. */
  reportDate?: string | null;
  /** A period, or the kind of the period containing the report date; none: the whole plan. */
  period?: Period | PeriodKind | null;
  /** 'period': the counts take only the period's tasks (the pane's bars, the report); default 'all'. */
  scope?: 'all' | 'period';
}

export interface SummaryOutcome {
  reportDate: string;
  period: Period | null;
  summary: TrackingSummary;
}

export function summariseWorkbook(wb: TrackingWorkbook, req: SummaryRequest = {}): SummaryOutcome {
  const reportDate = req.reportDate ?? wb.reportDate ?? todayIso();
  const period =
    typeof req.period === 'string' ? periodContaining(reportDate, req.period) : (req.period ?? null);
  const { entries } = readEntries(wb.snapshot);
  const summary = summarize(entries, {
    reportDate,
    period: period ? { start: period.start, end: period.end, label: period.label } : null,
    scope: req.scope,
    aliases: wb.meta?.agencyAliases,
  });
  return { reportDate, period, summary };
}

/** The period summary sheet, in the workbook's words of `lang`. */
export function summarySheet(outcome: SummaryOutcome, lang: Lang): SummarySheet {
  return buildSummarySheet(outcome.summary, { lang, label: outcome.period?.label[lang] });
}

/** The period summary as a workbook of its own (values, not formulas). */
export async function summaryFile(
  wb: TrackingWorkbook,
  outcome: SummaryOutcome,
  lang: Lang,
): Promise<{ sheetName: string; bytes: Uint8Array }> {
  if (!wb.meta)
    throw new LocalizedError({
      vi: 'Tệp không có thông tin gốc (trang _PlanTracker): không lập được bản tổng hợp.',
      en: 'The file has no metadata (_PlanTracker sheet): no summary can be made from it.',
    });
  const { sheet } = summarySheet(outcome, lang);
  // The writer (ExcelJS) is loaded only when a file is asked for.
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../xlsx/write');
  return {
    sheetName: sheet.name,
    bytes: await writeXlsx({ lang, sheets: [sheet], names: [], meta: wb.meta }),
  };
}

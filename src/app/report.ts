/**
 * The Báo cáo report of a tracking workbook for a period, and the deadline radar: as data (CLI,
 * pane) and as sheets (a workbook of their own, or drawn into Excel by the host).
 */
import { todayIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { agencyGrouping } from '../tracking/agency-aliases';
import { checkTracking } from '../tracking/check';
import { readEntries } from '../tracking/entries';
import { periodContaining, type Period, type PeriodConvention } from '../tracking/periods';
import { radar, DEFAULT_RADAR_DAYS, type Radar } from '../tracking/radar';
import { radarRows, reportContent, type ReportContent } from '../tracking/report';
import { buildReportSheet, reportHeading } from '../workbook/sheets/report';
import type { SheetSpec } from '../workbook/types';

export { DEFAULT_RADAR_DAYS, type Radar, type RadarItem } from '../tracking/radar';
export type { ReportContent } from '../tracking/report';
export { periodWithDates } from '../workbook/sheets/report';

export interface ReportRequest {
  /** Default: the workbook's report date, else today. */
  reportDate?: string | null;
  /** Default: the quarter containing the report date. */
  period?: Period | null;
  convention?: PeriodConvention;
  issuer?: string | null;
  place?: string | null;
}

export interface ReportOutcome extends ReportContent {
  /** Error-level findings of the check at the same report date: what the figures rest on. */
  errorFindings: number;
}

export function reportWorkbook(wb: TrackingWorkbook, req: ReportRequest = {}): ReportOutcome {
  const reportDate = req.reportDate ?? wb.reportDate ?? todayIso();
  const period = req.period ?? periodContaining(reportDate, 'quarter', req.convention);
  const { entries } = readEntries(wb.snapshot);
  const findings = checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate, lang: wb.lang });
  return {
    ...reportContent(entries, reportDate, period, wb.meta?.agencyAliases),
    errorFindings: findings.filter((f) => f.severity === 'error').length,
  };
}

/** The Báo cáo sheet of an outcome, in the words of `lang`. */
export function reportSheet(
  wb: TrackingWorkbook,
  outcome: ReportOutcome,
  lang: Lang,
  req: Pick<ReportRequest, 'issuer' | 'place'> = {},
): SheetSpec {
  // A report of every plan of a portfolio names them all; one of one plan (--plan), that plan.
  // Headed by the office the master was built for unless the caller names another.
  return buildReportSheet({
    lang,
    ...outcome,
    ...reportHeading(wb.meta),
    issuer: req.issuer ?? wb.meta?.issuer,
    place: req.place ?? wb.meta?.place,
  });
}

/** The report as a workbook of its own (values, to print or file). */
export async function reportFile(
  wb: TrackingWorkbook,
  outcome: ReportOutcome,
  lang: Lang,
  req: Pick<ReportRequest, 'issuer' | 'place'> = {},
): Promise<{ sheetName: string; bytes: Uint8Array }> {
  if (!wb.meta)
    throw new LocalizedError({
      vi: 'Tệp không có thông tin gốc (trang _PlanTracker): không lập được báo cáo.',
      en: 'The file has no metadata (_PlanTracker sheet): no report can be made from it.',
    });
  const sheet = reportSheet(wb, outcome, lang, req);
  const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../xlsx/write');
  return {
    sheetName: sheet.name,
    bytes: await writeXlsx({ lang, sheets: [sheet], names: [], meta: wb.meta }),
  };
}

export interface RadarRequest {
  reportDate?: string | null;
  days?: number;
}

/** What is overdue and what falls due in the next days, at the report date. */
export function radarOfWorkbook(wb: TrackingWorkbook, req: RadarRequest = {}): Radar {
  const reportDate = req.reportDate ?? wb.reportDate ?? todayIso();
  const { entries } = readEntries(wb.snapshot);
  const g = agencyGrouping(wb.meta?.agencyAliases);
  return radar(radarRows(entries, reportDate), reportDate, req.days ?? DEFAULT_RADAR_DAYS, g.key, g.label);
}

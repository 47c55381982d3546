/**
 * What the Báo cáo sheet reports for a period: the summary by lead agency at the report date, the
 * tasks overdue then, and those due from then to the end of the next period (the radar's rule,
 * radar.ts, with that horizon).
 */
import { isoToSerial } from '../model/dates';
import type { TaskEntry } from '../model/entries';
import { effectiveDue } from './deadline-state';
import { nextPeriod, type Period } from './periods';
import { radar, type RadarItem, type RadarRow } from './radar';
import type { AgencyAlias } from '../model/workbook-meta';
import { agencyGrouping } from './agency-aliases';
import { entryState, summarize, type TrackingSummary } from './summary';

export interface ReportContent {
  reportDate: string;
  period: Period;
  next: Period;
  summary: TrackingSummary;
  overdue: RadarItem[];
  dueNext: RadarItem[];
}

/** The radar's view of typed entries: each with the deadline state at the report date. */
export function radarRows(entries: readonly TaskEntry[], reportDate: string): RadarRow[] {
  return entries.map((e) => ({
    rowIndex: e.rowIndex,
    taskId: e.taskId,
    lead: e.lead,
    text: e.text,
    // Chased by the deadline the task is judged against.
    due: effectiveDue(e.due, e.adjustedDue),
    state: entryState(e, reportDate),
  }));
}

export function reportContent(
  entries: readonly TaskEntry[],
  reportDate: string,
  period: Period,
  aliases: readonly AgencyAlias[] = [],
): ReportContent {
  const next = nextPeriod(period);
  // The figures are the period's: what fell to it and what was done in it (inPeriodScope).
  const summary = summarize(entries, {
    reportDate,
    period: { start: period.start, end: period.end, label: period.label },
    scope: 'period',
    aliases,
  });
  const horizon = Math.max(0, isoToSerial(next.end) - isoToSerial(reportDate));
  const g = agencyGrouping(aliases);
  const r = radar(radarRows(entries, reportDate), reportDate, horizon, g.key, g.label);
  return {
    reportDate,
    period,
    next,
    summary,
    overdue: r.items.filter((i) => i.kind === 'overdue'),
    dueNext: r.items.filter((i) => i.kind === 'due_soon'),
  };
}

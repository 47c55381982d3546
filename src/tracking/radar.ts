/**
 * The deadline radar: what is overdue and what falls due in the next days, per lead agency. The
 * `Sắp đến hạn` sheet computes the same with formulas (src/workbook/sheets/radar.ts); this is
 * their pure twin, which the CLI, the pane and the sheet's cached values use.
 */
import { addDays, isoToSerial } from '../model/dates';
import type { DeadlineState } from '../model/vocabulary';
import { leadKey } from './summary';

export const DEFAULT_RADAR_DAYS = 30;

export interface RadarRow {
  /** 0-based row of the task table: ties on the due date keep table order. */
  rowIndex: number;
  taskId: string;
  lead: string;
  text: string;
  /** ISO date the deadline formula sees (a real date cell), or null. */
  due: string | null;
  state: DeadlineState;
}

export type RadarKind = 'overdue' | 'due_soon';

export interface RadarItem extends RadarRow {
  due: string;
  kind: RadarKind;
  /** Days from the report date to the due date: negative when overdue, 0 on the due day. */
  daysLeft: number;
}

export interface RadarAgency {
  key: string;
  label: string;
  overdue: number;
  dueSoon: number;
}

export interface Radar {
  reportDate: string;
  days: number;
  /** Last day counted as "due soon": the report date plus `days`. */
  until: string;
  /** Overdue and due-soon tasks, by due date (so the overdue come first), then table order. */
  items: RadarItem[];
  byAgency: RadarAgency[];
  overdue: number;
  dueSoon: number;
}

/**
 * A task is on the radar when its deadline state is overdue, or when it is in progress within
 * its deadline (so it has a due date on or after the report date and is not done) and falls due
 * by `until`. Done tasks, ongoing duties and tasks without a date never are.
 */
export function radarKind(row: Pick<RadarRow, 'due' | 'state'>, until: string): RadarKind | null {
  if (row.state === 'overdue' && row.due) return 'overdue';
  if (row.state === 'in_progress_on_time' && row.due && row.due <= until) return 'due_soon';
  return null;
}

export function radar(
  rows: readonly RadarRow[],
  reportDate: string,
  days: number = DEFAULT_RADAR_DAYS,
  keyOf: (lead: string) => string = leadKey,
  labelOf: (lead: string) => string = (lead) => lead,
): Radar {
  const until = addDays(reportDate, days);
  const report = isoToSerial(reportDate);
  const items: RadarItem[] = [];
  const agencies = new Map<string, RadarAgency>();
  for (const row of rows) {
    const kind = radarKind(row, until);
    if (!kind || !row.due) continue;
    items.push({ ...row, due: row.due, kind, daysLeft: isoToSerial(row.due) - report });
    const key = keyOf(row.lead);
    const agency = agencies.get(key) ?? { key, label: labelOf(row.lead), overdue: 0, dueSoon: 0 };
    if (kind === 'overdue') agency.overdue += 1;
    else agency.dueSoon += 1;
    agencies.set(key, agency);
  }
  items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.rowIndex - b.rowIndex));
  const byAgency = [...agencies.values()];
  // Tasks without a lead go last, as in the summaries.
  byAgency.sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0));
  return {
    reportDate,
    days,
    until,
    items,
    byAgency,
    overdue: items.filter((i) => i.kind === 'overdue').length,
    dueSoon: items.filter((i) => i.kind === 'due_soon').length,
  };
}

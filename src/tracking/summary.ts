import type { TaskEntry } from '../model/entries';
import type { Msg } from '../model/msg';
import { DEADLINE_STATES, type DeadlineCategory, type DeadlineState } from '../model/vocabulary';
import type { AgencyAlias } from '../model/workbook-meta';
import { agencyGrouping } from './agency-aliases';
import { deadlineState, effectiveDue } from './deadline-state';

/** A reporting period as a closed ISO date range (what periods.ts resolves "2024-Q2" to). */
export interface PeriodRange {
  start: string;
  end: string;
  /** Shown in headings, e.g. "Quý II-2024"; optional. */
  label?: Msg;
}

export type StateCounts = Record<DeadlineState, number>;

export interface SummaryRow {
  /** Grouping key: agency key, category, section id, or "section|group". Empty for "none". */
  key: string;
  /** What the sheet shows: the agency name as first written, the section id, the group heading… */
  label: string;
  counts: StateCounts;
  total: number;
  /** Tasks whose deadline was moved (`Đã gia hạn`: an adjusted deadline entered), any state. */
  extended: number;
  /**
   * (done on time + done late) ÷ (those + overdue + done without a completion date): a task whose
   * completion cannot be dated is not counted done, so bad data lowers the rate. Null when none.
   */
  completionRate: number | null;
}

export interface PeriodTask {
  taskId: string;
  lead: string;
  due: string | null;
  completedOn: string | null;
  state: DeadlineState;
}

export interface PeriodAgencyRow {
  key: string;
  label: string;
  completed: number;
  completedOnTime: number;
  fellOverdue: number;
}

export interface PeriodSummary extends PeriodRange {
  /** Deadline tasks done (on time or late) with a completion date inside the period. */
  completed: PeriodTask[];
  /** Due inside the period (and before the report date), not done by the due date. */
  fellOverdue: PeriodTask[];
  byAgency: PeriodAgencyRow[];
}

export interface TrackingSummary {
  reportDate: string;
  total: SummaryRow;
  byAgency: SummaryRow[];
  byCategory: SummaryRow[];
  bySection: SummaryRow[];
  byGroup: SummaryRow[];
  period: PeriodSummary | null;
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as StateCounts;
}

export function completionRate(counts: StateCounts): number | null {
  const done = counts.done_on_time + counts.done_late;
  const due = done + counts.overdue + counts.done_undated;
  return due === 0 ? null : done / due;
}

export function entryState(entry: TaskEntry, reportDate: string): DeadlineState {
  return deadlineState(
    {
      category: entry.category,
      due: entry.due,
      status: entry.status,
      completedOn: entry.completedOn,
      adjustedDue: entry.adjustedDue,
    },
    reportDate,
  );
}

/** Groups keep the order in which their first task appears (plan order), which staff expect. */
class Grouper {
  private rows = new Map<string, SummaryRow>();
  add(key: string, label: string, state: DeadlineState | null, extended: boolean): void {
    let row = this.rows.get(key);
    if (!row) {
      row = { key, label, counts: emptyCounts(), total: 0, extended: 0, completionRate: null };
      this.rows.set(key, row);
    }
    // null: the group is listed (its place kept) but the task is not counted.
    if (state === null) return;
    row.counts[state] += 1;
    row.total += 1;
    if (extended) row.extended += 1;
  }
  result(): SummaryRow[] {
    const out = [...this.rows.values()];
    for (const row of out) row.completionRate = completionRate(row.counts);
    return out;
  }
}

/**
 * Grouping key of a lead shown in the sheet: the canonical key after the workbook's agency
 * aliases (agency-aliases.ts); tasks without a lead group under "".
 */
export function leadKey(lead: string, aliases: readonly AgencyAlias[] = []): string {
  return agencyGrouping(aliases).key(lead);
}

function lastIfEmpty<T extends { key: string }>(rows: T[]): T[] {
  return [...rows.filter((r) => r.key !== ''), ...rows.filter((r) => r.key === '')];
}

const CATEGORY_ORDER: (DeadlineCategory | '')[] = ['due', 'ongoing', 'periodic', 'external', 'none', ''];

/**
 * Whether a task is part of a period's report, with its state at the report date: what had to be
 * done in the period, and what was done in it.
 * - no due date (ongoing, periodic, external, none): reported every period (DOMAIN §3);
 * - due inside the period;
 * - due before it and not done before it began (still overdue, done in or after the period, or
 *   done with no date, which cannot be placed and must stay visible);
 * - due after it and done inside it (done early).
 * A task due before the period and done before it began belongs to an earlier report; one due
 * after the period and not done in it, to a later one.
 */
export function inPeriodScope(entry: TaskEntry, state: DeadlineState, period: PeriodRange): boolean {
  const { due, completedOn } = entry;
  const doneDated = (state === 'done_on_time' || state === 'done_late') && completedOn !== null;
  if (due === null) return true;
  if (due >= period.start && due <= period.end) return true;
  if (due < period.start) return !(doneDated && (completedOn as string) < period.start);
  return doneDated && (completedOn as string) >= period.start && (completedOn as string) <= period.end;
}

export function summarize(
  entries: readonly TaskEntry[],
  opts: {
    reportDate: string;
    period?: PeriodRange | null;
    /**
     * 'period': the counts take only the tasks of the period (inPeriodScope); every group is
     * still listed, with zeros where none of its tasks is in. Default 'all': every task.
     */
    scope?: 'all' | 'period';
    /** The workbook's agency aliases: one row per agency across the spellings merged. */
    aliases?: readonly AgencyAlias[];
  },
): TrackingSummary {
  const agencies = agencyGrouping(opts.aliases);
  const { reportDate } = opts;
  const scoped = opts.scope === 'period' && opts.period ? opts.period : null;
  const total = new Grouper();
  const byAgency = new Grouper();
  const byCategory = new Grouper();
  const bySection = new Grouper();
  const byGroup = new Grouper();
  const states = entries.map((e) => entryState(e, reportDate));
  entries.forEach((e, i) => {
    const state = scoped && !inPeriodScope(e, states[i], scoped) ? null : states[i];
    const extended = !!e.adjustedDue;
    total.add('', '', state, extended);
    byAgency.add(agencies.key(e.lead), agencies.label(e.lead), state, extended);
    byCategory.add(e.category ?? '', e.category ?? '', state, extended);
    bySection.add(e.section, e.section, state, extended);
    byGroup.add(`${e.section}|${e.group}`, e.group, state, extended);
  });
  const categories = byCategory.result();
  categories.sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.key as DeadlineCategory) - CATEGORY_ORDER.indexOf(b.key as DeadlineCategory),
  );
  return {
    reportDate,
    total: total.result()[0] ?? {
      key: '',
      label: '',
      counts: emptyCounts(),
      total: 0,
      extended: 0,
      completionRate: null,
    },
    // Tasks without a lead go last: they are the office's to assign, not an agency's figures.
    byAgency: lastIfEmpty(byAgency.result()),
    byCategory: categories,
    bySection: bySection.result(),
    byGroup: byGroup.result(),
    period: opts.period ? summarizePeriod(entries, states, opts.period, reportDate, opts.aliases) : null,
  };
}

function summarizePeriod(
  entries: readonly TaskEntry[],
  states: readonly DeadlineState[],
  period: PeriodRange,
  reportDate: string,
  aliases?: readonly AgencyAlias[],
): PeriodSummary {
  const grouping = agencyGrouping(aliases);
  const inPeriod = (iso: string | null) => iso !== null && iso >= period.start && iso <= period.end;
  const completed: PeriodTask[] = [];
  const fellOverdue: PeriodTask[] = [];
  const agencies = new Map<string, PeriodAgencyRow>();
  const agency = (e: TaskEntry) => {
    const key = grouping.key(e.lead);
    let row = agencies.get(key);
    if (!row) {
      row = { key, label: grouping.label(e.lead), completed: 0, completedOnTime: 0, fellOverdue: 0 };
      agencies.set(key, row);
    }
    return row;
  };
  entries.forEach((e, i) => {
    const state = states[i];
    const due = effectiveDue(e.due, e.adjustedDue);
    const item: PeriodTask = {
      taskId: e.taskId,
      lead: e.lead,
      due,
      completedOn: e.completedOn,
      state,
    };
    const row = agency(e);
    // Routine duties are reported apart from deadline tasks (DOMAIN §3): only tasks whose state
    // is a completion count, the same ones the completion rate counts.
    if ((state === 'done_on_time' || state === 'done_late') && inPeriod(e.completedOn)) {
      completed.push(item);
      row.completed += 1;
      if (state === 'done_on_time') row.completedOnTime += 1;
    }
    // A deadline that has not passed yet at the report date cannot have been missed, even if
    // it lies inside the (current) period; the deadline state already encodes "passed and not
    // done by then" as overdue or done late.
    if (inPeriod(due) && (due as string) < reportDate && (state === 'overdue' || state === 'done_late')) {
      fellOverdue.push(item);
      row.fellOverdue += 1;
    }
  });
  return { ...period, completed, fellOverdue, byAgency: lastIfEmpty([...agencies.values()]) };
}

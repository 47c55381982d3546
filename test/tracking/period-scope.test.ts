/**
 * The period's figures: changing the period (month, quarter, half-year, year; 14th cut-off)
 * changes which tasks the counts take, as worked out here task by task. Report date 20/05/2024:
 *   Tháng 6-2024  15/05/2024–14/06/2024
 *   Quý II-2024   15/03/2024–14/06/2024
 *   6 tháng đầu   15/12/2023–14/06/2024
 *   Năm 2024      15/12/2023–14/12/2024
 */
import type { TaskEntry } from '../../src/model/entries';
import type { DeadlineState } from '../../src/model/vocabulary';
import { periodContaining, type PeriodKind } from '../../src/tracking/periods';
import { reportContent } from '../../src/tracking/report';
import { summarize, type StateCounts } from '../../src/tracking/summary';

const REPORT_DATE = '2024-05-20';

function task(
  id: string,
  lead: string,
  due: string | null,
  done: { on: string | null } | null,
  category: TaskEntry['category'] = due ? 'due' : 'ongoing',
): TaskEntry {
  return {
    taskId: id,
    section: 'I',
    group: '',
    lead,
    partners: '',
    text: `Nhiệm vụ ${id}`,
    category,
    due,
    rowIndex: Number(id) - 1,
    status: done ? 'done' : 'in_progress',
    completedOn: done?.on ?? null,
    progress: null,
    result: '',
    note: '',
    updatedOn: null,
  };
}

// Each task's state at 20/05/2024, and the periods whose report takes it.
const TASKS: { entry: TaskEntry; state: DeadlineState; in: PeriodKind[] }[] = [
  // due inside every period, not done yet
  {
    entry: task('1', 'A', '2024-05-31', null),
    state: 'in_progress_on_time',
    in: ['month', 'quarter', 'half', 'year'],
  },
  // overdue since April: still open when each period began
  { entry: task('2', 'A', '2024-04-30', null), state: 'overdue', in: ['month', 'quarter', 'half', 'year'] },
  // due and done in April: before the month, inside the quarter
  {
    entry: task('3', 'A', '2024-04-10', { on: '2024-04-05' }),
    state: 'done_on_time',
    in: ['quarter', 'half', 'year'],
  },
  // due in February, done late on 20/03: inside the quarter (done in it), the half and the year
  {
    entry: task('4', 'B', '2024-02-28', { on: '2024-03-20' }),
    state: 'done_late',
    in: ['quarter', 'half', 'year'],
  },
  // due in September, open: only the year's
  { entry: task('5', 'B', '2024-09-30', null), state: 'in_progress_on_time', in: ['year'] },
  // due in November, done early on 16/05: in the month it was done, and the year it is due
  {
    entry: task('6', 'B', '2024-11-30', { on: '2024-05-16' }),
    state: 'done_on_time',
    in: ['month', 'quarter', 'half', 'year'],
  },
  // ongoing: reported every period
  { entry: task('7', 'A', null, null), state: 'ongoing', in: ['month', 'quarter', 'half', 'year'] },
  // done with no completion date, due last October: cannot be placed, so never left out
  {
    entry: task('8', 'A', '2023-10-31', { on: null }),
    state: 'done_undated',
    in: ['month', 'quarter', 'half', 'year'],
  },
  // due in November 2023, done 01/12/2023: before every period here
  { entry: task('9', 'B', '2023-11-30', { on: '2023-12-01' }), state: 'done_late', in: [] },
  // overdue since January: still open
  { entry: task('10', 'B', '2024-01-31', null), state: 'overdue', in: ['month', 'quarter', 'half', 'year'] },
  // due 10/01, done 01/02: inside the half-year and the year only
  { entry: task('11', 'A', '2024-01-10', { on: '2024-02-01' }), state: 'done_late', in: ['half', 'year'] },
];

const entries = TASKS.map((t) => t.entry);

function counts(kind: PeriodKind, lead?: string): Partial<StateCounts> {
  const out: Partial<StateCounts> = {};
  for (const t of TASKS)
    if (t.in.includes(kind) && (lead === undefined || t.entry.lead === lead))
      out[t.state] = (out[t.state] ?? 0) + 1;
  return out;
}

function nonZero(c: StateCounts): Partial<StateCounts> {
  return Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
}

function periodSummary(kind: PeriodKind) {
  const p = periodContaining(REPORT_DATE, kind);
  return summarize(entries, {
    reportDate: REPORT_DATE,
    period: { start: p.start, end: p.end, label: p.label },
    scope: 'period',
  });
}

describe('a period summary counts the tasks of that period', () => {
  it('has the periods this test works with', () => {
    expect(periodContaining(REPORT_DATE, 'month')).toMatchObject({ start: '2024-05-15', end: '2024-06-14' });
    expect(periodContaining(REPORT_DATE, 'quarter')).toMatchObject({
      start: '2024-03-15',
      end: '2024-06-14',
    });
    expect(periodContaining(REPORT_DATE, 'half')).toMatchObject({ start: '2023-12-15', end: '2024-06-14' });
    expect(periodContaining(REPORT_DATE, 'year')).toMatchObject({ start: '2023-12-15', end: '2024-12-14' });
  });

  it.each(['month', 'quarter', 'half', 'year'] as PeriodKind[])(
    '%s: the counts worked out task by task',
    (kind) => {
      const s = periodSummary(kind);
      expect(nonZero(s.total.counts)).toEqual(counts(kind));
      const a = s.byAgency.find((r) => r.label === 'A')!;
      const b = s.byAgency.find((r) => r.label === 'B')!;
      expect(nonZero(a.counts)).toEqual(counts(kind, 'A'));
      expect(nonZero(b.counts)).toEqual(counts(kind, 'B'));
    },
  );

  it('gives different totals and rates as the period changes', () => {
    const totals = (['month', 'quarter', 'half', 'year'] as PeriodKind[]).map(
      (k) => periodSummary(k).total.total,
    );
    expect(totals).toEqual([6, 8, 9, 10]);
    // Quý II: A has 1 done (3) of 3 due (2 overdue, 3 done, 8 done undated); B 2 done (4, 6) of 3 due (10).
    const q = periodSummary('quarter');
    expect(q.byAgency.find((r) => r.label === 'A')!.completionRate).toBeCloseTo(1 / 3, 10);
    expect(q.byAgency.find((r) => r.label === 'B')!.completionRate).toBeCloseTo(2 / 3, 10);
    // Tháng 6: A has no task done (2 overdue, 8 undated); B 1 done (6) of 2 due (6, 10).
    const m = periodSummary('month');
    expect(m.byAgency.find((r) => r.label === 'A')!.completionRate).toBe(0);
    expect(m.byAgency.find((r) => r.label === 'B')!.completionRate).toBe(0.5);
  });

  it('lists every agency even when none of its tasks is in the period', () => {
    const only = [task('1', 'A', '2024-05-31', null), task('2', 'C', '2024-10-31', null)];
    const p = periodContaining(REPORT_DATE, 'month');
    const s = summarize(only, { reportDate: REPORT_DATE, period: p, scope: 'period' });
    expect(s.byAgency.map((r) => [r.label, r.total])).toEqual([
      ['A', 1],
      ['C', 0],
    ]);
  });

  it('counts every task without the period scope, as before', () => {
    const p = periodContaining(REPORT_DATE, 'month');
    expect(summarize(entries, { reportDate: REPORT_DATE, period: p }).total.total).toBe(TASKS.length);
  });

  it("gives the Báo cáo the period's figures", () => {
    const quarter = reportContent(entries, REPORT_DATE, periodContaining(REPORT_DATE, 'quarter'));
    const year = reportContent(entries, REPORT_DATE, periodContaining(REPORT_DATE, 'year'));
    expect(nonZero(quarter.summary.total.counts)).toEqual(counts('quarter'));
    expect(nonZero(year.summary.total.counts)).toEqual(counts('year'));
  });
});

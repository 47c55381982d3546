/**
 * The words every layer shares: what staff enter (status), how a plan states a deadline
 * (category), what the tracker computes from both (deadline state) and how bad a check finding
 * is (severity). Ids only; the words shown for them are in labels.ts.
 */

export type Status = 'not_started' | 'in_progress' | 'done';

export const STATUSES: readonly Status[] = ['not_started', 'in_progress', 'done'];

/** How a plan states a task's deadline (DOMAIN.md §2). */
export type DeadlineCategory = 'ongoing' | 'due' | 'periodic' | 'external' | 'none';

export const DEADLINE_CATEGORIES: readonly DeadlineCategory[] = [
  'ongoing',
  'due',
  'periodic',
  'external',
  'none',
];

/**
 * The deadline state of DOMAIN.md §3, plus the two states kept out of rates, plus a task marked
 * done without a completion date (`done_undated`): neither on time nor late until the date is
 * entered, and not counted as done in the completion rate, so bad data never shows 100 %.
 */
export type DeadlineState =
  'done_on_time' | 'done_late' | 'done_undated' | 'in_progress_on_time' | 'overdue' | 'ongoing' | 'undated';

export const DEADLINE_STATES: readonly DeadlineState[] = [
  'done_on_time',
  'done_late',
  'done_undated',
  'in_progress_on_time',
  'overdue',
  'ongoing',
  'undated',
];

export type Severity = 'error' | 'warning' | 'info';

/** Worst first: the order findings are listed in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

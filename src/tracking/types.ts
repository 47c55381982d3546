/** What staff enter for a task, and what is computed from it. */

export type Status = 'not_started' | 'in_progress' | 'done';

/** The deadline state of DOMAIN.md §3, plus the two states kept out of rates. */
export type DeadlineState =
  'done_on_time' | 'done_late' | 'in_progress_on_time' | 'overdue' | 'ongoing' | 'undated';

export const DEADLINE_STATES: readonly DeadlineState[] = [
  'done_on_time',
  'done_late',
  'in_progress_on_time',
  'overdue',
  'ongoing',
  'undated',
];

export const STATUSES: readonly Status[] = ['not_started', 'in_progress', 'done'];

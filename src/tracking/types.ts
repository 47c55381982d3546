/** What staff enter for a task, and what is computed from it: the shared vocabulary of src/model. */
export type { DeadlineState, Status } from '../model/vocabulary';
export { DEADLINE_STATES, STATUSES } from '../model/vocabulary';

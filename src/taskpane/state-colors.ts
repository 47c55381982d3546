/**
 * The colours of the deadline states in the pane's bars and legend. Okabe and Ito's palette
 * ("Color Universal Design"), chosen to stay apart for readers with red-green colour blindness;
 * test/taskpane/state-colors.test.ts simulates protanopia and deuteranopia (Machado, Oliveira and
 * Fernandes 2009) and checks every pair still differs. Fixed colours, not theme tokens, so the
 * check is about the colours people actually see.
 */
import type { DeadlineState } from '../model/vocabulary';

export const STATE_HEX: Record<DeadlineState, string> = {
  done_on_time: '#009E73',
  done_late: '#F0E442',
  done_undated: '#CC79A7',
  in_progress_on_time: '#56B4E9',
  overdue: '#D55E00',
  ongoing: '#0072B2',
  undated: '#000000',
};

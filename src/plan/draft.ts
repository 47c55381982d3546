/**
 * A task as the task pass reads it, before ids and agency keys are given: names as written, where
 * the lead came from, and what made the reading uncertain (for the confidence pass).
 */
import type { Deadline, ParseWarning } from './types';

/** Where the lead was read: an explicit role (line, "X chủ trì", "giao X", a table column), the
 * agency heading the task sits under, the subject of the task's sentence, or nowhere. */
export type LeadSource = 'role' | 'table' | 'heading' | 'sentence' | 'none';

export type DoubtCode =
  | 'joined-lines'
  | 'deadline-unrecognised'
  | 'row-truncated'
  | 'row-continued'
  | 'lead-from-row-above'
  | 'row-rebuilt'
  | 'long-text'
  | 'short-text'
  | 'collective-lead'
  | 'assignment-in-context'
  | 'no-deadline';

export interface TaskDraft {
  section: string;
  number: string;
  group: string | null;
  lead: string | null;
  leadSource: LeadSource;
  partners: string[];
  text: string;
  deadlines: Deadline[];
  line: number;
  // Always present (undefined when none): drafts keep one shape, and a conditional spread cost more
  // than the rest of building one.
  product: string | undefined;
  doubts: Set<DoubtCode>;
}

export interface TaskPassResult {
  drafts: TaskDraft[];
  warnings: ParseWarning[];
}

export function excerpt(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

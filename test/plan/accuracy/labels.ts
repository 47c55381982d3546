/**
 * The hand labels of a real plan (`test/fixtures/real/NAME.json`), read and checked for shape.
 * The schema is documented in test/fixtures/real/README.md.
 */
import type { DeadlineCategory } from '../../../src/plan/types';

export interface DeadlineLabel {
  category: DeadlineCategory;
  /** ISO date for a due date; null when the note gives none; absent when not checked. */
  due?: string | null;
}

export interface TaskLabel {
  /** A distinctive piece of the task's own text, as written. */
  phrase: string;
  /**
   * Only when the phrase alone is not distinctive (two items with the same text under different
   * headings): a piece of the heading the task sits under, number included. Scored against the task's
   * group and its part's heading alike.
   */
  group?: string;
  /** Likewise: a piece of the heading of the part or appendix the task is in (e.g. "PHỤ LỤC 01"). */
  section?: string;
  /** Lead agency as written; null when the document names none; absent when not checked. */
  lead?: string | null;
  /** Partner agencies as written; [] when the document names none; absent when not checked. */
  partners?: string[];
  /** One deadline note, or several when the task carries more than one; absent when not checked. */
  deadline?: DeadlineLabel | DeadlineLabel[];
  /** Free-text remark for reviewers; never scored. */
  note?: string;
}

export interface PlanLabel {
  /**
   * A derived variant (e.g. a legacy-encoded copy made from a real text, SOURCES.md says how): the
   * name of the plan whose text it re-encodes. Its labels are that plan's; its own file gives only
   * `derivedFrom`, `encoding`, `layouts` and `note`.
   */
  derivedFrom?: string;
  /** For a derived variant: the encoding of its bytes (e.g. "windows-1258"). */
  encoding?: string;
  header?: { number?: string | null; issuedOn?: string | null; issuer?: string; title?: string };
  taskCount?: number;
  tasks: TaskLabel[];
  nonTasks?: string[];
  layouts?: string[];
  note?: string;
}

export const CATEGORIES: readonly DeadlineCategory[] = ['ongoing', 'due', 'periodic', 'external', 'none'];

/** Layout tags a label may carry (README, "Layouts"). */
export const LAYOUTS = [
  'decision-carries-plan',
  'appendix-table',
  'header-table',
  'header-number-next-line',
  'letter-spaced',
  'wrapped-part-heading',
  'number-cut-from-text',
  'task-part-variant',
  'lettered-parts',
  'attribute-lines',
  'blocked-attributes',
  'agency-headings',
  'lead-sentence-forms',
  'collective-or-person-lead',
  'deadline-forms',
  'markdown-table',
  'tab-table',
  'legacy-encoding',
] as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function fail(name: string, message: string): never {
  throw new Error(`${name}: ${message}`);
}

function checkDeadline(name: string, where: string, d: DeadlineLabel): void {
  if (!CATEGORIES.includes(d.category)) fail(name, `${where}: unknown deadline category ${d.category}`);
  if (d.due !== undefined && d.due !== null && !ISO.test(d.due)) fail(name, `${where}: due is not ISO`);
}

/** Parse and validate a label file's JSON; throws with the file name on any mistake. */
export function readLabel(name: string, json: string): PlanLabel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    fail(name, `not JSON (${(e as Error).message})`);
  }
  const label = raw as PlanLabel;
  if (typeof label !== 'object' || label === null) fail(name, 'not an object');
  if (label.derivedFrom !== undefined) {
    if (typeof label.derivedFrom !== 'string' || label.derivedFrom === '') fail(name, 'derivedFrom');
    for (const key of ['header', 'tasks', 'nonTasks', 'taskCount'] as const) {
      if (label[key] !== undefined)
        fail(name, `a derived variant takes its ${key} from ${label.derivedFrom}`);
    }
    checkLayouts(name, label);
    return label;
  }
  if (!Array.isArray(label.tasks)) fail(name, 'no tasks array');
  const h = label.header;
  if (h?.issuedOn && !ISO.test(h.issuedOn)) fail(name, 'header.issuedOn is not ISO');
  if (label.taskCount !== undefined && !(Number.isInteger(label.taskCount) && label.taskCount >= 0))
    fail(name, 'taskCount must be a whole number');
  const seen = new Set<string>();
  label.tasks.forEach((t, i) => {
    const where = `tasks[${i}]`;
    if (typeof t.phrase !== 'string' || t.phrase.trim().length < 8) fail(name, `${where}: phrase too short`);
    const id = `${t.section ?? ''}\u0000${t.group ?? ''}\u0000${t.phrase}`;
    if (seen.has(id)) fail(name, `${where}: phrase repeated`);
    seen.add(id);
    for (const key of ['group', 'section'] as const) {
      const v = t[key];
      if (v !== undefined && (typeof v !== 'string' || v.trim() === ''))
        fail(name, `${where}: ${key} must be a non-empty string`);
    }
    if (t.lead !== undefined && t.lead !== null && typeof t.lead !== 'string') fail(name, `${where}: lead`);
    if (t.partners !== undefined && !Array.isArray(t.partners)) fail(name, `${where}: partners`);
    if (t.deadline !== undefined) {
      const list = Array.isArray(t.deadline) ? t.deadline : [t.deadline];
      list.forEach((d) => checkDeadline(name, where, d));
    }
  });
  checkLayouts(name, label);
  return label;
}

function checkLayouts(name: string, label: PlanLabel): void {
  for (const tag of label.layouts ?? []) {
    if (!(LAYOUTS as readonly string[]).includes(tag)) fail(name, `unknown layout tag ${tag}`);
  }
}

/** A derived variant's full label: the source plan's labels with the variant's layouts added. */
export function resolveDerived(variant: PlanLabel, source: PlanLabel): PlanLabel {
  const layouts = [...new Set([...(source.layouts ?? []), ...(variant.layouts ?? [])])];
  return {
    ...source,
    derivedFrom: variant.derivedFrom,
    encoding: variant.encoding,
    layouts,
    note: variant.note,
  };
}

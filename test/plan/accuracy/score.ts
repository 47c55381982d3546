/**
 * Scores one parsed plan against its hand labels. Pure: no I/O, no parsing.
 *
 * Every check is held or not; a plan's score is checks held / checks, per category and overall.
 * - tasks: a labelled task is found when exactly one parsed task's text contains its phrase
 *   (both normalised: NFC, markdown emphasis dropped, whitespace collapsed, case folded) — and,
 *   when the label gives a `group` or a `section`, whose headings (its group and its part's heading,
 *   either one) contain it too. A parsed task matched that way by two or more labelled tasks has
 *   swallowed them: none of them is found.
 * - leads: the found task's lead equals the label by agency key (src/plan/agency.ts).
 * - partners: labelled and parsed partners compared by key as sets; every partner in either set is
 *   one check, held when it is in both (an empty label with no parsed partner is one held check).
 *   A generic tail such as "các cơ quan, đơn vị có liên quan" names no body: labels leave it out and a
 *   parsed partner whose key ends in "liên quan" is not counted either way.
 * - deadlines: per labelled deadline, one check for its category (some parsed deadline of the task
 *   has it) and, when the label gives a due date or says null for a `due` note, one for the date.
 * - header: number and issue date, each one check.
 * - nonTasks: a phrase held when no parsed task's text contains it.
 * - taskCount: the number of parsed tasks equals the label's count.
 * A task that is not found fails every attribute check it carries.
 */
import { agencyKey } from '../../../src/plan/agency';
import type { Plan, Task } from '../../../src/plan/types';
import type { DeadlineLabel, PlanLabel, TaskLabel } from './labels';

export type Category = 'tasks' | 'leads' | 'partners' | 'deadlines' | 'header' | 'nonTasks' | 'taskCount';
export const CHECK_CATEGORIES: readonly Category[] = [
  'tasks',
  'leads',
  'partners',
  'deadlines',
  'header',
  'nonTasks',
  'taskCount',
];

export interface Check {
  category: Category;
  held: boolean;
  /** What was checked, for the report: "task «…»", "lead of «…»". */
  what: string;
  expected?: unknown;
  actual?: unknown;
}

export interface Tally {
  held: number;
  total: number;
}

export interface PlanScore {
  checks: Check[];
  byCategory: Record<Category, Tally>;
  overall: Tally;
  /** Partner precision and recall over the found tasks with partner labels (information only). */
  partnerPrecision: Tally;
  partnerRecall: Tally;
}

/** The comparison form of a text: NFC, no markdown emphasis, single spaces, lower case. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\*+|_{2,}/g, '')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u3000]+/g, ' ')
    .trim()
    .toLowerCase();
}

function short(phrase: string): string {
  return phrase.length > 48 ? `${phrase.slice(0, 45)}…` : phrase;
}

export function emptyTallies(): Record<Category, Tally> {
  const t = {} as Record<Category, Tally>;
  for (const c of CHECK_CATEGORIES) t[c] = { held: 0, total: 0 };
  return t;
}

function deadlineList(d: TaskLabel['deadline']): DeadlineLabel[] {
  if (d === undefined) return [];
  return Array.isArray(d) ? d : [d];
}

const GENERIC_PARTNER = /liên quan$/u;

function compactNumber(n: string | null | undefined): string | null {
  return n === null || n === undefined ? null : n.normalize('NFC').replace(/\s+/g, '');
}

/** The parsed tasks whose text contains the label's phrase (and whose headings its group/section). */
function matchTask(t: TaskLabel, plan: Plan, texts: string[], sectionHeading: Map<string, string>): Task[] {
  const p = normalizeForMatch(t.phrase);
  const g = t.group === undefined ? null : normalizeForMatch(t.group);
  const s = t.section === undefined ? null : normalizeForMatch(t.section);
  const hits: Task[] = [];
  texts.forEach((text, i) => {
    const task = plan.tasks[i];
    if (!text.includes(p)) return;
    // A label's group or section is looked for in every heading the task sits under, so a label
    // does not presume whether the parser makes a given heading a group or a section.
    const under = normalizeForMatch(`${task.group ?? ''} ${sectionHeading.get(task.section) ?? ''}`);
    if (g !== null && !under.includes(g)) return;
    if (s !== null && !under.includes(s)) return;
    hits.push(task);
  });
  return hits;
}

export function scorePlan(plan: Plan, label: PlanLabel): PlanScore {
  const checks: Check[] = [];
  const add = (category: Category, held: boolean, what: string, expected?: unknown, actual?: unknown) =>
    checks.push({ category, held, what, expected, actual });
  const texts = plan.tasks.map((t) => normalizeForMatch(t.text));
  const sectionHeading = new Map(plan.sections.map((x) => [x.id, x.heading]));
  const partnerPrecision = { held: 0, total: 0 };
  const partnerRecall = { held: 0, total: 0 };

  // Header facts.
  if (label.header && label.header.number !== undefined) {
    const want = compactNumber(label.header.number);
    const got = compactNumber(plan.number);
    add('header', want === got, 'number', label.header.number, plan.number);
  }
  if (label.header && label.header.issuedOn !== undefined) {
    add('header', label.header.issuedOn === plan.issuedOn, 'issuedOn', label.header.issuedOn, plan.issuedOn);
  }

  // First pass: each labelled task's candidates. A parsed task that is the only candidate of two or
  // more labelled tasks has swallowed them (say a whole part read as one task): none of them counts
  // as found, or a parser returning the whole text as one task would "find" every task.
  const candidates = label.tasks.map((t) => matchTask(t, plan, texts, sectionHeading));
  const claims = new Map<Task, number>();
  for (const hits of candidates) if (hits.length === 1) claims.set(hits[0], (claims.get(hits[0]) ?? 0) + 1);

  label.tasks.forEach((t, index) => {
    const hits = candidates[index];
    const merged = hits.length === 1 && (claims.get(hits[0]) ?? 0) > 1;
    const task = hits.length === 1 && !merged ? hits[0] : null;
    const name = `«${short(t.phrase)}»`;
    const got = merged ? `${hits[0].id}, which other labelled tasks match too` : hits.map((h) => h.id);
    add('tasks', task !== null, `task ${name}`, 'exactly one match, matched by no other label', got);

    if (t.lead !== undefined) {
      const want = t.lead === null ? null : agencyKey(t.lead);
      add('leads', task !== null && task.lead === want, `lead of ${name}`, want, task?.lead);
    }

    if (t.partners !== undefined) {
      const want = new Set(t.partners.map(agencyKey));
      const got = new Set((task?.partners ?? []).filter((k) => !GENERIC_PARTNER.test(k)));
      if (task === null) {
        // Not found: each labelled partner (or the "none" claim) fails.
        if (want.size === 0) add('partners', false, `no partners of ${name}`);
        for (const w of want) add('partners', false, `partner ${w} of ${name}`);
      } else if (want.size === 0 && got.size === 0) {
        add('partners', true, `no partners of ${name}`);
      } else {
        for (const w of want) add('partners', got.has(w), `partner ${w} of ${name}`, w, [...got]);
        for (const g of got)
          if (!want.has(g)) add('partners', false, `extra partner ${g} of ${name}`, null, g);
      }
      if (task !== null) {
        const both = [...want].filter((w) => got.has(w)).length;
        partnerRecall.held += both;
        partnerRecall.total += want.size;
        partnerPrecision.held += both;
        partnerPrecision.total += got.size;
      }
    }

    for (const d of deadlineList(t.deadline)) {
      const same = task?.deadlines.filter((x) => x.category === d.category) ?? [];
      add('deadlines', same.length > 0, `deadline ${d.category} of ${name}`, d.category, task?.deadlines);
      if (d.due !== undefined && (d.due !== null || d.category === 'due')) {
        const held = same.some((x) => x.due === d.due);
        add(
          'deadlines',
          held,
          `due ${d.due} of ${name}`,
          d.due,
          same.map((x) => x.due),
        );
      }
    }
  });

  for (const phrase of label.nonTasks ?? []) {
    const p = normalizeForMatch(phrase);
    const inTask = plan.tasks.filter((_, i) => texts[i].includes(p)).map((x) => x.id);
    add('nonTasks', inTask.length === 0, `non-task «${short(phrase)}»`, [], inTask);
  }

  if (label.taskCount !== undefined) {
    add('taskCount', plan.tasks.length === label.taskCount, 'task count', label.taskCount, plan.tasks.length);
  }

  const byCategory = emptyTallies();
  const overall = { held: 0, total: 0 };
  for (const c of checks) {
    byCategory[c.category].total++;
    overall.total++;
    if (c.held) {
      byCategory[c.category].held++;
      overall.held++;
    }
  }
  return { checks, byCategory, overall, partnerPrecision, partnerRecall };
}

/** Sum of plan scores (the corpus figure). */
export function sumScores(scores: PlanScore[]): Omit<PlanScore, 'checks'> {
  const byCategory = emptyTallies();
  const overall = { held: 0, total: 0 };
  const partnerPrecision = { held: 0, total: 0 };
  const partnerRecall = { held: 0, total: 0 };
  for (const s of scores) {
    for (const c of CHECK_CATEGORIES) {
      byCategory[c].held += s.byCategory[c].held;
      byCategory[c].total += s.byCategory[c].total;
    }
    overall.held += s.overall.held;
    overall.total += s.overall.total;
    partnerPrecision.held += s.partnerPrecision.held;
    partnerPrecision.total += s.partnerPrecision.total;
    partnerRecall.held += s.partnerRecall.held;
    partnerRecall.total += s.partnerRecall.total;
  }
  return { byCategory, overall, partnerPrecision, partnerRecall };
}

/** held / total as a fraction in [0, 1]; 1 when there is nothing to check. */
export function ratio(t: Tally): number {
  return t.total === 0 ? 1 : t.held / t.total;
}

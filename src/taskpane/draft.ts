/**
 * The plan as the user is shaping it before building: the parser's result plus the user's
 * fixes (lead agency, deadline) and which parts go into the workbook. Kept pure so the preview
 * and the builder see exactly the same plan.
 */
import type { Agency, Deadline, ParseWarning, Plan, Task } from '../app/plan-file';
import type { DeadlineCategory } from '../model/vocabulary';

export interface TaskEdit {
  /** New lead agency key; null clears the lead. */
  lead?: string | null;
  /** New due date (ISO); null removes the dated deadline. */
  due?: string | null;
  /** The kind of deadline, when the user sets it (a due date implies `due`). */
  category?: DeadlineCategory;
  /** New partner agency keys. */
  partners?: string[];
  /** The task's text as the user corrected it. */
  text?: string;
}

export interface PlanDraft {
  plan: Plan;
  sourceText: string;
  /** Section ids the user left out of the workbook. */
  excluded: string[];
  edits: Record<string, TaskEdit>;
  /** Agencies the user typed that the plan did not name. */
  extraAgencies: Agency[];
  /** Tasks the user has looked at in the review (saved or let stand). */
  reviewed?: string[];
}

export function newDraft(plan: Plan, sourceText: string): PlanDraft {
  // Parts without tasks (purpose, targets) have nothing to track; they start excluded.
  const withTasks = new Set(plan.tasks.map((t) => t.section));
  const excluded = plan.sections.filter((s) => !withTasks.has(s.id)).map((s) => s.id);
  return { plan, sourceText, excluded, edits: {}, extraAgencies: [] };
}

export function setIncluded(draft: PlanDraft, sectionId: string, included: boolean): PlanDraft {
  const rest = draft.excluded.filter((id) => id !== sectionId);
  return { ...draft, excluded: included ? rest : [...rest, sectionId] };
}

export function editTask(draft: PlanDraft, taskId: string, edit: TaskEdit, newAgency?: Agency): PlanDraft {
  const extraAgencies =
    newAgency &&
    !draft.plan.agencies.some((a) => a.key === newAgency.key) &&
    !draft.extraAgencies.some((a) => a.key === newAgency.key)
      ? [...draft.extraAgencies, newAgency]
      : draft.extraAgencies;
  return {
    ...draft,
    edits: { ...draft.edits, [taskId]: { ...draft.edits[taskId], ...edit } },
    extraAgencies,
  };
}

function applyDue(deadlines: Deadline[], due: string | null): Deadline[] {
  if (due === null) {
    const kept = deadlines.filter((d) => d.category !== 'due');
    return kept.length ? kept : [{ category: 'none', raw: '', due: null }];
  }
  const others = deadlines.filter((d) => d.category !== 'due' && d.category !== 'none');
  return [{ category: 'due', raw: '', due }, ...others];
}

/** A kind of deadline other than a date: the plan's own note of that kind is kept, the rest replaced. */
function applyCategory(deadlines: Deadline[], category: DeadlineCategory): Deadline[] {
  if (category === 'due') return deadlines;
  const same = deadlines.filter((d) => d.category === category);
  return same.length ? same : [{ category, raw: '', due: null }];
}

export function applyEdit(task: Task, edit: TaskEdit | undefined): Task {
  if (!edit) return task;
  let out = task;
  if (edit.text !== undefined && edit.text.trim()) out = { ...out, text: edit.text.trim() };
  if (edit.partners !== undefined) out = { ...out, partners: edit.partners };
  if (edit.lead !== undefined)
    out = { ...out, lead: edit.lead, partners: out.partners.filter((p) => p !== edit.lead) };
  if (edit.category !== undefined && edit.category !== 'due')
    out = { ...out, deadlines: applyCategory(out.deadlines, edit.category) };
  else if (edit.due !== undefined) out = { ...out, deadlines: applyDue(out.deadlines, edit.due) };
  return out;
}

function sameText(a: string, b: string): boolean {
  return a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * After Phân tích again on a changed text: the user's corrections follow their tasks into the
 * fresh reading. A task is found again by its text (it may have moved), else by its id (its text
 * was retouched in place); parts keep being left out, typed agencies stay known.
 */
export function carryOver(previous: PlanDraft, next: PlanDraft): PlanDraft {
  const freshIds = new Set(next.plan.tasks.map((t) => t.id));
  const taken = new Set<string>();
  const edits: Record<string, TaskEdit> = {};
  const oldById = new Map(previous.plan.tasks.map((t) => [t.id, t]));
  const matchFor = (id: string): string | null => {
    const old = oldById.get(id);
    if (!old) return null;
    const sameIdTask = next.plan.tasks.find((t) => t.id === id);
    if (sameIdTask && sameText(sameIdTask.text, old.text) && !taken.has(id)) return id;
    const byText = next.plan.tasks.find((t) => !taken.has(t.id) && sameText(t.text, old.text));
    if (byText) return byText.id;
    return freshIds.has(id) && !taken.has(id) ? id : null;
  };
  for (const [id, edit] of Object.entries(previous.edits)) {
    const to = matchFor(id);
    if (!to) continue;
    taken.add(to);
    edits[to] = edit;
  }
  const sections = new Set(next.plan.sections.map((s) => s.id));
  const keptOut = previous.excluded.filter((id) => sections.has(id));
  const excluded = [
    ...new Set([
      ...next.excluded.filter((id) => !previous.plan.sections.some((s) => s.id === id)),
      ...keptOut,
    ]),
  ];
  const known = new Set(next.plan.agencies.map((a) => a.key));
  const used = new Set(
    Object.values(edits).flatMap((e) => [...(e.lead ? [e.lead] : []), ...(e.partners ?? [])]),
  );
  const extraAgencies = [...previous.plan.agencies, ...previous.extraAgencies].filter(
    (a, i, all) =>
      !known.has(a.key) &&
      all.findIndex((b) => b.key === a.key) === i &&
      (used.has(a.key) || previous.extraAgencies.includes(a)),
  );
  return { ...next, edits, excluded, extraAgencies };
}

/** How many tasks the user changed. */
export function editedCount(draft: PlanDraft): number {
  return Object.keys(draft.edits).length;
}

/** The plan that goes into the workbook: edits applied, excluded parts' tasks removed. */
export function effectivePlan(draft: PlanDraft): Plan {
  const excluded = new Set(draft.excluded);
  const tasks = draft.plan.tasks
    .filter((t) => !excluded.has(t.section))
    .map((t) => applyEdit(t, draft.edits[t.id]));
  const agencies = [...draft.plan.agencies, ...draft.extraAgencies];
  return { ...draft.plan, tasks, agencies };
}

/** The category a task is counted under: its first deadline, or "none". */
export function primaryCategory(task: Task): DeadlineCategory {
  return task.deadlines[0]?.category ?? 'none';
}

export function countByCategory(tasks: Task[]): Record<DeadlineCategory, number> {
  const counts: Record<DeadlineCategory, number> = { ongoing: 0, due: 0, periodic: 0, external: 0, none: 0 };
  for (const t of tasks) counts[primaryCategory(t)]++;
  return counts;
}

/** Number of distinct agencies that lead or partner on the given tasks. */
export function agenciesInvolved(tasks: Task[]): number {
  const keys = new Set<string>();
  for (const t of tasks) {
    if (t.lead) keys.add(t.lead);
    for (const p of t.partners) keys.add(p);
  }
  return keys.size;
}

export interface GroupNode {
  /** The group heading, or null for tasks directly under the part. */
  group: string | null;
  tasks: Task[];
}

/** Tasks of one part grouped by their heading, in plan order. */
export function groupTasks(tasks: Task[]): GroupNode[] {
  const out: GroupNode[] = [];
  for (const t of tasks) {
    const last = out[out.length - 1];
    if (last && last.group === t.group) last.tasks.push(t);
    else out.push({ group: t.group, tasks: [t] });
  }
  return out;
}

/** The low-confidence tasks of the included parts the user has not yet looked at, in plan order. */
export function toReview(draft: PlanDraft): Task[] {
  const seen = new Set([...(draft.reviewed ?? []), ...Object.keys(draft.edits)]);
  const excluded = new Set(draft.excluded);
  return draft.plan.tasks.filter(
    (t) => t.confidence === 'low' && !excluded.has(t.section) && !seen.has(t.id),
  );
}

export function markReviewed(draft: PlanDraft, taskId: string): PlanDraft {
  const reviewed = draft.reviewed ?? [];
  return reviewed.includes(taskId) ? draft : { ...draft, reviewed: [...reviewed, taskId] };
}

/**
 * The warnings as the draft stands: the parser's, less those an edit has answered (a deadline
 * set, a part left out), and one for every task still without a lead agency, so it is seen at
 * import and not first when the workbook is split.
 */
export function draftWarnings(draft: PlanDraft): ParseWarning[] {
  const plan = effectivePlan(draft);
  const byLine = new Map(plan.tasks.map((t) => [t.line, t]));
  const excludedLines = new Set(
    draft.plan.tasks.filter((t) => draft.excluded.includes(t.section)).map((t) => t.line),
  );
  const kept = draft.plan.warnings.filter((w) => {
    if (w.code !== 'no-deadline') return true;
    if (excludedLines.has(w.line)) return false;
    const task = byLine.get(w.line);
    return !task || primaryCategory(task) === 'none';
  });
  const noLead: ParseWarning[] = plan.tasks
    .filter((t) => !t.lead)
    .map((t) => ({
      code: 'no-lead',
      line: t.line,
      msg: {
        vi: `Nhiệm vụ ${t.id} chưa có cơ quan chủ trì: sẽ không vào sổ của cơ quan nào khi chia sổ.`,
        en: `Task ${t.id} has no lead agency: it goes into no agency's workbook when the workbook is split.`,
      },
    }));
  return [...kept, ...noLead].sort((a, b) => a.line - b.line);
}

/**
 * A plan's tasks as rows of the tracking table: what each plan column shows (taken from the
 * registry's `fromPlan`), and the cells as a workbook holds them.
 */
import { COLUMNS, columnOf, type PlanRowSource } from '../model/columns';
import { isoToSerial } from '../model/dates';
import type { Lang } from '../model/lang';
import { CATEGORY_LABELS, STATUS_LABELS } from '../model/labels';
import type { RawCell } from '../model/table';
import type { DeadlineCategory, Status } from '../model/vocabulary';
import type { Deadline, Plan, Task } from '../plan/types';

/** One table row as the workbook holds it, by column id: text, dates as serials, list words. */
export type RowCells = Partial<Record<string, RawCell>>;

/**
 * One deadline per row, because the sheet has one `Thời hạn` cell: the last due date the plan
 * writes for the task (issue 12: "trước ngày 28/2 … trước ngày 10/11": both are kept, the last one
 * is the task's due date; the earlier steps stay in the notes and the text); the category is `due`
 * when any of its deadlines is dated, otherwise the first deadline's category; no deadline note at
 * all → `none`.
 */
export function rowDeadline(deadlines: readonly Deadline[]): {
  category: DeadlineCategory;
  due: string | null;
} {
  if (deadlines.length === 0) return { category: 'none', due: null };
  const dated = deadlines.map((d) => d.due).filter((d): d is string => !!d);
  const due = dated.length ? dated[dated.length - 1] : null;
  const category = deadlines.some((d) => d.category === 'due') ? 'due' : deadlines[0].category;
  return { category, due };
}

function sectionLabel(plan: Plan, task: Task): string {
  const section = plan.sections.find((s) => s.id === task.section);
  if (!section || !section.heading) return task.section;
  const heading = section.heading.trim();
  // Headings may already carry their numeral ("IV. TỔ CHỨC THỰC HIỆN").
  return heading.toUpperCase().startsWith(`${section.id}.`.toUpperCase())
    ? heading
    : `${section.id}. ${heading}`;
}

/** What the plan says about one task, for the plan columns. */
export function planRowSource(
  plan: Plan,
  task: Task,
  agencyNames: ReadonlyMap<string, string>,
): PlanRowSource {
  const { category, due } = rowDeadline(task.deadlines);
  const name = (key: string) => agencyNames.get(key) ?? key;
  return {
    taskId: task.id,
    section: sectionLabel(plan, task),
    group: task.group ?? '',
    lead: task.lead ? name(task.lead) : '',
    partners: task.partners.map(name),
    text: task.text,
    category,
    due,
    plan: { title: plan.title, number: plan.number, issuedOn: plan.issuedOn },
  };
}

/**
 * A typed value of a column (text; a list column's id; a date column's ISO date) as the cell
 * holds it in a workbook of `lang`.
 */
export function valueToCell(columnId: string, value: string | null, lang: Lang): RawCell {
  if (value === null || value === '') return null;
  const column = columnOf(columnId);
  if (column?.list === 'categories' && value in CATEGORY_LABELS)
    return CATEGORY_LABELS[value as DeadlineCategory][lang];
  if (column?.list === 'statuses' && value in STATUS_LABELS) return STATUS_LABELS[value as Status][lang];
  if (column?.kind === 'date') return isoToSerial(value);
  return value;
}

/** The plan columns of every task of the plan, as cells of a workbook in `lang`. */
export function planRowCells(plan: Plan, lang: Lang): RowCells[] {
  const names = new Map(plan.agencies.map((a) => [a.key, a.name]));
  const planColumns = COLUMNS.filter((c) => c.fromPlan);
  return plan.tasks.map((task) => {
    const source = planRowSource(plan, task, names);
    const cells: RowCells = {};
    for (const c of planColumns) cells[c.id] = valueToCell(c.id, c.fromPlan?.(source) ?? null, lang);
    return cells;
  });
}

/**
 * `--plan` (issue 17): the part of a master holding several plans that one plan's tasks make up.
 * The summary, the report and split read the workbook with only that plan's rows; check reads it
 * whole (cells keep their addresses) and keeps that plan's findings.
 */
import { LocalizedError } from '../model/msg';
import type { PlanRecord, TrackingWorkbook } from '../model/workbook-meta';
import type { Finding } from '../tracking/check';
import { planRows, plansOf, requirePlan } from '../tracking/plan-filter';

export { matchPlans, planPrefixOf, plansOf } from '../tracking/plan-filter';

export interface PlanScope {
  plan: PlanRecord;
  /** The workbook with only the plan's rows, its heading (title, number) the plan's. */
  workbook: TrackingWorkbook;
}

export function scopeToPlan(wb: TrackingWorkbook, query: string, fileName: string): PlanScope {
  if (!wb.meta)
    throw new LocalizedError({
      vi: `"${fileName}": tệp không có thông tin gốc (trang _PlanTracker) nên không biết nhiệm vụ nào thuộc kế hoạch nào.`,
      en: `"${fileName}": the file has no metadata (_PlanTracker sheet), so which task belongs to which plan is unknown.`,
    });
  const plan = requirePlan(wb.meta, query, fileName);
  return {
    plan,
    workbook: {
      ...wb,
      snapshot: planRows(wb.snapshot, plan),
      meta: {
        ...wb.meta,
        planTitle: plan.title,
        planNumber: plan.number,
        planIssuedOn: plan.issuedOn,
        plans: [plan],
      },
    },
  };
}

/** The findings of one plan's tasks, and those of the table as a whole (no task id). */
export function planFindings(findings: readonly Finding[], plan: PlanRecord): Finding[] {
  const ids = new Set(plan.taskIds);
  return findings.filter((f) => !f.taskId || ids.has(f.taskId));
}

/** How many plans the workbook tracks (1 for a master built from one plan, 0 without meta). */
export function planCount(wb: TrackingWorkbook): number {
  return wb.meta ? plansOf(wb.meta).length : 0;
}

/**
 * "Thêm vào sổ đang mở" (issue 17): a further plan added to the master the pane has open. Inside
 * Excel the open workbook is read through office-js, the added table worked out by the same core
 * as `plan-tracker add` (add-plan.ts), and drawn in place by update mode's redraw, with its row in
 * `Lịch sử`. On the standalone page the master is a file loaded in the page and the outcome is
 * the new master's bytes, made exactly as the command line makes them.
 */
import { changeOpenMaster } from '../excel/bridge';
import { todayIso } from '../model/dates';
import { localize, type Msg } from '../model/msg';
import { planRef } from '../model/task-columns';
import type { Plan } from '../plan/types';
import { withReportSheets } from '../workbook/reports';
import { historySheetName } from '../workbook/sheets/history';
import type { WorkbookSpec } from '../workbook/types';
import { addedPlanFile, addPlanToMaster, additionReason, type AddedPlan } from './add-plan';
import type { NamedFile } from './files';

export interface AddRequest {
  plan: Plan;
  /** The plan's text as read, for its fingerprint (the same as a build of it would record). */
  sourceText?: string;
  /** The plan's file name, for the history row (none for pasted text). */
  planFile?: string;
  now?: Date;
}

export interface OpenAddRequest extends AddRequest {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** What an addition did, in figures the pane words itself. */
export interface AddOutcome {
  /** How the `Kế hoạch` column names the added plan. */
  ref: string;
  /** The prefix its task ids carry (`KH215`). */
  prefix: string;
  /** Tasks added. */
  added: number;
  /** Tasks of the master kept with their entries. */
  kept: number;
  /** The sheet the addition is logged on. */
  historySheet: string;
}

export interface OpenAddOutcome extends AddOutcome {
  /** What this Excel could not draw (dropdowns on ExcelApi 1.7…), a PivotTable sheet removed. */
  skipped: Msg[];
}

/** The sheets the core draws for reports (the file's), which Excel gets in its own form. */
const REPORT_KEYS = new Set(['report', 'radar', 'pivot']);

/**
 * The core's description of a changed master, as it is drawn into the open workbook: the report
 * sheets as a build inside Excel has them (no native PivotTable sheet: Excel makes its own on
 * request), headed as the master records it (its meta), else as `plan` is where one is given.
 */
export function forOpenWorkbook(
  spec: WorkbookSpec,
  reportDate: string,
  plan?: Pick<Plan, 'issuer' | 'place'>,
): WorkbookSpec {
  const tracking = { ...spec, sheets: spec.sheets.filter((s) => !REPORT_KEYS.has(s.key)) };
  // The heading the master records wins: a plan added from another office does not re-head it.
  return withReportSheets(tracking, {
    reportDate,
    issuer: spec.meta.issuer ?? plan?.issuer,
    place: spec.meta.place ?? plan?.place,
    pivotSheet: false,
  });
}

function outcomeOf(plan: Plan, result: AddedPlan, historySheet: string): AddOutcome {
  return {
    ref: planRef(plan),
    prefix: result.prefix,
    added: result.added.length,
    kept: result.table.kept.length,
    historySheet,
  };
}

/** Adds the plan to the master open in Excel; refuses (nothing written) as `add` refuses. */
export async function addToOpenWorkbook(req: OpenAddRequest): Promise<OpenAddOutcome> {
  const made: { result?: AddedPlan } = {};
  const report = await changeOpenMaster(
    async (old) => {
      const result = await addPlanToMaster(old, req.plan, { sourceText: req.sourceText, now: req.now });
      made.result = result;
      // The report sheets are drawn again over the whole table, at the report date staff set.
      const reportDate = old.reportDate ?? todayIso(req.now);
      return {
        spec: forOpenWorkbook(result.spec, reportDate, req.plan),
        table: result.table,
        reason: localize(additionReason(req.plan, result), old.lang),
        file: req.planFile ?? '',
      };
    },
    { now: req.now, signal: req.signal, onProgress: req.onProgress },
  );
  if (!made.result) throw new Error('The addition finished without its table');
  return {
    ...outcomeOf(req.plan, made.result, report.history.historySheet),
    skipped: report.notes,
  };
}

/** The master file with the plan added, as `plan-tracker add` writes it. */
export async function addToMasterFile(
  master: NamedFile,
  req: AddRequest,
): Promise<AddOutcome & { bytes: Uint8Array }> {
  const { bytes, result, old } = await addedPlanFile(
    master,
    { plan: req.plan, text: req.sourceText },
    { planFile: req.planFile, now: req.now },
  );
  return { ...outcomeOf(req.plan, result, historySheetName(old.lang)), bytes };
}

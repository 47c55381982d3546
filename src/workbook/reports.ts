/**
 * The sheets a build carries beyond the tracking sheets: the Báo cáo report of the period
 * containing the report date, the Sắp đến hạn radar and (in an .xlsx) the native PivotTables.
 * Both renderers draw the same description; inside Excel the pivots are made through office-js.
 */
import type { TaskEntry } from '../model/entries';
import { agencyGrouping } from '../tracking/agency-aliases';
import { readEntries } from '../tracking/entries';
import { periodContaining, type PeriodConvention, type PeriodKind } from '../tracking/periods';
import { reportContent } from '../tracking/report';
import { rawOf } from './cells';
import { COLUMNS, type TaskColumnId } from '../model/columns';
import { cellText } from './cached-results';
import { buildPivotSheet } from './sheets/pivots';
import { buildRadarSheet } from './sheets/radar';
import { taskTableLayout } from './sheets/task-table';
import { buildReportSheet, reportHeading } from './sheets/report';
import type { SheetSpec, TableSnapshot, WorkbookSpec } from './types';

export interface ReportSheetsOptions {
  reportDate: string;
  issuer?: string | null;
  place?: string | null;
  /** The kind of period the Báo cáo covers (default: the quarter). */
  periodKind?: PeriodKind;
  convention?: PeriodConvention;
  /** The radar's horizon in days (default 30); staff can change it on the sheet. */
  radarDays?: number;
  /**
   * The native PivotTable sheet (default true). Inside Excel the add-in makes its PivotTables
   * through office-js on request instead (src/excel/pivot.ts).
   */
  pivotSheet?: boolean;
}

/** The task table of a description as a reader would return it: formulas as their results. */
export function drawnSnapshot(tasks: SheetSpec): TableSnapshot {
  const table = tasks.tables[0];
  return {
    sheet: tasks.name,
    headerRow: table.row + 1,
    firstCol: table.col,
    headers: table.columns.map((c) => c.header),
    rows: table.rows.map((r) => r.map(rawOf)),
  };
}

export function drawnEntries(spec: WorkbookSpec): TaskEntry[] {
  const tasks = spec.sheets.find((s) => s.key === 'tasks');
  return tasks ? readEntries(drawnSnapshot(tasks)).entries : [];
}

export function withReportSheets(spec: WorkbookSpec, opts: ReportSheetsOptions): WorkbookSpec {
  const period = periodContaining(opts.reportDate, opts.periodKind ?? 'quarter', opts.convention);
  const entries = drawnEntries(spec);
  const content = reportContent(entries, opts.reportDate, period, spec.meta.agencyAliases);
  const report = buildReportSheet({
    lang: spec.lang,
    ...content,
    ...reportHeading(spec.meta),
    // The heading the master was built with, unless the caller names another.
    issuer: opts.issuer ?? spec.meta.issuer,
    place: opts.place ?? spec.meta.place,
  });
  const at = spec.sheets.findIndex((s) => s.key === 'summary') + 1 || spec.sheets.length;
  const sheets = [...spec.sheets];
  // One pivot row per agency as the summaries count them (the hidden column the pivots group on).
  const grouping = agencyGrouping(spec.meta.agencyAliases);
  const leads = new Set(entries.map((e) => grouping.key(e.lead))).size;
  const tasks = spec.sheets.find((s) => s.key === 'tasks');
  const radar = tasks ? [radarSheet(spec, tasks, opts)] : [];
  const planCount = spec.meta.plans?.length ?? 1;
  const pivots = opts.pivotSheet === false ? [] : [buildPivotSheet(spec.lang, leads, planCount)];
  sheets.splice(at, 0, report, ...radar, ...pivots);
  return { ...spec, sheets };
}

/** The lead agencies as the table's cells hold them, in order of first appearance. */
function tableLeads(rows: readonly (readonly CellValueLike[])[], lead: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const name = cellText(r[lead] ?? null);
    if (name && name.trim() && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

type CellValueLike = Parameters<typeof cellText>[0];

function radarSheet(spec: WorkbookSpec, tasks: SheetSpec, opts: ReportSheetsOptions): SheetSpec {
  const table = tasks.tables[0];
  const columnIndex = (id: TaskColumnId) => COLUMNS.findIndex((c) => c.id === id);
  return buildRadarSheet({
    lang: spec.lang,
    reportDate: opts.reportDate,
    leads: tableLeads(table.rows, columnIndex('lead')),
    layout: taskTableLayout(table.rows.length),
    table: table.rows,
    columnIndex,
    days: opts.radarDays,
  });
}

import type { ColumnMap, TaskColumnId } from '../../model/columns';
import type { Lang } from '../../model/lang';
import type { Msg } from '../../model/msg';
import type { RawCell, TableSnapshot } from '../../model/table';
import type { DeadlineCategory, Severity, Status } from '../../model/vocabulary';
import type { WorkbookMeta } from '../../model/workbook-meta';
import type { PeriodConvention, PeriodKind } from '../periods';
import type { LabelMatch } from '../text-match';

export type { Severity };

export interface Suggestion {
  /** The value to put in the cell (dates as Excel serial numbers, like the readers return). */
  value: RawCell;
  label: Msg;
}

/** One problem, pointing at one cell. */
export interface Finding {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** 1-based sheet row. */
  row: number;
  column: TaskColumnId | null;
  taskId: string | null;
  /** The lead agency as shown in the row. */
  agency: string | null;
  code: string;
  severity: Severity;
  message: Msg;
  suggestion?: Suggestion;
}

export interface CheckInput {
  snapshot: TableSnapshot;
  meta: WorkbookMeta | null;
  /** ISO date the report is made for: overdue and "no update" are judged against it. */
  reportDate: string;
  /** The language of the workbook's list words; default meta.lang, else the headers' language. */
  lang?: Lang;
  convention?: PeriodConvention;
  /** The period within which ongoing work must have been updated; default quarter. */
  updatePeriod?: PeriodKind;
  /** Times each task's adjusted deadline was set by a merge (TrackingWorkbook.extensions). */
  extensions?: Record<string, number>;
}

/** A rule's identity: one code, one severity. */
export interface RuleInfo {
  code: string;
  severity: Severity;
  /** What the rule looks for, for documentation and the task pane's legend. */
  title: Msg;
}

/** A date cell, read. */
export interface DateReading {
  kind: 'empty' | 'serial' | 'text' | 'invalid';
  raw: RawCell;
  /** The date when it is a serial; the dd/mm/yyyy reading when it is text. */
  iso: string | null;
  /** For text read as mm/dd because dd/mm was impossible. */
  monthFirst?: boolean;
}

export interface ListReading<K extends string> {
  raw: RawCell;
  /** Null when blank. */
  match: LabelMatch<K> | null;
  blank: boolean;
}

/** Everything the row rules need about one row, read once. */
export interface RowContext {
  index: number;
  /** 1-based sheet row. */
  row: number;
  taskId: string | null;
  agency: string | null;
  status: ListReading<Status>;
  category: ListReading<DeadlineCategory>;
  due: DateReading;
  completedOn: DateReading;
  updatedOn: DateReading;
  /** Every date column of the registry the table has, by column id. */
  dates: Partial<Record<TaskColumnId, DateReading>>;
  progress: RawCell;
  /** Result and note cells (where a completion date is often written out too). */
  result: RawCell;
  note: RawCell;
  /** The status as meant (exact or clear near miss), null when blank or unknown. */
  statusMeant: Status | null;
  categoryMeant: DeadlineCategory | null;
}

export interface TableContext {
  snapshot: TableSnapshot;
  meta: WorkbookMeta | null;
  map: ColumnMap;
  lang: Lang;
  reportDate: string;
  /** Start of the reporting period containing the report date (for "no update"). */
  periodStart: string;
  periodLabel: Msg;
  /** End of the plan's first year, when the plan date is known. */
  planFirstYearEnd: string | null;
  rows: RowContext[];
  extensions?: Record<string, number>;
}

export type Emit = (
  rule: RuleInfo,
  at: {
    rowIndex: number | null;
    column: TaskColumnId | null;
    /** Header position, for findings about the header row (rowIndex null). */
    headerIndex?: number;
    /** Overrides the row's own task id / agency (a deleted task reported at a neighbour's row). */
    taskId?: string | null;
    agency?: string | null;
  },
  message: Msg,
  suggestion?: Suggestion,
) => void;

export interface RowRule {
  rules: readonly RuleInfo[];
  /** Columns the rule reads; it is skipped when one is missing (that is reported once, as structure). */
  needs: readonly TaskColumnId[];
  check(row: RowContext, ctx: TableContext, emit: Emit): void;
}

export interface TableRule {
  rules: readonly RuleInfo[];
  check(ctx: TableContext, emit: Emit): void;
}

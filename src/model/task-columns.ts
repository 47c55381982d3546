/**
 * THE REGISTRY: every column of the tracking table (`NhiemVu`), in sheet order, with every fact
 * about it. Everything else — the headers both renderers draw, widths and formats, dropdowns and
 * validation, which columns are copied from the plan, which ones merge carries and revise keeps,
 * how a read-back cell is converted, the checks' required columns, the task fingerprint — is
 * derived from this list (src/model/columns.ts). Adding a column is adding an entry here.
 * When the columns change, bump SCHEMA_VERSION (src/model/version.ts): merge refuses copies
 * of another layout. A column marked `addedLater` does not: tables without it are still read,
 * split, merged and revised, so masters and copies made before it keep working.
 */
import type { Msg } from './msg';
import type { DeadlineCategory } from './vocabulary';

/** How the column's cells are typed: dates are real date cells, text is stored as text ("@"). */
export type TaskColumnKind = 'text' | 'date' | 'number' | 'formula';

/** Where the column's values come from. */
export type ColumnOrigin = 'plan' | 'staff' | 'computed';

/**
 * What merging an agency's return does with the column:
 * - key: rows are matched on it (the task id);
 * - report: copied from the plan; an agency editing it is reported, never merged;
 * - entry: the agency's entry, merged;
 * - entryIfUndated: the plan's deadline; merged only where the plan gave no date, reported otherwise;
 * - none: computed by a formula, never read back.
 */
export type MergeRule = 'key' | 'report' | 'entry' | 'entryIfUndated' | 'none';

/** The lists of the `Danh mục` sheet a column's dropdown offers. */
export type ListId = 'statuses' | 'categories';

/** What is allowed in the column's cells (the dropdown or the validation rule, with its prompts). */
export type ColumnInput =
  | { kind: 'list'; list: ListId; prompt: Msg; error: Msg }
  | { kind: 'date'; prompt: Msg; error: Msg }
  | { kind: 'decimal'; min: number; max: number; prompt: Msg; error: Msg };

/**
 * What a plan says about one task row, for the plan columns to take their values from. Values
 * are typed by the column's kind: text; a list column the id (a category); a date ISO.
 */
export interface PlanRowSource {
  taskId: string;
  /** The part as the sheet shows it ("IV. TỔ CHỨC THỰC HIỆN"). */
  section: string;
  group: string;
  /** Agency names as written in the plan. */
  lead: string;
  partners: readonly string[];
  text: string;
  category: DeadlineCategory;
  /** ISO date or null. */
  due: string | null;
  plan: { title: string; number: string | null; issuedOn: string | null };
}

export interface TaskColumn {
  /** Language-independent id, e.g. "status". */
  id: string;
  label: Msg;
  kind: TaskColumnKind;
  origin: ColumnOrigin;
  /** True when staff may type into it (plan columns staff complete, like an undated deadline, too). */
  editable: boolean;
  merge: MergeRule;
  /** Width in characters (Excel's unit). */
  width: number;
  /** Excel number format of the data cells ("@" keeps text as text). */
  numFmt?: string;
  wrap?: boolean;
  /** The list whose words the column holds (statuses, categories): parsed and relabelled by id. */
  list?: ListId;
  input?: ColumnInput;
  /** The checks, the deadline-state formula or the summaries read it: reported when missing. */
  required?: boolean;
  /** A data bar over the cells (progress). */
  dataBar?: { color: string; min: number; max: number };
  /** Named row formula of a computed column (src/workbook/formulas.ts). */
  formula?: 'deadlineState';
  /**
   * A computed column filled with values when the table is drawn (src/workbook/sheets/task-table.ts),
   * for what no formula can work out: the agency a lead counts under after the workbook's aliases.
   */
  derived?: 'agencyGroup';
  /** Kept out of sight: a column for the PivotTables, not for staff to read or type into. */
  hidden?: true;
  /** Plan columns: the value from the plan. */
  fromPlan?: (row: PlanRowSource) => string | null;
  /**
   * Added after workbooks were already in use: a table without it (built before) is read,
   * checked, split, merged and revised as it is, never refused for lacking it.
   */
  addedLater?: true;
}

const DATE_FORMAT = 'dd/mm/yyyy';

/** Any date cell: the prompt and the refusal of the date validation. */
export const DATE_INPUT = {
  kind: 'date',
  prompt: { vi: 'Nhập ngày dạng dd/mm/yyyy.', en: 'Enter a date as dd/mm/yyyy.' },
  error: { vi: 'Giá trị phải là một ngày (dd/mm/yyyy).', en: 'The value must be a date (dd/mm/yyyy).' },
} as const satisfies ColumnInput;

export const TASK_COLUMNS = [
  {
    id: 'taskId',
    label: { vi: 'Mã nhiệm vụ', en: 'Task ID' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'key',
    width: 10,
    numFmt: '@',
    required: true,
    fromPlan: (r) => r.taskId,
  },
  {
    id: 'section',
    label: { vi: 'Phần', en: 'Part' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 18,
    numFmt: '@',
    wrap: true,
    fromPlan: (r) => r.section,
  },
  {
    id: 'group',
    label: { vi: 'Nhóm', en: 'Group' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 24,
    numFmt: '@',
    wrap: true,
    fromPlan: (r) => r.group,
  },
  {
    id: 'lead',
    label: { vi: 'Cơ quan chủ trì', en: 'Lead agency' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 24,
    numFmt: '@',
    wrap: true,
    required: true,
    fromPlan: (r) => r.lead,
  },
  {
    id: 'partners',
    label: { vi: 'Cơ quan phối hợp', en: 'Partner agencies' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 28,
    numFmt: '@',
    wrap: true,
    fromPlan: (r) => r.partners.join('; '),
  },
  {
    id: 'text',
    label: { vi: 'Nội dung nhiệm vụ', en: 'Task' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 60,
    numFmt: '@',
    wrap: true,
    fromPlan: (r) => r.text,
  },
  {
    id: 'category',
    label: { vi: 'Loại thời hạn', en: 'Deadline type' },
    kind: 'text',
    origin: 'plan',
    // Staff set it when the plan left the deadline to a higher level or unsaid.
    editable: true,
    merge: 'entry',
    width: 16,
    numFmt: '@',
    wrap: true,
    list: 'categories',
    input: {
      kind: 'list',
      list: 'categories',
      prompt: { vi: 'Chọn loại thời hạn trong danh sách.', en: 'Pick a deadline type from the list.' },
      error: {
        vi: 'Chỉ chọn một loại thời hạn trong danh sách.',
        en: 'Pick one of the deadline types in the list.',
      },
    },
    required: true,
    fromPlan: (r) => r.category,
  },
  {
    id: 'due',
    label: { vi: 'Thời hạn', en: 'Deadline' },
    kind: 'date',
    origin: 'plan',
    editable: true,
    merge: 'entryIfUndated',
    width: 12,
    numFmt: DATE_FORMAT,
    input: DATE_INPUT,
    required: true,
    fromPlan: (r) => r.due,
  },
  {
    // A deadline moved by a decision, or set once a higher body's schedule is known: the state
    // is judged against it when present, while `Thời hạn` keeps what the plan said (issue 17).
    id: 'adjustedDue',
    label: { vi: 'Thời hạn điều chỉnh', en: 'Adjusted deadline' },
    kind: 'date',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 13,
    numFmt: DATE_FORMAT,
    input: DATE_INPUT,
    addedLater: true,
  },
  {
    id: 'adjustmentBasis',
    label: { vi: 'Căn cứ điều chỉnh', en: 'Basis of the adjustment' },
    kind: 'text',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 28,
    numFmt: '@',
    wrap: true,
    addedLater: true,
  },
  {
    id: 'status',
    label: { vi: 'Trạng thái', en: 'Status' },
    kind: 'text',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 16,
    numFmt: '@',
    wrap: true,
    list: 'statuses',
    input: {
      kind: 'list',
      list: 'statuses',
      prompt: { vi: 'Chọn trạng thái trong danh sách.', en: 'Pick a status from the list.' },
      error: { vi: 'Chỉ chọn một trạng thái trong danh sách.', en: 'Pick one of the statuses in the list.' },
    },
    required: true,
  },
  {
    id: 'completedOn',
    label: { vi: 'Ngày hoàn thành', en: 'Completed on' },
    kind: 'date',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 13,
    numFmt: DATE_FORMAT,
    input: DATE_INPUT,
    required: true,
  },
  {
    id: 'progress',
    label: { vi: 'Tiến độ (%)', en: 'Progress (%)' },
    kind: 'number',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 10,
    numFmt: '0',
    input: {
      kind: 'decimal',
      min: 0,
      max: 100,
      prompt: { vi: 'Nhập số từ 0 đến 100.', en: 'Enter a number from 0 to 100.' },
      error: { vi: 'Tiến độ phải là số từ 0 đến 100.', en: 'Progress must be a number from 0 to 100.' },
    },
    required: true,
    dataBar: { color: '5B9BD5', min: 0, max: 100 },
  },
  {
    id: 'result',
    label: { vi: 'Kết quả thực hiện', en: 'Result' },
    kind: 'text',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 40,
    numFmt: '@',
    wrap: true,
  },
  {
    id: 'note',
    label: { vi: 'Ghi chú', en: 'Notes' },
    kind: 'text',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 28,
    numFmt: '@',
    wrap: true,
  },
  {
    id: 'updatedOn',
    label: { vi: 'Cập nhật lần cuối', en: 'Last updated' },
    kind: 'date',
    origin: 'staff',
    editable: true,
    merge: 'entry',
    width: 13,
    numFmt: DATE_FORMAT,
    input: DATE_INPUT,
    required: true,
  },
  {
    // Which plan a task belongs to, for a master tracking several (issue 17): after the columns
    // staff know, so they keep their places; before the state formula, which stays last (ExcelJS
    // cannot read a table whose calculated column is followed by another).
    id: 'planRef',
    label: { vi: 'Kế hoạch', en: 'Plan' },
    kind: 'text',
    origin: 'plan',
    editable: false,
    merge: 'report',
    width: 30,
    numFmt: '@',
    wrap: true,
    fromPlan: (r) => planRef(r.plan),
    addedLater: true,
  },
  {
    // The lead agency as every summary groups it (canonical key, then the aliases the user
    // recorded), spelled as the `Tổng hợp` row shows it: the PivotTables group on this column, so
    // `Sở TT&TT` merged into `Sở Thông tin và Truyền thông` is one pivot row too. Values, not a
    // formula: the canonical key is not something a formula can compute.
    id: 'agencyGroup',
    label: { vi: 'Cơ quan chủ trì (đã gộp tên)', en: 'Lead agency (names merged)' },
    kind: 'text',
    origin: 'computed',
    editable: false,
    merge: 'none',
    width: 24,
    numFmt: '@',
    derived: 'agencyGroup',
    hidden: true,
    addedLater: true,
  },
  {
    id: 'state',
    label: { vi: 'Tình trạng hạn', en: 'Deadline state' },
    kind: 'formula',
    origin: 'computed',
    editable: false,
    merge: 'none',
    width: 24,
    wrap: true,
    required: true,
    formula: 'deadlineState',
  },
] as const satisfies readonly TaskColumn[];

/** Characters of the title the `Kế hoạch` column keeps: every row repeats it. */
const SHORT_TITLE = 40;

/** What the `Kế hoạch` column shows: the plan's number and short title. */
export function planRef(plan: { title: string; number: string | null }): string {
  const title = plan.title.replace(/\s+/g, ' ').trim();
  let short = title;
  if (title.length > SHORT_TITLE) {
    const cut = title.slice(0, SHORT_TITLE);
    const space = cut.lastIndexOf(' ');
    short = `${space > SHORT_TITLE / 2 ? cut.slice(0, space) : cut}…`;
  }
  return [plan.number, short].filter(Boolean).join(' ');
}

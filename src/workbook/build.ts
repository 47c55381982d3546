import { normalizeText } from '../plan/normalize';
import type { Deadline, DeadlineCategory, Plan, Task } from '../plan/types';
import { DEADLINE_STATES, DeadlineState, STATUSES } from '../tracking/types';
import { cellText, formulaDeadlineState, isFilled, sameText } from './cached-results';
import { columnLetter } from './snapshot';
import { deadlineStateFormula, quote, sheetRef, taskColumnLetter } from './formulas';
import { guideLines } from './guide';
import { sha256Hex } from './hash';
import {
  CATEGORY_LABELS,
  COLUMN_HEADERS,
  LIST_NAMES,
  REPORT_DATE_NAME,
  SHEET_NAMES,
  STATE_LABELS,
  STATUS_LABELS,
  TABLE_NAME,
  TASK_COLUMN_IDS,
  TaskColumnId,
  WORKBOOK_TEXT,
} from './labels';
import { hashPlanColumns, serializeMeta } from './meta';
import type {
  CellSpec,
  CellStyle,
  CellValue,
  ColumnSpec,
  ConditionalFormat,
  Lang,
  NameSpec,
  SheetSpec,
  Validation,
  WorkbookMeta,
  WorkbookSpec,
} from './types';
import { GENERATOR, GENERATOR_VERSION, SCHEMA_VERSION } from './version';

export interface BuildOptions {
  lang: Lang;
  /** ISO date put in the NgayBaoCao cell. */
  reportDate: string;
  now?: Date;
  workbookId?: string;
  /** The plan's text as read, for the meta's fingerprint. */
  sourceText?: string;
  /**
   * Cells to put in place of the built ones for task `index` (entries carried over from an
   * existing workbook: split copies, revisions). A key present wins, even with null.
   */
  cells?: (index: number) => Partial<Record<TaskColumnId, CellValue>> | undefined;
}

/**
 * Rows below the last task that the validations, conditional formats and summary formulas still
 * cover, so rows staff add at the end of the table are counted and checked.
 */
export const SPARE_ROWS = 2000;

const DATE_FMT = 'dd/mm/yyyy';
const DATE_MIN = '2000-01-01';
const DATE_MAX = '2100-12-31';
const HEADER_FILL = '1F4E79';

const COLUMN_LAYOUT: Record<TaskColumnId, Omit<ColumnSpec, 'id' | 'header' | 'formula'>> = {
  taskId: { kind: 'text', width: 10, numFmt: '@', editable: false },
  section: { kind: 'text', width: 18, numFmt: '@', wrap: true, editable: false },
  group: { kind: 'text', width: 24, numFmt: '@', wrap: true, editable: false },
  lead: { kind: 'text', width: 24, numFmt: '@', wrap: true, editable: false },
  partners: { kind: 'text', width: 28, numFmt: '@', wrap: true, editable: false },
  text: { kind: 'text', width: 60, numFmt: '@', wrap: true, editable: false },
  category: { kind: 'text', width: 16, numFmt: '@', wrap: true, editable: true },
  due: { kind: 'date', width: 12, numFmt: DATE_FMT, editable: true },
  status: { kind: 'text', width: 16, numFmt: '@', wrap: true, editable: true },
  completedOn: { kind: 'date', width: 13, numFmt: DATE_FMT, editable: true },
  progress: { kind: 'number', width: 10, numFmt: '0', editable: true },
  result: { kind: 'text', width: 40, numFmt: '@', wrap: true, editable: true },
  note: { kind: 'text', width: 28, numFmt: '@', wrap: true, editable: true },
  updatedOn: { kind: 'date', width: 13, numFmt: DATE_FMT, editable: true },
  state: { kind: 'formula', width: 24, wrap: true, editable: false },
};

/**
 * One deadline per row, because the sheet has one `Thời hạn` cell: the earliest known due date
 * (the first part falls due first, so that is when the task can first be late); the category is
 * `due` when any of its deadlines is dated, otherwise the first deadline's category; no deadline
 * note at all → `none`. The full notes stay in the task text.
 */
export function rowDeadline(deadlines: readonly Deadline[]): {
  category: DeadlineCategory;
  due: string | null;
} {
  if (deadlines.length === 0) return { category: 'none', due: null };
  const dated = deadlines.map((d) => d.due).filter((d): d is string => !!d);
  const due = dated.length ? dated.reduce((a, b) => (b < a ? b : a)) : null;
  const category = deadlines.some((d) => d.category === 'due') ? 'due' : deadlines[0].category;
  return { category, due };
}

function text(v: string): CellValue {
  return { t: 'text', v };
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

/** The plan's columns of one task, as the sheet shows them. */
export function taskPlanColumns(plan: Plan, task: Task, agencyNames: Map<string, string>) {
  const { category, due } = rowDeadline(task.deadlines);
  const name = (key: string) => agencyNames.get(key) ?? key;
  return {
    taskId: task.id,
    section: sectionLabel(plan, task),
    group: task.group ?? '',
    lead: task.lead ? name(task.lead) : '',
    partners: task.partners.map(name).join('; '),
    text: task.text,
    category,
    due,
  };
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function emptySheet(key: string, name: string, state: SheetSpec['state'] = 'visible'): SheetSpec {
  return {
    key,
    name,
    state,
    widths: [],
    cells: [],
    tables: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

export function buildWorkbookSpec(plan: Plan, opts: BuildOptions): WorkbookSpec {
  const { lang, reportDate } = opts;
  const names = SHEET_NAMES[lang];
  const words = WORKBOOK_TEXT[lang];
  const agencyNames = new Map(plan.agencies.map((a) => [a.key, a.name]));
  const planRows = plan.tasks.map((t) => taskPlanColumns(plan, t, agencyNames));

  // --- Nhiệm vụ -------------------------------------------------------------------------------
  const headerRow = 0;
  const firstDataRow = headerRow + 2; // 1-based sheet row of the first task
  const lastDataRow = Math.max(firstDataRow, headerRow + 1 + planRows.length);
  const lastCoveredRow = lastDataRow + SPARE_ROWS;
  const columns: ColumnSpec[] = TASK_COLUMN_IDS.map((id) => ({
    id,
    header: COLUMN_HEADERS[lang][id],
    ...COLUMN_LAYOUT[id],
    ...(id === 'state' ? { formula: (row: number) => deadlineStateFormula(row, lang) } : {}),
  }));
  const rows: CellValue[][] = planRows.map((r, i) => {
    const sheetRow = firstDataRow + i;
    const given = opts.cells?.(i);
    return TASK_COLUMN_IDS.map((id): CellValue => {
      if (given && id in given && id !== 'state') return given[id] ?? null;
      switch (id) {
        case 'taskId':
        case 'section':
        case 'group':
        case 'lead':
        case 'partners':
        case 'text':
          return r[id] === '' ? null : text(r[id]);
        case 'category':
          return text(CATEGORY_LABELS[lang][r.category]);
        case 'due':
          return r.due ? { t: 'date', v: r.due } : null;
        case 'state':
          return { t: 'formula', f: deadlineStateFormula(sheetRow, lang) };
        default:
          // Staff columns start blank: a blank status is "not reported yet" for the checks.
          return null;
      }
    });
  });
  // Each state formula carries its result, worked out as the formula does it (cached-results.ts).
  const at = (id: TaskColumnId) => TASK_COLUMN_IDS.indexOf(id);
  const rowStates = rows.map((row) => {
    const state = formulaDeadlineState(
      {
        category: row[at('category')],
        due: row[at('due')],
        status: row[at('status')],
        completedOn: row[at('completedOn')],
      },
      reportDate,
    );
    const cell = row[at('state')];
    if (cell?.t === 'formula') row[at('state')] = { ...cell, result: STATE_LABELS[lang][state] };
    return state;
  });
  const col = (id: TaskColumnId) => taskColumnLetter(id);
  const span = (id: TaskColumnId) => `${col(id)}${firstDataRow}:${col(id)}${lastCoveredRow}`;
  const dateValidation = (id: TaskColumnId): Validation => ({
    kind: 'date',
    range: span(id),
    min: DATE_MIN,
    max: DATE_MAX,
    allowBlank: true,
    prompt: words.datePrompt,
    error: words.dateError,
  });
  const lastCol = columnLetter(TASK_COLUMN_IDS.length - 1);
  const wholeRows = `A${firstDataRow}:${lastCol}${lastCoveredRow}`;
  const stateCell = `$${col('state')}${firstDataRow}`;
  const states = STATE_LABELS[lang];
  const conditionalFormats: ConditionalFormat[] = [
    {
      kind: 'expression',
      range: wholeRows,
      formula: `${stateCell}=${quote(states.overdue)}`,
      style: { fill: 'FFC7CE', color: '9C0006' },
      priority: 1,
    },
    {
      kind: 'expression',
      range: wholeRows,
      formula: `${stateCell}=${quote(states.done_late)}`,
      style: { fill: 'FFEB9C', color: '9C5700' },
      priority: 2,
    },
    {
      kind: 'expression',
      range: wholeRows,
      formula: `${stateCell}=${quote(states.done_on_time)}`,
      style: { fill: 'C6EFCE', color: '006100' },
      priority: 3,
    },
    { kind: 'dataBar', range: span('progress'), color: '5B9BD5', min: 0, max: 100, priority: 4 },
  ];
  const tasksSheet: SheetSpec = {
    ...emptySheet('tasks', names.tasks),
    widths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1, cols: 1 },
    tables: [{ name: TABLE_NAME, row: headerRow, col: 0, columns, rows, style: 'TableStyleMedium2' }],
    validations: [
      {
        kind: 'list',
        range: span('status'),
        source: LIST_NAMES.statuses,
        allowBlank: true,
        prompt: words.statusPrompt,
        error: words.statusError,
      },
      {
        kind: 'list',
        range: span('category'),
        source: LIST_NAMES.categories,
        allowBlank: true,
        prompt: words.categoryPrompt,
        error: words.categoryError,
      },
      dateValidation('due'),
      dateValidation('completedOn'),
      dateValidation('updatedOn'),
      {
        kind: 'decimal',
        range: span('progress'),
        min: 0,
        max: 100,
        allowBlank: true,
        prompt: words.progressPrompt,
        error: words.progressError,
      },
    ],
    conditionalFormats,
    tabColor: HEADER_FILL,
  };

  // --- Danh mục ---------------------------------------------------------------------------------
  const listsSheet = emptySheet('lists', names.lists);
  const statusWords = STATUSES.map((s) => STATUS_LABELS[lang][s]);
  const categoryKeys: DeadlineCategory[] = ['ongoing', 'due', 'periodic', 'external', 'none'];
  const categoryWords = categoryKeys.map((c) => CATEGORY_LABELS[lang][c]);
  const agencyList = plan.agencies.map((a) => a.name);
  const stateWords = DEADLINE_STATES.map((s) => states[s]);
  const lists: [string, string[], string][] = [
    [words.listStatuses, statusWords, LIST_NAMES.statuses],
    [words.listCategories, categoryWords, LIST_NAMES.categories],
    [words.listAgencies, agencyList, LIST_NAMES.agencies],
    [words.listStates, stateWords, LIST_NAMES.states],
  ];
  const headerStyle: CellStyle = {
    bold: true,
    color: 'FFFFFF',
    fill: HEADER_FILL,
    wrap: true,
    vAlign: 'middle',
  };
  const listNames: NameSpec[] = [];
  lists.forEach(([title, items, name], c) => {
    listsSheet.cells.push({ row: 0, col: c, value: text(title), style: headerStyle });
    items.forEach((item, r) =>
      listsSheet.cells.push({ row: r + 1, col: c, value: text(item), style: { numFmt: '@', wrap: true } }),
    );
    const letter = columnLetter(c);
    listNames.push({
      name,
      ref: `${sheetRef(names.lists)}!$${letter}$2:$${letter}$${Math.max(2, items.length + 1)}`,
    });
  });
  listsSheet.widths = [20, 22, 45, 28];
  listsSheet.freeze = { rows: 1, cols: 0 };

  // --- Tổng hợp ---------------------------------------------------------------------------------
  const summary = buildSummarySheet(plan, lang, reportDate, lastCoveredRow, firstDataRow, planRows, {
    rows,
    states: rowStates,
  });

  // --- Hướng dẫn --------------------------------------------------------------------------------
  const guide = emptySheet('guide', names.guide);
  guide.widths = [110];
  guideLines(lang).forEach((line, r) => {
    const heading = line.startsWith('#');
    guide.cells.push({
      row: r,
      col: 0,
      value: text(heading ? line.replace(/^#\s*/, '') : line),
      style: heading ? { bold: true, size: 14, color: HEADER_FILL } : { wrap: true, vAlign: 'top' },
    });
  });

  // --- _PlanTracker -----------------------------------------------------------------------------
  const now = opts.now ?? new Date();
  const fingerprintSource =
    opts.sourceText !== undefined
      ? normalizeText(opts.sourceText)
      : JSON.stringify([plan.title, plan.number, plan.tasks.map((t) => [t.id, t.text])]);
  const meta: WorkbookMeta = {
    generator: GENERATOR,
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: SCHEMA_VERSION,
    lang,
    builtAt: now.toISOString(),
    planTitle: plan.title,
    planNumber: plan.number,
    planIssuedOn: plan.issuedOn,
    sourceFingerprint: sha256Hex(fingerprintSource),
    workbookId: opts.workbookId ?? randomId(),
    agencyKey: null,
    tasks: planRows.map((r) => ({ id: r.taskId, hash: hashPlanColumns(r) })),
  };
  const metaSheet = emptySheet('meta', names.meta, 'veryHidden');
  metaSheet.widths = [20, 80];
  serializeMeta(meta).forEach((row, r) =>
    row.forEach((v, c) => metaSheet.cells.push({ row: r, col: c, value: text(v), style: { numFmt: '@' } })),
  );

  return {
    lang,
    sheets: [tasksSheet, summary.sheet, listsSheet, guide, metaSheet],
    names: [summary.reportDateName, ...listNames],
    meta,
  };
}

function buildSummarySheet(
  plan: Plan,
  lang: Lang,
  reportDate: string,
  lastCoveredRow: number,
  firstDataRow: number,
  planRows: ReturnType<typeof taskPlanColumns>[],
  table: { rows: CellValue[][]; states: DeadlineState[] },
): { sheet: SheetSpec; reportDateName: NameSpec } {
  const names = SHEET_NAMES[lang];
  const words = WORKBOOK_TEXT[lang];
  const states = STATE_LABELS[lang];
  const sheet = emptySheet('summary', names.summary);
  const cells: CellSpec[] = sheet.cells;
  const put = (row: number, c: number, value: CellValue, style?: CellStyle) =>
    cells.push(style ? { row, col: c, value, style } : { row, col: c, value });
  const tasksRange = (id: TaskColumnId) => {
    const l = taskColumnLetter(id);
    return `${sheetRef(names.tasks)}!$${l}$${firstDataRow}:$${l}$${lastCoveredRow}`;
  };
  const header: CellStyle = {
    bold: true,
    color: 'FFFFFF',
    fill: '1F4E79',
    wrap: true,
    hAlign: 'center',
    vAlign: 'middle',
    border: true,
  };
  const bordered: CellStyle = { border: true };
  const nStates = DEADLINE_STATES.length;
  const lastColIndex = nStates + 3; // agency, states…, total, due, rate
  const lastLetter = columnLetter(lastColIndex);

  put(0, 0, text(words.summaryTitle), { bold: true, size: 14, color: '1F4E79' });
  sheet.merges.push(`A1:${lastLetter}1`);
  put(1, 0, text(plan.title), { italic: true, wrap: true });
  sheet.merges.push(`A2:${lastLetter}2`);
  put(2, 0, text(words.reportDate), { bold: true });
  put(2, 1, { t: 'date', v: reportDate }, { bold: true, numFmt: DATE_FMT, fill: 'FFF2CC', border: true });
  put(2, 2, text(words.reportDateHint), { italic: true, color: '595959' });
  sheet.merges.push(`C3:${lastLetter}3`);
  sheet.validations.push({
    kind: 'date',
    range: 'B3',
    min: DATE_MIN,
    max: DATE_MAX,
    allowBlank: false,
    prompt: words.datePrompt,
    error: words.dateError,
  });
  const reportDateName: NameSpec = { name: REPORT_DATE_NAME, ref: `${sheetRef(names.summary)}!$B$3` };

  // Cross table: lead agency × deadline state.
  const titleRow = 4;
  put(titleRow, 0, text(words.byAgencyTitle), { bold: true, size: 12 });
  const headRow = titleRow + 1; // 0-based
  const headRow1 = headRow + 1; // 1-based
  const heads = [
    words.agency,
    ...DEADLINE_STATES.map((s) => states[s]),
    words.total,
    words.dueCount,
    words.completionRate,
  ];
  heads.forEach((h, c) => put(headRow, c, text(h), header));

  const leadNames: string[] = [];
  for (const r of planRows) if (r.lead && !leadNames.includes(r.lead)) leadNames.push(r.lead);
  const firstBodyRow1 = headRow1 + 1;
  const otherRow1 = firstBodyRow1 + leadNames.length;
  const totalRow1 = otherRow1 + 1;
  const stateCol = (s: (typeof DEADLINE_STATES)[number]) => columnLetter(1 + DEADLINE_STATES.indexOf(s));
  // The figures the formulas compute, from the table as built (cached results of each cell).
  const at = (id: TaskColumnId) => TASK_COLUMN_IDS.indexOf(id);
  const zero = () => Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
  const byLead = new Map<string, Record<DeadlineState, number>>();
  const overall = zero();
  table.rows.forEach((row, i) => {
    const state = table.states[i];
    overall[state] += 1;
    const lead = cellText(row[at('lead')]);
    if (lead === null) return;
    const key = lead.toLocaleLowerCase();
    const counts = byLead.get(key) ?? zero();
    counts[state] += 1;
    byLead.set(key, counts);
  });
  const tail = (row1: number, style: CellStyle, counts: Record<DeadlineState, number>) => {
    const r0 = row1 - 1;
    const total = DEADLINE_STATES.reduce((n, s) => n + counts[s], 0);
    const doneCount = counts.done_on_time + counts.done_late;
    const dueCount = doneCount + counts.overdue;
    put(
      r0,
      nStates + 1,
      { t: 'formula', f: `SUM(B${row1}:${columnLetter(nStates)}${row1})`, result: total },
      style,
    );
    const done = `${stateCol('done_on_time')}${row1}+${stateCol('done_late')}${row1}`;
    put(
      r0,
      nStates + 2,
      { t: 'formula', f: `${done}+${stateCol('overdue')}${row1}`, result: dueCount },
      style,
    );
    put(
      r0,
      nStates + 3,
      {
        t: 'formula',
        f: `IFERROR((${done})/${columnLetter(nStates + 2)}${row1},"")`,
        result: dueCount ? doneCount / dueCount : '',
      },
      { ...style, numFmt: '0.0%' },
    );
  };
  const listed = zero();
  leadNames.forEach((name, i) => {
    const row1 = firstBodyRow1 + i;
    const counts = byLead.get(name.toLocaleLowerCase()) ?? zero();
    put(row1 - 1, 0, text(name), { ...bordered, wrap: true });
    DEADLINE_STATES.forEach((s, k) => {
      const c = columnLetter(1 + k);
      // "="& makes the criterion an exact match even for a name starting with <, > or =. Excel's
      // criteria stop at 255 characters and treat * ? ~ as wildcards, so such names are compared
      // cell by cell instead (SUMPRODUCT: slower, hence only for them).
      const f =
        name.length > 250 || /[*?~]/.test(name)
          ? `SUMPRODUCT((${tasksRange('lead')}=$A${row1})*(${tasksRange('state')}=${c}$${headRow1}))`
          : `COUNTIFS(${tasksRange('lead')},"="&$A${row1},${tasksRange('state')},"="&${c}$${headRow1})`;
      put(row1 - 1, 1 + k, { t: 'formula', f, result: counts[s] }, bordered);
      listed[s] += counts[s];
    });
    tail(row1, bordered, counts);
  });
  const other = zero();
  for (const s of DEADLINE_STATES) other[s] = overall[s] - listed[s];
  const totalStyle: CellStyle = { bold: true, border: true, fill: 'DDEBF7' };
  put(otherRow1 - 1, 0, text(words.otherAgency), { ...bordered, italic: true });
  put(totalRow1 - 1, 0, text(words.grandTotal), totalStyle);
  DEADLINE_STATES.forEach((s, k) => {
    const c = columnLetter(1 + k);
    const minus = leadNames.length ? `-SUM(${c}${firstBodyRow1}:${c}${otherRow1 - 1})` : '';
    put(otherRow1 - 1, 1 + k, { t: 'formula', f: `${c}${totalRow1}${minus}`, result: other[s] }, bordered);
    put(
      totalRow1 - 1,
      1 + k,
      { t: 'formula', f: `COUNTIF(${tasksRange('state')},"="&${c}$${headRow1})`, result: overall[s] },
      totalStyle,
    );
  });
  tail(otherRow1, bordered, other);
  tail(totalRow1, totalStyle, overall);
  put(totalRow1, 0, text(words.rateNote), { italic: true, wrap: true, color: '595959' });
  sheet.merges.push(`A${totalRow1 + 1}:${lastLetter}${totalRow1 + 1}`);

  // Counts by deadline category.
  const catTitle0 = totalRow1 + 2;
  put(catTitle0, 0, text(words.byCategoryTitle), { bold: true, size: 12 });
  put(catTitle0 + 1, 0, text(words.category), header);
  put(catTitle0 + 1, 1, text(words.taskCount), header);
  const categoryKeys: DeadlineCategory[] = ['ongoing', 'due', 'periodic', 'external', 'none'];
  const firstCat1 = catTitle0 + 3;
  const noCat1 = firstCat1 + categoryKeys.length;
  const catTotal1 = noCat1 + 1;
  const filled = table.rows.filter((row) => isFilled(row[at('taskId')])).length;
  let categorised = 0;
  categoryKeys.forEach((k, i) => {
    const row1 = firstCat1 + i;
    const label = CATEGORY_LABELS[lang][k];
    const n = table.rows.filter((row) => {
      const v = cellText(row[at('category')]);
      return v !== null && sameText(v, label);
    }).length;
    categorised += n;
    put(row1 - 1, 0, text(label), bordered);
    put(
      row1 - 1,
      1,
      { t: 'formula', f: `COUNTIF(${tasksRange('category')},"="&$A${row1})`, result: n },
      bordered,
    );
  });
  put(noCat1 - 1, 0, text(words.noCategory), { ...bordered, italic: true });
  put(
    noCat1 - 1,
    1,
    { t: 'formula', f: `B${catTotal1}-SUM(B${firstCat1}:B${noCat1 - 1})`, result: filled - categorised },
    bordered,
  );
  put(catTotal1 - 1, 0, text(words.grandTotal), totalStyle);
  put(catTotal1 - 1, 1, { t: 'formula', f: `COUNTA(${tasksRange('taskId')})`, result: filled }, totalStyle);

  sheet.widths = [42, ...DEADLINE_STATES.map(() => 15), 11, 11, 13];
  sheet.tabColor = '548235';
  return { sheet, reportDateName };
}

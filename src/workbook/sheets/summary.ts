/**
 * The `Tổng hợp` sheet: the report date (the name NgayBaoCao, which the deadline-state formula
 * compares with) and live COUNTIFS tables over the task table, so the figures stay right for
 * people without the add-in.
 */
import { COLUMNS, columnHeader, DATE_INPUT, taskColumnLetter, type TaskColumnId } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS } from '../../model/labels';
import { localize, type Msg } from '../../model/msg';
import { columnLetter } from '../../model/table';
import { DEADLINE_CATEGORIES, DEADLINE_STATES, type DeadlineState } from '../../model/vocabulary';
import { cellNumber, cellText, isFilled, sameText } from '../cached-results';
import { sheetRef } from '../formulas';
import { REPORT_DATE_NAME, sheetName } from '../names';
import type { CellSpec, CellStyle, CellValue, NameSpec, SheetSpec, Validation } from '../types';
import { DATE_FMT, DATE_MAX, DATE_MIN, emptySheet, text } from './common';
import { figuresPrint } from './print-layout';
import type { TaskTableLayout } from './task-table';
import type { AgencyAlias } from '../../model/workbook-meta';
import { agencyGrouping } from '../../tracking/agency-aliases';
import { drawPlanAgencySection } from './summary-by-plan';

/** One row of the agency table: the name shown and every spelling the task table holds for it. */
interface LeadGroup {
  label: string;
  /** Distinct without regard to case (COUNTIFS ignores case: a spelling twice would count twice). */
  spellings: string[];
}

/** The leads grouped by canonical key after the aliases, in order of first appearance. */
export function leadGroups(leads: readonly string[], aliases: readonly AgencyAlias[] = []): LeadGroup[] {
  const g = agencyGrouping(aliases);
  const groups = new Map<string, LeadGroup>();
  for (const lead of leads) {
    const key = g.key(lead);
    const group = groups.get(key) ?? { label: g.label(lead), spellings: [] };
    const lower = lead.toLocaleLowerCase();
    if (!group.spellings.some((s) => s.toLocaleLowerCase() === lower)) group.spellings.push(lead);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A text as a formula string literal. */
const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

export const SUMMARY_WORDS = {
  summaryTitle: { vi: 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH', en: 'PLAN IMPLEMENTATION SUMMARY' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  reportDateHint: {
    vi: 'Sửa ô này thành ngày chốt số liệu của kỳ báo cáo; các bảng tự tính lại.',
    en: "Change this cell to the reporting period's cut-off date; the tables recalculate.",
  },
  byAgencyTitle: { vi: 'Theo cơ quan chủ trì và tình trạng hạn', en: 'By lead agency and deadline state' },
  total: { vi: 'Tổng số', en: 'Total' },
  dueCount: { vi: 'Đã đến hạn', en: 'Deadline passed' },
  completionRate: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
  extended: { vi: 'Đã gia hạn', en: 'Extended' },
  otherAgency: { vi: 'Khác / chưa có cơ quan chủ trì', en: 'Other / no lead agency' },
  grandTotal: { vi: 'Tổng cộng', en: 'Grand total' },
  rateNote: {
    vi: 'Tỷ lệ hoàn thành = số hoàn thành (đúng hạn + quá hạn) ÷ số nhiệm vụ đã đến hạn (hoàn thành + quá hạn chưa hoàn thành + chưa rõ ngày hoàn thành). Nhiệm vụ ghi đã hoàn thành mà chưa có ngày hoàn thành không được tính là hoàn thành. Nhiệm vụ thường xuyên và chưa có thời hạn được tính riêng.',
    en: 'Completion rate = tasks done (on time + late) ÷ tasks whose deadline has passed (done + overdue + done with no completion date). A task marked done without a completion date is not counted done. Ongoing and undated tasks are counted apart.',
  },
  byCategoryTitle: { vi: 'Theo loại thời hạn', en: 'By deadline type' },
  taskCount: { vi: 'Số nhiệm vụ', en: 'Tasks' },
  noCategory: { vi: 'Chưa ghi loại thời hạn', en: 'No deadline type' },
} satisfies Record<string, Msg>;

export interface SummarySheetInput {
  lang: Lang;
  planTitle: string;
  /** ISO date put in the NgayBaoCao cell. */
  reportDate: string;
  /** Lead agencies as the table shows them, in order of first appearance. */
  leads: readonly string[];
  /**
   * The workbook's agency aliases: spellings of one agency (canonical key, then aliases) share
   * one row, whose formulas add up each spelling's COUNTIFS.
   */
  aliases?: readonly AgencyAlias[];
  layout: TaskTableLayout;
  /**
   * The task table's rows as drawn (registry columns first, state formulas with their results),
   * from which each formula's result is counted; without it the formulas carry none.
   */
  table?: readonly (readonly CellValue[])[];
}

/** What the COUNTIFS of the summary count, from the task table's rows. */
interface Tally {
  byLead(name: string): Record<DeadlineState, number> | null;
  overall: Record<DeadlineState, number>;
  /** Tasks with an adjusted deadline (a number there, as COUNTIFS ">0" counts). */
  extendedByLead(name: string): number;
  extended: number;
  category(label: string): number;
  filledIds: number;
}

function tally(rows: readonly (readonly CellValue[])[], lang: Lang): Tally {
  const at = (id: TaskColumnId) => COLUMNS.findIndex((c) => c.id === id);
  const stateOf = new Map(DEADLINE_STATES.map((s) => [STATE_LABELS[s][lang], s]));
  const zero = () => Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
  const leads = new Map<string, Record<DeadlineState, number>>();
  const overall = zero();
  const extendedLeads = new Map<string, number>();
  let extended = 0;
  for (const row of rows) {
    if ((cellNumber(row[at('adjustedDue')]) ?? 0) > 0) {
      extended += 1;
      const lead = cellText(row[at('lead')]);
      const key = lead?.toLocaleLowerCase();
      if (key !== undefined) extendedLeads.set(key, (extendedLeads.get(key) ?? 0) + 1);
    }
    const state = stateOf.get(cellText(row[at('state')]) ?? '');
    if (!state) continue;
    overall[state] += 1;
    const lead = cellText(row[at('lead')]);
    if (lead === null) continue;
    // COUNTIFS compares text without regard to case.
    const key = lead.toLocaleLowerCase();
    const counts = leads.get(key) ?? zero();
    counts[state] += 1;
    leads.set(key, counts);
  }
  return {
    byLead: (name) => leads.get(name.toLocaleLowerCase()) ?? zero(),
    overall,
    extendedByLead: (name) => extendedLeads.get(name.toLocaleLowerCase()) ?? 0,
    extended,
    category: (label) =>
      rows.filter((r) => {
        const v = cellText(r[at('category')]);
        return v !== null && sameText(v, label);
      }).length,
    filledIds: rows.filter((r) => isFilled(r[at('taskId')])).length,
  };
}

function emptyState(): Record<DeadlineState, number> {
  return Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
}

export function buildSummarySheet(input: SummarySheetInput): { sheet: SheetSpec; reportDateName: NameSpec } {
  const { lang, reportDate, layout } = input;
  const w = (k: keyof typeof SUMMARY_WORDS) => localize(SUMMARY_WORDS[k], lang);
  const tasksSheet = sheetName('tasks', lang);
  const sheet = emptySheet('summary', sheetName('summary', lang));
  const cells: CellSpec[] = sheet.cells;
  const put = (row: number, c: number, value: CellValue, style?: CellStyle) =>
    cells.push(style ? { row, col: c, value, style } : { row, col: c, value });
  const tasksRange = (id: TaskColumnId) => {
    const l = taskColumnLetter(id);
    return `${sheetRef(tasksSheet)}!$${l}$${layout.firstDataRow}:$${l}$${layout.lastCoveredRow}`;
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
  const lastColIndex = nStates + 4; // agency, states…, total, due, rate, extended
  const extendedCol = nStates + 4;
  const lastLetter = columnLetter(lastColIndex);

  put(0, 0, text(w('summaryTitle')), { bold: true, size: 14, color: '1F4E79' });
  sheet.merges.push(`A1:${lastLetter}1`);
  put(1, 0, text(input.planTitle), { italic: true, wrap: true });
  sheet.merges.push(`A2:${lastLetter}2`);
  put(2, 0, text(w('reportDate')), { bold: true });
  put(2, 1, { t: 'date', v: reportDate }, { bold: true, numFmt: DATE_FMT, fill: 'FFF2CC', border: true });
  put(2, 2, text(w('reportDateHint')), { italic: true, color: '595959' });
  sheet.merges.push(`C3:${lastLetter}3`);
  const dateInput: Validation = {
    kind: 'date',
    range: 'B3',
    min: DATE_MIN,
    max: DATE_MAX,
    allowBlank: false,
    prompt: DATE_INPUT.prompt[lang],
    error: DATE_INPUT.error[lang],
  };
  sheet.validations.push(dateInput);
  const reportDateName: NameSpec = {
    name: REPORT_DATE_NAME,
    ref: `${sheetRef(sheetName('summary', lang))}!$B$3`,
  };

  // Cross table: lead agency × deadline state.
  const titleRow = 4;
  put(titleRow, 0, text(w('byAgencyTitle')), { bold: true, size: 12 });
  const headRow = titleRow + 1; // 0-based
  const headRow1 = headRow + 1; // 1-based
  const heads = [
    columnHeader('lead', lang),
    ...DEADLINE_STATES.map((s) => STATE_LABELS[s][lang]),
    w('total'),
    w('dueCount'),
    w('completionRate'),
    w('extended'),
  ];
  heads.forEach((h, c) => put(headRow, c, text(h), header));

  const groups = leadGroups(input.leads, input.aliases);
  const leadNames = groups.map((g) => g.label);
  const counts = input.table ? tally(input.table, lang) : null;
  const result = (n: number | string | undefined) => (counts && n !== undefined ? { result: n } : {});
  const listed = Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
  let listedExtended = 0;
  const firstBodyRow1 = headRow1 + 1;
  const otherRow1 = firstBodyRow1 + leadNames.length;
  const totalRow1 = otherRow1 + 1;
  const stateCol = (s: DeadlineState) => columnLetter(1 + DEADLINE_STATES.indexOf(s));
  const tail = (row1: number, style: CellStyle, n: Record<DeadlineState, number> | null) => {
    const r0 = row1 - 1;
    const total = n ? DEADLINE_STATES.reduce((sum, s) => sum + n[s], 0) : undefined;
    const doneCount = n ? n.done_on_time + n.done_late : 0;
    const dueCount = n ? doneCount + n.overdue + n.done_undated : undefined;
    put(
      r0,
      nStates + 1,
      { t: 'formula', f: `SUM(B${row1}:${columnLetter(nStates)}${row1})`, ...result(total) },
      style,
    );
    const done = `${stateCol('done_on_time')}${row1}+${stateCol('done_late')}${row1}`;
    put(
      r0,
      nStates + 2,
      {
        t: 'formula',
        f: `${done}+${stateCol('overdue')}${row1}+${stateCol('done_undated')}${row1}`,
        ...result(dueCount),
      },
      style,
    );
    put(
      r0,
      nStates + 3,
      {
        t: 'formula',
        f: `IFERROR((${done})/${columnLetter(nStates + 2)}${row1},"")`,
        ...result(dueCount === undefined ? undefined : dueCount ? doneCount / dueCount : ''),
      },
      { ...style, numFmt: '0.0%' },
    );
  };
  groups.forEach((group, i) => {
    const row1 = firstBodyRow1 + i;
    const { label: name, spellings } = group;
    const sum = (per: (spelling: string) => Record<DeadlineState, number>) => {
      const out = Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
      for (const sp of spellings) for (const s of DEADLINE_STATES) out[s] += per(sp)[s];
      return out;
    };
    const n = counts ? sum((sp) => counts.byLead(sp) ?? emptyState()) : null;
    put(row1 - 1, 0, text(name), { ...bordered, wrap: true });
    // A row of one spelling, the one shown, compares with its own cell ($A); a row gathering
    // several spellings adds one term per spelling, each compared with its text.
    const own = spellings.length === 1 && spellings[0] === name;
    const ref = (sp: string) => (own ? `$A${row1}` : literal(sp));
    // "="& makes the criterion an exact match even for a name starting with <, > or =. Excel's
    // criteria stop at 255 characters and treat * ? ~ as wildcards, so such names are compared
    // cell by cell instead (SUMPRODUCT: slower, hence only for them).
    const plain = (sp: string) => !(sp.length > 250 || /[*?~]/.test(sp));
    const terms = (byCell: (sp: string) => string, byCriteria: (sp: string) => string) =>
      spellings.map((sp) => (plain(sp) ? byCriteria(sp) : byCell(sp))).join('+');
    DEADLINE_STATES.forEach((s, k) => {
      const c = columnLetter(1 + k);
      const f = terms(
        (sp) => `SUMPRODUCT((${tasksRange('lead')}=${ref(sp)})*(${tasksRange('state')}=${c}$${headRow1}))`,
        (sp) => `COUNTIFS(${tasksRange('lead')},"="&${ref(sp)},${tasksRange('state')},"="&${c}$${headRow1})`,
      );
      if (n) listed[s] += n[s];
      put(row1 - 1, 1 + k, { t: 'formula', f, ...result(n?.[s]) }, bordered);
    });
    tail(row1, bordered, n);
    // An adjusted deadline is a date: ">0" counts it and not a date typed as text, as the twin.
    const f = terms(
      (sp) => `SUMPRODUCT((${tasksRange('lead')}=${ref(sp)})*ISNUMBER(${tasksRange('adjustedDue')}))`,
      (sp) => `COUNTIFS(${tasksRange('lead')},"="&${ref(sp)},${tasksRange('adjustedDue')},">0")`,
    );
    const m = counts ? spellings.reduce((t, sp) => t + counts.extendedByLead(sp), 0) : undefined;
    if (m !== undefined) listedExtended += m;
    put(row1 - 1, extendedCol, { t: 'formula', f, ...result(m) }, bordered);
  });
  const other = counts
    ? (Object.fromEntries(DEADLINE_STATES.map((s) => [s, counts.overall[s] - listed[s]])) as Record<
        DeadlineState,
        number
      >)
    : null;
  const totalStyle: CellStyle = { bold: true, border: true, fill: 'DDEBF7' };
  put(otherRow1 - 1, 0, text(w('otherAgency')), { ...bordered, italic: true });
  put(totalRow1 - 1, 0, text(w('grandTotal')), totalStyle);
  DEADLINE_STATES.forEach((s, k) => {
    const c = columnLetter(1 + k);
    const minus = leadNames.length ? `-SUM(${c}${firstBodyRow1}:${c}${otherRow1 - 1})` : '';
    put(
      otherRow1 - 1,
      1 + k,
      { t: 'formula', f: `${c}${totalRow1}${minus}`, ...result(other?.[s]) },
      bordered,
    );
    put(
      totalRow1 - 1,
      1 + k,
      {
        t: 'formula',
        f: `COUNTIF(${tasksRange('state')},"="&${c}$${headRow1})`,
        ...result(counts?.overall[s]),
      },
      totalStyle,
    );
  });
  tail(otherRow1, bordered, other);
  tail(totalRow1, totalStyle, counts?.overall ?? null);
  const ext = columnLetter(extendedCol);
  put(
    otherRow1 - 1,
    extendedCol,
    {
      t: 'formula',
      f: `${ext}${totalRow1}${leadNames.length ? `-SUM(${ext}${firstBodyRow1}:${ext}${otherRow1 - 1})` : ''}`,
      ...result(counts ? counts.extended - listedExtended : undefined),
    },
    bordered,
  );
  put(
    totalRow1 - 1,
    extendedCol,
    { t: 'formula', f: `COUNTIF(${tasksRange('adjustedDue')},">0")`, ...result(counts?.extended) },
    totalStyle,
  );
  put(totalRow1, 0, text(w('rateNote')), { italic: true, wrap: true, color: '595959' });
  sheet.merges.push(`A${totalRow1 + 1}:${lastLetter}${totalRow1 + 1}`);

  // Counts by deadline category.
  const catTitle0 = totalRow1 + 2;
  put(catTitle0, 0, text(w('byCategoryTitle')), { bold: true, size: 12 });
  put(catTitle0 + 1, 0, text(columnHeader('category', lang)), header);
  put(catTitle0 + 1, 1, text(w('taskCount')), header);
  const firstCat1 = catTitle0 + 3;
  const noCat1 = firstCat1 + DEADLINE_CATEGORIES.length;
  const catTotal1 = noCat1 + 1;
  let categorised = 0;
  DEADLINE_CATEGORIES.forEach((k, i) => {
    const row1 = firstCat1 + i;
    const label = CATEGORY_LABELS[k][lang];
    const n = counts?.category(label);
    categorised += n ?? 0;
    put(row1 - 1, 0, text(label), bordered);
    put(
      row1 - 1,
      1,
      { t: 'formula', f: `COUNTIF(${tasksRange('category')},"="&$A${row1})`, ...result(n) },
      bordered,
    );
  });
  put(noCat1 - 1, 0, text(w('noCategory')), { ...bordered, italic: true });
  put(
    noCat1 - 1,
    1,
    {
      t: 'formula',
      f: `B${catTotal1}-SUM(B${firstCat1}:B${noCat1 - 1})`,
      ...result(counts ? counts.filledIds - categorised : undefined),
    },
    bordered,
  );
  put(catTotal1 - 1, 0, text(w('grandTotal')), totalStyle);
  put(
    catTotal1 - 1,
    1,
    { t: 'formula', f: `COUNTA(${tasksRange('taskId')})`, ...result(counts?.filledIds) },
    totalStyle,
  );

  // Several plans: their agencies, plan by plan, below.
  if (input.table)
    drawPlanAgencySection({
      lang,
      top: catTotal1 + 1,
      rows: input.table,
      aliases: input.aliases,
      tasksRange,
      put,
      header,
      bordered,
      totalStyle,
      withResults: true,
    });

  sheet.widths = [42, ...DEADLINE_STATES.map(() => 15), 11, 11, 13, 11];
  sheet.tabColor = '548235';
  sheet.print = figuresPrint(lang, 'landscape');
  return { sheet, reportDateName };
}

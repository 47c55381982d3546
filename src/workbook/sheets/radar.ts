/**
 * The `Sắp đến hạn` sheet: what is overdue and what falls due in the next N days (a cell staff can
 * change), per lead agency and as a list by due date, live without the add-in. Excel 2016/2019
 * have no FILTER or SORT, so the list is built with functions every Excel since 2007 and
 * LibreOffice have: a hidden helper column gives each task on the radar a key (due date × 10⁶ +
 * its row), SMALL takes the k-th key, and INDEX reads that row of the task table. The cached
 * values come from radar() (src/tracking/radar.ts), the formulas' pure twin.
 */
import { columnHeader, taskColumnLetter, type TaskColumnId } from '../../model/columns';
import { isoToSerial, serialToIso } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { STATE_LABELS } from '../../model/labels';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { columnLetter } from '../../model/table';
import { DEADLINE_STATES, type DeadlineState } from '../../model/vocabulary';
import { DEFAULT_RADAR_DAYS, radar, type RadarRow } from '../../tracking/radar';
import { cellNumber, cellText } from '../cached-results';
import { quote, sheetRef } from '../formulas';
import { REPORT_DATE_NAME, sheetName } from '../names';
import type { CellStyle, CellValue, SheetSpec } from '../types';
import { DATE_FMT, emptySheet, text } from './common';
import { figuresPrint } from './print-layout';
import type { TaskTableLayout } from './task-table';

export const RADAR_SHEET_NAME: Msg = { vi: 'Sắp đến hạn', en: 'Due soon' };

export const RADAR_WORDS = {
  title: { vi: 'NHIỆM VỤ QUÁ HẠN VÀ SẮP ĐẾN HẠN', en: 'TASKS OVERDUE AND DUE SOON' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  days: { vi: 'Số ngày tới', en: 'Days ahead' },
  until: { vi: 'Đến ngày', en: 'Until' },
  daysHint: {
    vi: 'Sửa số ngày để xem nhiệm vụ đến hạn trong khoảng đó; ngày báo cáo lấy ở trang Tổng hợp.',
    en: 'Change the number of days to see what falls due within them; the report date is on the Summary sheet.',
  },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  total: { vi: 'Tổng', en: 'Total' },
  other: { vi: 'Khác / chưa có cơ quan chủ trì', en: 'Other / no lead agency' },
  grandTotal: { vi: 'Tổng cộng', en: 'Grand total' },
  daysLeft: { vi: 'Còn (ngày)', en: 'Days left' },
  listNote: {
    vi: 'Xếp theo thời hạn; số âm là số ngày đã quá hạn. Danh sách hiển thị tối đa {n} nhiệm vụ; số đếm theo cơ quan ở trên là đầy đủ.',
    en: 'By deadline; negative days are days overdue. The list shows at most {n} tasks; the counts by agency above are complete.',
  },
} satisfies Record<string, Msg>;

/** Rows the list has: the tasks, and room for rows staff add, within reason for recalculation. */
export function radarListRows(taskCount: number): number {
  return Math.min(Math.max(taskCount + 20, 30), 500);
}

const KEY_SCALE = 1_000_000;

export interface RadarSheetInput {
  lang: Lang;
  reportDate: string;
  leads: readonly string[];
  layout: TaskTableLayout;
  /** The task table's rows as drawn (registry columns first, formulas with their results). */
  table: readonly (readonly CellValue[])[];
  /** Registry column index by id, in the drawn rows. */
  columnIndex: (id: TaskColumnId) => number;
  days?: number;
}

export function buildRadarSheet(input: RadarSheetInput): SheetSpec {
  const { lang, layout, table } = input;
  const w = localizeAll(RADAR_WORDS, lang);
  const days = input.days ?? DEFAULT_RADAR_DAYS;
  const sheet = emptySheet('radar', localize(RADAR_SHEET_NAME, lang));
  const put = (row: number, col: number, value: CellValue, style?: CellStyle) =>
    sheet.cells.push(style ? { row, col, value, style } : { row, col, value });
  const tasks = sheetRef(sheetName('tasks', lang));
  const col = (id: TaskColumnId) =>
    `${tasks}!$${taskColumnLetter(id)}$${layout.firstDataRow}:$${taskColumnLetter(id)}$${layout.lastCoveredRow}`;
  const stateWord = (s: DeadlineState) => STATE_LABELS[s][lang];
  const header: CellStyle = {
    bold: true,
    color: 'FFFFFF',
    fill: 'C00000',
    wrap: true,
    hAlign: 'center',
    vAlign: 'middle',
    border: true,
  };
  const cell: CellStyle = { border: true, vAlign: 'top' };

  // What the formulas compute, from the cells as drawn (the formula's view of each cell).
  // Column places and state words looked up once, not per row (a tenth of the report sheets' cost).
  const at = input.columnIndex;
  const [dueAt, stateAt, idAt, leadAt, textAt] = (['due', 'state', 'taskId', 'lead', 'text'] as const).map(
    at,
  );
  const adjustedAt = at('adjustedDue');
  const stateOfWord = new Map<string, DeadlineState>();
  for (const s of [...DEADLINE_STATES].reverse()) stateOfWord.set(stateWord(s), s);
  const rows: RadarRow[] = table.map((r, i) => {
    // Chased by the deadline the task is judged against: the adjusted one when entered.
    const adjusted = cellNumber(r[adjustedAt]);
    const due = adjusted !== null && adjusted > 0 ? adjusted : cellNumber(r[dueAt]);
    const label = cellText(r[stateAt]);
    return {
      rowIndex: i,
      taskId: cellText(r[idAt]) ?? '',
      lead: cellText(r[leadAt]) ?? '',
      text: cellText(r[textAt]) ?? '',
      due: due === null ? null : serialToIso(due),
      state: (label === null ? undefined : stateOfWord.get(label)) ?? 'undated',
    };
  });
  const computed = radar(rows, input.reportDate, days, (lead) => lead.toLocaleLowerCase());
  const reportSerial = isoToSerial(input.reportDate);

  put(0, 0, text(w.title), { bold: true, size: 14, color: 'C00000' });
  put(1, 0, text(w.reportDate), { bold: true });
  put(1, 1, { t: 'formula', f: REPORT_DATE_NAME, result: reportSerial }, { numFmt: DATE_FMT, bold: true });
  put(2, 0, text(w.days), { bold: true });
  put(2, 1, { t: 'number', v: days }, { fill: 'FFF2CC', border: true, bold: true, hAlign: 'center' });
  put(2, 2, text(w.until), { bold: true, hAlign: 'right' });
  put(2, 3, { t: 'formula', f: 'B2+B3', result: reportSerial + days }, { numFmt: DATE_FMT, bold: true });
  put(3, 0, text(w.daysHint), { italic: true, color: '595959' });
  sheet.merges.push('A4:F4');
  sheet.validations.push({
    kind: 'decimal',
    range: 'B3',
    min: 0,
    max: 3660,
    allowBlank: false,
  });

  // The effective deadline of each task row (adjusted when entered, else the plan's), in a hidden
  // column whose row r stands for row r of the task table: COUNTIFS and INDEX read it as they
  // would read the deadline column, with functions Excel 2007+ and LibreOffice both have.
  const effectiveCol = 10; // K, hidden
  const effective = columnLetter(effectiveCol);
  const effectiveRange = `$${effective}$${layout.firstDataRow}:$${effective}$${layout.lastCoveredRow}`;

  // Per lead agency: overdue, and due by $D$3 while still in progress.
  const overdueWord = quote(stateWord('overdue'));
  const runningWord = quote(stateWord('in_progress_on_time'));
  const headRow = 5;
  [columnHeader('lead', lang), w.overdue, w.dueSoon, w.total].forEach((h, c) =>
    put(headRow, c, text(h), header),
  );
  const counts = new Map(computed.byAgency.map((a) => [a.key, a]));
  const first1 = headRow + 2;
  let listedOverdue = 0;
  let listedSoon = 0;
  input.leads.forEach((name, i) => {
    const r1 = first1 + i;
    const n = counts.get(name.toLocaleLowerCase());
    const [o, s] = [n?.overdue ?? 0, n?.dueSoon ?? 0];
    listedOverdue += o;
    listedSoon += s;
    const odd = name.length > 250 || /[*?~]/.test(name);
    const over = odd
      ? `SUMPRODUCT((${col('lead')}=$A${r1})*(${col('state')}=${overdueWord}))`
      : `COUNTIFS(${col('lead')},"="&$A${r1},${col('state')},${overdueWord})`;
    const soon = odd
      ? `SUMPRODUCT((${col('lead')}=$A${r1})*(${col('state')}=${runningWord})*(${effectiveRange}<=$D$3))`
      : `COUNTIFS(${col('lead')},"="&$A${r1},${col('state')},${runningWord},${effectiveRange},"<="&$D$3)`;
    put(r1 - 1, 0, text(name), cell);
    put(r1 - 1, 1, { t: 'formula', f: over, result: o }, cell);
    put(r1 - 1, 2, { t: 'formula', f: soon, result: s }, cell);
    put(r1 - 1, 3, { t: 'formula', f: `B${r1}+C${r1}`, result: o + s }, cell);
  });
  const other1 = first1 + input.leads.length;
  const total1 = other1 + 1;
  const bold: CellStyle = { ...cell, bold: true, fill: 'FCE4D6' };
  const sumOf = (c: string) => (input.leads.length ? `-SUM(${c}${first1}:${c}${other1 - 1})` : '');
  put(other1 - 1, 0, text(w.other), { ...cell, italic: true });
  put(
    other1 - 1,
    1,
    { t: 'formula', f: `B${total1}${sumOf('B')}`, result: computed.overdue - listedOverdue },
    cell,
  );
  put(
    other1 - 1,
    2,
    { t: 'formula', f: `C${total1}${sumOf('C')}`, result: computed.dueSoon - listedSoon },
    cell,
  );
  put(
    other1 - 1,
    3,
    {
      t: 'formula',
      f: `B${other1}+C${other1}`,
      result: computed.overdue - listedOverdue + computed.dueSoon - listedSoon,
    },
    cell,
  );
  put(total1 - 1, 0, text(w.grandTotal), bold);
  put(
    total1 - 1,
    1,
    { t: 'formula', f: `COUNTIF(${col('state')},${overdueWord})`, result: computed.overdue },
    bold,
  );
  put(
    total1 - 1,
    2,
    {
      t: 'formula',
      f: `COUNTIFS(${col('state')},${runningWord},${effectiveRange},"<="&$D$3)`,
      result: computed.dueSoon,
    },
    bold,
  );
  put(
    total1 - 1,
    3,
    { t: 'formula', f: `B${total1}+C${total1}`, result: computed.overdue + computed.dueSoon },
    bold,
  );

  // The helper column: a key for each task row on the radar, "" for the others. Row r of the
  // helper stands for row r of the task table.
  const helperCol = 9; // J, hidden
  const helper = columnLetter(helperCol);
  const keyOf = new Map(computed.items.map((it) => [it.rowIndex, it]));
  // One helper formula per task row: the column letters are spelled once.
  const letters = new Map<TaskColumnId, string>();
  const ref = (id: TaskColumnId, r: number) => {
    let letter = letters.get(id);
    if (letter === undefined) letters.set(id, (letter = taskColumnLetter(id)));
    return `${tasks}!$${letter}${r}`;
  };
  for (let r = layout.firstDataRow; r <= layout.lastCoveredRow; r++) {
    const i = r - layout.firstDataRow;
    const item = keyOf.get(i);
    const adj = ref('adjustedDue', r);
    const row = table[i];
    const adjusted = row ? cellNumber(row[at('adjustedDue')]) : null;
    const planned = row ? cellNumber(row[at('due')]) : null;
    // No date (blank, or text typed there): "", which no date criterion counts.
    const eff: number | string = adjusted !== null && adjusted > 0 ? adjusted : (planned ?? '');
    // Formatted as a date, as LibreOffice formats what a date cell gives.
    put(
      r - 1,
      effectiveCol,
      {
        t: 'formula',
        f: `IF(AND(ISNUMBER(${adj}),${adj}>0),${adj},IF(ISNUMBER(${ref('due', r)}),${ref('due', r)},""))`,
        result: eff,
      },
      { numFmt: DATE_FMT },
    );
    const f =
      `IF(OR(${ref('state', r)}=${overdueWord},AND(${ref('state', r)}=${runningWord},$${effective}${r}<=$D$3)),` +
      `$${effective}${r}*${KEY_SCALE}+ROW(),"")`;
    put(r - 1, helperCol, { t: 'formula', f, result: item ? isoToSerial(item.due) * KEY_SCALE + r : '' });
  }
  const keys = `$${helper}$${layout.firstDataRow}:$${helper}$${layout.lastCoveredRow}`;

  // The list, by key: the k-th smallest key in the hidden column H, the task's cells read by row.
  const listHead = total1 + 2; // 0-based
  // Columns as the agency table above: the agency first, the counts' narrow columns hold the
  // task id, the deadline and the days left; the text is last, where it has room.
  const listCols = [
    columnHeader('lead', lang),
    columnHeader('taskId', lang),
    columnHeader('due', lang),
    w.daysLeft,
    columnHeader('text', lang),
    columnHeader('state', lang),
  ];
  listCols.forEach((h, c) => put(listHead, c, text(h), header));
  const n = radarListRows(table.length);
  const keyCol = 7; // H, hidden
  const whole = (id: TaskColumnId) => `${tasks}!$${taskColumnLetter(id)}:$${taskColumnLetter(id)}`;
  // One line per task: formulas cannot make their row as high as the text they fetch.
  const line: CellStyle = { border: true, vAlign: 'top' };
  for (let k = 1; k <= n; k++) {
    const r0 = listHead + k;
    const r1 = r0 + 1;
    const item = computed.items[k - 1];
    const key = `$H${r1}`;
    const row = `MOD(${key},${KEY_SCALE})`;
    const read = (id: TaskColumnId) => `IF(${key}="","",INDEX(${whole(id)},${row})&"")`;
    put(r0, keyCol, {
      t: 'formula',
      f: `IFERROR(SMALL(${keys},${k}),"")`,
      result: item ? isoToSerial(item.due) * KEY_SCALE + layout.firstDataRow + item.rowIndex : '',
    });
    put(r0, 0, { t: 'formula', f: read('lead'), result: item ? item.lead : '' }, line);
    put(r0, 1, { t: 'formula', f: read('taskId'), result: item ? item.taskId : '' }, line);
    put(
      r0,
      2,
      {
        t: 'formula',
        f: `IF(${key}="","",INDEX($${effective}:$${effective},${row}))`,
        result: item ? isoToSerial(item.due) : '',
      },
      { ...line, numFmt: DATE_FMT, hAlign: 'center' },
    );
    put(
      r0,
      3,
      { t: 'formula', f: `IF(${key}="","",C${r1}-$B$2)`, result: item ? item.daysLeft : '' },
      { ...line, hAlign: 'center' },
    );
    put(r0, 4, { t: 'formula', f: read('text'), result: item ? item.text : '' }, line);
    put(r0, 5, { t: 'formula', f: read('state'), result: item ? STATE_LABELS[item.state][lang] : '' }, line);
  }
  put(listHead + n + 1, 0, text(w.listNote.replace('{n}', String(n))), { italic: true, color: '595959' });

  sheet.widths = [40, 12, 12, 11, 70, 24, 2, 4, 2, 4];
  sheet.hiddenColumns = [keyCol, helperCol, effectiveCol];
  sheet.freeze = { rows: 3, cols: 0 };
  // Days left ≤ 0 red, within a week amber.
  const body = `A${listHead + 2}:F${listHead + 1 + n}`;
  sheet.conditionalFormats.push(
    {
      kind: 'expression',
      range: body,
      formula: `AND($D${listHead + 2}<>"",$D${listHead + 2}<0)`,
      style: { fill: 'FFC7CE', color: '9C0006' },
      priority: 1,
    },
    {
      kind: 'expression',
      range: body,
      formula: `AND($D${listHead + 2}<>"",$D${listHead + 2}<=7)`,
      style: { fill: 'FFEB9C', color: '9C5700' },
      priority: 2,
    },
  );
  sheet.print = figuresPrint(lang, 'landscape', { first: listHead + 1, last: listHead + 1 });
  sheet.print.area = `A1:F${listHead + n + 2}`;
  sheet.tabColor = 'C00000';
  return sheet;
}

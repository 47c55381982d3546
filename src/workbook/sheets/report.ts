/**
 * The `Báo cáo` sheet: the report an office hands its leadership for a period, laid out as a
 * Vietnamese administrative document (print-layout.ts, Nghị định 30/2020/NĐ-CP): the issuer and
 * the national heading, place and date, the title with the period and its dates, the figures by
 * lead agency × deadline state with totals and the completion rate, the tasks to chase (overdue,
 * and due by the end of the next period) with their agency and deadline, and a signature block
 * left blank to fill. Values, not formulas: it is what the office files for that period.
 */
import type { WorkbookMeta } from '../../model/workbook-meta';
import { columnHeader } from '../../model/columns';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { STATE_LABELS } from '../../model/labels';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { columnLetter } from '../../model/table';
import { DEADLINE_STATES } from '../../model/vocabulary';
import type { RadarItem } from '../../tracking/radar';
import type { SummaryRow, TrackingSummary } from '../../tracking/summary';
import type { CellSpec, CellStyle, CellValue, SheetSpec } from '../types';
import { emptySheet, text } from './common';
import { DECREE_30, reportPrint } from './print-layout';

export const REPORT_SHEET_NAME: Msg = { vi: 'Báo cáo', en: 'Report' };

export const REPORT_WORDS = {
  nationalTitle: { vi: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', en: 'SOCIALIST REPUBLIC OF VIETNAM' },
  motto: { vi: 'Độc lập - Tự do - Hạnh phúc', en: 'Independence - Freedom - Happiness' },
  number: { vi: 'Số:        /BC', en: 'No.:        /BC' },
  blank: { vi: '……………………', en: '……………………' },
  reportWord: { vi: 'BÁO CÁO', en: 'REPORT' },
  asOf: { vi: 'Số liệu tính đến ngày báo cáo', en: 'Figures as of the report date' },
  byAgency: {
    vi: 'I. KẾT QUẢ THỰC HIỆN THEO CƠ QUAN CHỦ TRÌ',
    en: 'I. RESULTS BY LEAD AGENCY',
  },
  no: { vi: 'STT', en: 'No.' },
  total: { vi: 'Tổng số', en: 'Total' },
  rate: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
  extended: { vi: 'Đã gia hạn', en: 'Extended' },
  grandTotal: { vi: 'Tổng cộng', en: 'Total' },
  noLead: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
  rateNote: {
    vi: 'Tỷ lệ hoàn thành = số nhiệm vụ hoàn thành (đúng hạn + quá hạn) ÷ số nhiệm vụ đã đến hạn (hoàn thành + quá hạn chưa hoàn thành + đã hoàn thành nhưng chưa rõ ngày). Nhiệm vụ thường xuyên và chưa có thời hạn không tính vào tỷ lệ.',
    en: 'Completion rate = tasks done (on time + late) ÷ tasks whose deadline has passed (done + overdue + done with no completion date). Ongoing and undated tasks are left out of the rate.',
  },
  scopeNote: {
    vi: 'Nhiệm vụ tính trong kỳ: có thời hạn trong kỳ; quá hạn từ kỳ trước mà đầu kỳ chưa hoàn thành; hoàn thành trong kỳ; nhiệm vụ thường xuyên và chưa có thời hạn (báo cáo mỗi kỳ).',
    en: 'Tasks of the period: due in it; overdue from earlier and not done when it began; done in it; ongoing and undated tasks (reported every period).',
  },
  toChase: {
    vi: 'II. NHIỆM VỤ CẦN ĐÔN ĐỐC',
    en: 'II. TASKS TO FOLLOW UP',
  },
  days: { vi: 'Số ngày', en: 'Days' },
  none: { vi: 'Không có.', en: 'None.' },
  recipients: { vi: 'Nơi nhận:', en: 'To:' },
  recipientsAbove: { vi: '- Như trên;', en: '- As above;' },
  archive: { vi: '- Lưu: VT.', en: '- File copy.' },
  signerTitle: { vi: '(Chức vụ người ký)', en: '(Title of the signatory)' },
  signHint: { vi: '(Ký, ghi rõ họ tên)', en: '(Signature and full name)' },
} satisfies Record<string, Msg>;

export interface ReportPeriod {
  start: string;
  end: string;
  label: Msg;
}

export interface ReportSheetInput {
  lang: Lang;
  reportDate: string;
  period: ReportPeriod;
  /** The period after it: the list of tasks due runs to its end. */
  next: ReportPeriod;
  planTitle: string;
  planNumber: string | null;
  /** The issuing office and the place of the date line; dotted blanks when unknown. */
  issuer?: string | null;
  place?: string | null;
  summary: TrackingSummary;
  overdue: readonly RadarItem[];
  dueNext: readonly RadarItem[];
  /** Error-level check findings the figures rest on, when the workbook was checked. */
  errorFindings?: number | null;
}

/**
 * The figure columns of the table by lead agency, after STT and the agency, in order: one place
 * to add a figure (its header, its width in characters, its value in a summary row).
 */
export interface ReportFigure {
  id: string;
  header: Msg;
  width: number;
  value: (row: SummaryRow) => CellValue;
  numFmt?: string;
}

export const REPORT_FIGURES: readonly ReportFigure[] = [
  ...DEADLINE_STATES.map((s): ReportFigure => ({
    id: s,
    header: STATE_LABELS[s],
    width: 8.5,
    value: (r) => ({ t: 'number', v: r.counts[s] }),
  })),
  { id: 'total', header: REPORT_WORDS.total, width: 7.5, value: (r) => ({ t: 'number', v: r.total }) },
  {
    id: 'rate',
    header: REPORT_WORDS.rate,
    width: 9,
    value: (r) => (r.completionRate === null ? text('—') : { t: 'number', v: r.completionRate }),
    numFmt: '0.0%',
  },
  // Tasks whose deadline was moved (issue 17), beside the states they are judged in.
  {
    id: 'extended',
    header: REPORT_WORDS.extended,
    width: 7.5,
    value: (r) => ({ t: 'number', v: r.extended }),
  },
];

const FONT = DECREE_30.font;
const CENTER: CellStyle = { font: FONT, hAlign: 'center', vAlign: 'middle', wrap: true };
const HEAD: CellStyle = {
  font: FONT,
  size: DECREE_30.tablePt,
  bold: true,
  border: true,
  wrap: true,
  hAlign: 'center',
  vAlign: 'middle',
};
const CELL: CellStyle = { font: FONT, size: DECREE_30.tablePt, border: true, vAlign: 'top', wrap: true };
const NUM: CellStyle = { ...CELL, hAlign: 'center' };

/** "Nam Định, ngày 01 tháng 07 năm 2024" (the decree writes days and months below 10 with a 0). */
export function placeAndDate(place: string | null | undefined, iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  const where = place?.trim() || REPORT_WORDS.blank[lang];
  return lang === 'vi' ? `${where}, ngày ${d} tháng ${m} năm ${y}` : `${where}, ${d}/${m}/${y}`;
}

/** A period's name with its dates: "Quý III-2024 (15/06/2024 – 14/09/2024)". */
export function periodWithDates(p: ReportPeriod, lang: Lang): string {
  return `${localize(p.label, lang)} (${isoToVn(p.start)} – ${isoToVn(p.end)})`;
}

/**
 * What the Báo cáo names as its plan: the plan of a master built from one; every plan of a
 * master holding several (their numbers, and their `Kế hoạch` texts below the title).
 */
export function reportHeading(meta: WorkbookMeta | null): { planTitle: string; planNumber: string | null } {
  if (!meta) return { planTitle: '', planNumber: null };
  const plans = meta.plans ?? [];
  if (plans.length < 2) return { planTitle: meta.planTitle, planNumber: meta.planNumber };
  const numbers = plans.map((p) => p.number?.trim()).filter((n): n is string => !!n);
  return { planTitle: plans.map((p) => p.ref).join('; '), planNumber: numbers.join(', ') || null };
}

export function reportTitle(input: Pick<ReportSheetInput, 'planNumber' | 'period' | 'lang'>): string {
  const { lang } = input;
  const number = input.planNumber?.trim() || REPORT_WORDS.blank[lang];
  const period = periodWithDates(input.period, lang);
  return lang === 'vi'
    ? `Kết quả thực hiện Kế hoạch số ${number} — kỳ ${period}`
    : `Implementation of Plan No. ${number} — period ${period}`;
}

/** Lines a text needs in a cell `width` characters wide (Times New Roman at `pt`). */
function linesFor(value: string, width: number, pt: number): number {
  // A column-width unit holds about one 11 pt Times character; larger type holds fewer.
  const perLine = Math.max(4, Math.floor((width * 1.15 * 11) / pt));
  return value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

function heightFor(value: string, width: number, pt: number): number {
  return Math.ceil(linesFor(value, width, pt) * pt * 1.3 + 3);
}

export function buildReportSheet(input: ReportSheetInput): SheetSpec {
  const { lang, summary } = input;
  const w = localizeAll(REPORT_WORDS, lang);
  const sheet = emptySheet('report', localize(REPORT_SHEET_NAME, lang));
  const figuresOf = REPORT_FIGURES;
  // STT, agency, then the figures.
  const nCols = 2 + figuresOf.length;
  const widths = [5, 21, ...figuresOf.map((f) => f.width)];
  sheet.widths = widths;
  const heights: Record<number, number> = {};
  const span = (from: number, to: number) => widths.slice(from, to + 1).reduce((a, b) => a + b, 0);
  const put = (row: number, col: number, value: CellValue, style: CellStyle) =>
    sheet.cells.push({ row, col, value, style } satisfies CellSpec);
  const merge = (row: number, from: number, to: number) => {
    if (to > from) sheet.merges.push(`${columnLetter(from)}${row + 1}:${columnLetter(to)}${row + 1}`);
  };
  /** A text across columns from..to, its row as high as the wrapped text needs. */
  const line = (row: number, from: number, to: number, value: string, style: CellStyle) => {
    put(row, from, text(value), style);
    for (let c = from + 1; c <= to && style.border; c++) put(row, c, null, style);
    merge(row, from, to);
    const pt = style.size ?? DECREE_30.bodyPt;
    heights[row] = Math.max(heights[row] ?? 0, heightFor(value, span(from, to), pt));
  };
  const half = 3; // the issuer's block: columns A..D; the national heading the rest
  const last = nCols - 1;

  // The heading: issuer left, national title and motto right, then place and date.
  const issuer = input.issuer?.trim().toLocaleUpperCase('vi') || w.blank;
  line(0, 0, half, issuer, { ...CENTER, bold: true, size: DECREE_30.nationalTitlePt });
  line(0, half + 1, last, w.nationalTitle, { ...CENTER, bold: true, size: DECREE_30.nationalTitlePt });
  line(1, 0, half, w.number, { ...CENTER, size: DECREE_30.bodyPt });
  line(1, half + 1, last, w.motto, { ...CENTER, bold: true, underline: true, size: DECREE_30.mottoPt });
  line(2, half + 1, last, placeAndDate(input.place, input.reportDate, lang), {
    ...CENTER,
    italic: true,
    size: DECREE_30.bodyPt,
  });
  heights[3] = 10;
  line(4, 0, last, w.reportWord, { ...CENTER, bold: true, size: DECREE_30.titlePt });
  line(5, 0, last, reportTitle(input), { ...CENTER, bold: true, size: DECREE_30.bodyPt });
  line(6, 0, last, input.planTitle, { ...CENTER, italic: true, size: DECREE_30.tablePt });
  line(7, 0, last, `${w.asOf}: ${isoToVn(input.reportDate)}.`, {
    ...CENTER,
    italic: true,
    size: DECREE_30.tablePt,
  });

  // I. The figures by lead agency × deadline state.
  let row = 9;
  line(row, 0, last, w.byAgency, { font: FONT, bold: true, size: DECREE_30.bodyPt, vAlign: 'middle' });
  row += 1;
  const heads = [w.no, columnHeader('lead', lang), ...figuresOf.map((f) => localize(f.header, lang))];
  heads.forEach((h, c) => put(row, c, text(h), HEAD));
  heights[row] = Math.max(...heads.map((h, c) => heightFor(h, widths[c], DECREE_30.tablePt)));
  const figures = (r: SummaryRow, no: string, name: string, bold: boolean) => {
    row += 1;
    const b = bold ? { bold: true } : {};
    put(row, 0, no ? { t: 'number', v: Number(no) } : null, { ...NUM, ...b });
    put(row, 1, text(name), { ...CELL, ...b });
    figuresOf.forEach((f, k) =>
      put(row, 2 + k, f.value(r), { ...NUM, ...b, ...(f.numFmt ? { numFmt: f.numFmt } : {}) }),
    );
    heights[row] = heightFor(name, widths[1], DECREE_30.tablePt);
  };
  summary.byAgency.forEach((r, i) => figures(r, String(i + 1), r.label || w.noLead, false));
  figures(summary.total, '', w.grandTotal, true);
  row += 1;
  line(row, 0, last, w.rateNote, { font: FONT, italic: true, size: 10, wrap: true, vAlign: 'top' });
  row += 1;
  line(row, 0, last, w.scopeNote, { font: FONT, italic: true, size: 10, wrap: true, vAlign: 'top' });
  if (input.errorFindings) {
    row += 1;
    line(row, 0, last, localize(errorNote(input.errorFindings), lang), {
      font: FONT,
      italic: true,
      bold: true,
      size: 10,
      wrap: true,
      color: '9C0006',
    });
  }

  // II. The tasks to chase: one table (its header repeats on every page), two groups.
  row += 2;
  line(row, 0, last, w.toChase, { font: FONT, bold: true, size: DECREE_30.bodyPt, vAlign: 'middle' });
  row += 1;
  const contentTo = last - 3;
  const listHead = row;
  put(row, 0, text(w.no), HEAD);
  put(row, 1, text(columnHeader('lead', lang)), HEAD);
  line(row, 2, contentTo, columnHeader('text', lang), HEAD);
  line(row, contentTo + 1, last - 1, columnHeader('due', lang), HEAD);
  put(row, last, text(w.days), HEAD);
  const group = (title: string, items: readonly RadarItem[]) => {
    row += 1;
    line(row, 0, last, `${title} (${items.length})`, { ...CELL, bold: true, italic: true });
    if (!items.length) {
      row += 1;
      line(row, 0, last, w.none, { ...CELL, italic: true });
    }
    items.forEach((item, i) => {
      row += 1;
      put(row, 0, { t: 'number', v: i + 1 }, NUM);
      put(row, 1, text(item.lead || w.noLead), CELL);
      line(row, 2, contentTo, item.text || item.taskId, CELL);
      line(row, contentTo + 1, last - 1, isoToVn(item.due), NUM);
      put(row, last, { t: 'number', v: item.daysLeft }, NUM);
      heights[row] = Math.max(heights[row], heightFor(item.lead, widths[1], DECREE_30.tablePt));
    });
  };
  group(localize(overdueTitle(input.reportDate), lang), input.overdue);
  group(localize(dueNextTitle(input.next, input.reportDate), lang), input.dueNext);
  row += 1;
  line(row, 0, last, localize(DAYS_NOTE, lang), { font: FONT, italic: true, size: 10, wrap: true });

  // The signature block: recipients left, the signatory's title and name (blank) right.
  row += 2;
  const sign = { ...CENTER, bold: true, size: DECREE_30.bodyPt };
  put(row, 0, text(w.recipients), { font: FONT, bold: true, italic: true, size: 12 });
  line(row, half + 2, last, w.signerTitle, sign);
  put(row + 1, 0, text(w.recipientsAbove), { font: FONT, size: 11 });
  line(row + 1, half + 2, last, w.signHint, { ...CENTER, italic: true, size: DECREE_30.tablePt });
  put(row + 2, 0, text(w.archive), { font: FONT, size: 11 });
  heights[row + 2] = 20;
  heights[row + 3] = 20;
  heights[row + 4] = 20;
  line(row + 5, half + 2, last, w.blank, sign);

  sheet.rowHeights = heights;
  sheet.showGridLines = false;
  sheet.tabColor = 'C00000';
  const runningHead =
    `&L&"${FONT},Bold"&9${w.nationalTitle}` +
    `&R&"${FONT},Italic"&9${w.reportWord} — ${periodWithDates(input.period, lang)}`;
  sheet.print = reportPrint(lang, { first: listHead + 1, last: listHead + 1 }, runningHead);
  sheet.print.area = `A1:${columnLetter(last)}${row + 6}`;
  return sheet;
}

export function errorNote(n: number): Msg {
  return {
    vi: `Lưu ý: số liệu còn ${n} lỗi chưa sửa (xem trang Kiểm tra); các con số trên có thể chưa đúng.`,
    en: `Note: the figures still rest on ${n} unresolved errors (see the Check sheet); they may be wrong.`,
  };
}

function overdueTitle(reportDate: string): Msg {
  return {
    vi: `1. Quá hạn chưa hoàn thành tại ngày ${isoToVn(reportDate)}`,
    en: `1. Overdue, not done at ${isoToVn(reportDate)}`,
  };
}

function dueNextTitle(next: ReportPeriod, reportDate: string): Msg {
  return {
    vi: `2. Đến hạn từ ${isoToVn(reportDate)} đến hết kỳ tới, ${periodWithDates(next, 'vi')}`,
    en: `2. Due from ${isoToVn(reportDate)} to the end of the next period, ${periodWithDates(next, 'en')}`,
  };
}

const DAYS_NOTE: Msg = {
  vi: 'Số ngày: số ngày còn lại đến thời hạn tính từ ngày báo cáo; số âm là số ngày đã quá hạn.',
  en: 'Days: days left until the deadline from the report date; negative: days overdue.',
};

/**
 * A period's summary as a formatted sheet of values (a snapshot to file with the report, unlike
 * the live formulas of the Tổng hợp sheet). Both renderers draw the SheetSpec; the Excel
 * renderer adds the bar chart from `chart`.
 */
import { columnHeader } from '../../model/columns';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS } from '../../model/labels';
import { localizeAll, type Msg } from '../../model/msg';
import { columnLetter } from '../../model/table';
import { DEADLINE_STATES, type DeadlineCategory } from '../../model/vocabulary';
import type { SummaryRow, TrackingSummary } from '../../tracking/summary';
import { sheetName } from '../names';
import type { CellSpec, CellStyle, SheetSpec } from '../types';
import { figuresPrint } from './print-layout';

export interface SummarySheet {
  sheet: SheetSpec;
  /** Where the bar chart of completion by agency reads its data (A1 ranges on this sheet). */
  chart: { title: string; categories: string; values: string };
}

const WORDS = {
  title: { vi: 'TỔNG HỢP TÌNH HÌNH THỰC HIỆN', en: 'IMPLEMENTATION SUMMARY' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  total: { vi: 'Tổng số', en: 'Total' },
  rate: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
  completedIn: { vi: 'Hoàn thành trong kỳ', en: 'Completed in period' },
  overdueIn: { vi: 'Quá hạn trong kỳ', en: 'Fell overdue in period' },
  all: { vi: 'Tổng cộng', en: 'All' },
  noLead: { vi: '(chưa xác định)', en: '(not set)' },
  chart: { vi: 'Tỷ lệ hoàn thành theo cơ quan', en: 'Completion rate by agency' },
  note: {
    vi: 'Tỷ lệ hoàn thành = nhiệm vụ đã hoàn thành ÷ nhiệm vụ đã đến hạn; nhiệm vụ thường xuyên và chưa có thời hạn không tính vào tỷ lệ.',
    en: 'Completion rate = tasks done ÷ tasks whose deadline has passed; ongoing and undated tasks are left out of the rate.',
  },
} satisfies Record<string, Msg>;

/** Excel sheet names: at most 31 characters, none of []:*?/\ and no leading/trailing apostrophe. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, '-')
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned.slice(0, 31).trim() || 'Sheet';
}

export function summarySheetName(label: string, lang: Lang): string {
  return safeSheetName(`${sheetName('summary', lang)} ${label}`);
}

const HEAD: CellStyle = {
  bold: true,
  fill: 'D9E1F2',
  wrap: true,
  hAlign: 'center',
  vAlign: 'middle',
  border: true,
};
const BODY: CellStyle = { border: true, vAlign: 'top', wrap: true };
const NUM: CellStyle = { border: true, hAlign: 'right', numFmt: '0' };
const PCT: CellStyle = { border: true, hAlign: 'right', numFmt: '0.0%' };

export function buildSummarySheet(
  summary: TrackingSummary,
  opts: { lang: Lang; label?: string; key?: string },
): SummarySheet {
  const { lang } = opts;
  const w = localizeAll(WORDS, lang);
  const agencyWord = columnHeader('lead', lang);
  const categoryWord = columnHeader('category', lang);
  const sectionWord = columnHeader('section', lang);
  const period = summary.period;
  const label = opts.label ?? period?.label?.[lang] ?? isoToVn(summary.reportDate);
  const cells: CellSpec[] = [];
  const put = (row: number, col: number, value: CellSpec['value'], style?: CellStyle) =>
    cells.push({ row, col, value, style });
  const text = (v: string) => ({ t: 'text' as const, v });
  const num = (v: number) => ({ t: 'number' as const, v });

  put(0, 0, text(`${w.title} — ${label}`), { bold: true, size: 14, color: '1F4E79' });
  if (period)
    put(1, 0, text(`${w.period}: ${isoToVn(period.start)} – ${isoToVn(period.end)}`), { italic: true });
  put(2, 0, text(`${w.reportDate}: ${isoToVn(summary.reportDate)}`), { italic: true });

  const stateHeaders = DEADLINE_STATES.map((s) => STATE_LABELS[s][lang]);
  const periodCols = period ? [w.completedIn, w.overdueIn] : [];
  const headers = (first: string) => [first, ...stateHeaders, w.total, w.rate, ...periodCols];
  const width = headers('').length;
  let row = 4;

  const table = (
    first: string,
    rows: SummaryRow[],
    labelOf: (r: SummaryRow) => string,
    withPeriod: boolean,
  ) => {
    headers(first).forEach((h, c) => {
      if (withPeriod || c < width - periodCols.length) put(row, c, text(h), HEAD);
    });
    const start = row + 1;
    const periodByKey = new Map((period?.byAgency ?? []).map((a) => [a.key, a]));
    const line = (r: SummaryRow, name: string, bold: boolean, periodCells: [number, number] | null) => {
      row += 1;
      const b = bold ? { bold: true } : {};
      put(row, 0, text(name), { ...BODY, ...b });
      DEADLINE_STATES.forEach((s, i) => put(row, 1 + i, num(r.counts[s]), { ...NUM, ...b }));
      put(row, 1 + DEADLINE_STATES.length, num(r.total), { ...NUM, ...b });
      put(row, 2 + DEADLINE_STATES.length, r.completionRate === null ? text('—') : num(r.completionRate), {
        ...PCT,
        ...b,
      });
      if (periodCells) {
        put(row, 3 + DEADLINE_STATES.length, num(periodCells[0]), { ...NUM, ...b });
        put(row, 4 + DEADLINE_STATES.length, num(periodCells[1]), { ...NUM, ...b });
      }
    };
    for (const r of rows) {
      const p = periodByKey.get(r.key);
      line(r, labelOf(r), false, withPeriod && period ? [p?.completed ?? 0, p?.fellOverdue ?? 0] : null);
    }
    const end = row;
    line(
      summary.total,
      w.all,
      true,
      withPeriod && period ? [period.completed.length, period.fellOverdue.length] : null,
    );
    row += 2;
    return { start, end };
  };

  const agencies = table(agencyWord, summary.byAgency, (r) => r.label || w.noLead, true);
  table(
    categoryWord,
    summary.byCategory,
    (r) => (r.key ? CATEGORY_LABELS[r.key as DeadlineCategory][lang] : w.noLead),
    false,
  );
  table(sectionWord, summary.bySection, (r) => r.label || w.noLead, false);
  put(row, 0, text(w.note), { italic: true, color: '595959' });

  const rateCol = columnLetter(2 + DEADLINE_STATES.length);
  const sheet: SheetSpec = {
    key: opts.key ?? `summary-${label}`,
    name: summarySheetName(label, lang),
    state: 'visible',
    widths: [44, ...DEADLINE_STATES.map(() => 14), 10, 14, ...periodCols.map(() => 14)],
    freeze: { rows: 5, cols: 1 },
    cells,
    tables: [],
    merges: [`A1:${columnLetter(width - 1)}1`],
    validations: [],
    conditionalFormats: [],
    tabColor: '70AD47',
    print: figuresPrint(lang, 'landscape'),
  };
  const chart = {
    title: w.chart,
    categories: `A${agencies.start + 1}:A${agencies.end + 1}`,
    values: `${rateCol}${agencies.start + 1}:${rateCol}${agencies.end + 1}`,
  };
  // The .xlsx writer draws the chart from the sheet; the Excel renderer from `chart` (office-js).
  const bars = agencies.end - agencies.start + 1;
  sheet.charts = [
    {
      kind: 'bar',
      ...chart,
      from: { row: 4, col: width + 1 },
      to: { row: 4 + Math.max(15, bars + 4), col: width + 9 },
      min: 0,
      max: 1,
      numFmt: '0%',
      labels: true,
    },
  ];
  return { sheet, chart };
}

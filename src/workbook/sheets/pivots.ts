/**
 * The `PivotTable` sheet of an .xlsx build: native PivotTables over the table `NhiemVu` (agency ×
 * deadline state, agency × deadline category), their cache refreshed when the file opens, so an
 * office on Excel 2016/2019 without the add-in gets real pivots. Inside Excel the add-in makes its
 * own through office-js (src/excel/pivot.ts) instead.
 */
import { columnHeader } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS } from '../../model/labels';
import { localizeAll, type Msg } from '../../model/msg';
import { DEADLINE_CATEGORIES, DEADLINE_STATES } from '../../model/vocabulary';
import { sheetName, TABLE_NAME } from '../names';
import type { PivotSpec, SheetSpec } from '../types';
import { emptySheet, HEADER_FILL, text } from './common';
import { figuresPrint } from './print-layout';

const WORDS = {
  title: { vi: 'Nhiệm vụ theo cơ quan chủ trì', en: 'Tasks by lead agency' },
  hint: {
    vi: 'Bảng tổng hợp động (PivotTable) tự làm mới khi mở tệp; chọn bảng rồi Refresh để cập nhật sau khi sửa số liệu.',
    en: 'PivotTables refresh when the file opens; select one and Refresh after changing the entries.',
  },
  count: { vi: 'Số nhiệm vụ', en: 'Tasks' },
  total: { vi: 'Tổng cộng', en: 'Grand total' },
  blank: { vi: '(trống)', en: '(blank)' },
} satisfies Record<string, Msg>;

/** `leadCount`: the agencies the pivots list (one per group of merged names), for their heights. */
export function buildPivotSheet(lang: Lang, leadCount: number, planCount = 1): SheetSpec {
  const w = localizeAll(WORDS, lang);
  const sheet = emptySheet('pivot', sheetName('pivot', lang));
  sheet.widths = [42, ...DEADLINE_STATES.map(() => 14), 12];
  sheet.cells.push(
    { row: 0, col: 0, value: text(w.title), style: { bold: true, size: 14, color: HEADER_FILL } },
    { row: 1, col: 0, value: text(w.hint), style: { italic: true, color: '595959' } },
  );
  const common = {
    table: TABLE_NAME,
    // Spellings merged by the user are one row here as in the formula summary (issue 17).
    rows: 'agencyGroup',
    count: 'taskId',
    valueName: w.count,
    col: 0,
    rowHeaderCaption: columnHeader('lead', lang),
    grandTotalCaption: w.total,
    blankCaption: w.blank,
  };
  const first = 3;
  // Caption, header, a row per agency and one for blanks, the total, then a gap.
  const second = first + leadCount + 6;
  const pivots: PivotSpec[] = [
    {
      ...common,
      name: 'CoQuanTinhTrang',
      columns: 'state',
      row: first,
      colHeaderCaption: columnHeader('state', lang),
      columnOrder: DEADLINE_STATES.map((s) => STATE_LABELS[s][lang]),
    },
    {
      ...common,
      name: 'CoQuanLoaiHan',
      columns: 'category',
      row: second,
      colHeaderCaption: columnHeader('category', lang),
      columnOrder: DEADLINE_CATEGORIES.map((c) => CATEGORY_LABELS[c][lang]),
    },
  ];
  // A master holding several plans (issue 17): agency × plan, below the others.
  if (planCount > 1)
    pivots.push({
      ...common,
      name: 'CoQuanKeHoach',
      columns: 'planRef',
      row: second + leadCount + 6,
      colHeaderCaption: columnHeader('planRef', lang),
    });
  sheet.pivots = pivots;
  sheet.print = figuresPrint(lang, 'landscape');
  sheet.tabColor = '7030A0';
  return sheet;
}

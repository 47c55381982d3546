import { columnHeader, mapColumns } from '../model/columns';
import type { Lang } from '../model/lang';
import { localize, type Msg } from '../model/msg';
import { sheetName, TABLE_NAME } from '../workbook/names';
import { defaultSupport, type SupportCheck } from './support';

/**
 * PivotTables over the tracking table (ExcelApi 1.8), on their own sheet:
 * - lead agency × deadline state, counting task ids;
 * - lead agency × deadline category, counting task ids;
 * the agency as the summaries group it (the hidden `agencyGroup` column), not as each plan spells it.
 * Where the host lacks ExcelApi 1.8 (Excel 2016 retail, Office 2019 volume licence), nothing is
 * created and the result points to the formula summary sheet, which the workbook always has.
 */

export interface PivotOptions {
  lang: Lang;
  isSetSupported?: SupportCheck;
  tableName?: string;
  /** Show the pivot sheet when done (default true; a redraw keeps the task sheet in front). */
  activate?: boolean;
}

export interface PivotResult {
  ok: boolean;
  /** True when the host lacks PivotTables and the formula summary is the fallback. */
  fallback: boolean;
  sheet: string | null;
  pivots: string[];
  message: Msg;
}

export const PIVOT_NAMES = { byState: 'PT_TinhTrangHan', byCategory: 'PT_LoaiThoiHan' } as const;

const WORDS = {
  title: { vi: 'Số nhiệm vụ theo cơ quan chủ trì', en: 'Tasks by lead agency' },
  count: { vi: 'Số nhiệm vụ', en: 'Tasks' },
} satisfies Record<string, Msg>;

function unsupported(lang: Lang): PivotResult {
  const summary = sheetName('summary', lang);
  return {
    ok: false,
    fallback: true,
    sheet: null,
    pivots: [],
    message: {
      vi: `Phiên bản Excel này chưa hỗ trợ PivotTable qua add-in (cần ExcelApi 1.8). Số liệu tổng hợp theo cơ quan vẫn có ở trang "${summary}" (tính bằng công thức).`,
      en: `This Excel version does not support PivotTables from add-ins (ExcelApi 1.8 needed). The per-agency summary is still on the "${summary}" sheet (formula-based).`,
    },
  };
}

/** Two syncs: one to read the headers and find an old pivot sheet, one to build. */
export async function createPivots(context: Excel.RequestContext, opts: PivotOptions): Promise<PivotResult> {
  const support = opts.isSetSupported ?? defaultSupport;
  if (!support('ExcelApi', '1.8')) return unsupported(opts.lang);
  const tableName = opts.tableName ?? TABLE_NAME;
  const pivotSheet = sheetName('pivot', opts.lang);
  const wb = context.workbook;

  // getItem, not a list lookup first: a missing table fails this one sync with ItemNotFound.
  const table = wb.tables.getItem(tableName);
  const header = table.getHeaderRowRange().load('values');
  const sheets = wb.worksheets.load('items/name');
  try {
    await context.sync();
  } catch (err) {
    if ((err as { code?: string }).code !== 'ItemNotFound') throw err;
    return {
      ok: false,
      fallback: false,
      sheet: null,
      pivots: [],
      message: {
        vi: `Chưa có bảng theo dõi "${tableName}" để lập PivotTable.`,
        en: `There is no tracking table "${tableName}" to build PivotTables from.`,
      },
    };
  }
  const oldSheet = sheets.items.find((s) => s.name.toLowerCase() === pivotSheet.toLowerCase());

  const headers = (header.values[0] ?? []).map((h) => String(h ?? ''));
  const map = mapColumns(headers);
  const head = (id: 'lead' | 'agencyGroup' | 'state' | 'category' | 'taskId') => {
    const i = map.index[id];
    return i === undefined ? columnHeader(id, opts.lang) : headers[i];
  };
  // Rows by the agency as the summaries count it (merged spellings are one row, issue 17); a
  // table drawn before that column groups by the lead as written.
  const agency = map.index.agencyGroup === undefined ? head('lead') : head('agencyGroup');
  const missing = (['lead', 'state', 'category', 'taskId'] as const).filter(
    (id) => map.index[id] === undefined,
  );
  if (missing.length) {
    return {
      ok: false,
      fallback: false,
      sheet: null,
      pivots: [],
      message: {
        vi: `Bảng theo dõi thiếu cột: ${missing.map((id) => columnHeader(id, 'vi')).join(', ')}.`,
        en: `The tracking table lacks columns: ${missing.map((id) => columnHeader(id, 'en')).join(', ')}.`,
      },
    };
  }

  // Our pivot sheet holds only our pivots: rebuilt from scratch.
  if (oldSheet) wb.worksheets.getItem(oldSheet.name).delete();
  const ws = wb.worksheets.add(pivotSheet);
  const title = ws.getRange('A1');
  title.values = [[localize(WORDS.title, opts.lang)]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const count = localize(WORDS.count, opts.lang);
  const add = (name: string, dest: string, column: 'state' | 'category') => {
    const pt = ws.pivotTables.add(name, table, ws.getRange(dest));
    pt.rowHierarchies.add(pt.hierarchies.getItem(agency));
    pt.columnHierarchies.add(pt.hierarchies.getItem(head(column)));
    const data = pt.dataHierarchies.add(pt.hierarchies.getItem(head('taskId')));
    data.summarizeBy = 'Count';
    data.name = count;
  };
  // Side by side: the state pivot is at most 8 columns wide (agency, 6 states, total).
  add(PIVOT_NAMES.byState, 'A3', 'state');
  add(PIVOT_NAMES.byCategory, 'K3', 'category');
  if (opts.activate !== false) ws.activate();
  await context.sync();
  return {
    ok: true,
    fallback: false,
    sheet: pivotSheet,
    pivots: [PIVOT_NAMES.byState, PIVOT_NAMES.byCategory],
    message: {
      vi: `Đã lập 2 PivotTable ở trang "${pivotSheet}". Bấm "Làm mới" sau khi cập nhật số liệu.`,
      en: `Two PivotTables built on the "${pivotSheet}" sheet. Press "Refresh" after entries change.`,
    },
  };
}

/** The "Làm mới" (refresh) action: one sync. */
export async function refreshPivots(
  context: Excel.RequestContext,
  opts: { lang: Lang; isSetSupported?: SupportCheck },
): Promise<PivotResult> {
  const support = opts.isSetSupported ?? defaultSupport;
  if (!support('ExcelApi', '1.8')) return unsupported(opts.lang);
  context.workbook.pivotTables.refreshAll();
  await context.sync();
  return {
    ok: true,
    fallback: false,
    sheet: sheetName('pivot', opts.lang),
    pivots: [],
    message: { vi: 'Đã làm mới PivotTable.', en: 'PivotTables refreshed.' },
  };
}

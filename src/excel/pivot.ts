import { COLUMN_HEADERS, SHEET_NAMES, TABLE_NAME } from '../workbook/labels';
import { mapColumns } from '../workbook/snapshot';
import type { Lang } from '../workbook/types';
import { defaultSupport, type SupportCheck } from './support';

/**
 * PivotTables over the tracking table (ExcelApi 1.8), on their own sheet:
 * - lead agency × deadline state, counting task ids;
 * - lead agency × deadline category, counting task ids.
 * Where the host lacks ExcelApi 1.8 (Excel 2016 retail, Office 2019 volume licence), nothing is
 * created and the result points to the formula summary sheet, which the workbook always has.
 */

export interface PivotOptions {
  lang: Lang;
  isSetSupported?: SupportCheck;
  tableName?: string;
}

export interface PivotResult {
  ok: boolean;
  /** True when the host lacks PivotTables and the formula summary is the fallback. */
  fallback: boolean;
  sheet: string | null;
  pivots: string[];
  message: { vi: string; en: string };
}

export const PIVOT_NAMES = { byState: 'PT_TinhTrangHan', byCategory: 'PT_LoaiThoiHan' } as const;

function unsupported(lang: Lang): PivotResult {
  const summary = SHEET_NAMES[lang].summary;
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
  const sheetName = SHEET_NAMES[opts.lang].pivot;
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
  const oldSheet = sheets.items.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());

  const headers = (header.values[0] ?? []).map((h) => String(h ?? ''));
  const map = mapColumns(headers);
  const head = (id: 'lead' | 'state' | 'category' | 'taskId') => {
    const i = map.index[id];
    return i === undefined ? COLUMN_HEADERS[opts.lang][id] : headers[i];
  };
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
        vi: `Bảng theo dõi thiếu cột: ${missing.map((id) => COLUMN_HEADERS.vi[id]).join(', ')}.`,
        en: `The tracking table lacks columns: ${missing.map((id) => COLUMN_HEADERS.en[id]).join(', ')}.`,
      },
    };
  }

  // Our pivot sheet holds only our pivots: rebuilt from scratch.
  if (oldSheet) wb.worksheets.getItem(oldSheet.name).delete();
  const ws = wb.worksheets.add(sheetName);
  const title = ws.getRange('A1');
  title.values = [[opts.lang === 'vi' ? 'Số nhiệm vụ theo cơ quan chủ trì' : 'Tasks by lead agency']];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const count = opts.lang === 'vi' ? 'Số nhiệm vụ' : 'Tasks';
  const add = (name: string, dest: string, column: 'state' | 'category') => {
    const pt = ws.pivotTables.add(name, table, ws.getRange(dest));
    pt.rowHierarchies.add(pt.hierarchies.getItem(head('lead')));
    pt.columnHierarchies.add(pt.hierarchies.getItem(head(column)));
    const data = pt.dataHierarchies.add(pt.hierarchies.getItem(head('taskId')));
    data.summarizeBy = 'Count';
    data.name = count;
  };
  // Side by side: the state pivot is at most 8 columns wide (agency, 6 states, total).
  add(PIVOT_NAMES.byState, 'A3', 'state');
  add(PIVOT_NAMES.byCategory, 'K3', 'category');
  ws.activate();
  await context.sync();
  return {
    ok: true,
    fallback: false,
    sheet: sheetName,
    pivots: [PIVOT_NAMES.byState, PIVOT_NAMES.byCategory],
    message: {
      vi: `Đã lập 2 PivotTable ở trang "${sheetName}". Bấm "Làm mới" sau khi cập nhật số liệu.`,
      en: `Two PivotTables built on the "${sheetName}" sheet. Press "Refresh" after entries change.`,
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
    sheet: SHEET_NAMES[opts.lang].pivot,
    pivots: [],
    message: { vi: 'Đã làm mới PivotTable.', en: 'PivotTables refreshed.' },
  };
}

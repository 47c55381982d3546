import { mapColumns } from '../model/columns';
import { isIsoDate, serialToIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { RawCell, TableSnapshot } from '../model/table';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { parseMeta } from '../tracking/meta';
import { isSheet, REPORT_DATE_NAME, TABLE_NAME } from '../workbook/names';
import { jsonSize } from './cells';

/**
 * Reads the tracking table back from the open workbook.
 *
 * Sync 1 finds what exists (tables with their sheets, sheets, names), so nothing is asked of an
 * object that may be missing. Sync 2 reads the table's position, its header, the meta sheet, the
 * report date and the first `firstChunkRows` data rows in one go (rows past the table's end come
 * back blank and are cut off). A table of up to `firstChunkRows` rows therefore takes two syncs.
 * Bigger tables: the rest is read in further syncs sized from the measured bytes per row so no
 * response passes `maxResponseBytes` (Excel on the web also caps responses at 5 MB).
 * Dates come back as serial numbers, as Excel stores them.
 */

export interface ReadOptions {
  tableName?: string;
  firstChunkRows?: number;
  maxResponseBytes?: number;
}

export interface ExcelTracking extends TrackingWorkbook {
  /** Syncs used (for tests and the benchmark). */
  syncs: number;
}

export class TrackingTableMissingError extends LocalizedError {
  constructor(tableName: string) {
    super({
      vi: `Không tìm thấy bảng theo dõi "${tableName}" trong sổ này. Hãy tạo bảng theo dõi trước.`,
      en: `The tracking table "${tableName}" is not in this workbook. Build the tracking workbook first.`,
    });
    this.name = 'TrackingTableMissingError';
  }
}

function raw(v: unknown): RawCell {
  if (v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** The report date cell as ISO: a serial, or ISO / dd/mm/yyyy text. */
export function reportDateFrom(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 1) return serialToIso(v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (isIsoDate(s)) return s;
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    if (m) {
      const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
      return isIsoDate(iso) ? iso : null;
    }
  }
  return null;
}

export async function readTracking(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<ExcelTracking> {
  const tableName = opts.tableName ?? TABLE_NAME;
  const firstChunk = Math.max(1, opts.firstChunkRows ?? 3000);
  const maxResponse = opts.maxResponseBytes ?? 3_500_000;
  const wb = context.workbook;

  const tables = wb.tables.load('items/name,items/worksheet/name');
  const sheets = wb.worksheets.load('items/name');
  const names = wb.names.load('items/name');
  await context.sync();
  let syncs = 1;
  const entry = tables.items.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!entry) throw new TrackingTableMissingError(tableName);
  const sheetName = entry.worksheet.name;
  const sheetNames = sheets.items.map((s) => s.name);
  const metaName = sheetNames.find((n) => isSheet('meta', n)) ?? null;
  const hasDate = names.items.some((n) => n.name.toLowerCase() === REPORT_DATE_NAME.toLowerCase());

  const table = wb.tables.getItem(entry.name);
  const whole = table.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const header = table.getHeaderRowRange().load('values');
  const chunkAt = (offset: number, rows: number) =>
    table
      .getHeaderRowRange()
      .getOffsetRange(1 + offset, 0)
      .getResizedRange(rows - 1, 0)
      .load('values');
  const first = chunkAt(0, firstChunk);
  const metaRange = metaName
    ? wb.worksheets.getItem(metaName).getUsedRangeOrNullObject(true).load('values')
    : null;
  const dateRange = hasDate ? wb.names.getItem(REPORT_DATE_NAME).getRange().load('values') : null;
  await context.sync();
  syncs += 1;

  const dataRows = Math.max(0, whole.rowCount - 1);
  const rows: RawCell[][] = first.values.slice(0, dataRows).map((r) => r.map(raw));
  if (dataRows > rows.length) {
    // Size the remaining reads from what the first chunk weighed.
    const perRow = Math.max(1, jsonSize(first.values) / Math.max(1, first.values.length));
    const rowsPerSync = Math.max(1, Math.floor(maxResponse / perRow));
    for (let offset = rows.length; offset < dataRows; offset += rowsPerSync) {
      const chunk = chunkAt(offset, Math.min(rowsPerSync, dataRows - offset));
      // One response per chunk is the point: each stays under the response cap. The loop runs
      // (rows × bytes per row ÷ cap) times, e.g. twice more for 10,000 realistic rows.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs += 1;
      rows.push(...chunk.values.map((r) => r.map(raw)));
    }
  }

  const headers = (header.values[0] ?? []).map((h) => String(h ?? ''));
  const snapshot: TableSnapshot = {
    sheet: sheetName,
    headerRow: whole.rowIndex + 1,
    firstCol: whole.columnIndex,
    headers,
    rows,
  };
  const metaRows = metaRange && !metaRange.isNullObject ? metaRange.values.map((r) => r.map(raw)) : [];
  const meta = metaRows.length ? parseMeta(metaRows) : null;
  const reportDate = dateRange ? reportDateFrom(dateRange.values[0]?.[0]) : null;
  const map = mapColumns(headers);
  const lang: Lang = map.missing.length < headers.length ? map.lang : (meta?.lang ?? 'vi');
  return { snapshot, meta, reportDate, lang, sheetNames, syncs };
}

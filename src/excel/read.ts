import { mapColumns } from '../model/columns';
import { isIsoDate, serialToIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import { columnLetter, type RawCell, type TableSnapshot } from '../model/table';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { parseMeta } from '../tracking/meta';
import { REPORT_DATE_NAME, SHEET_NAMES, TABLE_NAME } from '../workbook/names';
import { jsonSize } from './cells';

/**
 * Reads the tracking table back from the open workbook, in responses that stay under Excel on
 * the web's 5 MB limit whatever the size of the rows.
 *
 * Sync 1 finds what exists (tables with their sheets, sheets, names), the sizes of what is to be
 * read (the table's position and header, the meta sheet's used range), the report date, and the
 * first 50 rows of the table (200 of the meta sheet): a small workbook is read in this one sync.
 * Nothing tells the bytes of a row before it is read, so those first rows measure it; the rest
 * is read in chunks packed into as few responses as fit `maxResponseBytes`, sized from the
 * longest row read so far with a margin. Should a response still come back too large (rows
 * further down much longer), its chunks are halved and read again: reading changes nothing. So
 * the number of syncs grows with the bytes read, never with the rows alone: one for a small
 * workbook, two up to ~3.5 MB, one more per further ~3.5 MB.
 * Dates come back as serial numbers, as Excel stores them.
 */

export interface ReadOptions {
  tableName?: string;
  /** Largest response this reader asks for. Default 3,500,000 bytes. */
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

/**
 * Bytes a response spends on one cell before any is read: a long task text or result in
 * Vietnamese (≈ 100 characters of 2–3 bytes each) plus JSON punctuation.
 */
export const FIRST_GUESS_CELL_BYTES = 320;
/**
 * Rows the first look reads of the table and of the meta sheet: enough to measure what a row
 * weighs, few enough that even very long rows stay far below the limit.
 */
const SAMPLE_ROWS = 50;
const META_SAMPLE_ROWS = 200;
/** Later rows may be longer than the longest of the sample: chunks leave this much room. */
const ROW_MARGIN = 1.25;
/** Response bytes of one chunk besides its values (the action's result envelope). */
const CHUNK_OVERHEAD_BYTES = 200;

/** Rows of one range, read in pieces: `rangeAt(offset, count)` gives the range of those rows. */
interface RowSource {
  total: number;
  cols: number;
  rangeAt(offset: number, count: number): Excel.Range;
  rows: RawCell[][];
  /** Largest row read so far, in response bytes. */
  rowBytes: number;
}

function isPayloadError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

/** Reads every source to its end; returns the syncs used. */
async function readAll(context: Excel.RequestContext, sources: RowSource[], budget: number): Promise<number> {
  let syncs = 0;
  let shrink = 1;
  for (;;) {
    const pending = sources.filter((s) => s.rows.length < s.total);
    if (!pending.length) return syncs;
    // Chunks of the sources still unread, packed into one response of at most `budget`.
    let room = budget / shrink;
    const chunks: { source: RowSource; count: number; range: Excel.Range }[] = [];
    for (const s of pending) {
      const perRow = Math.max(s.rowBytes, 16) * ROW_MARGIN;
      const fits = Math.floor((room - CHUNK_OVERHEAD_BYTES) / perRow);
      if (fits < 1 && chunks.length) break;
      const count = Math.max(1, Math.min(s.total - s.rows.length, fits));
      chunks.push({ source: s, count, range: s.rangeAt(s.rows.length, count).load('values') });
      room -= CHUNK_OVERHEAD_BYTES + count * perRow;
      if (room <= CHUNK_OVERHEAD_BYTES) break;
    }
    try {
      // One response per group of chunks is the point: each stays under the response cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (err) {
      syncs += 1;
      // A response over Excel's limit changed nothing: read the same rows in smaller pieces.
      const oneRow = chunks.length === 1 && chunks[0].count === 1;
      if (!isPayloadError(err) || oneRow) throw err;
      shrink *= 2;
      continue;
    }
    syncs += 1;
    for (const { source, range } of chunks) {
      // The size of rows read so far replaces the first guess.
      let measured = source.rows.length ? source.rowBytes : 0;
      for (const row of range.values) {
        measured = Math.max(measured, jsonSize(row) + 1);
        source.rows.push(row.map(raw));
      }
      source.rowBytes = Math.max(measured, 1);
    }
  }
}

/** "A1:B2" from 0-based bounds (getRangeByIndexes needs ExcelApi 1.9; getRange does not). */
function address(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + cols - 1)}${row + rows}`;
}

interface Look {
  tables: Excel.TableCollection;
  sheets: Excel.WorksheetCollection;
  found: Excel.Table;
  whole: Excel.Range;
  header: Excel.Range;
  /** The first data row's number formats: a column staff added keeps its own when redrawn. */
  formats: Excel.Range;
  bodySample: Excel.Range | null;
  metas: { sheet: string; used: Excel.Range; sample: Excel.Range | null }[];
  date: Excel.Range;
}

/** Sync 1: what exists, how big it is, and the first rows of each (when `sample` is true). */
async function look(context: Excel.RequestContext, tableName: string, sample: boolean): Promise<Look> {
  const wb = context.workbook;
  const tables = wb.tables.load('items/name,items/worksheet/name');
  const sheets = wb.worksheets.load('items/name');
  // Excel finds tables, sheets and names without regard to case.
  const found = wb.tables.getItemOrNullObject(tableName);
  const whole = found.getRange().load('rowIndex,columnIndex,rowCount,columnCount');
  const header = found.getHeaderRowRange().load('values');
  const formats = found.getHeaderRowRange().getOffsetRange(1, 0).load('numberFormat');
  const bodySample = sample
    ? found
        .getHeaderRowRange()
        .getOffsetRange(1, 0)
        .getResizedRange(SAMPLE_ROWS - 1, 0)
        .load('values')
    : null;
  const metas = [...new Set([SHEET_NAMES.meta.vi, SHEET_NAMES.meta.en])].map((name) => {
    const used = wb.worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return {
      sheet: name,
      used,
      sample: sample
        ? used
            .getRow(0)
            .getResizedRange(META_SAMPLE_ROWS - 1, 0)
            .load('values')
        : null,
    };
  });
  const date = wb.names.getItemOrNullObject(REPORT_DATE_NAME).getRangeOrNullObject().load('values');
  await context.sync();
  return { tables, sheets, found, whole, header, formats, bodySample, metas, date };
}

/** Rows read by the first look (a sample range runs past the end of short tables: cut). */
function sampled(source: RowSource, sample: Excel.Range | null): void {
  if (!sample) return;
  const rows = sample.values.slice(0, source.total);
  if (!rows.length) return;
  source.rowBytes = Math.max(...rows.map((r) => jsonSize(r) + 1));
  source.rows.push(...rows.map((r) => r.map(raw)));
}

export async function readTracking(
  context: Excel.RequestContext,
  opts: ReadOptions = {},
): Promise<ExcelTracking> {
  const tableName = opts.tableName ?? TABLE_NAME;
  const budget = opts.maxResponseBytes ?? 3_500_000;
  const wb = context.workbook;

  let syncs = 1;
  let first: Look;
  try {
    first = await look(context, tableName, true);
  } catch (err) {
    if (!isPayloadError(err)) throw err;
    // The first rows were far longer than usual: look again without them.
    syncs += 1;
    first = await look(context, tableName, false);
  }
  const { tables, sheets, found, whole, header, formats, metas, date } = first;
  const entry = tables.items.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (!entry || found.isNullObject) throw new TrackingTableMissingError(tableName);
  const sheetName = entry.worksheet.name;
  const sheetNames = sheets.items.map((s) => s.name);

  const table = wb.tables.getItem(entry.name);
  const cols = whole.columnCount;
  const body: RowSource = {
    total: Math.max(0, whole.rowCount - 1),
    cols,
    rangeAt: (offset, count) =>
      table
        .getHeaderRowRange()
        .getOffsetRange(1 + offset, 0)
        .getResizedRange(count - 1, 0),
    rows: [],
    rowBytes: cols * FIRST_GUESS_CELL_BYTES,
  };
  sampled(body, first.bodySample);
  const sources = [body];
  const meta = metas.find((m) => !m.used.isNullObject) ?? null;
  let metaSource: RowSource | null = null;
  if (meta) {
    const ws = wb.worksheets.getItem(meta.sheet);
    const used = meta.used;
    metaSource = {
      total: used.rowCount,
      cols: used.columnCount,
      rangeAt: (offset, count) =>
        ws.getRange(address(used.rowIndex + offset, used.columnIndex, count, used.columnCount)),
      rows: [],
      rowBytes: used.columnCount * FIRST_GUESS_CELL_BYTES,
    };
    sampled(metaSource, meta.sample);
    sources.push(metaSource);
  }
  syncs += await readAll(context, sources, budget);

  const headers = (header.values[0] ?? []).map((h) => String(h ?? ''));
  const snapshot: TableSnapshot = {
    sheet: sheetName,
    headerRow: whole.rowIndex + 1,
    firstCol: whole.columnIndex,
    headers,
    rows: body.rows,
    numberFormats: (formats.numberFormat[0] ?? []).map((f) =>
      f === null || f === undefined ? null : String(f),
    ),
  };
  const metaRows = metaSource?.rows ?? [];
  const parsedMeta = metaRows.length ? parseMeta(metaRows) : null;
  const reportDate = date.isNullObject ? null : reportDateFrom(date.values[0]?.[0]);
  const map = mapColumns(headers);
  const lang: Lang = map.missing.length < headers.length ? map.lang : (parsedMeta?.lang ?? 'vi');
  return { snapshot, meta: parsedMeta, reportDate, lang, sheetNames, syncs };
}

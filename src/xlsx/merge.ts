/**
 * Merging agency returns into a master .xlsx: read every file, plan the merge (pure, in
 * src/tracking/merge.ts), and only when every return is accepted and every conflict decided,
 * write the changed cells and the history rows into a copy of the master's package.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseCategory, parseDateCell, parseStatus } from '../tracking/entries';
import { MergePlan, MergeRefusal, MergeSource, planMerge } from '../tracking/merge';
import { parseBaseEntries, parseSync, serializeSync } from '../tracking/merge-meta';
import { isoToSerial } from '../workbook/dates';
import { sheetRef } from '../workbook/formulas';
import { CATEGORY_LABELS, SHEET_NAMES, STATUS_LABELS } from '../workbook/labels';
import { cellAddress, mapColumns } from '../workbook/snapshot';
import type { Lang, RawCell, TrackingWorkbook } from '../workbook/types';
import { appendHistory, HistoryRow } from './history';
import { requestFullCalc, SheetXml, sheetParts, XmlCellValue } from './merge-xml';
import { rawValue, readTrackingWorkbook } from './read';

export interface NamedBytes {
  file: string;
  bytes: Uint8Array;
}

export interface MergeWorkbooksOptions {
  prefer?: 'return' | 'master' | null;
  /** Plan and report only; never produce an output. */
  dryRun?: boolean;
  now?: Date;
}

export interface MergeWorkbooksResult {
  plan: MergePlan;
  /** The merged master, or null when nothing is to be written (refused, undecided, dry run, no change). */
  output: Uint8Array | null;
  history: HistoryRow[];
  lang: Lang;
}

/** The rows of the hidden meta sheet, for what parseMeta does not read (the base values). */
async function metaRows(bytes: Uint8Array): Promise<RawCell[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.name === SHEET_NAMES.vi.meta);
  if (!ws) return [];
  // ExcelJS rows and columns are 1-based: index 0 of each is empty.
  const values = ws.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
  return values.map((cells) => [rawValue(cells?.[1]), rawValue(cells?.[2])]);
}

/** A return as a merge source; an unreadable file becomes a refusal instead of an exception. */
async function readReturn(r: NamedBytes): Promise<MergeSource | MergeRefusal> {
  try {
    const wb = await readTrackingWorkbook(r.bytes);
    const meta = wb.meta ? { ...wb.meta, baseEntries: parseBaseEntries(await metaRows(r.bytes)) } : null;
    return { file: r.file, snapshot: wb.snapshot, meta };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      file: r.file,
      code: 'no-meta',
      message: `Không đọc được "${r.file}": ${why.split(' / ')[0]}`,
      messageEn: `Cannot read "${r.file}": ${why.split(' / ').slice(1).join(' / ') || why}`,
    };
  }
}

const DATE_COLUMNS = new Set<string>(['due', 'completedOn', 'updatedOn']);

/** The value written into the master: list words in the master's language, dates as dates. */
export function masterCellValue(column: string, raw: RawCell, lang: Lang): XmlCellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'string' && raw.trim() === '') return null;
  if (column === 'status') {
    const s = parseStatus(raw);
    if (s) return { t: 'text', v: STATUS_LABELS[lang][s] };
  }
  if (column === 'category') {
    const c = parseCategory(raw);
    if (c) return { t: 'text', v: CATEGORY_LABELS[lang][c] };
  }
  if (DATE_COLUMNS.has(column)) {
    const d = parseDateCell(raw);
    if (d) return { t: 'number', v: isoToSerial(d) };
  }
  if (typeof raw === 'number') return { t: 'number', v: raw };
  if (column === 'progress' && typeof raw === 'string') {
    const n = Number(raw.trim().replace(',', '.'));
    if (Number.isFinite(n)) return { t: 'number', v: n };
  }
  return { t: 'text', v: String(raw) };
}

function xmlToRaw(v: XmlCellValue): RawCell {
  return v === null ? null : v.v;
}

/** Adds key/value rows at the end of the hidden meta sheet. */
async function appendMetaRows(zip: JSZip, rows: string[][]): Promise<void> {
  if (rows.length === 0) return;
  const part = (await sheetParts(zip)).find((p) => p.name === SHEET_NAMES.vi.meta);
  const xml = part ? await zip.file(part.path)?.async('string') : undefined;
  if (!part || xml === undefined) return;
  const sheet = new SheetXml(xml);
  let next = sheet.lastRow() + 1;
  for (const row of rows) {
    row.forEach((v, c) => sheet.setCell(next, c, { t: 'text', v }, null));
    next += 1;
  }
  zip.file(part.path, sheet.toString());
}

const NOTE = {
  vi: 'Xung đột, chọn giá trị trong tệp trả về (--prefer return)',
  en: 'Conflict, settled for the return (--prefer return)',
};

export async function mergeWorkbooks(
  master: NamedBytes,
  returns: readonly NamedBytes[],
  opts: MergeWorkbooksOptions = {},
): Promise<MergeWorkbooksResult> {
  const wb: TrackingWorkbook = await readTrackingWorkbook(master.bytes);
  const sync = parseSync(await metaRows(master.bytes));
  const lang = wb.lang;
  const sources: MergeSource[] = [];
  const unreadable: MergeRefusal[] = [];
  for (const r of returns) {
    const s = await readReturn(r);
    if ('code' in s) unreadable.push(s);
    else sources.push(s);
  }
  const planned = planMerge({ file: master.file, snapshot: wb.snapshot, meta: wb.meta }, sources, {
    prefer: opts.prefer,
    sync,
  });
  const plan: MergePlan =
    unreadable.length > 0
      ? { ...planned, refused: [...unreadable, ...planned.refused], changes: [], ok: false }
      : planned;
  const history: HistoryRow[] = [];
  if (!plan.ok || (plan.changes.length === 0 && plan.sync.length === 0))
    return { plan, output: null, history, lang };

  const at = (opts.now ?? new Date()).toISOString();
  const map = mapColumns(wb.snapshot.headers);
  const cells: { row: number; col: number; value: XmlCellValue }[] = [];
  for (const c of plan.changes) {
    const j = map.index[c.column];
    if (j === undefined) continue;
    const value = masterCellValue(c.column, c.new, lang);
    const address = cellAddress(wb.snapshot, c.masterRow, j);
    cells.push({ row: wb.snapshot.headerRow + 1 + c.masterRow, col: wb.snapshot.firstCol + j, value });
    history.push({
      at,
      file: c.file,
      taskId: c.taskId,
      column: c.column,
      cell: `${sheetRef(wb.snapshot.sheet)}!${address}`,
      old: c.old,
      new: xmlToRaw(value),
      note: c.fromConflict ? NOTE[lang] : '',
    });
  }
  if (opts.dryRun) return { plan, output: null, history, lang };

  const zip = await JSZip.loadAsync(master.bytes);
  const part = (await sheetParts(zip)).find((p) => p.name === wb.snapshot.sheet);
  const xml = part ? await zip.file(part.path)?.async('string') : undefined;
  if (!part || xml === undefined) throw new Error(`Sheet "${wb.snapshot.sheet}" not found in the package`);
  const sheet = new SheetXml(xml);
  for (const c of cells) sheet.setCell(c.row, c.col, c.value);
  zip.file(part.path, sheet.toString());
  await appendHistory(zip, history, lang);
  await appendMetaRows(zip, serializeSync(plan.sync));
  await requestFullCalc(zip);
  const output = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { plan, output, history, lang };
}

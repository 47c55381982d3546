/**
 * Merging agency returns into a master .xlsx: read every file, plan the merge (pure, in
 * src/tracking/merge.ts), and only when every return is accepted and every conflict decided,
 * write the changed cells and the history rows into a copy of the master's package.
 */
import JSZip from 'jszip';
import { mapColumns } from '../model/columns';
import type { Lang } from '../model/lang';
import { isLocalizedError, type Msg } from '../model/msg';
import { cellAddress, type RawCell } from '../model/table';
import type { TrackingWorkbook } from '../model/workbook-meta';
import { MergePlan, MergeRefusal, MergeSource, planMerge } from '../tracking/merge';
import { serializeSync } from '../tracking/meta';
import { cellValueOf, rawOf } from '../workbook/cells';
import { sheetRef } from '../workbook/formulas';
import { SHEET_NAMES } from '../workbook/names';
import { appendHistory, HistoryRow, xmlValue } from './history';
import { requestFullCalc, SheetXml, sheetParts, XmlCellValue } from './merge-xml';
import { readTrackingWorkbook } from './read';

export interface NamedBytes {
  file: string;
  bytes: Uint8Array;
}

export interface MergeWorkbooksOptions {
  prefer?: 'return' | 'master' | null;
  /** Take returns whose lineage cannot be proven (`--adopt`). */
  adopt?: boolean;
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

/** A return as a merge source; an unreadable file becomes a refusal instead of an exception. */
async function readReturn(r: NamedBytes): Promise<MergeSource | MergeRefusal> {
  try {
    const wb = await readTrackingWorkbook(r.bytes);
    return { file: r.file, snapshot: wb.snapshot, meta: wb.meta };
  } catch (e) {
    // Whatever stops a reader on someone else's file, the answer is the same: not mergeable.
    const why: Msg = isLocalizedError(e)
      ? e.msg
      : {
          vi: 'tệp hỏng hoặc không đúng định dạng.',
          en: 'the file is damaged or not in the expected format.',
        };
    return {
      file: r.file,
      code: 'no-meta',
      message: { vi: `Không đọc được "${r.file}": ${why.vi}`, en: `Cannot read "${r.file}": ${why.en}` },
    };
  }
}

/** The value written into the master: list words in the master's language, dates as dates. */
export function masterCellValue(column: string, raw: RawCell, lang: Lang): XmlCellValue {
  const value = cellValueOf(column, raw, { normalizeTo: lang });
  if (value === null) return null;
  // The history and the sheet hold what the value is: a date as its serial number.
  const v = rawOf(value);
  if (typeof v === 'number') return { t: 'number', v };
  return xmlValue(value);
}

function xmlToRaw(v: XmlCellValue): RawCell {
  return v === null ? null : v.v;
}

/** Adds key/value rows at the end of the hidden meta sheet. */
async function appendMetaRows(zip: JSZip, rows: string[][]): Promise<void> {
  if (rows.length === 0) return;
  const part = (await sheetParts(zip)).find((p) => p.name === SHEET_NAMES.meta.vi);
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

const NOTE: Msg = {
  vi: 'Xung đột, chọn giá trị trong tệp trả về (--prefer return)',
  en: 'Conflict, settled for the return (--prefer return)',
};

export async function mergeWorkbooks(
  master: NamedBytes,
  returns: readonly NamedBytes[],
  opts: MergeWorkbooksOptions = {},
): Promise<MergeWorkbooksResult> {
  // Read once: the meta comes back whole (task list, sync records of earlier merges).
  const wb: TrackingWorkbook = await readTrackingWorkbook(master.bytes);
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
    adopt: opts.adopt,
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
      note: c.fromConflict ? NOTE : null,
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

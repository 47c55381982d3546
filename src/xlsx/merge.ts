/**
 * Merging agency returns into a master .xlsx: read every file once (the lean reader), plan the
 * merge (pure, in src/tracking/merge.ts), and only when every return is accepted and every
 * conflict decided, write the changed cells, the history rows and the sync records with the
 * package editor over the same opening of the master: every part not edited is copied as it was.
 */
import type { Lang } from '../model/lang';
import { isLocalizedError, type Msg } from '../model/msg';
import type { RawCell } from '../model/table';
import { MergePlan, MergeRefusal, MergeSource, planMerge, type MergeOptions } from '../tracking/merge';
import { serializeSync } from '../tracking/meta';
import { cellValueOf, rawOf } from '../workbook/cells';
import { isSheet, SHEET_NAMES } from '../workbook/names';
import {
  HISTORY_WIDTHS,
  historyHeaders,
  historyRowCells,
  historySheetName,
  type HistoryRow,
} from '../workbook/sheets/history';
import { mergeWrites } from '../workbook/merge-writes';
import type { CellValue } from '../workbook/types';
import type { ZipCodec } from './ooxml/codec';
import { WorkbookEditor, type CellInput } from './ooxml/edit/editor';
import { openWorkbook } from './ooxml/read';
import { TextPool } from './ooxml/text-pool';
import { readMergeMaster, readReturnWorkbookSync, type MergeMaster } from './read';

export type { HistoryRow };

export interface NamedBytes {
  file: string;
  bytes: Uint8Array;
}

export interface MergeWorkbooksOptions {
  prefer?: 'return' | 'master' | null;
  /** Conflicts settled one by one; `prefer` settles the rest. */
  decisions?: MergeOptions['decisions'];
  /** Write values the checks call errors, marked in the history, instead of listing them. */
  acceptInvalid?: boolean;
  /** Take returns whose lineage cannot be proven (`--adopt`). */
  adopt?: boolean;
  /** Plan and report only; never produce an output. */
  dryRun?: boolean;
  now?: Date;
  /** Decompression and compression of the packages (Node's zlib in the CLI); fflate by default. */
  codec?: ZipCodec;
}

export interface MergeWorkbooksResult {
  plan: MergePlan;
  /** The merged master, or null when nothing is to be written (refused, undecided, dry run, no change). */
  output: Uint8Array | null;
  history: HistoryRow[];
  lang: Lang;
}

/** A return as a merge source; an unreadable file becomes a refusal instead of an exception. */
function readReturn(
  r: NamedBytes,
  codec: ZipCodec | undefined,
  texts: TextPool | undefined,
): MergeSource | MergeRefusal {
  try {
    const wb = readReturnWorkbookSync(r.bytes, { fileName: r.file, codec, texts });
    return { file: r.file, snapshot: wb.snapshot, meta: wb.meta };
  } catch (e) {
    // Whatever stops a reader on someone else's file, the answer is the same: not mergeable.
    const why: Msg = isLocalizedError(e)
      ? e.msg
      : {
          vi: 'tệp hỏng hoặc không đúng định dạng.',
          en: 'the file is damaged or not in the expected format.',
        };
    const named = why.vi.includes(`"${r.file}"`);
    return {
      file: r.file,
      code: 'no-meta',
      message: named
        ? why
        : { vi: `Không đọc được "${r.file}": ${why.vi}`, en: `Cannot read "${r.file}": ${why.en}` },
    };
  }
}

/** The value written into the master: list words in the master's language, dates as dates. */
export function masterCellValue(column: string, raw: RawCell, lang: Lang): CellValue {
  return cellValueOf(column, raw, { normalizeTo: lang });
}

function cellInput(value: CellValue): CellInput {
  if (value === null) return null;
  switch (value.t) {
    case 'date':
      return { date: rawOf(value) as number };
    case 'text':
      return value.v;
    case 'number':
    case 'bool':
      return value.v;
    case 'formula':
      return { formula: value.f };
  }
}

/** Appends the merge's rows to the history sheet, creating it when the workbook has none. */
function appendHistory(editor: WorkbookEditor, sheetNames: string[], rows: HistoryRow[], lang: Lang): void {
  if (rows.length === 0) return;
  const existing = sheetNames.find((n) => isSheet('history', n));
  const sheet = existing
    ? editor.sheet(existing)
    : editor.addWorksheet(historySheetName(lang), { widths: HISTORY_WIDTHS, freezeRows: 1 });
  const out: CellInput[][] = [];
  if (sheet.lastRow() === 0) out.push(historyHeaders(lang));
  for (const row of rows) out.push(historyRowCells(row, lang).map(cellInput));
  sheet.appendRows(out);
}

export async function mergeWorkbooks(
  master: NamedBytes,
  returns: readonly NamedBytes[],
  opts: MergeWorkbooksOptions = {},
): Promise<MergeWorkbooksResult> {
  return mergeWorkbooksSync(master, returns, opts);
}

export function mergeWorkbooksSync(
  master: NamedBytes,
  returns: readonly NamedBytes[],
  opts: MergeWorkbooksOptions = {},
): MergeWorkbooksResult {
  // One opening of the master: read here, edited below.
  // The returns hold the master's own texts byte for byte: each is decoded once, from the master.
  const texts = new TextPool();
  const reader = openWorkbook(master.bytes, { fileName: master.file, codec: opts.codec, texts });
  const wb: MergeMaster = readMergeMaster(reader);
  const lang = wb.lang;
  const now = opts.now ?? new Date();
  const plan = planReturns(
    { file: master.file, snapshot: wb.snapshot, meta: wb.meta },
    returns,
    opts,
    now,
    texts,
  );
  const history: HistoryRow[] = [];
  if (!plan.ok || (plan.changes.length === 0 && plan.sync.length === 0))
    return { plan, output: null, history, lang };

  const { cells, history: rows } = mergeWrites(plan, wb.snapshot, now.toISOString(), lang);
  history.push(...rows);
  if (opts.dryRun) return { plan, output: null, history, lang };

  // Inline text: the master's shared string table (every task's text and plan columns: 5.7 MB at
  // 10,000 tasks) is copied as it was instead of being grown, re-encoded and deflated again at
  // every merge.
  const editor = WorkbookEditor.over(reader, { strings: 'inline' });
  const tasks = editor.sheet(wb.snapshot.sheet);
  for (const c of cells) tasks.set({ row: c.row, col: c.col }, cellInput(c.value));
  appendHistory(editor, wb.sheetNames, history, lang);
  const syncRows = serializeSync(plan.sync);
  if (syncRows.length) editor.sheet(SHEET_NAMES.meta.vi).appendRows(syncRows);
  editor.requestFullCalc();
  return { plan, output: editor.save({ now }), history, lang };
}

/**
 * Reads the returns and plans their merge into a master already read (a file, or the workbook open
 * in Excel): a return that cannot be read refuses the whole merge, like a foreign one.
 */
export function planReturns(
  master: MergeSource,
  returns: readonly NamedBytes[],
  opts: Pick<MergeWorkbooksOptions, 'prefer' | 'decisions' | 'acceptInvalid' | 'adopt' | 'codec'>,
  now: Date,
  /** The master's texts, when it was read from a file: its returns hold them byte for byte. */
  texts?: TextPool,
): MergePlan {
  const sources: MergeSource[] = [];
  const unreadable: MergeRefusal[] = [];
  for (const r of returns) {
    const s = readReturn(r, opts.codec, texts);
    if ('code' in s) unreadable.push(s);
    else sources.push(s);
  }
  const planned = planMerge(master, sources, {
    prefer: opts.prefer,
    decisions: opts.decisions,
    acceptInvalid: opts.acceptInvalid,
    today: now.toISOString().slice(0, 10),
    adopt: opts.adopt,
  });
  return unreadable.length > 0
    ? { ...planned, refused: [...unreadable, ...planned.refused], changes: [], ok: false }
    : planned;
}

/**
 * A change to the master open in Excel that the core works out on the whole workbook (issue 17):
 * a further plan added (src/app/add-plan.ts, as `plan-tracker add`), agency spellings merged
 * (src/app/agencies.ts, as `plan-tracker agencies --merge`). The change is made from the open
 * workbook as read, drawn in place by update mode's one redraw (`updateInPlace`: new sheets drawn
 * aside, swapped in at the end, every entry kept) and logged with one row in the `Lịch sử` sheet
 * through the merge's history writer. Nothing is written when the open workbook tracks no plan or
 * the core refuses the change (a plan already in the master, names already one agency…).
 */
import type { Lang } from '../model/lang';
import { EXIT, LocalizedError, type Msg } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import type { RevisedTable } from '../tracking/revise-table';
import { SHEET_NAMES } from '../workbook/names';
import { HISTORY_WIDTHS, historyHeaders } from '../workbook/sheets/history';
import type { CellValue, WorkbookSpec } from '../workbook/types';
import { detectExisting, updateInPlace, type BuildResult } from './existing';
import { mergeIntoWorkbook, type MergeIntoReport } from './merge-into';
import type { RenderOptions } from './render';

/** The open workbook has no tracking table to change. */
export class NotTrackingWorkbookError extends LocalizedError {
  constructor() {
    super(
      {
        vi: 'Sổ đang mở chưa có bảng theo dõi: hãy tạo sổ ở bước "Tạo sổ theo dõi". Không ghi gì.',
        en: 'The open workbook has no tracking table: build one in the "Build workbook" step. Nothing written.',
      },
      EXIT.badInput,
    );
    this.name = 'NotTrackingWorkbookError';
  }
}

/** What a change makes of the master as read: the workbook to draw, and its history row's words. */
export type MasterChange = (old: TrackingWorkbook) => Promise<{
  spec: WorkbookSpec;
  /** The revision of the table, when rows were added (none when the rows are drawn again as they were). */
  table?: RevisedTable;
  /** The `Lịch sử` row's reason, in the workbook's language. */
  reason: string;
  /** The plan's file name for that row ('' for pasted text). */
  file: string;
}>;

export interface MasterChangeOptions extends RenderOptions {
  now?: Date;
}

export interface MasterChangeReport {
  update: BuildResult;
  history: MergeIntoReport;
  syncs: number;
  /** What the user should know besides: what this Excel could not draw, a PivotTable sheet gone. */
  notes: Msg[];
}

const PIVOT_REMOVED: Msg = {
  vi: 'Trang PivotTable cũ đã được gỡ; bấm "Tạo PivotTable trong sổ" ở bước Tổng hợp để tạo lại.',
  en: 'The old PivotTable sheet was removed; press "Create PivotTables in the workbook" in the Summary step to rebuild it.',
};

/** One sync: whether the open workbook holds a tracking table (a master a change can be made to). */
export async function holdsTracking(context: Excel.RequestContext): Promise<boolean> {
  const info = await detectExisting(context);
  return info.found && info.tableSheet !== null;
}

/** The change's history row: when, which file, and what changed (the Lý do column). */
function historyRow(at: string, file: string, reason: string): CellValue[] {
  const text = (v: string): CellValue => ({ t: 'text', v });
  return [text(at), file ? text(file) : null, null, null, null, null, null, text(reason)];
}

export async function changeMaster(
  context: Excel.RequestContext,
  change: MasterChange,
  opts: MasterChangeOptions = {},
): Promise<MasterChangeReport> {
  const info = await detectExisting(context);
  if (!info.found || !info.tableSheet) throw new NotTrackingWorkbookError();
  // Filled by the change, which runs inside the update once the table is read.
  const made: { row?: { lang: Lang; cells: CellValue[] } } = {};
  const at = (opts.now ?? new Date()).toISOString();
  const update = await updateInPlace(
    context,
    info,
    async (old) => {
      const changed = await change(old);
      made.row = { lang: changed.spec.meta.lang, cells: historyRow(at, changed.file, changed.reason) };
      return changed;
    },
    opts,
  );
  if (!made.row) throw new Error('The update finished without making the change');
  const { lang, cells } = made.row;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const history = await mergeIntoWorkbook(context, {
    changes: [],
    history: {
      sheet: SHEET_NAMES.history[lang],
      aliases: [SHEET_NAMES.history[other]],
      headers: historyHeaders(lang),
      widths: HISTORY_WIDTHS,
      rows: [cells],
    },
    maxRequestBytes: opts.maxRequestBytes,
  });
  const notes = [...update.render.skipped, ...(update.pivotSheetRemoved ? [PIVOT_REMOVED] : [])];
  return { update, history, syncs: 1 + update.syncs + history.syncs, notes };
}

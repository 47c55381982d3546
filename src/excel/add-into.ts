/**
 * A further plan added to the master open in Excel (issue 17), the office-js side. The added
 * table is worked out by the core from the open workbook as read (src/app/add-plan.ts, the same
 * as `plan-tracker add`), then drawn in place by update mode's one redraw (`updateInPlace`: new
 * sheets drawn aside, swapped in at the end, every entry kept), and the addition gets its row in
 * the `Lịch sử` sheet through the merge's history writer. Nothing is written when the open
 * workbook tracks no plan or the core refuses the plan (one already in the master, an agency copy).
 */
import type { Lang } from '../model/lang';
import { EXIT, LocalizedError } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import type { RevisedTable } from '../tracking/revise-table';
import { SHEET_NAMES } from '../workbook/names';
import { HISTORY_WIDTHS, historyHeaders } from '../workbook/sheets/history';
import type { CellValue, WorkbookSpec } from '../workbook/types';
import { detectExisting, updateInPlace, type BuildResult } from './existing';
import { mergeIntoWorkbook, type MergeIntoReport } from './merge-into';
import type { RenderOptions } from './render';

/** The open workbook has no tracking table to add to. */
export class NotTrackingWorkbookError extends LocalizedError {
  constructor() {
    super(
      {
        vi: 'Sổ đang mở chưa có bảng theo dõi nên không thêm kế hoạch vào được: hãy dùng bước "Tạo sổ theo dõi". Không ghi gì.',
        en: 'The open workbook has no tracking table to add the plan to: use the "Build workbook" step. Nothing written.',
      },
      EXIT.badInput,
    );
    this.name = 'NotTrackingWorkbookError';
  }
}

/** What adding a plan makes of the master as read: the workbook to draw, and its history row's words. */
export type Adder = (old: TrackingWorkbook) => Promise<{
  spec: WorkbookSpec;
  table: RevisedTable;
  /** The `Lịch sử` row's reason, in the workbook's language. */
  reason: string;
  /** The plan's file name for that row ('' for pasted text). */
  file: string;
}>;

export interface AddIntoOptions extends RenderOptions {
  now?: Date;
}

export interface AddIntoReport {
  update: BuildResult;
  history: MergeIntoReport;
  syncs: number;
}

/** One sync: whether the open workbook holds a tracking table, so that a plan may be added to it. */
export async function holdsTracking(context: Excel.RequestContext): Promise<boolean> {
  const info = await detectExisting(context);
  return info.found && info.tableSheet !== null;
}

/** The history row of the addition: when, which file, and what was added (the Lý do column). */
function additionRow(at: string, file: string, reason: string): CellValue[] {
  const text = (v: string): CellValue => ({ t: 'text', v });
  return [text(at), file ? text(file) : null, null, null, null, null, null, text(reason)];
}

export async function addIntoWorkbook(
  context: Excel.RequestContext,
  add: Adder,
  opts: AddIntoOptions = {},
): Promise<AddIntoReport> {
  const info = await detectExisting(context);
  if (!info.found || !info.tableSheet) throw new NotTrackingWorkbookError();
  // Filled by the adder, which runs inside the update once the table is read.
  const made: { row?: { lang: Lang; cells: CellValue[] } } = {};
  const at = (opts.now ?? new Date()).toISOString();
  const update = await updateInPlace(
    context,
    info,
    async (old) => {
      const added = await add(old);
      made.row = { lang: added.spec.meta.lang, cells: additionRow(at, added.file, added.reason) };
      return added;
    },
    opts,
  );
  if (!made.row) throw new Error('The update finished without calling the adder');
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
  return { update, history, syncs: 1 + update.syncs + history.syncs };
}

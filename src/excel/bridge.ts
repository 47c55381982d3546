/**
 * The task pane's doors into the open workbook. The rest of src/excel works on a RequestContext
 * it is given; this file opens the batch with Excel.run and loads that code only when the pane
 * runs inside Excel, so the standalone page never downloads it.
 */
import type { BuildOptions, BuildResult, ExistingMode } from './existing';
import type { PivotResult } from './pivot';
import type { PeriodSummaryReport, SheetDrawReport } from './summary';
import type { SummarySheet } from '../workbook/sheets/period-summary';
import type { ExcelTracking } from './read';
import type { MergeIntoInput, MergeIntoReport } from './merge-into';
import type { MasterChange, MasterChangeOptions, MasterChangeReport } from './master-change';
import type { CellRef, Highlight } from './select';
import type { AgencyAlias } from '../model/workbook-meta';
import type { Finding } from '../tracking/check/types';
import type { SheetSpec, WorkbookSpec } from '../workbook/types';
import { EXIT, LocalizedError } from '../model/msg';
import { canCopyOpenWorkbook, NO_OPEN_WORKBOOK_COPY } from './host';

/**
 * Builds the tracking workbook into the open workbook. When it already tracks a plan, the Excel
 * code refuses with ExistingWorkbookError (nothing written) until a mode is chosen.
 */
export async function buildInExcel(spec: WorkbookSpec, opts: BuildOptions): Promise<BuildResult> {
  const { buildTrackingWorkbook } = await import(/* webpackChunkName: "excel" */ '../excel/existing');
  return Excel.run((context) => buildTrackingWorkbook(context, spec, opts));
}

/** The modes the user may pick after an ExistingWorkbookError, or null for any other error. */
export function existingChoices(error: unknown): ExistingMode[] | null {
  if (error instanceof Error && error.name === 'ExistingWorkbookError') {
    const choices = (error as Error & { choices?: ExistingMode[] }).choices;
    return Array.isArray(choices) ? choices : null;
  }
  return null;
}

export async function readOpenTracking(): Promise<ExcelTracking> {
  const { readTracking } = await import(/* webpackChunkName: "excel" */ '../excel/read');
  return Excel.run((context) => readTracking(context));
}

/**
 * Merges returns into the open workbook in one Excel.run: the tracking is read, `decide` plans
 * against exactly what was read and answers what to write (null: nothing, e.g. a refused return
 * or a plan shown for review), and that is written in the same batch.
 */
export async function mergeIntoOpenWorkbook<T>(
  decide: (open: ExcelTracking) => Promise<{ outcome: T; input: MergeIntoInput | null }>,
): Promise<{ outcome: T; written: MergeIntoReport | null }> {
  const [{ readTracking }, { mergeIntoWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "excel" */ '../excel/read'),
    import(/* webpackChunkName: "excel" */ '../excel/merge-into'),
  ]);
  return Excel.run(async (context) => {
    const { outcome, input } = await decide(await readTracking(context));
    return { outcome, written: input ? await mergeIntoWorkbook(context, input) : null };
  });
}

/** Whether the open workbook holds a tracking table (one sync), so a further plan can be added to it. */
export async function openHoldsTracking(): Promise<boolean> {
  const { holdsTracking } = await import(/* webpackChunkName: "excel" */ '../excel/master-change');
  return Excel.run((context) => holdsTracking(context));
}

/**
 * A change the core makes to the whole master (a plan added, agencies merged), made to the one
 * open in Excel in one Excel.run: read, worked out, redrawn in place, logged in Lịch sử.
 */
export async function changeOpenMaster(
  change: MasterChange,
  opts: MasterChangeOptions = {},
): Promise<MasterChangeReport> {
  const { changeMaster } = await import(/* webpackChunkName: "excel" */ '../excel/master-change');
  return Excel.run((context) => changeMaster(context, change, opts));
}

/** Selects one cell (A1 address) on a sheet, activating the sheet. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  const { goToCell } = await import(/* webpackChunkName: "excel" */ '../excel/select');
  await Excel.run((context) => goToCell(context, { sheet, address }));
}

/**
 * The fills the pane's highlight replaced, kept here between the two clicks: the pane lives as
 * long as the workbook is open, and clearing must put back exactly what was there.
 */
let activeHighlight: Highlight | null = null;

/**
 * Paints the findings' cells (each cell once). A highlight still showing is cleared first, in the
 * same batch, so that the fills remembered are the workbook's own and not the previous highlight.
 */
export async function highlightFindingsInExcel(cells: readonly CellRef[]): Promise<number> {
  const { clearHighlight, highlightCells } = await import(/* webpackChunkName: "excel" */ '../excel/select');
  const seen = new Set<string>();
  const unique = cells.filter((c) => {
    const key = `${c.sheet}\u0000${c.address.toUpperCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await Excel.run(async (context) => {
    if (activeHighlight) {
      await clearHighlight(context, activeHighlight);
      activeHighlight = null;
    }
    if (unique.length) activeHighlight = await highlightCells(context, unique);
  });
  return unique.length;
}

/** Whether a highlight made by this pane is still showing. */
export function hasHighlightInExcel(): boolean {
  return activeHighlight !== null;
}

/**
 * Puts back the fills the highlight replaced. If Excel refuses (a sheet renamed or protected
 * meanwhile), the record is kept so the user can fix that and clear again.
 */
export async function clearHighlightInExcel(): Promise<void> {
  const highlight = activeHighlight;
  if (!highlight) return;
  const { clearHighlight } = await import(/* webpackChunkName: "excel" */ '../excel/select');
  await Excel.run((context) => clearHighlight(context, highlight));
  activeHighlight = null;
}

/** Writes (or replaces) the `Kiểm tra` sheet: one row per finding, each linked to its cell. */
export async function writeCheckSheetInExcel(
  findings: readonly Finding[],
  lang: 'vi' | 'en',
  aliases: readonly AgencyAlias[] = [],
): Promise<SheetDrawReport> {
  const { writeCheckSheet } = await import(/* webpackChunkName: "excel" */ '../excel/check-sheet');
  return Excel.run((context) => writeCheckSheet(context, findings, { lang, aliases }));
}

/** Excel's errors (codes, payload limits, protection…) explained in the pane's language. */
export async function explainExcelError(lang: 'vi' | 'en', error: unknown): Promise<string> {
  const { describeExcelError } = await import(/* webpackChunkName: "excel" */ '../excel/errors');
  const d = describeExcelError(error);
  return lang === 'en' ? d.en : d.vi;
}

/** PivotTables of the tracking table (ExcelApi 1.8); explains the fallback on older hosts. */
export async function createPivotsInExcel(lang: 'vi' | 'en'): Promise<PivotResult> {
  const { createPivots } = await import(/* webpackChunkName: "excel" */ '../excel/pivot');
  return Excel.run((context) => createPivots(context, { lang }));
}

/** Writes a period summary sheet (with its bar chart) into the open workbook, replacing an older one. */
export async function writeSummaryInExcel(
  sheet: SummarySheet,
  lang: 'vi' | 'en',
): Promise<PeriodSummaryReport> {
  const { writePeriodSummary } = await import(/* webpackChunkName: "excel" */ '../excel/summary');
  return Excel.run((context) =>
    writePeriodSummary(context, sheet.sheet, sheet.chart, { lang, replace: true }),
  );
}

/** (Re)draws the Báo cáo sheet of a period into the open workbook, replacing the one there. */
export async function writeReportInExcel(sheet: SheetSpec, lang: 'vi' | 'en'): Promise<SheetDrawReport> {
  const { writeReportSheet } = await import(/* webpackChunkName: "excel" */ '../excel/report-sheet');
  return Excel.run((context) => writeReportSheet(context, sheet, { lang }));
}

/** Office hands the file over in slices (at most 4 MB each); they are joined in order. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * Office could not hand over a copy of the open workbook (no CompressedFile support, or
 * getFileAsync failed: on Excel on the web with a third-party WOPI store it answers 11001, "a
 * network problem", office-js#5297). The way out is the same file, saved and chosen by hand.
 */
export class OpenWorkbookCopyError extends LocalizedError {
  constructor(cause: unknown) {
    super(NO_OPEN_WORKBOOK_COPY, EXIT.badInput, { cause });
    this.name = 'OpenWorkbookCopyError';
  }
}

/**
 * The open workbook as .xlsx bytes (Office's common file API), so the per-agency split and the
 * merge, which work on files, also run from inside Excel. Rejects with OpenWorkbookCopyError
 * where the host cannot, and never with Office's own error objects.
 */
export function readOpenWorkbookBytes(): Promise<Uint8Array> {
  if (!canCopyOpenWorkbook()) return Promise.reject(new OpenWorkbookCopyError(null));
  return new Promise((resolve, reject) => {
    const onOpened = (opened: Office.AsyncResult<Office.File>) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new OpenWorkbookCopyError(opened.error));
        return;
      }
      const file = opened.value;
      const parts: Uint8Array[] = [];
      const finish = (error: unknown) => {
        file.closeAsync();
        if (error) {
          reject(new OpenWorkbookCopyError(error));
          return;
        }
        const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      };
      const readSlice = (index: number) => {
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            finish(slice.error);
            return;
          }
          parts.push(new Uint8Array(slice.value.data as ArrayLike<number>));
          if (index + 1 < file.sliceCount) readSlice(index + 1);
          else finish(null);
        });
      };
      readSlice(0);
    };
    try {
      Office.context.document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_BYTES }, onOpened);
    } catch (err) {
      // Hosts without the file API throw instead of calling back.
      reject(new OpenWorkbookCopyError(err));
    }
  });
}

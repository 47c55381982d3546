/**
 * Where the pane runs, as one object the page is given at start (src/taskpane/index.tsx): inside
 * Excel, with a workbook open to draw into and read from, or as a standalone page that works on
 * files. Everything a step can do is an operation here; a step shows what is present and never
 * asks where it runs. Heavy code (ExcelJS, the Excel renderer, the .docx reader) is loaded only
 * when an operation first needs it.
 */
import {
  buildInExcel,
  clearHighlightInExcel,
  createPivotsInExcel,
  existingChoices as excelExistingChoices,
  explainExcelError,
  hasHighlightInExcel,
  openHoldsTracking,
  highlightFindingsInExcel,
  readOpenTracking,
  readOpenWorkbookBytes,
  selectCell,
  writeCheckSheetInExcel,
  writeReportInExcel,
  writeSummaryInExcel,
} from '../excel/bridge';
import {
  BROWSER_HOST,
  canCopyOpenWorkbook,
  detectHost,
  excelFeatures,
  NO_OPEN_WORKBOOK_COPY,
  type HostInfo,
} from '../excel/host';
import type { Lang } from '../model/lang';
import { localize, type Msg } from '../model/msg';
import type { TrackingWorkbook } from '../model/workbook-meta';
import type { Finding } from '../tracking/check';
import type { SummarySheet } from '../workbook/sheets/period-summary';
import type { SheetSpec } from '../workbook/types';
import type { SplitFile, SplitWorkbookResult } from '../xlsx/split';
import type { AddOutcome, AddRequest, OpenAddOutcome, OpenAddRequest } from './add-open';
import type { AgencyAlias, AgencyListing } from './agencies';
import type { AliasOutcome, OpenAliasOutcome } from './agencies-open';
import type { BuildRequest } from './build';
import { errorText } from './errors';
import type { NamedFile } from './files';
import type { LoadedPlan } from './plan-file';
import type { ReportOutcome } from './report';
import type { OpenMergeOutcome, OpenMergeRequest } from './merge-open';
import type { MergeOutcome, MergeRequest } from './share';
import type { SummaryOutcome } from './summary';

export type { HostInfo };
export type ExistingMode = 'update' | 'new-sheets';

/** What the open workbook lets the pane do in place; present only for the workbook open in Excel. */
export interface LiveWorkbook {
  goToCell(sheet: string, cell: string): Promise<void>;
  /** Paints the cells (each once); answers how many. */
  highlight(cells: readonly { sheet: string; address: string }[]): Promise<number>;
  /** Puts back the fills the highlight replaced. */
  clearHighlight(): Promise<void>;
  hasHighlight(): boolean;
  writeCheckSheet(findings: readonly Finding[], lang: Lang): Promise<{ sheet: string; skipped: Msg[] }>;
  writeSummarySheet(sheet: SummarySheet, lang: Lang): Promise<{ sheet: string; skipped: Msg[] }>;
  createPivots(lang: Lang): Promise<{ ok: boolean; message: Msg }>;
  /** (Re)draws the Báo cáo sheet (a period's report) in place of the one there. */
  writeReportSheet(sheet: SheetSpec, lang: Lang): Promise<{ sheet: string; skipped: Msg[] }>;
  /**
   * Plans the merge of returned files against the open workbook and, when `write` and the plan
   * allows it, writes the changes and the history rows into it (nothing when the plan refuses).
   */
  merge(returns: readonly NamedFile[], req: OpenMergeRequest): Promise<OpenMergeOutcome>;
  /**
   * Records agency spellings as one agency in the open master (aliases in the meta, the master
   * drawn again in place, a Lịch sử row); refused, nothing written, as the command line refuses.
   */
  mergeAgencies?(merges: readonly AgencyAlias[], lang: Lang): Promise<OpenAliasOutcome>;
}

/** The tracking workbook the check, summary and share steps work on. */
export interface LoadedTracking {
  wb: TrackingWorkbook;
  /** The file's name, or null for the workbook open in Excel (shown as such). */
  fileName: string | null;
  /**
   * Its bytes as a file (split and merge work on files); the open workbook's are read when asked.
   * Absent where Excel cannot hand over a copy of the open workbook: `noFile` says why.
   */
  file?: () => Promise<NamedFile>;
  noFile?: Msg;
  live?: LiveWorkbook;
  /** Bumped on every load, so steps can tell a re-read from the same object. */
  loadedAt: number;
}

export interface BuildInWorkbookRequest extends BuildRequest {
  /** How to treat a workbook that already tracks a plan; without it, that is an ExistingWorkbookError. */
  mode?: ExistingMode;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

export interface Workspace {
  kind: 'detecting' | 'excel' | 'standalone';
  /** Highest supported ExcelApi version inside Excel. */
  excelApi: string | null;
  /**
   * Inside Excel 2019 and the like (ExcelApi 1.7, the manifest's minimum): the workbook is built in
   * place, but without dropdown lists and PivotTables (ExcelApi 1.8); the .xlsx download has both.
   */
  excelNoDropdowns: boolean;
  displayLanguage: string | null;
  dark: boolean;

  readPlan(file: NamedFile): Promise<LoadedPlan>;
  /** The tracking workbook as an .xlsx file; `sheets` is the number of visible sheets. */
  buildFile(req: BuildRequest): Promise<{ bytes: Uint8Array; sheets: number }>;
  /** Inside Excel (ExcelApi 1.7+): builds into the open workbook; the revision of update mode included. */
  buildInWorkbook?(req: BuildInWorkbookRequest): Promise<{ message: Msg; skipped: Msg[] }>;
  /** Inside Excel: the open workbook as the tracking source. */
  openTracking?(): Promise<LoadedTracking>;
  trackingFromFile(file: NamedFile): Promise<LoadedTracking>;
  summaryFile(
    wb: TrackingWorkbook,
    outcome: SummaryOutcome,
    lang: Lang,
  ): Promise<{ sheetName: string; bytes: Uint8Array }>;
  /** A period's Báo cáo as a workbook of its own, to print or file. */
  reportFile(
    wb: TrackingWorkbook,
    outcome: ReportOutcome,
    lang: Lang,
  ): Promise<{ sheetName: string; bytes: Uint8Array }>;
  split(master: NamedFile): Promise<SplitWorkbookResult>;
  /** Every copy in one .zip, for a single download. */
  zip(files: readonly SplitFile[]): Promise<Uint8Array>;
  merge(master: NamedFile, returns: readonly NamedFile[], req: MergeRequest): Promise<MergeOutcome>;
  /** A further plan added to a master file (`plan-tracker add`): the new master's bytes. */
  addToFile(master: NamedFile, req: AddRequest): Promise<AddOutcome & { bytes: Uint8Array }>;
  /** The master's lead agencies as the summaries group them, and the near-duplicate spellings. */
  agencies(wb: TrackingWorkbook): Promise<AgencyListing>;
  /** Agency spellings recorded as one agency in a master file: the new master's bytes. */
  mergeAgenciesInFile(
    master: NamedFile,
    merges: readonly AgencyAlias[],
  ): Promise<AliasOutcome & { bytes: Uint8Array }>;
  /** Inside Excel: whether the open workbook holds a tracking table a further plan can join. */
  openHoldsTracking?(): Promise<boolean>;
  /** Inside Excel: adds a further plan to the open master, in place, entries kept. */
  addToOpenWorkbook?(req: OpenAddRequest): Promise<OpenAddOutcome>;
  /** What went wrong, as the user should read it (Excel's error codes explained inside Excel). */
  explain(error: unknown, lang: Lang): Promise<string>;
}

/** The choices an ExistingWorkbookError offers (update, new sheets), or null for any other error. */
export function existingChoices(error: unknown): ExistingMode[] | null {
  return excelExistingChoices(error);
}

/** What works everywhere: files in, files out. */
function fileOperations(): Omit<
  Workspace,
  'kind' | 'excelApi' | 'excelNoDropdowns' | 'displayLanguage' | 'dark'
> {
  return {
    readPlan: async (file) =>
      (await import(/* webpackChunkName: "plan-file" */ './plan-file')).readPlanFile(file),
    buildFile: async (req) => {
      const { trackingFile } = await import(/* webpackChunkName: "xlsx-write" */ './build');
      const { spec, bytes } = await trackingFile(req);
      return { bytes, sheets: spec.sheets.filter((s) => s.state === 'visible').length };
    },
    trackingFromFile: async (file) => {
      const { readTrackingFile } = await import(/* webpackChunkName: "xlsx-read" */ './tracking-file');
      return {
        wb: await readTrackingFile(file),
        fileName: file.name,
        file: async () => file,
        loadedAt: Date.now(),
      };
    },
    summaryFile: async (wb, outcome, lang) =>
      (await import(/* webpackChunkName: "xlsx-write" */ './summary')).summaryFile(wb, outcome, lang),
    reportFile: async (wb, outcome, lang) =>
      (await import(/* webpackChunkName: "report" */ './report')).reportFile(wb, outcome, lang),
    split: async (master) => (await import(/* webpackChunkName: "xlsx-split" */ './share')).splitFile(master),
    zip: async (files) =>
      (await import(/* webpackChunkName: "xlsx-split" */ '../xlsx/split')).zipSplitFiles(files),
    merge: async (master, returns, req) =>
      (await import(/* webpackChunkName: "xlsx-merge" */ './share')).mergeFiles(master, returns, req),
    agencies: async (wb) => (await import(/* webpackChunkName: "agencies" */ './agencies')).listAgencies(wb),
    mergeAgenciesInFile: async (master, merges) =>
      (await import(/* webpackChunkName: "agencies" */ './agencies-open')).mergeAgenciesInFile(
        master,
        merges,
      ),
    addToFile: async (master, req) =>
      (await import(/* webpackChunkName: "add-plan" */ './add-open')).addToMasterFile(master, req),
    explain: async (error, lang) => errorText(error, lang),
  };
}

const OPEN_WORKBOOK: Msg = { vi: 'Sổ tổng.xlsx', en: 'Master.xlsx' };

/** The workbook open in Excel, with what can be done to it in place. */
function openWorkbook(wb: TrackingWorkbook, lang: Lang): LoadedTracking {
  const live: LiveWorkbook = {
    goToCell: (sheet, cell) => selectCell(sheet, cell),
    highlight: (cells) => highlightFindingsInExcel(cells),
    clearHighlight: () => clearHighlightInExcel(),
    hasHighlight: () => hasHighlightInExcel(),
    writeCheckSheet: async (findings, l) => {
      const r = await writeCheckSheetInExcel(findings, l, wb.meta?.agencyAliases);
      return { sheet: r.sheet, skipped: r.render.skipped };
    },
    writeSummarySheet: async (sheet, l) => {
      const r = await writeSummaryInExcel(sheet, l);
      return { sheet: r.sheet, skipped: r.skipped };
    },
    createPivots: (l) => createPivotsInExcel(l),
    writeReportSheet: async (sheet, l) => {
      const r = await writeReportInExcel(sheet, l);
      return { sheet: r.sheet, skipped: r.render.skipped };
    },
    merge: async (returns, req) =>
      (await import(/* webpackChunkName: "xlsx-merge" */ './merge-open')).mergeIntoOpen(returns, req),
    mergeAgencies: async (merges, l) =>
      (await import(/* webpackChunkName: "agencies" */ './agencies-open')).mergeAgenciesInOpen(merges, {
        lang: l,
      }),
  };
  return {
    wb,
    fileName: null,
    // A copy of the open workbook taken now (Office's file API), named for the files made from it.
    // Not every Excel hands one over (issue 15): then the saved file is the way.
    ...(canCopyOpenWorkbook()
      ? { file: async () => ({ name: localize(OPEN_WORKBOOK, lang), bytes: await readOpenWorkbookBytes() }) }
      : { noFile: NO_OPEN_WORKBOOK_COPY }),
    live,
    loadedAt: Date.now(),
  };
}

/** The workspace of a host: Excel (every version the manifest admits draws in place) or files only. */
export function createWorkspace(host: HostInfo, opts: { lang?: () => Lang } = {}): Workspace {
  const inExcel = host.mode === 'excel';
  const base = {
    kind: inExcel ? ('excel' as const) : ('standalone' as const),
    excelApi: host.excelApi,
    excelNoDropdowns: inExcel && !excelFeatures(host).dropdowns,
    displayLanguage: host.displayLanguage,
    dark: host.dark,
    ...fileOperations(),
  };
  if (!inExcel) return base;
  const workspace: Workspace = {
    ...base,
    explain: (error, lang) => explainExcelError(lang, error),
  };
  return {
    ...workspace,
    buildInWorkbook: async (req) => {
      const [{ trackingWorkbookSpec, withWorkbookReportSheets }, { reviseTracking }] = await Promise.all([
        import(/* webpackChunkName: "xlsx-write" */ './build'),
        import(/* webpackChunkName: "revise" */ './revise'),
      ]);
      const spec = await trackingWorkbookSpec(req);
      const result = await buildInExcel(spec, {
        mode: req.mode,
        revise: async (old) => {
          const revised = await reviseTracking(old, req.plan, { sourceText: req.sourceText, now: req.now });
          // The report sheets of the revised table, at the report date staff set.
          const reportDate = old.reportDate ?? req.reportDate;
          return { ...revised, spec: withWorkbookReportSheets(revised.spec, { plan: req.plan, reportDate }) };
        },
        signal: req.signal,
        onProgress: req.onProgress,
      });
      return { message: result.message, skipped: result.render.skipped };
    },
    openTracking: async () => openWorkbook(await readOpenTracking(), opts.lang?.() ?? 'vi'),
    openHoldsTracking: () => openHoldsTracking(),
    addToOpenWorkbook: async (req) =>
      (await import(/* webpackChunkName: "add-plan" */ './add-open')).addToOpenWorkbook(req),
  };
}

/** While Office has not said where the page runs: files work already, nothing of Excel yet. */
export function detectingWorkspace(): Workspace {
  return { ...createWorkspace(BROWSER_HOST), kind: 'detecting' };
}

/** The workspace of wherever the page runs; a standalone page when Office does not answer. */
export async function detectWorkspace(opts: { lang?: () => Lang } = {}): Promise<Workspace> {
  return createWorkspace(await detectHost(), opts);
}

/** The office-js side of Plan Tracker: everything the task pane needs from a live workbook. */
export { renderWorkbook, RenderAbortedError, SheetExistsError } from './render';
export type { RenderOptions, RenderReport } from './render';
export { buildTrackingWorkbook, detectExisting, ExistingWorkbookError } from './existing';
export type { BuildOptions, BuildResult, ExistingInfo, ExistingMode } from './existing';
export { readTracking, TrackingTableMissingError } from './read';
export type { ExcelTracking, ReadOptions } from './read';
export { createPivots, refreshPivots } from './pivot';
export type { PivotOptions, PivotResult } from './pivot';
export { describeExcelError } from './errors';
export type { ExcelErrorKind, ExcelErrorMessage } from './errors';
export { goToCell, highlightCells, clearHighlight } from './select';
export type { CellRef, Highlight } from './select';
export { defaultSupport, UnsupportedHostError } from './support';
export type { SupportCheck } from './support';
export { drawGeneratedSheet, GeneratedSheetExistsError, writePeriodSummary } from './summary';
export type { PeriodSummaryOptions, PeriodSummaryReport, SheetDrawOptions, SheetDrawReport } from './summary';
export { writeCheckSheet } from './check-sheet';
export type { CheckSheetOptions } from './check-sheet';

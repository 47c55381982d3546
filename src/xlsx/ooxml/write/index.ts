/**
 * A streaming SpreadsheetML (.xlsx) writer: generic, with no knowledge of what the sheets mean,
 * and no Node API, so the same code writes in the browser and on the command line.
 */
export * from './model';
export { StyleRegistry, type DefaultFont } from './styles';
export { writeWorkbook, workbookBytes, type WriteOptions } from './package';
export { fflateEngine, type DeflateEngine, type DeflateStream } from './deflate';
export type { Sink } from './zip';
export type { StringMode } from './worksheet';
export { marginsFromMm, DEFAULT_MARGINS } from './print';
export { distinctItems, itemKey, pivotRows, pivotRef } from './pivot';
export { columnName, cellRef, parseRange, rangeRef, quoteSheet, dateSerial } from './refs';
export { linesHeight, wrappedLines, wrappedRowHeight } from './row-height';

/**
 * The tracking workbook written as a stream, for the command line: the .xlsx goes to the sink as
 * it is produced, deflated by Node's zlib, so a 50,000-task workbook never sits whole in memory.
 * Node only (the page uses build.ts), so nothing the browser loads imports this module.
 */
import type { Sink } from '../xlsx/ooxml/write';
import { zlibEngine } from '../xlsx/node-deflate';
import { writeXlsxTo } from '../xlsx/write';
import type { WorkbookSpec } from '../workbook/types';

export type { Sink };

export function streamTrackingFile(spec: WorkbookSpec, sink: Sink): void {
  writeXlsxTo(spec, sink, { deflate: zlibEngine(1) });
}

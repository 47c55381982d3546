import type { SheetSpec } from '../workbook/types';
import { drawGeneratedSheet, type SheetDrawOptions, type SheetDrawReport } from './summary';

/**
 * The Báo cáo sheet of a period drawn into the open workbook, in place of the one there (the
 * build's, or an earlier period's): the same description the .xlsx and the CLI's `report -o`
 * write, its page layout included where ExcelApi 1.9 is there.
 *
 * Syncs: 1 (inventory, unless passed) + 1 (data) + 1 (finish) = 3; the sheet is a few hundred
 * cells for the sample plan, a few thousand for 1,000 tasks, far below one request's cap.
 */
export function writeReportSheet(
  context: Excel.RequestContext,
  sheet: SheetSpec,
  opts: Omit<SheetDrawOptions, 'dataSyncs'>,
): Promise<SheetDrawReport> {
  return drawGeneratedSheet(context, sheet, { replace: true, ...opts, dataSyncs: 1 });
}

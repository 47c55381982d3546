/** The very hidden `_PlanTracker` sheet, written from a WorkbookMeta (the rows are tracking/meta.ts's). */
import type { Lang } from '../../model/lang';
import type { WorkbookMeta } from '../../model/workbook-meta';
import { serializeMeta } from '../../tracking/meta';
import { sheetName } from '../names';
import type { SheetSpec } from '../types';
import { emptySheet } from './common';

export function buildMetaSheet(meta: WorkbookMeta, lang: Lang): SheetSpec {
  const sheet = emptySheet('meta', sheetName('meta', lang), 'veryHidden');
  sheet.widths = [20, 80];
  serializeMeta(meta).forEach((row, r) =>
    row.forEach((v, c) =>
      sheet.cells.push({ row: r, col: c, value: { t: 'text', v }, style: { numFmt: '@' } }),
    ),
  );
  return sheet;
}

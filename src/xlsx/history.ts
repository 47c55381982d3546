/**
 * Appends a merge's rows to the `Lịch sử` (history) sheet of a package (described by
 * src/workbook/sheets/history.ts), creating the sheet when the workbook has none.
 */
import type JSZip from 'jszip';
import type { Lang } from '../model/lang';
import { isSheet } from '../workbook/names';
import {
  HISTORY_WIDTHS,
  historyHeaders,
  historyRowCells,
  historySheetName,
  type HistoryRow,
} from '../workbook/sheets/history';
import type { CellValue } from '../workbook/types';
import { addSheetPart, SheetXml, sheetParts, XmlCellValue } from './merge-xml';

export type { HistoryRow };

/** A described cell as the XML editor writes it (the history holds only text and numbers). */
export function xmlValue(value: CellValue): XmlCellValue {
  if (value === null) return null;
  if (value.t === 'number') return { t: 'number', v: value.v };
  if (value.t === 'text') return { t: 'text', v: value.v };
  return { t: 'text', v: String(value.t === 'formula' ? value.f : value.v) };
}

function rowCells(row: HistoryRow, lang: Lang): XmlCellValue[] {
  return historyRowCells(row, lang).map(xmlValue);
}

function newSheetXml(lang: Lang, rows: HistoryRow[]): string {
  const sheet = new SheetXml(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${HISTORY_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
      '<sheetData/>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
  );
  historyHeaders(lang).forEach((h, c) => sheet.setCell(1, c, { t: 'text', v: h }, null));
  rows.forEach((row, i) => rowCells(row, lang).forEach((v, c) => sheet.setCell(2 + i, c, v, null)));
  return sheet.toString();
}

/** Appends rows to the history sheet of either language, creating it when the workbook has none. */
export async function appendHistory(zip: JSZip, rows: HistoryRow[], lang: Lang): Promise<void> {
  if (rows.length === 0) return;
  const parts = await sheetParts(zip);
  const existing = parts.find((p) => isSheet('history', p.name));
  if (!existing) {
    await addSheetPart(zip, historySheetName(lang), newSheetXml(lang, rows));
    return;
  }
  const xml = await zip.file(existing.path)?.async('string');
  if (xml === undefined) throw new Error(`missing part ${existing.path}`);
  const sheet = new SheetXml(xml);
  let next = sheet.lastRow() + 1;
  if (next === 1) {
    historyHeaders(lang).forEach((h, c) => sheet.setCell(1, c, { t: 'text', v: h }, null));
    next = 2;
  }
  for (const row of rows) {
    rowCells(row, lang).forEach((v, c) => sheet.setCell(next, c, v));
    next += 1;
  }
  zip.file(existing.path, sheet.toString());
}

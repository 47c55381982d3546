/**
 * What a revision carries from the old master into the revised one beyond the task table: the
 * `Lịch sử` (history) rows, with one more row saying the plan was revised, and the sheets of the
 * user's own (any sheet the tracking workbook does not make), each with its cells' values and
 * formulas where they were. The revised workbook is drawn anew from its description
 * (src/app/revise.ts); this edits the drawn package, so the drawing stays one code path.
 *
 * Formatting of a user's sheet (fonts, widths, merged cells) is not carried: only what the cells
 * hold. That is the data; a sheet's look is redone in a minute, its figures are not.
 */
import type { Lang } from '../model/lang';
import { isSheet, SHEET_NAMES, type SheetName } from '../workbook/names';
import { historyHeaders, historySheetName } from '../workbook/sheets/history';
import { WorkbookEditor, type CellInput } from './ooxml/edit/editor';
import { openWorkbook, type WorkbookReader } from './ooxml/read';
import type { Cell } from './ooxml/worksheet';
import type { SheetInfo } from './ooxml/workbook';

export interface CarryOptions {
  lang: Lang;
  /** The history row of this revision: time, plan file, what changed. */
  revisionRow: { at: string; file: string; reason: string };
  /** Name of the old master in messages. */
  fileName?: string;
}

export interface Carried {
  bytes: Uint8Array;
  /** History rows copied from the old master (the revision's own row not counted). */
  historyRows: number;
  /** The user's own sheets copied, by name. */
  sheets: string[];
}

const OWN_SHEETS = Object.keys(SHEET_NAMES) as SheetName[];

function isOurs(name: string): boolean {
  return OWN_SHEETS.some((key) => isSheet(key, name));
}

function input(cell: Cell): CellInput {
  if (cell.formula !== undefined && cell.formula !== null && cell.formula !== '')
    return { formula: cell.formula };
  if (cell.kind === 'empty' || cell.value === null) return null;
  if (cell.kind === 'number' && cell.isDate && typeof cell.value === 'number') return { date: cell.value };
  if (cell.kind === 'text') return { text: String(cell.value) };
  if (cell.kind === 'error') return { text: String(cell.value) };
  return cell.value;
}

function rowsOf(reader: WorkbookReader, sheet: SheetInfo) {
  return reader.readRows(sheet, { formulas: true }).rows;
}

/** The revised package with the old master's history and own sheets added. */
export function carryOver(oldMaster: Uint8Array, revised: Uint8Array, opts: CarryOptions): Carried {
  const old = openWorkbook(oldMaster, { fileName: opts.fileName });
  const editor = WorkbookEditor.open(revised);
  const sheets: string[] = [];
  for (const sheet of old.sheets) {
    if (sheet.kind !== 'worksheet' || !sheet.part || isOurs(sheet.name)) continue;
    const target = editor.addWorksheet(sheet.name, { state: sheet.state });
    for (const row of rowsOf(old, sheet))
      for (const cell of row.cells) {
        const v = input(cell);
        if (v !== null) target.set({ row: row.r, col: cell.col }, v);
      }
    sheets.push(sheet.name);
  }

  const oldHistory = old.sheets.find((s) => isSheet('history', s.name) && s.part);
  const history = editor.addWorksheet(oldHistory?.name ?? historySheetName(opts.lang));
  let historyRows = 0;
  if (oldHistory) {
    for (const row of rowsOf(old, oldHistory)) {
      for (const cell of row.cells) {
        const v = input(cell);
        if (v !== null) history.set({ row: row.r, col: cell.col }, v);
      }
      if (row.r > 1) historyRows += 1;
    }
  } else history.appendRows([historyHeaders(opts.lang).map((h) => ({ text: h }))]);
  const { at, file, reason } = opts.revisionRow;
  history.appendRows([[{ text: at }, { text: file }, null, null, null, null, null, { text: reason }]]);
  return { bytes: editor.save(), historyRows, sheets };
}

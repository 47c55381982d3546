/**
 * What a revision carries from the old master into the revised one beyond the task table: the
 * `Lịch sử` (history) rows, with one more row saying the plan was revised, and the sheets of the
 * user's own (any sheet the tracking workbook does not make), each as it looked: values, formulas,
 * cell formats, column widths, row heights, merged cells, panes (the editor's copyWorksheet;
 * pictures, comments and tables on such a sheet are not carried). The revised workbook is drawn
 * anew from its description (src/app/revise.ts); this edits the drawn package, so the drawing
 * stays one code path.
 */
import { mapColumns } from '../model/columns';
import type { Lang } from '../model/lang';
import { isSheet, SHEET_NAMES, TABLE_NAME, type SheetName } from '../workbook/names';
import { HISTORY_WIDTHS, historyHeaders, historySheetName } from '../workbook/sheets/history';
import { WorkbookEditor, type CellInput } from './ooxml/edit/editor';
import { openWorkbook, type WorkbookReader } from './ooxml/read';
import type { Cell } from './ooxml/worksheet';
import { columnName as columnLetter } from './ooxml/cell-ref';
import type { SheetInfo } from './ooxml/workbook';

export interface CarryOptions {
  lang: Lang;
  /** The history row of this revision: time, plan file, what changed. */
  revisionRow: { at: string; file: string; reason: string };
  /** Name of the old master in messages. */
  fileName?: string;
  /**
   * Where each old task went (old id → its id in the revised table): cells typed beside the task
   * table, outside it, follow their task's row. Without it they are not carried.
   */
  moved?: ReadonlyMap<string, string>;
}

export interface Carried {
  bytes: Uint8Array;
  /** History rows copied from the old master (the revision's own row not counted). */
  historyRows: number;
  /** The user's own sheets copied, by name. */
  sheets: string[];
  /** Cells typed beside the task table carried to their task's row. */
  sideCells: number;
  /** Cells beside the table on rows of tasks the revised table does not have (not carried), e.g. "P12". */
  sideCellsLeft: string[];
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
  // A sheet the new draw has again (the Báo cáo, the radar, the pivots of a portfolio) replaces
  // the old one rather than clashing with it.
  const drawn = new Set(openWorkbook(revised).sheets.map((s) => s.name.toLocaleLowerCase()));
  const sheets: string[] = [];
  for (const sheet of old.sheets) {
    if (sheet.kind !== 'worksheet' || !sheet.part || isOurs(sheet.name)) continue;
    if (drawn.has(sheet.name.toLocaleLowerCase())) continue;
    editor.copyWorksheet(old, sheet);
    sheets.push(sheet.name);
  }
  const side = opts.moved ? carrySideCells(old, editor, opts.moved) : { carried: 0, left: [] };

  const oldHistory = old.sheets.find((s) => isSheet('history', s.name) && s.part);
  // The history as it was, layout and all (widths, frozen header, any formatting the user gave it).
  const history = oldHistory
    ? editor.copyWorksheet(old, oldHistory)
    : editor.addWorksheet(historySheetName(opts.lang), { widths: HISTORY_WIDTHS, freezeRows: 1 });
  let historyRows = 0;
  if (oldHistory) historyRows = rowsOf(old, oldHistory).filter((r) => r.r > 1).length;
  else history.appendRows([historyHeaders(opts.lang).map((h) => ({ text: h }))]);
  const { at, file, reason } = opts.revisionRow;
  history.appendRows([[{ text: at }, { text: file }, null, null, null, null, null, { text: reason }]]);
  return { bytes: editor.save(), historyRows, sheets, sideCells: side.carried, sideCellsLeft: side.left };
}

/** The task table of a package: its sheet, range, and the sheet row of each task id. */
function taskTable(reader: WorkbookReader) {
  const found = reader.findTable(TABLE_NAME);
  if (!found?.table.range) return null;
  const { sheet, table } = found;
  const range = table.range!;
  const idCol = mapColumns(table.columns.map((c) => c.name)).index.taskId;
  const rowOf = new Map<string, number>();
  const idOf = new Map<number, string>();
  if (idCol !== undefined) {
    const col = range.left + idCol;
    const body: [number, number] = [range.top + table.headerRowCount, range.bottom - table.totalsRowCount];
    for (const row of reader.readRows(sheet, { rows: body, cols: [col, col] }).rows) {
      const v = row.cells[0]?.value;
      if (v === null || v === undefined || v === '') continue;
      const id = String(v).trim();
      if (!rowOf.has(id)) rowOf.set(id, row.r);
      idOf.set(row.r, id);
    }
  }
  return { sheet, range, rowOf, idOf, headerRow: range.top, lastBodyRow: range.bottom };
}

/**
 * Cells typed beside the task table, in a column without a header (a column with one is read as
 * a staff column of the table and carried by the revision itself): on a task's row they go to that
 * task's row in the revised table, at the same distance from the table's right edge; above the
 * table they stay where they were; below it they move with the table's end.
 */
function carrySideCells(old: WorkbookReader, editor: WorkbookEditor, moved: ReadonlyMap<string, string>) {
  const from = taskTable(old);
  const to = taskTable(editor.reader);
  const left: string[] = [];
  if (!from || !to) return { carried: 0, left };
  const rows = rowsOf(old, from.sheet);
  const headed = new Set<number>();
  for (const c of rows.find((r) => r.r === from.headerRow)?.cells ?? [])
    if (c.kind === 'text' && String(c.value).trim() !== '') headed.add(c.col);
  // The old table's right edge as the reader sees it: grown to every header typed beside it.
  const right = Math.max(from.range.right, ...[...headed].filter((c) => c > from.range.right));
  const placeCol = (col: number): number | null => {
    if (col >= from.range.left && col <= from.range.right) return null;
    if (col > from.range.right && headed.has(col)) return null;
    const at = col > from.range.right ? col + (to.range.right - right) : col;
    return at >= to.range.left && at <= to.range.right ? -1 : at;
  };
  const target = editor.sheet(to.sheet.name);
  let carried = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      const col = placeCol(cell.col);
      const v = col === null ? null : input(cell);
      if (col === null || v === null) continue;
      let r: number | undefined;
      if (row.r <= from.headerRow) r = row.r;
      else if (row.r > from.lastBodyRow) r = row.r + (to.lastBodyRow - from.lastBodyRow);
      else {
        const id = from.idOf.get(row.r);
        const movedTo = id === undefined ? undefined : moved.get(id);
        r = movedTo === undefined ? undefined : to.rowOf.get(movedTo);
      }
      if (r === undefined || col < 0) {
        left.push(`${columnLetter(cell.col)}${row.r}`);
        continue;
      }
      target.set({ row: r, col }, v);
      carried += 1;
    }
  }
  return { carried, left };
}

import type { Lang } from '../model/lang';
import { columnLetter, type TableSnapshot } from '../model/table';
import type { MergePlan } from '../tracking/merge';
import { serializeSync } from '../tracking/meta';
import { mergeWrites } from '../workbook/merge-writes';
import { SHEET_NAMES } from '../workbook/names';
import { HISTORY_WIDTHS, historyHeaders, historyRowCells } from '../workbook/sheets/history';
import type { CellValue } from '../workbook/types';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  makeUnit,
  partitionUnits,
  sendRequest,
  toRequest,
  type Unit,
} from './batches';
import { cellInput, DEFAULT_DATE_FORMAT, escapeText, needsTextFormat, widthToPoints } from './cells';
import type { Command } from './commands';

/**
 * Merging agency returns into the workbook open in Excel (issue 13), the office-js side: the
 * merge itself is planned without Excel (src/tracking/merge.ts, from the open workbook as read
 * and the returned files the user picked); this writes the outcome: the changed cells, the
 * history rows appended to the history sheet (made when missing), and rows appended to the
 * hidden meta sheet (the merge's common points, for the next return of the same copy).
 *
 * Syncs: 1 to find where the history and the meta sheet end, 1 to write everything (calculation
 * suspended, then one recalculation); more only when the writes pass the request cap (about
 * 4,000 changed cells with their history rows fill one request).
 */

export interface CellWrite {
  sheet: string;
  /** A1 address of one cell, e.g. "J12". */
  address: string;
  value: CellValue;
}

export interface MergeIntoInput {
  changes: readonly CellWrite[];
  history: {
    /** The history sheet's name in the workbook's language ("Lịch sử"). */
    sheet: string;
    /** Other names it may have (the other language): an existing one is appended to. */
    aliases?: readonly string[];
    /** Header row, written when the sheet is made. */
    headers: readonly string[];
    /** Column widths in characters for a new sheet. */
    widths?: readonly number[];
    rows: readonly CellValue[][];
  };
  /** Rows appended below the meta sheet's last row (key / value text), if any. */
  meta?: { sheet: string; rows: readonly string[][] };
  maxRequestBytes?: number;
  /** Suspend calculation while writing (ExcelApi 1.6). Default true. */
  suspendCalculation?: boolean;
}

/** What a merge planned against the open master writes into it: cells, history rows, sync points. */
export function mergeIntoInputOf(
  plan: Pick<MergePlan, 'changes' | 'sync'>,
  master: TableSnapshot,
  at: string,
  lang: Lang,
): MergeIntoInput {
  const { cells, history } = mergeWrites(plan, master, at, lang);
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  return {
    changes: cells.map((c) => ({ sheet: master.sheet, address: c.address, value: c.value })),
    history: {
      sheet: SHEET_NAMES.history[lang],
      aliases: [SHEET_NAMES.history[other]],
      headers: historyHeaders(lang),
      widths: HISTORY_WIDTHS,
      rows: history.map((row) => historyRowCells(row, lang)),
    },
    meta: { sheet: SHEET_NAMES.meta.vi, rows: serializeSync(plan.sync) },
  };
}

export interface MergeIntoReport {
  syncs: number;
  requestBytes: number[];
  cellsWritten: number;
  historyRows: number;
  /** The history sheet written to, and whether it was made by this merge. */
  historySheet: string;
  historyCreated: boolean;
}

/** Cells of a write per unit, so that the requests stay balanced. */
const CELLS_PER_UNIT = 100;
/** History rows per block: under office.js's 1,500-cell bulk threshold for eight columns. */
const HISTORY_ROWS_PER_BLOCK = 150;

/**
 * The format a merged cell gets before its value: text that Excel could read as a number or a
 * date is made text first (a text entry in a date column would otherwise become an en-US date),
 * a date gets the date format, numbers and plain words keep the cell's.
 */
function formatFor(value: CellValue): string | null {
  if (value === null) return null;
  if (value.t === 'text') return needsTextFormat(value.v) ? '@' : null;
  if (value.t === 'date') return DEFAULT_DATE_FORMAT;
  return null;
}

/** A block's formats: every text cell is made text (one grid, so it costs no extra command). */
function blockFormat(value: CellValue): string {
  if (value?.t === 'text') return '@';
  return formatFor(value) ?? 'General';
}

function changeCommands(c: CellWrite): Command[] {
  const out: Command[] = [];
  const nf = formatFor(c.value);
  if (nf) out.push({ op: 'numberFormat', sheet: c.sheet, address: c.address, grid: [[nf]] });
  out.push({ op: 'values', sheet: c.sheet, address: c.address, grid: [[cellInput(c.value)]] });
  return out;
}

function rangeOf(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + cols - 1)}${row + rows}`;
}

/** Rows as grids: each cell's format (text "@", dates dd/mm/yyyy) then the values. */
function blockCommands(
  sheet: string,
  firstRow: number,
  rows: readonly CellValue[][],
  cols: number,
): Command[] {
  const formats = rows.map((r) => Array.from({ length: cols }, (_v, c) => blockFormat(r[c] ?? null)));
  const values = rows.map((r) => Array.from({ length: cols }, (_v, c) => cellInput(r[c] ?? null)));
  const address = rangeOf(firstRow, 0, rows.length, cols);
  return [
    { op: 'numberFormat', sheet, address, grid: formats },
    { op: 'values', sheet, address, grid: values },
  ];
}

export async function mergeIntoWorkbook(
  context: Excel.RequestContext,
  input: MergeIntoInput,
): Promise<MergeIntoReport> {
  const cap = input.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const wb = context.workbook;
  const names = [input.history.sheet, ...(input.history.aliases ?? [])];

  // Sync 1: where the history sheet (in either language) and the meta sheet end.
  const histories = names.map((n) => {
    const ws = wb.worksheets.getItemOrNullObject(n).load('name');
    return { ws, used: ws.getUsedRangeOrNullObject(true).load('rowIndex,rowCount') };
  });
  const metaUsed = input.meta
    ? wb.worksheets
        .getItemOrNullObject(input.meta.sheet)
        .getUsedRangeOrNullObject(true)
        .load('rowIndex,rowCount')
    : null;
  await context.sync();
  let syncs = 1;

  const found = histories.find((h) => !h.ws.isNullObject);
  const historySheet = found ? found.ws.name : input.history.sheet;
  const historyCreated = !found;
  const nextRow = (used: Excel.Range | null | undefined) =>
    !used || used.isNullObject ? 0 : used.rowIndex + used.rowCount;
  const cols = input.history.headers.length;

  const units: Unit[] = [];
  if (historyCreated && input.history.rows.length) {
    const head: Command[] = [{ op: 'addSheet', sheet: historySheet }];
    (input.history.widths ?? []).forEach((chars, c) =>
      head.push({
        op: 'columnWidth',
        sheet: historySheet,
        column: columnLetter(c),
        points: widthToPoints(chars),
      }),
    );
    const header = rangeOf(0, 0, 1, cols);
    head.push(
      {
        op: 'numberFormat',
        sheet: historySheet,
        address: header,
        grid: [input.history.headers.map(() => '@')],
      },
      { op: 'values', sheet: historySheet, address: header, grid: [input.history.headers.map(escapeText)] },
      { op: 'format', sheet: historySheet, address: header, prop: 'font.bold', value: true },
      { op: 'freeze', sheet: historySheet, rows: 1, cols: 0 },
    );
    units.push(makeUnit(head));
  }
  for (let i = 0; i < input.changes.length; i += CELLS_PER_UNIT) {
    units.push(makeUnit(input.changes.slice(i, i + CELLS_PER_UNIT).flatMap(changeCommands)));
  }
  const historyStart = historyCreated ? 1 : Math.max(1, nextRow(found?.used));
  for (let i = 0; i < input.history.rows.length; i += HISTORY_ROWS_PER_BLOCK) {
    const rows = input.history.rows.slice(i, i + HISTORY_ROWS_PER_BLOCK);
    units.push(makeUnit(blockCommands(historySheet, historyStart + i, rows, cols), rows.length));
  }
  if (input.meta && input.meta.rows.length && metaUsed && !metaUsed.isNullObject) {
    const start = nextRow(metaUsed);
    const width = Math.max(...input.meta.rows.map((r) => r.length));
    for (let i = 0; i < input.meta.rows.length; i += HISTORY_ROWS_PER_BLOCK) {
      const rows = input.meta.rows
        .slice(i, i + HISTORY_ROWS_PER_BLOCK)
        .map((r) => Array.from({ length: width }, (_v, c): CellValue => ({ t: 'text', v: r[c] ?? '' })));
      units.push(makeUnit(blockCommands(input.meta.sheet, start + i, rows, width)));
    }
  }

  // Calculation is suspended while writing: once, at the end.
  units.push(makeUnit([{ op: 'calculate' }]));
  const prefix: Command[] = input.suspendCalculation === false ? [] : [{ op: 'suspendCalculation' }];
  const requests = partitionUnits(units, 1, cap - toRequest([], prefix).bytes).map((b) =>
    toRequest(b, prefix),
  );
  const requestBytes: number[] = [];
  for (const request of requests) {
    await sendRequest(context, request);
    requestBytes.push(request.bytes);
    syncs += 1;
  }
  return {
    syncs,
    requestBytes,
    cellsWritten: input.changes.length,
    historyRows: input.history.rows.length,
    historySheet,
    historyCreated,
  };
}

import { mergeIntoWorkbook, type CellWrite, type MergeIntoInput } from '../../src/excel/merge-into';
import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { parseStatus } from '../../src/tracking/entries';
import { planMerge, type MergePlan, type MergeSource } from '../../src/tracking/merge';
import { serializeSync } from '../../src/tracking/merge-meta';
import { splitMaster } from '../../src/tracking/split';
import { isoToVn, serialToIso } from '../../src/workbook/dates';
import { sheetRef } from '../../src/workbook/formulas';
import { COLUMN_HEADERS, SHEET_NAMES, STATUS_LABELS, type TaskColumnId } from '../../src/workbook/labels';
import { cellAddress, mapColumns } from '../../src/workbook/snapshot';
import type { CellValue, RawCell, TableSnapshot, WorkbookSpec } from '../../src/workbook/types';
import type { StrictExcel } from '../support/excel/strict-excel';
import { REPORT_DATE } from './helpers';

/**
 * A merge as the pane would run it inside Excel: the open master read back, the agencies' returns
 * (split from it, every other task marked in progress, as bench/merge.ts does) planned against it
 * with src/tracking's planMerge, and the outcome as the plain cell and history lists
 * mergeIntoWorkbook takes.
 */

const DATE_COLUMNS = new Set(['due', 'completedOn', 'updatedOn']);

/** A return's table as it comes back: the copy's rows, read as raw cells. */
function snapshotOf(spec: WorkbookSpec): TableSnapshot {
  const sheet = spec.sheets.find((s) => s.key === 'tasks')!;
  const t = sheet.tables[0];
  const raw = (v: CellValue): RawCell =>
    v === null ? null : v.t === 'formula' ? null : v.t === 'date' ? null : (v.v as RawCell);
  return {
    sheet: sheet.name,
    headerRow: t.row + 1,
    firstCol: t.col,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => r.map(raw)),
  };
}

function cellValueOf(column: string, raw: RawCell): CellValue {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'number')
    return DATE_COLUMNS.has(column) ? { t: 'date', v: serialToIso(raw) } : { t: 'number', v: raw };
  if (column === 'status') {
    const s = parseStatus(raw);
    if (s) return { t: 'text', v: STATUS_LABELS.vi[s] };
  }
  return { t: 'text', v: String(raw) };
}

function historyValue(column: string, raw: RawCell): CellValue {
  if (raw === null || raw === '') return null;
  if (typeof raw === 'number')
    return DATE_COLUMNS.has(column) ? { t: 'text', v: isoToVn(serialToIso(raw)) } : { t: 'number', v: raw };
  return { t: 'text', v: String(raw) };
}

export interface MergeFixture {
  plan: MergePlan;
  input: MergeIntoInput;
}

/** Plans the merge of `returns` returns (each agency marks every other task) into the open master. */
export async function plannedMerge(x: StrictExcel, at = '2024-07-15T08:00:00.000Z'): Promise<MergeFixture> {
  const master = await readTracking(x.requestContext);
  const split = splitMaster({
    snapshot: master.snapshot,
    meta: master.meta!,
    reportDate: REPORT_DATE,
    lang: 'vi',
  });
  const returns: MergeSource[] = split.copies.map((copy) => {
    const snapshot = snapshotOf(copy.spec);
    const map = mapColumns(snapshot.headers);
    snapshot.rows.forEach((r, i) => {
      if (i % 2 === 0) r[map.index.status!] = STATUS_LABELS.vi.in_progress;
    });
    return { file: copy.fileName, snapshot, meta: copy.spec.meta };
  });
  const plan = planMerge({ file: 'sổ tổng.xlsx', snapshot: master.snapshot, meta: master.meta }, returns);
  const map = mapColumns(master.snapshot.headers);
  const changes: CellWrite[] = [];
  const rows: CellValue[][] = [];
  for (const c of plan.changes) {
    const address = cellAddress(master.snapshot, c.masterRow, map.index[c.column]!);
    const value = cellValueOf(c.column, c.new);
    changes.push({ sheet: master.snapshot.sheet, address, value });
    rows.push([
      { t: 'text', v: at },
      { t: 'text', v: c.file },
      { t: 'text', v: c.taskId },
      { t: 'text', v: COLUMN_HEADERS.vi[c.column as TaskColumnId] },
      { t: 'text', v: `${sheetRef(master.snapshot.sheet)}!${address}` },
      historyValue(c.column, c.old),
      historyValue(c.column, c.new),
      null,
    ]);
  }
  const input: MergeIntoInput = {
    changes,
    history: {
      sheet: SHEET_NAMES.vi.history,
      aliases: [SHEET_NAMES.en.history],
      headers: ['Thời gian', 'Tệp', 'Mã nhiệm vụ', 'Cột', 'Ô', 'Giá trị cũ', 'Giá trị mới', 'Ghi chú'],
      widths: [120, 160, 70, 100, 90, 160, 160, 160],
      rows,
    },
    meta: { sheet: SHEET_NAMES.vi.meta, rows: serializeSync(plan.sync) },
  };
  return { plan, input };
}

/** A master of the given spec in the double, ready to be merged into. */
export async function masterInDouble(x: StrictExcel, spec: WorkbookSpec): Promise<void> {
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, spec, { isSetSupported: x.support });
}

export { mergeIntoWorkbook };

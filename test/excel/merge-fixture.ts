import { mergeIntoInputOf, mergeIntoWorkbook, type MergeIntoInput } from '../../src/excel/merge-into';
import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { mapColumns } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import type { RawCell, TableSnapshot } from '../../src/model/table';
import { planMerge, type MergePlan, type MergeSource } from '../../src/tracking/merge';
import { splitMaster } from '../../src/tracking/split';
import { buildTrackingSpec } from '../../src/workbook/build';
import { rawOf } from '../../src/workbook/cells';
import type { CellValue, WorkbookSpec } from '../../src/workbook/types';
import type { StrictExcel } from '../support/excel/strict-excel';
import { REPORT_DATE } from './helpers';

/**
 * A merge as the pane would run it inside Excel: the open master read back, the agencies' returns
 * (split from it, every other task marked in progress, as bench/merge.ts does) planned against it
 * with src/tracking's planMerge, and the outcome as the plain cell and history lists
 * mergeIntoWorkbook takes.
 */

/** A return's table as it comes back: the copy's rows, read as raw cells. */
function snapshotOf(spec: WorkbookSpec): TableSnapshot {
  const sheet = spec.sheets.find((s) => s.key === 'tasks')!;
  const t = sheet.tables[0];
  const raw = (v: CellValue): RawCell => (v === null || v.t === 'formula' ? null : rawOf(v));
  return {
    sheet: sheet.name,
    headerRow: t.row + 1,
    firstCol: t.col,
    headers: t.columns.map((c) => c.header),
    rows: t.rows.map((r) => r.map(raw)),
  };
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
    const spec = buildTrackingSpec({
      lang: 'vi',
      reportDate: REPORT_DATE,
      planTitle: copy.meta.planTitle,
      agencies: copy.agencies,
      rows: copy.rows,
      meta: copy.meta,
    });
    const snapshot = snapshotOf(spec);
    const map = mapColumns(snapshot.headers);
    snapshot.rows.forEach((r, i) => {
      if (i % 2 === 0) r[map.index.status!] = STATUS_LABELS.in_progress.vi;
    });
    return { file: copy.fileName, snapshot, meta: copy.meta };
  });
  const plan = planMerge({ file: 'sổ tổng.xlsx', snapshot: master.snapshot, meta: master.meta }, returns);
  const input = mergeIntoInputOf(plan, master.snapshot, at, 'vi');
  return { plan, input };
}

/** A master of the given spec in the double, ready to be merged into. */
export async function masterInDouble(x: StrictExcel, spec: WorkbookSpec): Promise<void> {
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, spec, { isSetSupported: x.support });
}

export { mergeIntoWorkbook };

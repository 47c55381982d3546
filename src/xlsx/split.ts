/** Per-agency .xlsx files from a master .xlsx: read it, cut it (src/tracking/split.ts), draw each copy. */
import JSZip from 'jszip';
import { todayIso } from '../model/dates';
import { LocalizedError } from '../model/msg';
import { planRows, requirePlan } from '../tracking/plan-filter';
import { splitMaster } from '../tracking/split';
import { buildTrackingSpec } from '../workbook/build';
import { readTrackingWorkbook } from './read';
import { writeXlsx } from './write';

export interface SplitFile {
  fileName: string;
  agencyKey: string;
  agencyName: string;
  taskIds: string[];
  bytes: Uint8Array;
}

export interface SplitWorkbookResult {
  files: SplitFile[];
  unassigned: string[];
  notInPlan: string[];
}

export async function splitWorkbook(
  bytes: Uint8Array,
  opts: {
    now?: Date;
    /** One plan of a master holding several (`--plan`): copies of its tasks only. */
    plan?: string;
    /** The master's name, for a refusal of `plan`. */
    fileName?: string;
  } = {},
): Promise<SplitWorkbookResult> {
  const wb = await readTrackingWorkbook(bytes);
  if (!wb.meta)
    throw new LocalizedError({
      vi: 'Tệp không có thông tin gốc (trang _PlanTracker): không phải sổ tổng do công cụ này tạo.',
      en: 'The file has no metadata (_PlanTracker sheet): it is not a master made by this tool.',
    });
  const reportDate = wb.reportDate ?? todayIso(opts.now);
  const plan = opts.plan ? requirePlan(wb.meta, opts.plan, opts.fileName ?? '') : null;
  const result = splitMaster({
    snapshot: plan ? planRows(wb.snapshot, plan) : wb.snapshot,
    meta: wb.meta,
    reportDate,
    lang: wb.lang,
    now: opts.now,
  });
  const files: SplitFile[] = [];
  for (const copy of result.copies) {
    const spec = buildTrackingSpec({
      lang: wb.lang,
      reportDate,
      planTitle: wb.meta.planTitle,
      agencies: copy.agencies,
      rows: copy.rows,
      meta: copy.meta,
    });
    files.push({
      fileName: copy.fileName,
      agencyKey: copy.agencyKey,
      agencyName: copy.agencyName,
      taskIds: copy.taskIds,
      bytes: await writeXlsx(spec),
    });
  }
  return { files, unassigned: result.unassigned, notInPlan: result.notInPlan };
}

/** All copies in one .zip (for a single download from the task pane or the web page). */
export async function zipSplitFiles(files: readonly SplitFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.fileName, f.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

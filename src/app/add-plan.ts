/**
 * A master for many plans (issue 17): `add` puts a further plan's tasks into the same table. Its
 * ids take the plan's prefix (`KH215.IV.3.2`) so they stay unique; the `Kế hoạch` column says
 * which plan each task belongs to; the meta keeps one record per plan. The table is drawn again
 * through the one revision (src/tracking/revise-table.ts), with the master's own rows as the
 * "revised plan" followed by the new plan's, so every entry, staff column and row stays as it was.
 */
import { mapColumns, PLAN_COLUMN_IDS } from '../model/columns';
import { todayIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError, type Msg } from '../model/msg';
import { isBlankCell } from '../model/table';
import { planRef } from '../model/task-columns';
import type { PlanRecord, TrackingWorkbook, WorkbookMeta } from '../model/workbook-meta';
import type { Plan } from '../plan/types';
import { cellText } from '../tracking/entries';
import { planFingerprint } from '../tracking/fingerprint';
import { plansOf } from '../tracking/plan-filter';
import { planRowCells, type RowCells } from '../tracking/plan-rows';
import { reviseTable, type RevisedTable } from '../tracking/revise-table';
import { untouchedTasks } from '../tracking/task-hash';
import { buildTrackingSpec, taskList } from '../workbook/build';
import { withReportSheets } from '../workbook/reports';
import type { WorkbookSpec } from '../workbook/types';
import { carryOver } from '../xlsx/revise-carry';
import { writeXlsx } from '../xlsx/write';
import { readingFile, type NamedFile } from './files';
import { readTrackingFile } from './tracking-file';

export interface AddedPlan {
  spec: WorkbookSpec;
  table: RevisedTable;
  /** The prefix the added plan's ids carry. */
  prefix: string;
  /** The added tasks' ids, in plan order. */
  added: string[];
}

/** The plans a master holds; one built from a single plan holds that one. */
export const planRecords = plansOf;

/** `KH` and the plan number's first digits ("215/KH-UBND" → KH215), made unique among the ids. */
export function planPrefix(plan: Plan, taken: ReadonlySet<string>, ordinal: number): string {
  const digits = /\d+/.exec(plan.number ?? '')?.[0];
  const base = digits ? `KH${digits}` : `KH${ordinal}`;
  const clashes = (p: string) => plan.tasks.some((t) => taken.has(`${p}.${t.id}`));
  if (!clashes(base)) return base;
  for (let n = 2; ; n++) if (!clashes(`${base}-${n}`)) return `${base}-${n}`;
}

/** The master's rows as plan rows: each task's plan cells as the table holds them now. */
export function masterRows(wb: TrackingWorkbook, firstRef: string): RowCells[] {
  const map = mapColumns(wb.snapshot.headers);
  const seen = new Set<string>();
  const out: RowCells[] = [];
  for (const row of wb.snapshot.rows) {
    const id = cellText(map.index.taskId === undefined ? null : row[map.index.taskId]);
    // Rows without an id and repeated ids are kept by the revision as they are.
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const cells: RowCells = {};
    for (const c of PLAN_COLUMN_IDS) {
      const i = map.index[c];
      cells[c] = i === undefined ? null : (row[i] ?? null);
    }
    // A master built before the column: its tasks are the first plan's.
    if (isBlankCell(cells.planRef ?? null)) cells.planRef = firstRef;
    out.push(cells);
  }
  return out;
}

export async function addPlanToMaster(
  wb: TrackingWorkbook,
  plan: Plan,
  opts: { sourceText?: string; now?: Date } = {},
): Promise<AddedPlan> {
  const meta = wb.meta;
  if (!meta || meta.agencyKey)
    throw new LocalizedError({
      vi: 'Chỉ thêm kế hoạch vào sổ tổng do công cụ này tạo (tệp này không phải sổ tổng).',
      en: 'A plan can only be added to a master made by this tool (this file is not one).',
    });
  if (plan.tasks.length === 0)
    throw new LocalizedError({
      vi: 'Kế hoạch không có nhiệm vụ nào; sổ tổng không đổi.',
      en: 'The plan has no tasks; the master is unchanged.',
    });
  const records = planRecords(meta);
  const fingerprint = await planFingerprint(plan, opts.sourceText);
  const already = records.find((r) => r.fingerprint === fingerprint.value);
  if (already)
    throw new LocalizedError({
      vi: `Kế hoạch này đã có trong sổ tổng ("${already.ref}"); không ghi gì.`,
      en: `This plan is already in the master ("${already.ref}"); nothing written.`,
    });
  const lang = wb.lang;
  const taken = new Set(meta.tasks.map((t) => t.id));
  const prefix = planPrefix(plan, taken, records.length + 1);
  const prefixed: Plan = { ...plan, tasks: plan.tasks.map((t) => ({ ...t, id: `${prefix}.${t.id}` })) };
  const newRows = planRowCells(prefixed, lang);
  const table = reviseTable({
    old: wb.snapshot,
    untouched: await untouchedTasks(wb.snapshot, meta),
    revised: [...masterRows(wb, records[0].ref), ...newRows],
    lang,
  });
  const added = prefixed.tasks.map((t) => t.id);
  const addedSet = new Set(added);
  // Every task of the master must pair with itself: anything else would move an entry.
  if (table.revision.removed.length > 0 || table.revision.added.some((t) => !addedSet.has(t.id)))
    throw new LocalizedError({
      vi: 'Không thêm được kế hoạch mà giữ nguyên mọi dòng của sổ tổng; không ghi gì.',
      en: 'The plan could not be added without moving rows of the master; nothing written.',
    });
  const record: PlanRecord = {
    title: plan.title,
    number: plan.number,
    issuedOn: plan.issuedOn,
    fingerprint: fingerprint.value,
    fingerprintAlgorithm: fingerprint.algorithm,
    ref: planRef(plan),
    taskIds: added,
  };
  // The report sheets are drawn again too: the Báo cáo of every plan, the pivots by plan.
  const spec = masterSpec(
    table,
    { ...meta, tasks: [...meta.tasks, ...taskList(newRows)], plans: [...records, record] },
    {
      lang,
      reportDate: wb.reportDate ?? todayIso(opts.now),
      moreAgencies: plan.agencies.map((a) => a.name),
    },
  );
  return { spec, table, prefix, added };
}

/** The `Lịch sử` row's reason for an addition (the file and the open workbook say the same). */
export function additionReason(plan: Plan, result: Pick<AddedPlan, 'added' | 'prefix'>): Msg {
  return {
    vi: `Thêm kế hoạch ${planRef(plan)}: ${result.added.length} nhiệm vụ, mã bắt đầu bằng ${result.prefix}.`,
    en: `Added the plan ${planRef(plan)}: ${result.added.length} tasks, ids starting ${result.prefix}.`,
  };
}

/**
 * The master drawn again as it is, with a new meta (an agency alias recorded, say): the table
 * goes through the same revision as `add` with the master's own rows as the plan, so every entry,
 * staff column and row stays; the `Tổng hợp` sheet is drawn from the new meta.
 */
export async function redrawnMaster(
  wb: TrackingWorkbook,
  meta: WorkbookMeta,
  now?: Date,
): Promise<WorkbookSpec> {
  const records = planRecords(meta);
  const table = reviseTable({
    old: wb.snapshot,
    untouched: await untouchedTasks(wb.snapshot, meta),
    revised: masterRows(wb, records[0].ref),
    lang: wb.lang,
  });
  if (table.revision.removed.length > 0 || table.revision.added.length > 0)
    throw new LocalizedError({
      vi: 'Không vẽ lại được sổ tổng mà giữ nguyên mọi dòng; không ghi gì.',
      en: 'The master could not be drawn again without moving rows; nothing written.',
    });
  return masterSpec(table, meta, { lang: wb.lang, reportDate: wb.reportDate ?? todayIso(now) });
}

/**
 * A master drawn from its revised table and its meta, report sheets included. Its agencies are
 * the table's leads (every plan's), then `moreAgencies` (a plan being added lists its own).
 */
export function masterSpec(
  table: RevisedTable,
  meta: WorkbookMeta,
  opts: { lang: Lang; reportDate: string; moreAgencies?: string[] },
): WorkbookSpec {
  const names = new Set<string>();
  for (const r of table.rows) if (typeof r.lead === 'string' && r.lead.trim()) names.add(r.lead);
  for (const name of opts.moreAgencies ?? []) names.add(name);
  const spec = buildTrackingSpec({
    lang: opts.lang,
    reportDate: opts.reportDate,
    planTitle: meta.planTitle,
    agencies: [...names],
    rows: table.rows,
    extraColumns: table.extraColumns,
    meta,
  });
  return withReportSheets(spec, { reportDate: opts.reportDate });
}

/**
 * The master with the plan added, as .xlsx bytes: its `Lịch sử` rows (plus one for this
 * addition) and the user's own sheets carried over, as a revision does.
 */
export async function addedPlanFile(
  master: NamedFile,
  loaded: { plan: Plan; text?: string },
  opts: { planFile?: string; now?: Date } = {},
): Promise<{ bytes: Uint8Array; result: AddedPlan; old: TrackingWorkbook }> {
  const old = await readTrackingFile(master);
  const result = await addPlanToMaster(old, loaded.plan, { sourceText: loaded.text, now: opts.now });
  const drawn = await writeXlsx(result.spec);
  const lang = result.spec.meta.lang;
  const reason = additionReason(loaded.plan, result);
  const bytes = await readingFile(
    master.name,
    async () =>
      carryOver(master.bytes, drawn, {
        lang,
        fileName: master.name,
        revisionRow: {
          at: (opts.now ?? new Date()).toISOString(),
          file: opts.planFile ?? '',
          reason: reason[lang],
        },
      }).bytes,
  );
  return { bytes, result, old };
}

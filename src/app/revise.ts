/**
 * Re-importing a revised plan into an existing master: the revision the command line writes to
 * a new file and Excel's update mode draws into the open workbook. The rows come from
 * src/tracking/revise-table.ts; this adds what needs waiting for (verifying the task
 * fingerprints, fingerprinting the revised plan) and draws the revised workbook.
 */
import { todayIso } from '../model/dates';
import type { Lang } from '../model/lang';
import { LocalizedError } from '../model/msg';
import type { LineageStep, PlanRecord, TrackingWorkbook, WorkbookMeta } from '../model/workbook-meta';
import type { Plan } from '../plan/types';
import { readEntries } from '../tracking/entries';
import { planFingerprint } from '../tracking/fingerprint';
import { planRowCells } from '../tracking/plan-rows';
import { reviseTable, type RevisedTable } from '../tracking/revise-table';

export { DUPLICATE_ID_SUFFIX } from '../tracking/revise-table';
import { untouchedTasks } from '../tracking/task-hash';
import { buildTrackingSpec, planMeta, taskList } from '../workbook/build';
import { planRef } from '../model/task-columns';
import { cellText } from '../tracking/entries';
import { idPrefix, matchPlans, planLine, plansOf } from '../tracking/plan-filter';
import { masterRows, masterSpec } from './add-plan';
import type { WorkbookSpec } from '../workbook/types';
import { writeXlsx } from '../xlsx/write';
import { carryOver } from '../xlsx/revise-carry';
import { readingFile, type NamedFile } from './files';
import { readTrackingFile } from './tracking-file';

export interface ReviseOptions {
  /** The plan's text as read, for its fingerprint. */
  sourceText?: string;
  /** Default: the workbook's own language (its headers and list words stay as they are). */
  lang?: Lang;
  now?: Date;
}

export interface RevisedWorkbook {
  spec: WorkbookSpec;
  table: RevisedTable;
  /**
   * The plan is the one the workbook was built from (same fingerprint) and pairs every task with
   * itself: revising would change nothing, so nothing is written.
   */
  unchanged: boolean;
}

/**
 * The revised master's description. Refuses (a LocalizedError, nothing changed) a plan that
 * shares no task with the workbook: carrying every entry to removed rows would be a loss in all
 * but name, and it is almost always the wrong file.
 */
export async function reviseTracking(
  old: TrackingWorkbook,
  plan: Plan,
  opts: ReviseOptions = {},
): Promise<RevisedWorkbook> {
  if (plan.tasks.length === 0)
    throw new LocalizedError({
      vi: 'Kế hoạch sửa đổi không có nhiệm vụ nào; sổ theo dõi không đổi.',
      en: 'The revised plan has no tasks; the workbook is unchanged.',
    });
  if (old.meta && (old.meta.plans?.length ?? 0) > 1) return revisePlanOfPortfolio(old, old.meta, plan, opts);
  const lang = opts.lang ?? old.lang;
  const revised = planRowCells(plan, lang);
  const table = reviseTable({
    old: old.snapshot,
    untouched: await untouchedTasks(old.snapshot, old.meta),
    revised,
    lang,
  });
  if (table.revision.matches.length === 0 && old.snapshot.rows.length > 0)
    throw new LocalizedError({
      vi: 'Kế hoạch sửa đổi không có nhiệm vụ nào trùng với sổ theo dõi: có lẽ nhầm tệp. Chưa ghi gì.',
      en: 'The revised plan shares no task with the tracking workbook: probably the wrong file. Nothing written.',
    });
  const fingerprint = await planFingerprint(plan, opts.sourceText);
  const { revision } = table;
  const unchanged =
    old.meta !== null &&
    old.meta.sourceFingerprint === fingerprint.value &&
    (old.meta.fingerprintAlgorithm ?? 'sha-256') === fingerprint.algorithm &&
    revision.added.length === 0 &&
    revision.removed.length === 0 &&
    revision.matches.every((m) => m.kind === 'unchanged');
  const drawnMeta = planMeta(plan, revised, {
    lang,
    reportDate: old.reportDate ?? todayIso(opts.now),
    now: opts.now,
    workbookId: old.meta?.workbookId,
    fingerprint,
  });
  // The agencies the user merged stay merged, and the heading stays where the plan names none.
  const kept = old.meta
    ? {
        ...(old.meta.agencyAliases?.length ? { agencyAliases: old.meta.agencyAliases } : {}),
        ...(old.meta.issuer && !drawnMeta.issuer ? { issuer: old.meta.issuer } : {}),
        ...(old.meta.place && !drawnMeta.place ? { place: old.meta.place } : {}),
      }
    : {};
  // Same master, new plan: copies split before the revision carry the old fingerprint and task
  // hashes, and merge follows them through this step (src/tracking/lineage.ts).
  const meta = old.meta
    ? { ...drawnMeta, ...kept, lineage: [...(old.meta.lineage ?? []), lineageStep(old.meta, table)] }
    : drawnMeta;
  const spec = buildTrackingSpec({
    lang,
    // The report date staff set is an entry too.
    reportDate: old.reportDate ?? todayIso(opts.now),
    planTitle: plan.title,
    agencies: plan.agencies.map((a) => a.name),
    rows: table.rows,
    extraColumns: table.extraColumns,
    meta,
  });
  return { spec, table, unchanged };
}

/**
 * The plan of a portfolio a revised plan revises: the one with its number, else the one with its
 * fingerprint (the same text again); refused, listing the plans, when none or several match.
 */
function targetPlan(meta: WorkbookMeta, plan: Plan, fingerprint: string): PlanRecord {
  const records = plansOf(meta);
  const byNumber = plan.number ? matchPlans(records, plan.number).filter((r) => r.number) : [];
  const found = byNumber.length ? byNumber : records.filter((r) => r.fingerprint === fingerprint);
  if (found.length === 1) return found[0];
  const list = records.map((r, i) => `  ${i + 1}. ${planLine(r)}`).join('\n');
  const number = plan.number ?? '—';
  throw new LocalizedError({
    vi: `Sổ tổng theo dõi nhiều kế hoạch; kế hoạch sửa đổi (số ${number}) không khớp đúng một kế hoạch trong sổ theo số hoặc nội dung. Chưa ghi gì. Các kế hoạch trong sổ:\n${list}`,
    en: `The master tracks several plans; the revised plan (No. ${number}) matches no single one of them by number or content. Nothing written. The plans in the master:\n${list}`,
  });
}

/**
 * Revising one plan of a master holding several (issue 17): the "revised plan" given to the one
 * revision is the master's own rows for every other plan, and the revised plan's rows (with the
 * plan's id prefix) in its place, so the other plans' tasks pair with themselves and keep every
 * entry. Their pairing is checked: a revision that moved any of them writes nothing.
 */
async function revisePlanOfPortfolio(
  old: TrackingWorkbook,
  oldMeta: WorkbookMeta,
  plan: Plan,
  opts: ReviseOptions,
): Promise<RevisedWorkbook> {
  const lang = opts.lang ?? old.lang;
  const fingerprint = await planFingerprint(plan, opts.sourceText);
  const records = plansOf(oldMeta);
  const target = targetPlan(oldMeta, plan, fingerprint.value);
  const prefix = idPrefix(target);
  const prefixed: Plan = prefix
    ? { ...plan, tasks: plan.tasks.map((t) => ({ ...t, id: `${prefix}.${t.id}` })) }
    : plan;
  const newRows = planRowCells(prefixed, lang);
  const own = masterRows(old, records[0].ref);
  const rowsOf = (r: PlanRecord) => {
    const ids = new Set(r.taskIds);
    return own.filter((c) => ids.has(cellText(c.taskId ?? null)));
  };
  const revised = records.flatMap((r) => (r === target ? newRows : rowsOf(r)));
  const table = reviseTable({
    old: old.snapshot,
    untouched: await untouchedTasks(old.snapshot, oldMeta),
    revised,
    lang,
  });
  const others = new Set(records.filter((r) => r !== target).flatMap((r) => r.taskIds));
  const targetIds = new Set(target.taskIds);
  const { revision } = table;
  const otherMoved =
    revision.removed.some((t) => others.has(t.id)) ||
    revision.matches.some((m) => (others.has(m.oldId) || others.has(m.newId)) && m.oldId !== m.newId);
  if (otherMoved)
    throw new LocalizedError({
      vi: `Không sửa đổi được kế hoạch ${target.ref} mà giữ nguyên nhiệm vụ của các kế hoạch khác trong sổ; chưa ghi gì.`,
      en: `The plan ${target.ref} could not be revised without moving tasks of the master's other plans; nothing written.`,
    });
  if (!revision.matches.some((m) => targetIds.has(m.oldId)))
    throw new LocalizedError({
      vi: `Kế hoạch sửa đổi không có nhiệm vụ nào trùng với kế hoạch ${target.ref} trong sổ: có lẽ nhầm tệp. Chưa ghi gì.`,
      en: `The revised plan shares no task with the plan ${target.ref} in the master: probably the wrong file. Nothing written.`,
    });
  const unchanged =
    target.fingerprint === fingerprint.value &&
    revision.added.length === 0 &&
    revision.removed.length === 0 &&
    revision.matches.every((m) => m.kind === 'unchanged');
  const planRowsNow = table.rows.slice(0, table.planRows);
  const newTargetIds = new Set(newRows.map((r) => cellText(r.taskId ?? null)));
  const record: PlanRecord = {
    title: plan.title,
    number: plan.number,
    issuedOn: plan.issuedOn,
    fingerprint: fingerprint.value,
    fingerprintAlgorithm: fingerprint.algorithm,
    ref: planRef(plan),
    taskIds: [...newTargetIds],
  };
  const first = records[0] === target;
  const meta: WorkbookMeta = {
    ...oldMeta,
    // The master's own plan fields are its first plan's.
    ...(first ? { planTitle: plan.title, planNumber: plan.number, planIssuedOn: plan.issuedOn } : {}),
    // A new identity, so copies split before this revision are followed through the lineage.
    sourceFingerprint: fingerprint.value,
    fingerprintAlgorithm: fingerprint.algorithm,
    builtAt: (opts.now ?? new Date()).toISOString(),
    tasks: taskList(planRowsNow),
    plans: records.map((r) => (r === target ? record : r)),
    lineage: [...(oldMeta.lineage ?? []), lineageStep(oldMeta, table)],
  };
  const spec = masterSpec(table, meta, { lang, reportDate: old.reportDate ?? todayIso(opts.now) });
  return { spec, table, unchanged };
}

/** Where the old master's tasks went in this revision. */
function lineageStep(oldMeta: WorkbookMeta, table: RevisedTable): LineageStep {
  const map: Record<string, string> = {};
  for (const m of table.revision.matches) map[m.oldId] = m.newId;
  return {
    fingerprint: oldMeta.sourceFingerprint,
    builtAt: oldMeta.builtAt,
    tasks: oldMeta.tasks,
    map,
    removed: table.revision.removed.map((t) => t.id),
  };
}

/** Reads the master and revises it with the plan read from its file. */
export async function reviseFile(
  master: NamedFile,
  loaded: { plan: Plan; text?: string },
  opts: Omit<ReviseOptions, 'sourceText'> = {},
): Promise<RevisedWorkbook & { old: TrackingWorkbook }> {
  const old = await readTrackingFile(master);
  return { old, ...(await reviseTracking(old, loaded.plan, { ...opts, sourceText: loaded.text })) };
}

/** The changes as data, for --json and for the text report. */
export function describeRevision(result: RevisedWorkbook & { old: TrackingWorkbook }) {
  const oldTexts = new Map(readEntries(result.old.snapshot).entries.map((e) => [e.taskId, e.text]));
  const { revision } = result.table;
  return {
    added: revision.added.map((t) => ({ id: t.id, text: t.text })),
    removed: revision.removed.map((t) => ({
      id: t.id,
      text: t.text,
      keptEntries: result.table.removedWithEntries.includes(t.id),
    })),
    reworded: revision.matches
      .filter((m) => m.kind === 'reworded')
      .map((m) => ({
        id: m.newId,
        similarity: Number(m.similarity.toFixed(3)),
        oldText: oldTexts.get(m.oldId) ?? '',
      })),
    renumbered: revision.matches
      .filter((m) => m.kind === 'renumbered')
      .map((m) => ({
        from: m.oldId,
        to: m.newId,
        textChanged: m.textChanged,
        similarity: Number(m.similarity.toFixed(3)),
      })),
    unchanged: revision.matches.filter((m) => m.kind === 'unchanged').length,
    /** Sheet rows without a task id that held something: kept at the end of the table. */
    keptWithoutId: result.table.keptWithoutId,
    /** Rows repeating another row's id: kept at the end of the table, their id marked. */
    keptDuplicates: result.table.keptDuplicates,
    /** Every pairing the revision made, in the revised plan's order, with its content score. */
    pairings: revision.matches.map((m) => ({
      from: m.oldId,
      to: m.newId,
      kind: m.kind,
      score: Number(m.similarity.toFixed(3)),
    })),
  };
}

export type RevisionReport = ReturnType<typeof describeRevision>;

export interface RevisedFileOptions {
  /** The old master: its `Lịch sử` rows and the user's own sheets go into the revised file. */
  master?: NamedFile;
  /** The revised plan's file name, for the history row of this revision. */
  planFile?: string;
  now?: Date;
}

/** The history row's reason: what the revision did, in the workbook's language. */
function revisionReason(result: RevisedWorkbook, lang: Lang): string {
  const { revision } = result.table;
  const count = (k: string) => revision.matches.filter((m) => m.kind === k).length;
  const msg = {
    vi: `Cập nhật theo kế hoạch sửa đổi: ${revision.added.length} nhiệm vụ mới, ${revision.removed.length} nhiệm vụ bỏ, ${count('renumbered')} đổi số thứ tự, ${count('reworded')} sửa câu chữ.`,
    en: `Updated to the revised plan: ${revision.added.length} new tasks, ${revision.removed.length} removed, ${count('renumbered')} renumbered, ${count('reworded')} reworded.`,
  };
  return msg[lang];
}

/** Old task id → its id in the revised table: paired tasks, then removed ones (kept as marked rows). */
function movedTasks(table: RevisedTable): Map<string, string> {
  const moved = new Map(table.revision.matches.map((m) => [m.oldId, m.newId]));
  table.revision.removed.forEach((t, k) => {
    const id = table.rows[table.planRows + k]?.taskId;
    if (id !== null && id !== undefined && id !== '') moved.set(t.id, String(id));
  });
  return moved;
}

/**
 * The revised master as .xlsx bytes. Given the old master, the file keeps what is not drawn
 * from the plan: its history (plus a row for this revision) and the user's own sheets.
 */
export async function revisedFile(
  result: RevisedWorkbook,
  opts: RevisedFileOptions = {},
): Promise<Uint8Array> {
  const drawn = await writeXlsx(result.spec);
  if (!opts.master) return drawn;
  const lang = result.spec.meta.lang;
  return readingFile(
    opts.master.name,
    async () =>
      carryOver(opts.master!.bytes, drawn, {
        lang,
        fileName: opts.master!.name,
        moved: movedTasks(result.table),
        revisionRow: {
          at: (opts.now ?? new Date()).toISOString(),
          file: opts.planFile ?? '',
          reason: revisionReason(result, lang),
        },
      }).bytes,
  );
}

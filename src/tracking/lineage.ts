/**
 * Which master an agency return belongs to, across revisions and rebuilds (issue 13, "lineage"):
 * given the master's meta and the return's, either the return as the merge should see it (its
 * task ids followed to the master's, tasks removed since its split listed) or a refusal saying
 * why and what to do. Pure: merge calls it once per return, before validating it
 * (planMerge in merge.ts).
 *
 * - Same workbook, same plan: the return is today's; nothing to translate.
 * - Same workbook, the plan of an ancestor (the master was revised since the split): the
 *   ancestor's task list is in the master's lineage; every task the return carries must be one
 *   the ancestor had, with the same plan columns (hash), and its id is followed through each
 *   revision. Tasks a revision removed are listed, their values not merged.
 * - Another workbook id but the same plan (the master was built again from the same plan): the
 *   return is recognised when each of its tasks is in the master with the same hash.
 * - Anything else cannot be proven: refused, pointing to `--adopt` after a `--dry-run` review.
 *   `--adopt` takes the return by task id; the checks that follow (a row whose text belongs to
 *   another task, unknown ids) still refuse what would land on the wrong task.
 */
import { mapColumns } from '../model/columns';
import type { Msg } from '../model/msg';
import type { RawCell, TableSnapshot } from '../model/table';
import type { LineageStep, WorkbookMeta } from '../model/workbook-meta';
import { diffPlanTasks, type RevisionTask } from './revise';

export type LineageKind = 'same' | 'revised' | 'rebuilt' | 'adopted';

export interface LineageTranslation {
  kind: LineageKind;
  /** The return's task id → the master's, for every task that still exists. */
  ids: Map<string, string>;
  /** The return's task ids that are no longer in the master's plan. */
  removed: string[];
  /** What to tell the user (null for 'same'). */
  notice: Msg | null;
}

export interface LineageRefusal {
  code: 'unproven-lineage';
  message: Msg;
}

export type LineageVerdict = LineageTranslation | LineageRefusal;

export function isLineageRefusal(v: LineageVerdict): v is LineageRefusal {
  return 'code' in v;
}

function hashes(tasks: readonly { id: string; hash: string }[]): Map<string, string> {
  return new Map(tasks.map((t) => [t.id, t.hash]));
}

/** Follows each id of the ancestor at `from` through the later revisions. */
function follow(steps: readonly LineageStep[], from: number, ids: readonly string[]) {
  const out = new Map<string, string>();
  const removed: string[] = [];
  for (const start of ids) {
    let id: string | undefined = start;
    for (let k = from; k < steps.length && id !== undefined; k++) id = steps[k].map[id];
    if (id === undefined) removed.push(start);
    else out.set(start, id);
  }
  return { ids: out, removed };
}

function identity(ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [id, id]));
}

/**
 * The verdict on one return. `file` names the return in messages; `adopt` is the user's
 * `--adopt`, taken only when nothing proves the lineage.
 */
export function lineageOf(
  master: WorkbookMeta,
  ret: WorkbookMeta,
  file: string,
  opts: {
    adopt?: boolean;
    /** For --adopt: the return's tasks and the master's (id → text), as their tables show them. */
    texts?: { ret: RevisionTask[]; master: ReadonlyMap<string, string> };
  } = {},
): LineageVerdict {
  const retIds = ret.tasks.map((t) => t.id);
  const sameWorkbook = ret.workbookId === master.workbookId;
  if (sameWorkbook && ret.sourceFingerprint === master.sourceFingerprint)
    return { kind: 'same', ids: identity(retIds), removed: [], notice: null };

  const steps = master.lineage ?? [];
  if (sameWorkbook) {
    // The latest ancestor with this plan: a plan revised back to an earlier text is that one.
    for (let k = steps.length - 1; k >= 0; k--) {
      const step = steps[k];
      if (step.fingerprint !== ret.sourceFingerprint) continue;
      const known = hashes(step.tasks);
      if (!ret.tasks.every((t) => known.get(t.id) === t.hash)) break;
      const { ids, removed } = follow(steps, k, retIds);
      const moved = [...ids].filter(([a, b]) => a !== b).length;
      return {
        kind: 'revised',
        ids,
        removed,
        notice: {
          vi: `"${file}" được tách trước khi kế hoạch được sửa đổi (sổ ngày ${step.builtAt.slice(0, 10)}): gộp theo kế hoạch hiện tại, ${moved} nhiệm vụ theo số thứ tự mới, ${removed.length} nhiệm vụ đã bỏ khỏi kế hoạch không được gộp.`,
          en: `"${file}" was split before the plan was revised (master of ${step.builtAt.slice(0, 10)}): merged into the current plan, ${moved} tasks under their new numbers, ${removed.length} tasks removed from the plan not merged.`,
        },
      };
    }
  }

  const current = hashes(master.tasks);
  if (
    ret.sourceFingerprint === master.sourceFingerprint &&
    ret.tasks.every((t) => current.get(t.id) === t.hash)
  )
    return {
      kind: 'rebuilt',
      ids: identity(retIds),
      removed: [],
      notice: {
        vi: `"${file}" được tách từ một sổ tổng khác lập từ cùng kế hoạch này (cùng mã kế hoạch, cùng nội dung từng nhiệm vụ): được nhận là của sổ này.`,
        en: `"${file}" was split from another master built from this same plan (same plan fingerprint, every task the same): taken as this master's.`,
      },
    };

  if (opts.adopt && opts.texts) {
    // Nothing vouches for the ids: pair the tasks by content, as revise does.
    const revision = diffPlanTasks(
      opts.texts.ret.filter((t) => retIds.includes(t.id)),
      [...opts.texts.master].map(([id, text]) => ({ id, text })),
    );
    const ids = new Map(revision.matches.map((m) => [m.oldId, m.newId]));
    const removed = retIds.filter((id) => !ids.has(id));
    const moved = revision.matches.filter((m) => m.oldId !== m.newId);
    const list = moved.map((m) => `${m.oldId} → ${m.newId} (${m.similarity.toFixed(3)})`).join(', ');
    return {
      kind: 'adopted',
      ids,
      removed,
      notice: {
        vi: `"${file}" được nhận theo --adopt: ghép nhiệm vụ theo nội dung; ${ids.size} nhiệm vụ ghép được${moved.length ? `, trong đó ${moved.length} mang số khác trong sổ tổng: ${list}` : ''}; ${removed.length} nhiệm vụ không có trong sổ tổng không được gộp.`,
        en: `"${file}" taken with --adopt: tasks paired by content; ${ids.size} paired${moved.length ? `, ${moved.length} of them under another number in the master: ${list}` : ''}; ${removed.length} tasks not in the master not merged.`,
      },
    };
  }

  const why: Msg = sameWorkbook
    ? {
        vi: 'tệp mang kế hoạch khác với kế hoạch của sổ tổng và không thuộc lần sửa đổi nào sổ tổng ghi lại',
        en: 'it carries another plan than the master and none of the revisions the master records',
      }
    : ret.sourceFingerprint === master.sourceFingerprint
      ? {
          vi: 'tệp được tách từ một sổ tổng khác lập từ cùng kế hoạch, nhưng nội dung nhiệm vụ không khớp với sổ này',
          en: 'it was split from another master of the same plan, but its tasks differ from this master’s',
        }
      : {
          vi: 'tệp được tách từ một sổ tổng khác (mã sổ khác) với kế hoạch khác',
          en: 'it was split from another master (another workbook id) with another plan',
        };
  return {
    code: 'unproven-lineage',
    message: {
      vi: `"${file}": không chứng minh được tệp được tách từ sổ tổng này hay từ một bản trước của nó: ${why.vi}. Nếu chắc chắn đây là tệp trả về của sổ này, xem trước những gì sẽ thay đổi bằng --adopt --dry-run, rồi gộp bằng --adopt.`,
      en: `"${file}": cannot prove it was split from this master or an earlier version of it: ${why.en}. If you are sure it is a return of this master, review what would change with --adopt --dry-run, then merge with --adopt.`,
    },
  };
}

/** Renames task ids of one map's keys (base entries of a copy: task id → column → value). */
function renameKeys<V>(rec: Record<string, V>, ids: ReadonlyMap<string, string>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [id, v] of Object.entries(rec)) {
    const to = ids.get(id);
    if (to !== undefined) out[to] = v;
  }
  return out;
}

/**
 * The return's meta as the master's own: ids followed, removed tasks left out, fingerprint and
 * workbook id the master's, each kept task's hash the master's (the lineage vouched for it).
 * The table's id cells are renamed by the caller through `ids` (see merge.ts).
 */
export function translatedMeta(master: WorkbookMeta, ret: WorkbookMeta, t: LineageTranslation): WorkbookMeta {
  if (t.kind === 'same') return ret;
  const current = hashes(master.tasks);
  const tasks = ret.tasks
    .filter((task) => t.ids.has(task.id))
    .map((task) => {
      const id = t.ids.get(task.id) as string;
      return { id, hash: current.get(id) ?? task.hash };
    });
  return {
    ...ret,
    workbookId: master.workbookId,
    sourceFingerprint: master.sourceFingerprint,
    fingerprintAlgorithm: master.fingerprintAlgorithm,
    tasks,
    baseEntries: ret.baseEntries ? renameKeys<Record<string, RawCell>>(ret.baseEntries, t.ids) : undefined,
  };
}

/** A task id cell as merge reads it. */
function normId(cell: RawCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * The return's table under the master's ids: each row's id cell renamed, the rows of removed
 * tasks left out (the caller lists them). Rows whose id the return's meta does not know stay as
 * they are, for the merge's own checks to report.
 */
export function translatedSnapshot(snapshot: TableSnapshot, t: LineageTranslation): TableSnapshot {
  if (t.kind === 'same') return snapshot;
  const col = mapColumns(snapshot.headers).index.taskId;
  if (col === undefined) return snapshot;
  const removed = new Set(t.removed);
  const rows: RawCell[][] = [];
  for (const row of snapshot.rows) {
    const cell = row[col];
    const id =
      cell === null || cell === undefined ? '' : String(cell).normalize('NFC').trim().replace(/\s+/g, ' ');
    if (removed.has(id)) continue;
    const to = t.ids.get(id);
    if (to === undefined || to === id) rows.push(row);
    else {
      const copy = [...row];
      copy[col] = to;
      rows.push(copy);
    }
  }
  return { ...snapshot, rows };
}

interface ReturnSource {
  file: string;
  snapshot: TableSnapshot;
  meta: WorkbookMeta | null;
}

export interface LineageNotice {
  file: string;
  taskId: string;
  column: 'taskId';
  message: Msg;
}

/**
 * The one call merge makes: the return as the merge should see it, a refusal when its lineage
 * cannot be proven, and the notices to show (how it was followed, each removed task).
 */
export function followLineage<S extends ReturnSource>(
  master: WorkbookMeta,
  masterTexts: ReadonlyMap<string, string>,
  source: S,
  adopt: boolean,
): { source: S; refusal: LineageRefusal | null; notices: LineageNotice[] } {
  // Without a meta, or not an agency copy, the merge's own checks say what is wrong.
  if (!source.meta || !source.meta.agencyKey) return { source, refusal: null, notices: [] };
  // Nearly every return: split from this very master, so taken as it is (lineageOf's 'same',
  // without building its identity map of every id to throw away).
  if (
    source.meta.workbookId === master.workbookId &&
    source.meta.sourceFingerprint === master.sourceFingerprint
  )
    return { source, refusal: null, notices: [] };
  const map = mapColumns(source.snapshot.headers);
  const idCol = map.index.taskId;
  const textCol = map.index.text;
  const retTexts: RevisionTask[] =
    adopt && idCol !== undefined && textCol !== undefined
      ? source.snapshot.rows
          .map((r) => ({ id: normId(r[idCol]), text: String(r[textCol] ?? '') }))
          .filter((t) => t.id)
      : [];
  const verdict = lineageOf(master, source.meta, source.file, {
    adopt,
    texts: adopt ? { ret: retTexts, master: masterTexts } : undefined,
  });
  if (isLineageRefusal(verdict)) return { source, refusal: verdict, notices: [] };
  if (verdict.kind === 'same') return { source, refusal: null, notices: [] };
  const notices: LineageNotice[] = [];
  if (verdict.notice)
    notices.push({ file: source.file, taskId: '', column: 'taskId', message: verdict.notice });
  for (const id of verdict.removed)
    notices.push({
      file: source.file,
      taskId: id,
      column: 'taskId',
      message: {
        vi: `"${source.file}": nhiệm vụ "${id}" không còn trong kế hoạch của sổ tổng; giá trị của nhiệm vụ này trong tệp trả về không được gộp.`,
        en: `"${source.file}": task "${id}" is no longer in the master's plan; its values in the return were not merged.`,
      },
    });
  return {
    source: {
      ...source,
      meta: translatedMeta(master, source.meta, verdict),
      snapshot: translatedSnapshot(source.snapshot, verdict),
    },
    refusal: null,
    notices,
  };
}

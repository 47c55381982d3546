/**
 * One plan of a master holding several (issue 17): `--plan` on check, summary, report and split
 * names it by its number (`215/KH-UBND`), the prefix its ids carry (`KH215`) or the text of its
 * `Kế hoạch` column. The plan's tasks are its record's ids (the meta), so a filter never depends
 * on a column staff could have edited.
 */
import { LocalizedError } from '../model/msg';
import type { TableSnapshot } from '../model/table';
import { mapColumns } from '../model/columns';
import { planRef } from '../model/task-columns';
import type { PlanRecord, WorkbookMeta } from '../model/workbook-meta';
import { cellText } from './entries';

/** The plans a master holds; one built from a single plan holds that one. */
export function plansOf(meta: WorkbookMeta): PlanRecord[] {
  if (meta.plans?.length) return meta.plans;
  return [
    {
      title: meta.planTitle,
      number: meta.planNumber,
      issuedOn: meta.planIssuedOn,
      fingerprint: meta.sourceFingerprint,
      ...(meta.fingerprintAlgorithm ? { fingerprintAlgorithm: meta.fingerprintAlgorithm } : {}),
      ref: planRef({ title: meta.planTitle, number: meta.planNumber }),
      taskIds: meta.tasks.map((t) => t.id),
    },
  ];
}

/** Compared as typed but without regard to case, spacing or Unicode form. */
function norm(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/**
 * The prefix a plan's ids carry (`KH215` of `KH215.IV.3.2`), or, for the plan the master was built
 * from (its ids unprefixed), the one `add` would have given it: `KH` and its number's digits.
 */
export function planPrefixOf(record: PlanRecord): string | null {
  const head = idPrefix(record);
  if (head) return head;
  const digits = /\d+/.exec(record.number ?? '')?.[0];
  return digits ? `KH${digits}` : null;
}

/** The prefix the plan's ids actually carry (`KH215`), or null (the first plan's are bare). */
export function idPrefix(record: PlanRecord): string | null {
  const head = record.taskIds[0]?.split('.')[0];
  if (head && /^KH[\w-]*$/.test(head) && record.taskIds.every((id) => id.startsWith(`${head}.`))) return head;
  return null;
}

/** The plans whose number, prefix or `Kế hoạch` text is `query`; a unique match of part of the text otherwise. */
export function matchPlans(records: readonly PlanRecord[], query: string): PlanRecord[] {
  const q = norm(query);
  if (!q) return [];
  const exact = records.filter(
    (r) =>
      (r.number !== null && norm(r.number) === q) ||
      norm(planPrefixOf(r) ?? '') === q ||
      norm(r.ref) === q ||
      norm(r.title) === q,
  );
  if (exact.length) return exact;
  const partial = records.filter((r) => norm(r.ref).includes(q) || norm(r.title).includes(q));
  return partial.length === 1 ? partial : [];
}

/** How a plan is listed when a `--plan` matches none: its prefix, number and `Kế hoạch` text. */
export function planLine(record: PlanRecord): string {
  const prefix = planPrefixOf(record);
  return [prefix, record.ref].filter(Boolean).join(' — ');
}

/**
 * The plan `query` names among the master's, or a refusal naming the file and listing its plans
 * (nothing is written: the commands resolve it before anything else).
 */
export function requirePlan(meta: WorkbookMeta, query: string, fileName: string): PlanRecord {
  const records = plansOf(meta);
  const found = matchPlans(records, query);
  if (found.length === 1) return found[0];
  const list = records.map((r, i) => `  ${i + 1}. ${planLine(r)}`).join('\n');
  if (found.length > 1)
    throw new LocalizedError({
      vi: `"${fileName}": "${query}" khớp với ${found.length} kế hoạch; hãy ghi số kế hoạch hoặc tiền tố mã (KH…). Các kế hoạch trong sổ:\n${list}`,
      en: `"${fileName}": "${query}" matches ${found.length} plans; give the plan's number or its id prefix (KH…). The plans in the workbook:\n${list}`,
    });
  throw new LocalizedError({
    vi: `"${fileName}": không có kế hoạch "${query}" trong sổ. Các kế hoạch trong sổ (ghi số, tiền tố mã KH… hoặc tên ở cột Kế hoạch):\n${list}`,
    en: `"${fileName}": no plan "${query}" in the workbook. The plans it holds (give the number, the id prefix KH… or the Plan column's text):\n${list}`,
  });
}

/** The table with only the plan's rows (by task id), for the summary, report and split of one plan. */
export function planRows(snapshot: TableSnapshot, record: PlanRecord): TableSnapshot {
  const ids = new Set(record.taskIds);
  const at = mapColumns(snapshot.headers).index.taskId;
  if (at === undefined) return snapshot;
  return { ...snapshot, rows: snapshot.rows.filter((r) => ids.has(cellText(r[at] ?? null))) };
}

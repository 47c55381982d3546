/**
 * The tracking workbook's description: the task table, the live summary, the lists, the guide
 * and the meta sheet, composed from the sheet builders of ./sheets. A master is built from a
 * plan; an agency copy and a revised master from rows that already exist (buildTrackingSpec).
 */
import type { Lang } from '../model/lang';
import { EXCEL_MAX_CELL_TEXT, type RawCell } from '../model/table';
import { columnHeader, type TaskColumnId } from '../model/columns';
import { LocalizedError } from '../model/msg';
import { GENERATOR, GENERATOR_VERSION, SCHEMA_VERSION } from '../model/version';
import type { WorkbookMeta } from '../model/workbook-meta';
import type { Plan } from '../plan/types';
import { cellText } from '../tracking/entries';
import { quickFingerprint, type Fingerprint } from '../tracking/fingerprint';
import { planRowCells, type RowCells } from '../tracking/plan-rows';
import { TASK_HASH_ALGORITHM, taskHash } from '../tracking/task-hash';
import { buildGuideSheet } from './sheets/guide';
import { buildListsSheet } from './sheets/lists';
import { buildMetaSheet } from './sheets/meta';
import { buildSummarySheet } from './sheets/summary';
import { buildTaskTableSheet, taskTableLayout, type ExtraColumn } from './sheets/task-table';
import type { WorkbookSpec } from './types';

export { SPARE_ROWS } from './sheets/task-table';
export type { ExtraColumn } from './sheets/task-table';

export interface BuildOptions {
  lang: Lang;
  /** ISO date put in the NgayBaoCao cell. */
  reportDate: string;
  now?: Date;
  workbookId?: string;
  /** The plan's text as read, for the meta's fingerprint. */
  sourceText?: string;
  /**
   * The plan's fingerprint, computed beforehand (planFingerprint: SHA-256 through Web Crypto,
   * which is asynchronous). Without it the description is fingerprinted synchronously (FNV-1a).
   */
  fingerprint?: Fingerprint;
}

/** What a tracking workbook is drawn from, whatever made the rows. */
export interface TrackingContent {
  lang: Lang;
  reportDate: string;
  planTitle: string;
  /** Agency names offered by the lists sheet. */
  agencies: readonly string[];
  rows: readonly RowCells[];
  extraColumns?: readonly ExtraColumn[];
  meta: WorkbookMeta;
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * The lead agencies the rows name, in order of first appearance, exactly as the cells hold them:
 * the summary's COUNTIFS compares the cells with these names.
 */
function leadsOf(rows: readonly RowCells[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of rows) {
    const raw = r.lead;
    const lead = raw === null || raw === undefined ? '' : String(raw);
    if (lead.trim() && !seen.has(lead)) {
      seen.add(lead);
      out.push(lead);
    }
  }
  return out;
}

/**
 * A plan line longer than an Excel cell holds would be cut by Excel without a word: refused,
 * naming the task, so the plan is corrected before a workbook exists.
 */
function refuseOverLongCells(rows: readonly RowCells[], title: string): void {
  const tooLong = (n: number) => ({
    vi: `dài ${n.toLocaleString('vi-VN')} ký tự, quá giới hạn ${EXCEL_MAX_CELL_TEXT.toLocaleString('vi-VN')} ký tự của một ô Excel`,
    en: `is ${n.toLocaleString('en-US')} characters long, over Excel's ${EXCEL_MAX_CELL_TEXT.toLocaleString('en-US')}-character cell limit`,
  });
  if (title.length > EXCEL_MAX_CELL_TEXT) {
    const t = tooLong(title.length);
    throw new LocalizedError({
      vi: `Tên kế hoạch ${t.vi}; hãy sửa kế hoạch rồi tạo lại sổ.`,
      en: `The plan title ${t.en}; correct the plan and build again.`,
    });
  }
  for (const row of rows)
    for (const [column, v] of Object.entries(row)) {
      if (typeof v !== 'string' || v.length <= EXCEL_MAX_CELL_TEXT) continue;
      const t = tooLong(v.length);
      const id = cellText((row as Record<string, RawCell>).taskId ?? null);
      const vi = columnHeader(column as TaskColumnId, 'vi');
      const en = columnHeader(column as TaskColumnId, 'en');
      throw new LocalizedError({
        vi: `Nhiệm vụ "${id}": ô "${vi}" ${t.vi}. Kế hoạch có một dòng quá dài (có thể thiếu dấu xuống dòng); hãy tách dòng đó trong kế hoạch rồi tạo lại sổ.`,
        en: `Task "${id}": the "${en}" cell ${t.en}. The plan has an over-long line (perhaps missing line breaks); split that line in the plan and build again.`,
      });
    }
}

export function buildTrackingSpec(content: TrackingContent): WorkbookSpec {
  const { lang } = content;
  refuseOverLongCells(content.rows, content.planTitle);
  const tasks = buildTaskTableSheet({
    lang,
    reportDate: content.reportDate,
    rows: content.rows,
    extraColumns: content.extraColumns,
    aliases: content.meta.agencyAliases,
  });
  const lists = buildListsSheet(lang, content.agencies);
  const summary = buildSummarySheet({
    lang,
    planTitle: content.planTitle,
    reportDate: content.reportDate,
    leads: leadsOf(content.rows),
    aliases: content.meta.agencyAliases,
    layout: taskTableLayout(content.rows.length),
    // The table as drawn, so the summary's formulas carry the counts they compute.
    table: tasks.tables[0].rows,
  });
  return {
    lang,
    sheets: [tasks, summary.sheet, lists.sheet, buildGuideSheet(lang), buildMetaSheet(content.meta, lang)],
    names: [summary.reportDateName, ...lists.names],
    meta: content.meta,
  };
}

/** The task list a meta records: each row's id and the fingerprint of its plan columns. */
export function taskList(rows: readonly RowCells[]): { id: string; hash: string }[] {
  return rows.map((r) => ({
    id: cellText(r.taskId ?? null),
    hash: taskHash((id) => (r[id] ?? null) as RawCell),
  }));
}

/** The meta of a master built from `plan`, whose table holds `rows` (the plan's rows). */
export function planMeta(plan: Plan, rows: readonly RowCells[], opts: BuildOptions): WorkbookMeta {
  const fingerprint = opts.fingerprint ?? quickFingerprint(plan, opts.sourceText);
  return {
    generator: GENERATOR,
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: SCHEMA_VERSION,
    lang: opts.lang,
    builtAt: (opts.now ?? new Date()).toISOString(),
    planTitle: plan.title,
    planNumber: plan.number,
    planIssuedOn: plan.issuedOn,
    ...(plan.issuer?.trim() ? { issuer: plan.issuer.trim() } : {}),
    ...(plan.place?.trim() ? { place: plan.place.trim() } : {}),
    sourceFingerprint: fingerprint.value,
    fingerprintAlgorithm: fingerprint.algorithm,
    workbookId: opts.workbookId ?? randomId(),
    agencyKey: null,
    tasks: taskList(rows),
    taskHashAlgorithm: TASK_HASH_ALGORITHM,
  };
}

export function buildWorkbookSpec(plan: Plan, opts: BuildOptions): WorkbookSpec {
  const rows = planRowCells(plan, opts.lang);
  return buildTrackingSpec({
    lang: opts.lang,
    reportDate: opts.reportDate,
    planTitle: plan.title,
    agencies: plan.agencies.map((a) => a.name),
    rows,
    meta: planMeta(plan, rows, opts),
  });
}

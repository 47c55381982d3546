/**
 * Every action of the task pane inside Excel, one after the other on one workbook, as a person
 * would take them: build the tracking workbook, fill it in (a slip in about one row in twenty),
 * update it from a revised plan, read and check it, write the Kiểm tra sheet, highlight the
 * problem cells and clear them, make the PivotTables, write a period summary, merge the agencies'
 * returns into it. Each action's round trips and the largest request and response, as office.js
 * serialised them, are recorded. Used by test/excel/walk.test.ts and the benchmark.
 */
import { writeCheckSheet } from '../../../src/excel/check-sheet';
import { buildTrackingWorkbook } from '../../../src/excel/existing';
import { mergeIntoInputOf, mergeIntoWorkbook, type MergeIntoInput } from '../../../src/excel/merge-into';
import { createPivots } from '../../../src/excel/pivot';
import { readTracking } from '../../../src/excel/read';
import { clearHighlight, highlightCells } from '../../../src/excel/select';
import { writePeriodSummary } from '../../../src/excel/summary';
import { withWorkbookReportSheets } from '../../../src/app/build';
import { reportSheet, reportWorkbook } from '../../../src/app/report';
import { reviseTracking } from '../../../src/app/revise';
import { writeReportSheet } from '../../../src/excel/report-sheet';
import { mapColumns, type TaskColumnId } from '../../../src/model/columns';
import { isoToSerial } from '../../../src/model/dates';
import { STATUS_LABELS } from '../../../src/model/labels';
import type { RawCell, TableSnapshot } from '../../../src/model/table';
import type { Plan } from '../../../src/plan/types';
import { checkTracking } from '../../../src/tracking/check';
import { readEntries } from '../../../src/tracking/entries';
import { planMerge, type MergeSource } from '../../../src/tracking/merge';
import { parsePeriod } from '../../../src/tracking/periods';
import { splitMaster } from '../../../src/tracking/split';
import { summarize } from '../../../src/tracking/summary';
import { buildTrackingSpec, buildWorkbookSpec } from '../../../src/workbook/build';
import { rawOf } from '../../../src/workbook/cells';
import { SHEET_NAMES } from '../../../src/workbook/names';
import { buildSummarySheet } from '../../../src/workbook/sheets/period-summary';
import type { CellValue, WorkbookSpec } from '../../../src/workbook/types';
import { seededRandom } from './plans';
import { StrictExcel, type SyncRecord } from './strict-excel';

export const WALK_ACTIONS = [
  'build',
  'update',
  'read+check',
  'check sheet',
  'highlight',
  'pivots',
  'period summary',
  'report',
  'merge into',
] as const;
export type WalkAction = (typeof WALK_ACTIONS)[number];

export interface ActionFigures {
  action: WalkAction;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** What the action handled: rows read, findings, cells, changes… */
  items: number;
  /** Any sync Excel refused (none expected). */
  errors: string[];
}

export interface WalkOptions {
  /** The host's ExcelApi version (default: the double's, 1.17). */
  api?: string;
  reportDate?: string;
  /** Excel on the web's limits; null lets a bench measure past them. */
  limits?: boolean;
}

const REPORT_DATE = '2024-06-30';
const NOW = new Date('2024-07-01T00:00:00Z');

/** Entries as staff make them, straight into the cells: done, in progress, a slip now and then. */
function fillIn(x: StrictExcel, sheetName: string, snapshot: TableSnapshot, seed = 6): void {
  const rnd = seededRandom(seed);
  const sheet = x.requireSheet(sheetName);
  const map = mapColumns(snapshot.headers);
  const at = (i: number, id: TaskColumnId) => ({
    r: snapshot.headerRow + i,
    c: snapshot.firstCol + map.index[id]!,
  });
  const put = (i: number, id: TaskColumnId, v: RawCell) => {
    const { r, c } = at(i, id);
    x.cell(sheet, r, c).value = v;
  };
  const base = isoToSerial('2024-03-15');
  const slips = ['hoàn thành', 'Da hoan thanh', 'Đang TH', 'Tạm dừng'];
  snapshot.rows.forEach((_row, i) => {
    const roll = rnd();
    if (roll < 0.3) {
      put(i, 'status', rnd() < 0.05 ? slips[Math.floor(rnd() * slips.length)] : STATUS_LABELS.done.vi);
      // A completion date typed as text now and then: the checker's favourite.
      put(i, 'completedOn', rnd() < 0.05 ? '15/3/2023' : base + Math.floor(rnd() * 90));
      put(i, 'progress', 100);
      put(i, 'result', 'Đã ban hành văn bản triển khai thực hiện');
    } else if (roll < 0.75) {
      put(i, 'status', STATUS_LABELS.in_progress.vi);
      put(i, 'progress', rnd() < 0.03 ? 150 : 10 + Math.floor(rnd() * 80));
    }
  });
}

/** The plan revised: one task dropped near the top (the rest renumber), one added at the end. */
function revisedPlan(plan: Plan): Plan {
  const tasks = plan.tasks.filter((_t, i) => i !== 1);
  const extra = {
    ...plan.tasks[0],
    id: 'IV.999',
    number: '999',
    text: 'Nhiệm vụ bổ sung theo kế hoạch sửa đổi',
    line: 99_999,
  };
  return { ...plan, tasks: [...tasks, extra] };
}

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

/** The merge the pane plans inside Excel: returns split from the open master, every other task updated. */
async function plannedMerge(x: StrictExcel, reportDate: string): Promise<MergeIntoInput> {
  const master = await readTracking(x.requestContext);
  const split = splitMaster({ snapshot: master.snapshot, meta: master.meta!, reportDate, lang: 'vi' });
  const returns: MergeSource[] = split.copies.map((copy) => {
    const spec = buildTrackingSpec({
      lang: 'vi',
      reportDate,
      planTitle: copy.meta.planTitle,
      agencies: copy.agencies,
      rows: copy.rows,
      meta: copy.meta,
    });
    const snapshot = snapshotOf(spec);
    const map = mapColumns(snapshot.headers);
    snapshot.rows.forEach((r, i) => {
      if (i % 2 === 0) r[map.index.result!] = `Báo cáo kết quả lần ${i + 1} gửi Văn phòng`;
    });
    return { file: copy.fileName, snapshot, meta: copy.meta };
  });
  const plan = planMerge({ file: 'sổ tổng.xlsx', snapshot: master.snapshot, meta: master.meta }, returns);
  return mergeIntoInputOf(plan, master.snapshot, NOW.toISOString(), 'vi');
}

/** Walks every action on a fresh workbook of `plan`, recording each one's figures. */
export async function walkActions(plan: Plan, opts: WalkOptions = {}): Promise<ActionFigures[]> {
  const reportDate = opts.reportDate ?? REPORT_DATE;
  const x = new StrictExcel({ api: opts.api });
  if (opts.limits === false) {
    x.payloadLimit = null;
    x.responseLimit = null;
  }
  x.addSheet('Sheet1');
  const support = x.support;
  const out: ActionFigures[] = [];
  const step = async (action: WalkAction, run: () => Promise<number>) => {
    const start = x.syncs.length;
    const items = await run();
    const mine: SyncRecord[] = x.syncs.slice(start);
    out.push({
      action,
      syncs: mine.length,
      maxRequestBytes: Math.max(0, ...mine.map((s) => s.requestBytes)),
      maxResponseBytes: Math.max(0, ...mine.map((s) => s.responseBytes)),
      totalRequestBytes: mine.reduce((n, s) => n + s.requestBytes, 0),
      totalResponseBytes: mine.reduce((n, s) => n + s.responseBytes, 0),
      items,
      errors: mine.map((s) => s.error).filter((e): e is string => e !== null),
    });
  };
  // What the pane draws: the tracking sheets with Báo cáo and Sắp đến hạn (src/app/build.ts).
  const spec = withWorkbookReportSheets(
    buildWorkbookSpec(plan, { lang: 'vi', reportDate, now: NOW, workbookId: 'walk' }),
    { plan, reportDate },
  );
  const tasks = SHEET_NAMES.tasks.vi;

  await step(
    'build',
    async () =>
      (await buildTrackingWorkbook(x.requestContext, spec, { isSetSupported: support })).render.tableRows,
  );

  const built = await readTracking(x.requestContext);
  fillIn(x, tasks, built.snapshot);
  const revised = revisedPlan(plan);
  await step('update', async () => {
    const r = await buildTrackingWorkbook(
      x.requestContext,
      withWorkbookReportSheets(buildWorkbookSpec(revised, { lang: 'vi', reportDate, now: NOW }), {
        plan: revised,
        reportDate,
      }),
      {
        isSetSupported: support,
        mode: 'update',
        revise: async (old) => {
          const r = await reviseTracking(old, revised, { now: NOW });
          return { ...r, spec: withWorkbookReportSheets(r.spec, { plan: revised, reportDate }) };
        },
      },
    );
    return r.kept.length;
  });

  let findings = checkTracking({ snapshot: built.snapshot, meta: built.meta, reportDate });
  let entriesRead = built.snapshot;
  await step('read+check', async () => {
    const read = await readTracking(x.requestContext);
    entriesRead = read.snapshot;
    findings = checkTracking({ snapshot: read.snapshot, meta: read.meta, reportDate });
    return read.snapshot.rows.length;
  });

  await step('check sheet', async () => {
    await writeCheckSheet(x.requestContext, findings, { lang: 'vi', isSetSupported: support });
    return findings.length;
  });

  await step('highlight', async () => {
    const seen = new Set<string>();
    const cells = findings
      .map((f) => ({ sheet: f.sheet, address: f.cell }))
      .filter((c) => !seen.has(c.address) && seen.add(c.address));
    const h = await highlightCells(x.requestContext, cells);
    await clearHighlight(x.requestContext, h);
    return cells.length;
  });

  await step('pivots', async () => {
    const r = await createPivots(x.requestContext, { lang: 'vi', isSetSupported: support });
    return r.pivots.length;
  });

  await step('period summary', async () => {
    const { entries } = readEntries(entriesRead);
    const period = parsePeriod('2024-Q2');
    const summary = summarize(entries, {
      reportDate,
      period: { start: period.start, end: period.end, label: period.label },
    });
    const sheet = buildSummarySheet(summary, { lang: 'vi' });
    await writePeriodSummary(x.requestContext, sheet.sheet, sheet.chart, {
      lang: 'vi',
      isSetSupported: support,
      replace: true,
    });
    return summary.byAgency.length;
  });

  // The pane's Báo cáo for a period: drawn in place of the build's, from the workbook read.
  await step('report', async () => {
    const read = await readTracking(x.requestContext);
    const outcome = reportWorkbook(read, { period: parsePeriod('2024-Q2') });
    const r = await writeReportSheet(x.requestContext, reportSheet(read, outcome, 'vi'), {
      lang: 'vi',
      isSetSupported: support,
    });
    return r.render.tableRows + outcome.overdue.length + outcome.dueNext.length;
  });

  // Reading the open master is part of the action: the returns are planned against it.
  await step('merge into', async () => {
    const merge = await plannedMerge(x, reportDate);
    return (await mergeIntoWorkbook(x.requestContext, merge)).cellsWritten;
  });
  return out;
}

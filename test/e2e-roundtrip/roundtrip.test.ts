/**
 * Build → split → fill each agency file as a user would (XML edits with JSZip, one file also
 * re-saved by LibreOffice) → merge through the CLI → summary equals figures computed here from
 * what was filled in; the history sheet lists every change; LibreOffice's recalculation of the
 * merged master agrees with the intended deadline states.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { bufferIo } from '../../src/cli/io';
import { agencyKey } from '../../src/plan/agency';
import { parsePlan } from '../../src/plan/parse';
import { readEntries } from '../../src/tracking/entries';
import { summarize, TrackingSummary } from '../../src/tracking/summary';
import { DEADLINE_STATES, DeadlineState } from '../../src/model/vocabulary';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { isoToSerial } from '../../src/model/dates';
import { columnHeader, TaskColumnId } from '../../src/model/columns';
import { STATE_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { cellAddress } from '../../src/model/table';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { recalcWithLibreOffice } from '../helpers/libreoffice';
import { editCells, UserValue } from './user-edit';

const REPORT = '2024-06-20';
const Q2 = { start: '2024-03-15', end: '2024-06-14' }; // 2024-Q2, 15th-to-14th cut-off (DOMAIN §4)
const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;

interface Intended {
  taskId: string;
  lead: string;
  state: DeadlineState;
  due: string | null;
  completedOn: string | null;
  edits: [TaskColumnId, UserValue][];
}

/** What a staff member of the agency enters for the k-th task, and the state that must follow. */
function decide(k: number, taskId: string, lead: string, category: string, due: string | null): Intended {
  const d = (iso: string) => isoToSerial(iso);
  const upd: [TaskColumnId, UserValue] = ['updatedOn', d('2024-06-18')];
  if (category === 'Thường xuyên') {
    return k % 2
      ? {
          taskId,
          lead,
          state: 'ongoing',
          due,
          completedOn: null,
          edits: [['status', DOING], ['result', `Đã triển khai ${taskId}`], upd],
        }
      : {
          taskId,
          lead,
          state: 'ongoing',
          due,
          completedOn: '2024-04-02',
          edits: [['status', DONE], ['completedOn', d('2024-04-02')], upd],
        };
  }
  if (due) {
    // Plan-dated (31/12/2023): already past at the report date.
    const pick = k % 3;
    if (pick === 0)
      return {
        taskId,
        lead,
        state: 'done_on_time',
        due,
        completedOn: '2023-12-20',
        edits: [
          ['status', DONE],
          ['completedOn', d('2023-12-20')],
          ['progress', 100],
        ],
      };
    if (pick === 1)
      return {
        taskId,
        lead,
        state: 'done_late',
        due,
        completedOn: '2024-04-10',
        edits: [
          ['status', DONE],
          ['completedOn', d('2024-04-10')],
          ['note', 'Chậm do chờ hướng dẫn'],
        ],
      };
    return {
      taskId,
      lead,
      state: 'overdue',
      due,
      completedOn: null,
      edits: [
        ['status', DOING],
        ['progress', 60],
      ],
    };
  }
  // No date in the plan: the agency enters one (a merged column for these tasks), or leaves it.
  switch (k % 5) {
    case 0:
      return {
        taskId,
        lead,
        state: 'done_on_time',
        due: '2024-05-31',
        completedOn: '2024-05-20',
        edits: [
          ['due', d('2024-05-31')],
          ['status', DONE],
          ['completedOn', d('2024-05-20')],
        ],
      };
    case 1:
      return {
        taskId,
        lead,
        state: 'overdue',
        due: '2024-05-31',
        completedOn: null,
        edits: [
          ['due', d('2024-05-31')],
          ['status', DOING],
        ],
      };
    case 2:
      return {
        taskId,
        lead,
        state: 'done_late',
        due: '2024-04-30',
        completedOn: '2024-06-05',
        edits: [
          ['due', d('2024-04-30')],
          ['status', DONE],
          ['completedOn', d('2024-06-05')],
        ],
      };
    case 3:
      return {
        taskId,
        lead,
        state: 'in_progress_on_time',
        due: '2024-09-30',
        completedOn: null,
        edits: [
          ['due', d('2024-09-30')],
          ['status', DOING],
          ['result', 'Đang xây dựng dự thảo'],
        ],
      };
    default:
      return {
        taskId,
        lead,
        state: 'undated',
        due: null,
        completedOn: null,
        edits: [['note', 'Chờ văn bản của Trung ương']],
      };
  }
}

function tally(list: Intended[]) {
  const counts = Object.fromEntries(DEADLINE_STATES.map((s) => [s, 0])) as Record<DeadlineState, number>;
  for (const i of list) counts[i.state] += 1;
  return counts;
}

function rate(c: Record<DeadlineState, number>) {
  const due = c.done_on_time + c.done_late + c.overdue;
  return due === 0 ? null : (c.done_on_time + c.done_late) / due;
}

describe('round trip: build → split → fill → merge → summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-roundtrip-'));
  const masterPath = join(dir, 'theo-doi.xlsx');
  const outDir = join(dir, 'co-quan');
  const intended: Intended[] = [];
  const edited = new Set<string>();

  beforeAll(async () => {
    const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
    const plan = parsePlan(text);
    writeFileSync(
      masterPath,
      await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: REPORT, sourceText: text })),
    );
  });

  it('splits, merges the filled returns and sums up exactly what was entered', async () => {
    const split = bufferIo(dir);
    expect(await main(['split', masterPath, '-o', outDir], split)).toBe(0);
    const files = readdirSync(outDir).filter((f) => f.endsWith('.xlsx'));
    const master = await readTrackingWorkbook(readFileSync(masterPath));
    const masterMap = mapColumns(master.snapshot.headers);
    const leads = new Set(
      master.snapshot.rows.map((r) => r[masterMap.index.lead as number]).filter((v) => v),
    );
    expect(files).toHaveLength(new Set([...leads].map((l) => agencyKey(String(l)))).size);
    expect(files).toContain('Ban Tổ chức Tỉnh ủy.xlsx');

    // Fill every copy through its XML, as another program would.
    let k = 0;
    const returns: string[] = [];
    for (const f of files.sort()) {
      const path = join(outDir, f);
      const bytes = readFileSync(path);
      const wb = await readTrackingWorkbook(bytes);
      const map = mapColumns(wb.snapshot.headers);
      const edits: Record<string, UserValue> = {};
      wb.snapshot.rows.forEach((row, i) => {
        const get = (id: TaskColumnId) => row[map.index[id] as number];
        const dueCell = get('due');
        const it = decide(
          k++,
          String(get('taskId')),
          String(get('lead')),
          String(get('category')),
          typeof dueCell === 'number'
            ? new Date((dueCell - 25569) * 86400000).toISOString().slice(0, 10)
            : null,
        );
        intended.push(it);
        for (const [column, value] of it.edits) {
          edits[cellAddress(wb.snapshot, i, map.index[column] as number)] = value;
          edited.add(`${it.taskId}|${columnHeader(column, 'vi')}`);
        }
      });
      const filled = join(dir, `filled-${f}`);
      writeFileSync(filled, await editCells(bytes, wb.snapshot.sheet, edits));
      returns.push(filled);
    }
    // One agency saves its file with LibreOffice before sending it back.
    const lo = returns.findIndex((p) => p.endsWith('Ban Tổ chức Tỉnh ủy.xlsx'));
    const [converted] = await recalcWithLibreOffice([returns[lo]], { outDir: join(dir, 'lo') });
    returns[lo] = converted;

    const merge = bufferIo(dir);
    const code = await main(['merge', masterPath, ...returns, '--json'], merge);
    const report = JSON.parse(merge.stdout);
    expect(report.refused).toEqual([]);
    expect(report.conflicts).toEqual([]);
    expect(code).toBe(0);
    expect(report.written).toBe(true);
    expect(report.changes).toHaveLength(edited.size);

    // Tasks with no lead stayed in the master only, untouched.
    const unassigned = master.snapshot.rows
      .filter((r) => !r[masterMap.index.lead as number])
      .map((r): Intended => {
        const cat = String(r[masterMap.index.category as number]);
        const state: DeadlineState = cat === 'Thường xuyên' ? 'ongoing' : 'undated';
        return { taskId: String(r[0]), lead: '', state, due: null, completedOn: null, edits: [] };
      });
    const all = [...intended, ...unassigned];
    expect(all).toHaveLength(master.snapshot.rows.length);

    const merged = readFileSync(masterPath);
    const wb = await readTrackingWorkbook(merged);
    const summary = summarize(readEntries(wb.snapshot).entries, { reportDate: REPORT, period: Q2 });
    const expectSummary = (s: TrackingSummary) => {
      expect(s.total.counts).toEqual(tally(all));
      expect(s.total.completionRate).toBe(rate(tally(all)));
      for (const row of s.byAgency) {
        const mine = all.filter((i) => (i.lead ? agencyKey(i.lead) : '') === row.key);
        expect(row.counts).toEqual(tally(mine));
        expect(row.completionRate).toBe(rate(tally(mine)));
      }
      const inQ2 = (d: string | null) => d !== null && d >= Q2.start && d <= Q2.end;
      expect(s.period?.completed.map((t) => t.taskId).sort()).toEqual(
        all
          .filter((i) => i.state.startsWith('done') && inQ2(i.completedOn))
          .map((i) => i.taskId)
          .sort(),
      );
      expect(s.period?.fellOverdue.map((t) => t.taskId).sort()).toEqual(
        all
          .filter((i) => (i.state === 'overdue' || i.state === 'done_late') && inQ2(i.due))
          .map((i) => i.taskId)
          .sort(),
      );
    };
    expectSummary(summary);
    expect(summary.byAgency.length).toBe(new Set(all.map((i) => (i.lead ? agencyKey(i.lead) : ''))).size);

    // The CLI says the same.
    const sum = bufferIo(dir);
    expect(
      await main(['summary', masterPath, '--period', '2024-Q2', '--json', '--report-date', REPORT], sum),
    ).toBe(0);
    // With --period the CLI counts that period's tasks only (issue 19), as the pane and the report.
    const cli = JSON.parse(sum.stdout) as TrackingSummary;
    const scoped = summarize(readEntries(wb.snapshot).entries, {
      reportDate: REPORT,
      period: Q2,
      scope: 'period',
    });
    expect(cli.total.counts).toEqual(scoped.total.counts);
    expect(cli.byAgency.map((r) => [r.key, r.counts])).toEqual(scoped.byAgency.map((r) => [r.key, r.counts]));
    expect(scoped.total.counts).not.toEqual(tally(all));

    // The history lists every change, with the cell's old (empty) and new value.
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(merged as unknown as ArrayBuffer);
    const hist = x.getWorksheet('Lịch sử');
    expect(hist).toBeDefined();
    const seen = new Set<string>();
    hist?.eachRow((row, n) => {
      if (n === 1) return;
      const v = (c: number) => row.getCell(c).value;
      seen.add(`${v(3)}|${v(4)}`);
      expect(v(6)).toBeNull();
      expect(v(7)).not.toBeNull();
    });
    expect(seen).toEqual(edited);
    expect(hist?.rowCount).toBe(1 + edited.size);

    // LibreOffice opens the merged master and its formulas agree with the intended states.
    const [recalced] = await recalcWithLibreOffice([masterPath], { outDir: join(dir, 'lo-master') });
    const lo2 = await readTrackingWorkbook(readFileSync(recalced));
    const map2 = mapColumns(lo2.snapshot.headers);
    const stateOf = new Map(
      lo2.snapshot.rows.map((r) => [r[map2.index.taskId as number], r[map2.index.state as number]]),
    );
    for (const i of all)
      expect([i.taskId, stateOf.get(i.taskId)]).toEqual([i.taskId, STATE_LABELS[i.state].vi]);

    // Next quarter: the office now keeps the master as LibreOffice saved it, and the agency sends
    // the same file again with one more task done. Only that edit flows in: no conflict with
    // the values merged last time.
    const lateTask = intended.find((i) => i.state === 'overdue' && i.lead.startsWith('Ban Tổ chức'));
    if (!lateTask) throw new Error('the fill rules left Ban Tổ chức no overdue task');
    const ret2 = readFileSync(returns[lo]);
    const wb2 = await readTrackingWorkbook(ret2);
    const m2 = mapColumns(wb2.snapshot.headers);
    const r2 = wb2.snapshot.rows.findIndex((r) => r[m2.index.taskId as number] === lateTask.taskId);
    const again = join(dir, 'again.xlsx');
    writeFileSync(
      again,
      await editCells(ret2, wb2.snapshot.sheet, {
        [cellAddress(wb2.snapshot, r2, m2.index.status as number)]: DONE,
        [cellAddress(wb2.snapshot, r2, m2.index.completedOn as number)]: isoToSerial('2024-06-19'),
      }),
    );
    const loMaster = join(dir, 'lo-master.xlsx');
    writeFileSync(loMaster, readFileSync(recalced));
    const second = bufferIo(dir);
    const code2 = await main(['merge', loMaster, again, '--json'], second);
    const rep2 = JSON.parse(second.stdout);
    expect(rep2.conflicts).toEqual([]);
    expect(rep2.refused).toEqual([]);
    expect(code2).toBe(0);
    expect(rep2.changes.map((c: { taskId: string; column: string }) => [c.taskId, c.column])).toEqual([
      [lateTask.taskId, 'status'],
      [lateTask.taskId, 'completedOn'],
    ]);
    const after = await readTrackingWorkbook(readFileSync(loMaster));
    const m3 = mapColumns(after.snapshot.headers);
    const row3 = after.snapshot.rows.find((r) => r[m3.index.taskId as number] === lateTask.taskId);
    expect(row3?.[m3.index.status as number]).toBe(DONE);
    expect(row3?.[m3.index.completedOn as number]).toBe(isoToSerial('2024-06-19'));
    const x2 = new ExcelJS.Workbook();
    await x2.xlsx.load(readFileSync(loMaster) as unknown as ArrayBuffer);
    expect(x2.getWorksheet('Lịch sử')?.rowCount).toBe(1 + edited.size + 2);
  });
});

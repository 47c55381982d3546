/** @jest-environment jsdom */
import './jsdom-polyfills';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { addedPlanFile } from '../../src/app/add-plan';
import { trackingFileSpec, trackingWorkbookSpec } from '../../src/app/build';
import { createWorkspace, type HostInfo } from '../../src/app/workspace';
import { renderWorkbook } from '../../src/excel/render';
import { readTracking } from '../../src/excel/read';
import { mapColumns, PLAN_COLUMN_IDS, type TaskColumnId } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { cellAddress, type TableSnapshot } from '../../src/model/table';
import { planRef } from '../../src/model/task-columns';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { App } from '../../src/taskpane/App';
import { planFingerprint } from '../../src/tracking/fingerprint';
import { SHEET_NAMES } from '../../src/workbook/names';
import { writeXlsx } from '../../src/xlsx/write';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { StrictExcel } from '../support/excel/strict-excel';

/**
 * "Thêm vào sổ đang mở" inside Excel (issue 17): the pane's import step over the strict double
 * (Microsoft's office.js Excel.run on an emulated workbook), on ExcelApi 1.17 and on Excel 2019's
 * 1.7. A master of one real plan is open with entries typed in; a second real plan is pasted and
 * added; the open workbook is read back and compared with what `plan-tracker add` makes of the
 * same master as a file.
 */

jest.setTimeout(120_000);

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-09-30';
const DONE = STATUS_LABELS.done.vi;
const HISTORY = SHEET_NAMES.history.vi;

function real(file: string): { plan: Plan; text: string } {
  const text = readFileSync(join(REAL, file), 'utf8');
  return { plan: parsePlan(text), text };
}
const A = real('ha-tinh-624-kh-ubnd-2025.txt');
const B = real('can-tho-165-kh-ubnd-2025.txt');

/** Entries staff typed into the master before the second plan came. */
const TYPED: [number, TaskColumnId, string | number][] = [
  [0, 'status', DONE],
  [0, 'result', 'Đã ban hành kế hoạch chi tiết'],
  [2, 'note', 'Chờ ý kiến Sở Tài chính'],
];

function setEntry(
  x: StrictExcel,
  snapshot: TableSnapshot,
  row: number,
  column: TaskColumnId,
  v: string | number,
) {
  const map = mapColumns(snapshot.headers);
  x.setCell(snapshot.sheet, cellAddress(snapshot, row, map.index[column]!), v);
}

/** The master built from plan A as the pane builds it, open in Excel, with entries typed in. */
async function openMaster(api: string): Promise<StrictExcel> {
  const x = new StrictExcel({ api });
  x.addSheet('Sheet1');
  Object.assign(globalThis, {
    Excel: { run: <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => x.run(batch) },
    // The renderer asks the host what it supports, as the pane does inside Excel.
    Office: { context: { requirements: { isSetSupported: x.support } } },
  });
  const spec = await trackingWorkbookSpec({
    plan: A.plan,
    sourceText: A.text,
    lang: 'vi',
    reportDate: REPORT_DATE,
  });
  await renderWorkbook(x.requestContext, spec, { isSetSupported: x.support });
  const wb = await readTracking(x.requestContext);
  for (const [row, column, v] of TYPED) setEntry(x, wb.snapshot, row, column, v);
  return x;
}

/** The .xlsx twin of the same master, entries included, for `plan-tracker add`. */
async function masterFile(): Promise<Uint8Array> {
  const { fill } = await import('../xlsx/merge-fixture');
  const bytes = await writeXlsx(
    await trackingFileSpec({ plan: A.plan, sourceText: A.text, lang: 'vi', reportDate: REPORT_DATE }),
  );
  return fill(
    bytes,
    TYPED.map(([row, column, v]) => [A.plan.tasks[row].id, column, v]),
  );
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});

function everything(x: StrictExcel): string {
  return JSON.stringify(
    x.state.sheets.map((s) => [s.name, s.visibility, [...s.cells.entries()], [...s.widths.entries()]]),
  );
}

/** The columns a plan and staff fill, row by row, by task id: what an addition must get right. */
function tableOf(snapshot: TableSnapshot) {
  const map = mapColumns(snapshot.headers);
  const cols: TaskColumnId[] = [...PLAN_COLUMN_IDS, 'status', 'result', 'note'];
  return snapshot.rows
    .filter((r) => r[map.index.taskId!])
    .map((r) => cols.map((c) => [c, map.index[c] === undefined ? undefined : (r[map.index[c]!] ?? null)]));
}

function pane(api: string) {
  const workspace = createWorkspace({
    mode: 'excel',
    excelApi: api,
    displayLanguage: 'vi-VN',
    dark: false,
  } satisfies HostInfo);
  render(<App workspace={workspace} />);
}

async function analyse(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung Kế hoạch' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Phân tích' }));
  await screen.findByTestId('preview-heading');
}

beforeEach(() => window.localStorage.clear());

describe.each(['1.17', '1.7'])('adding a plan to the master open in Excel (ExcelApi %s)', (api) => {
  it('adds the pasted plan in place, keeps every entry, logs it, and matches `plan-tracker add`', async () => {
    const x = await openMaster(api);
    pane(api);
    await analyse(B.text);
    const panel = await screen.findByTestId('add-master');
    expect(panel.textContent).toContain('Sổ đang mở trong Excel là sổ theo dõi');
    expect(panel.textContent).toContain(`${B.plan.tasks.length} nhiệm vụ của kế hoạch này`);

    fireEvent.click(within(panel).getByRole('button', { name: 'Thêm vào sổ đang mở' }));
    const done = await within(panel).findByText(/^Đã thêm kế hoạch 165\/KH-UBND/, {}, { timeout: 60_000 });
    expect(done.textContent).toContain(`${B.plan.tasks.length} nhiệm vụ, mã bắt đầu bằng KH165`);
    expect(done.textContent).toContain(`số liệu của ${A.plan.tasks.length} nhiệm vụ đã có được giữ nguyên`);
    expect(done.textContent).toContain('Sổ đang mở đã được cập nhật');

    const open = await readTracking(x.requestContext);
    const ids = open.snapshot.rows.map((r) => r[mapColumns(open.snapshot.headers).index.taskId!]);
    expect(ids).toEqual([...A.plan.tasks.map((t) => t.id), ...B.plan.tasks.map((t) => `KH165.${t.id}`)]);
    // The meta holds one record per plan; the added one carries the fingerprint a build of it would.
    expect(open.meta?.plans?.map((p) => p.ref)).toEqual([planRef(A.plan), planRef(B.plan)]);
    expect(open.meta?.plans?.[1].fingerprint).toBe((await planFingerprint(B.plan, B.text)).value);
    expect(open.meta?.plans?.[1].taskIds).toHaveLength(B.plan.tasks.length);

    // The same table as the command line's addition of the same master (one core for both).
    const cli = await addedPlanFile(
      { name: 'so-tong.xlsx', bytes: await masterFile() },
      { plan: B.plan, text: B.text },
    );
    const fromFile = await readTrackingWorkbook(cli.bytes);
    expect(tableOf(open.snapshot)).toEqual(tableOf(fromFile.snapshot));
    const map = mapColumns(open.snapshot.headers);
    expect(open.snapshot.rows[0][map.index.status!]).toBe(DONE);
    expect(open.snapshot.rows[2][map.index.note!]).toBe('Chờ ý kiến Sở Tài chính');

    // One Lịch sử row for the addition, as the file's.
    const history = x.valuesOf(HISTORY, 'A1:H4').filter((r) => r.some((v) => v !== null && v !== ''));
    expect(history).toHaveLength(2);
    expect(history[0][0]).toBe('Thời gian');
    expect(history[1][7]).toBe(
      `Thêm kế hoạch ${planRef(B.plan)}: ${B.plan.tasks.length} nhiệm vụ, mã bắt đầu bằng KH165.`,
    );
    // The old task sheet is kept hidden; the report sheets are drawn over the whole table again.
    expect(x.requireSheet('Nhiệm vụ (trước cập nhật)').visibility).not.toBe('Visible');
    expect(x.state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Báo cáo', 'Sắp đến hạn']));

    // The other steps see the workbook as it is now.
    fireEvent.click(screen.getByRole('tab', { name: /Tổng hợp/ }));
    const source = await screen.findByTestId('summary-source', {}, { timeout: 20_000 });
    expect(source.textContent).toContain(`${A.plan.tasks.length + B.plan.tasks.length} nhiệm vụ`);
  });

  it('refuses a plan the master already holds, says why, and writes nothing', async () => {
    const x = await openMaster(api);
    pane(api);
    await analyse(A.text);
    const panel = await screen.findByTestId('add-master');
    const before = everything(x);
    const commands = x.commands.length;
    fireEvent.click(within(panel).getByRole('button', { name: 'Thêm vào sổ đang mở' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe(
      `Không thêm được kế hoạch: Kế hoạch này đã có trong sổ tổng ("${planRef(A.plan)}"); không ghi gì.`,
    );
    expect(everything(x)).toBe(before);
    // Only reads went to Excel: no command but office.js keeping and releasing its ranges.
    const kinds = x.commands.slice(commands).map((c) => c.kind);
    expect(kinds.filter((k) => !/_(Keep|Remove)Reference/i.test(k))).toEqual([]);
  });

  it('offers nothing when the open workbook tracks no plan', async () => {
    const x = new StrictExcel({ api });
    x.addSheet('Sheet1');
    Object.assign(globalThis, {
      Excel: { run: <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => x.run(batch) },
    });
    pane(api);
    await analyse(B.text);
    // The probe answered: a sync went to Excel, and no panel came.
    await waitFor(() => expect(x.syncs.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('add-master')).toBeNull();
  });
});

/** @jest-environment jsdom */
import './jsdom-polyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { errorText } from '../../src/app/errors';
import { createWorkspace, type HostInfo, type LoadedTracking } from '../../src/app/workspace';
import { renderWorkbook } from '../../src/excel/render';
import { readTracking } from '../../src/excel/read';
import { mapColumns, type TaskColumnId } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { cellAddress, type RawCell } from '../../src/model/table';
import type { Plan } from '../../src/plan/types';
import { ShareStep } from '../../src/taskpane/steps/ShareStep';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { SHEET_NAMES } from '../../src/workbook/names';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { StrictExcel } from '../support/excel/strict-excel';
import { fill, NV, PLAN, TC } from '../xlsx/merge-fixture';
import { withProviders } from './fixtures';

/**
 * The merge panel inside Excel, end to end below the page: the Excel workspace over the strict
 * double (office.js's own Excel.run on an emulated workbook), the returns as files picked by the
 * user, the open workbook's cells and its Lịch sử rows read back after the merge.
 */

const DONE = STATUS_LABELS.done.vi;
const DOING = STATUS_LABELS.in_progress.vi;
const HISTORY = SHEET_NAMES.history.vi;
const explain = async (e: unknown, lang: 'vi' | 'en') => errorText(e, lang);

function specOf(plan: Plan, workbookId: string) {
  return buildWorkbookSpec(plan, {
    lang: 'vi',
    reportDate: '2024-06-20',
    workbookId,
    now: new Date('2024-01-15T00:00:00Z'),
  });
}

interface Setup {
  x: StrictExcel;
  /** The per-agency copies split from the same master as the open workbook, by agency key. */
  copies: Map<string, Uint8Array>;
}

/** The master open in Excel (drawn into the double) and the copies split from its file twin. */
async function openMaster(api: string): Promise<Setup> {
  const x = new StrictExcel({ api });
  x.addSheet('Sheet1');
  await renderWorkbook(x.requestContext, specOf(PLAN, 'master-1'), { isSetSupported: x.support });
  const { files } = await splitWorkbook(await writeXlsx(specOf(PLAN, 'master-1')));
  Object.assign(globalThis, {
    Excel: { run: <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => x.run(batch) },
  });
  return { x, copies: new Map(files.map((f) => [f.agencyKey, f.bytes])) };
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

/** Every sheet's cells, widths and panes: what "nothing written" is compared on. */
function everything(x: StrictExcel): string {
  return JSON.stringify(
    x.state.sheets.map((s) => [s.name, [...s.cells.entries()], [...s.widths.entries()], s.freeze]),
  );
}

/** The open workbook's value of a task's cell, as Excel holds it. */
async function openValue(x: StrictExcel, taskId: string, column: TaskColumnId): Promise<RawCell> {
  const wb = await readTracking(x.requestContext);
  const map = mapColumns(wb.snapshot.headers);
  const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId!] === taskId);
  return x.at(wb.snapshot.sheet, cellAddress(wb.snapshot, row, map.index[column]!))?.value ?? null;
}

function historyRows(x: StrictExcel): (string | number | boolean | null)[][] {
  return x.valuesOf(HISTORY, 'A1:H60').filter((r) => r.some((v) => v !== null && v !== ''));
}

/** The share step as the pane shows it inside Excel, on the open workbook as read through it. */
async function sharePane(api: string) {
  const workspace = createWorkspace({
    mode: 'excel',
    excelApi: api,
    displayLanguage: 'vi-VN',
    dark: false,
  } satisfies HostInfo);
  let tracking: LoadedTracking = await workspace.openTracking!();
  const source = { open: workspace.openTracking, fromFile: workspace.trackingFromFile, explain };
  const reads: LoadedTracking[] = [];
  const view = render(
    withProviders(
      <ShareStep
        tracking={tracking}
        onTracking={(t) => reads.push((tracking = t))}
        source={source}
        split={workspace.split}
        zip={workspace.zip}
        merge={workspace.merge}
      />,
    ),
  );
  const pick = (files: [string, Uint8Array][]) =>
    fireEvent.change(screen.getByTestId('merge-files'), {
      target: { files: files.map(([name, bytes]) => new File([new Uint8Array(bytes)], name)) },
    });
  return { view, pick, reads, current: () => tracking };
}

async function nvReturn(s: Setup) {
  return fill(s.copies.get(NV)!, [
    ['IV.1.1', 'status', DONE],
    ['IV.1.1', 'completedOn', isoToSerial('2024-04-05')],
    ['IV.1.1', 'result', 'Đã phê duyệt đề án'],
    ['IV.1.2', 'note', 'Chờ kinh phí'],
  ]);
}

async function tcReturn(s: Setup) {
  return fill(s.copies.get(TC)!, [
    ['IV.3.1', 'status', DOING],
    ['IV.3.1', 'progress', 40],
  ]);
}

describe.each(['1.17', '1.7'])('merging into the open workbook from the pane (ExcelApi %s)', (api) => {
  it('shows the plan, writes nothing until confirmed, then writes the cells and the history', async () => {
    const s = await openMaster(api);
    const pane = await sharePane(api);
    const before = everything(s.x);
    pane.pick([['Sở Nội vụ.xlsx', await nvReturn(s)]]);
    await screen.findByText('4 ô thay đổi từ 1 tệp.');
    // Every change is listed before anything is written: task, column as the user sees it, before → after.
    const changes = within(screen.getByTestId('merge-changes'));
    expect(changes.getByText('Các ô thay đổi (4)')).toBeTruthy();
    const lines = changes.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      `IV.1.1 · Trạng thái: ∅ → ${DONE} (Sở Nội vụ.xlsx)`,
      'IV.1.1 · Ngày hoàn thành: ∅ → 05/04/2024 (Sở Nội vụ.xlsx)',
      'IV.1.1 · Kết quả thực hiện: ∅ → Đã phê duyệt đề án (Sở Nội vụ.xlsx)',
      'IV.1.2 · Ghi chú: ∅ → Chờ kinh phí (Sở Nội vụ.xlsx)',
    ]);
    const write = await screen.findByTestId('merge-write');
    // The review wrote nothing, and offers no download: the open workbook is the master.
    expect(everything(s.x)).toBe(before);
    expect(screen.queryByTestId('merge-download')).toBeNull();

    fireEvent.click(write);
    await screen.findByText(/^Đã ghi 4 ô vào sổ đang mở và thêm 4 dòng vào trang "Lịch sử"/);
    expect(await openValue(s.x, 'IV.1.1', 'status')).toBe(DONE);
    expect(await openValue(s.x, 'IV.1.1', 'completedOn')).toBe(isoToSerial('2024-04-05'));
    expect(await openValue(s.x, 'IV.1.1', 'result')).toBe('Đã phê duyệt đề án');
    expect(await openValue(s.x, 'IV.1.2', 'note')).toBe('Chờ kinh phí');
    expect(await openValue(s.x, 'IV.2.1', 'status')).toBeNull();
    const history = historyRows(s.x);
    expect(history[0][0]).toBe('Thời gian');
    expect(history.slice(1).map((r) => [r[1], r[2]])).toEqual(
      Array.from({ length: 4 }, (_v, i) => ['Sở Nội vụ.xlsx', i < 3 ? 'IV.1.1' : 'IV.1.2']),
    );
    expect(history.slice(1).flat()).toContain('Đã phê duyệt đề án');
    // The history sheet made here has the builder's layout: a frozen header, widths.
    expect(s.x.requireSheet(HISTORY).freeze).toEqual({ rows: 1, cols: 0 });
    expect(s.x.requireSheet(HISTORY).widths.size).toBeGreaterThan(0);
    // The other steps see the merged workbook: it was read again.
    await waitFor(() => expect(pane.reads.length).toBe(1));
    expect(pane.current().live).toBeDefined();
  });

  it('merges returns one after another, each on what the last one wrote', async () => {
    const s = await openMaster(api);
    const pane = await sharePane(api);
    pane.pick([['Sở Nội vụ.xlsx', await nvReturn(s)]]);
    fireEvent.click(await screen.findByTestId('merge-write'));
    await screen.findByText(/^Đã ghi 4 ô/);
    pane.pick([['Sở Tài chính.xlsx', await tcReturn(s)]]);
    await screen.findByText('2 ô thay đổi từ 1 tệp.');
    fireEvent.click(await screen.findByTestId('merge-write'));
    await screen.findByText(/^Đã ghi 2 ô vào sổ đang mở và thêm 2 dòng/);

    expect(await openValue(s.x, 'IV.1.1', 'status')).toBe(DONE);
    expect(await openValue(s.x, 'IV.1.2', 'note')).toBe('Chờ kinh phí');
    expect(await openValue(s.x, 'IV.3.1', 'status')).toBe(DOING);
    expect(await openValue(s.x, 'IV.3.1', 'progress')).toBe(40);
    const history = historyRows(s.x);
    expect(history).toHaveLength(1 + 4 + 2);
    expect(history.slice(1).map((r) => r[1])).toEqual([
      ...Array<string>(4).fill('Sở Nội vụ.xlsx'),
      ...Array<string>(2).fill('Sở Tài chính.xlsx'),
    ]);

    // The same return again is nothing new: no write offered, nothing written.
    const after = everything(s.x);
    pane.pick([['Sở Tài chính.xlsx', await tcReturn(s)]]);
    await screen.findByText('Không có thay đổi nào để gộp.');
    expect(screen.queryByTestId('merge-write')).toBeNull();
    expect(everything(s.x)).toBe(after);
  });

  it('refuses a return of another plan and leaves every cell as it was', async () => {
    const s = await openMaster(api);
    const pane = await sharePane(api);
    const other = await splitWorkbook(
      await writeXlsx(specOf({ ...PLAN, title: `${PLAN.title} (khác)` }, 'master-2')),
    );
    const foreign = await fill(other.files.find((f) => f.agencyKey === NV)!.bytes, [
      ['IV.1.1', 'status', DONE],
    ]);
    const before = everything(s.x);
    const commands = s.x.commands.length;
    pane.pick([
      ['Sở Nội vụ.xlsx', await nvReturn(s)],
      ['khác.xlsx', foreign],
    ]);
    await screen.findByRole('list', { name: 'Tệp bị từ chối' });
    expect(screen.getByRole('list', { name: 'Tệp bị từ chối' }).textContent).toContain('khác.xlsx');
    expect(screen.queryByTestId('merge-write')).toBeNull();
    expect(everything(s.x)).toBe(before);
    // Only reads went to Excel: no command but office.js keeping and releasing its ranges.
    const kinds = s.x.commands.slice(commands).map((c) => c.kind);
    expect(kinds.filter((k) => !/_(Keep|Remove)Reference/i.test(k))).toEqual([]);
  });

  it('asks about a cell both sides changed, then writes the agency’s value on that choice', async () => {
    const s = await openMaster(api);
    const pane = await sharePane(api);
    // Someone typed into the open master since the split.
    const wb = await readTracking(s.x.requestContext);
    const map = mapColumns(wb.snapshot.headers);
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId!] === 'IV.1.1');
    s.x.setCell(wb.snapshot.sheet, cellAddress(wb.snapshot, row, map.index.status!), DOING);
    const before = everything(s.x);
    pane.pick([['Sở Nội vụ.xlsx', await nvReturn(s)]]);
    await screen.findByText('Xung đột (1)');
    expect(screen.queryByTestId('merge-write')).toBeNull();
    expect(everything(s.x)).toBe(before);
    fireEvent.click(screen.getByRole('button', { name: 'Lấy tất cả giá trị của cơ quan' }));
    fireEvent.click(await screen.findByTestId('merge-write'));
    await screen.findByText(/^Đã ghi 4 ô/);
    expect(await openValue(s.x, 'IV.1.1', 'status')).toBe(DONE);
    const note = historyRows(s.x).find((r) => r[2] === 'IV.1.1' && r[5] === DOING);
    expect(String(note?.[7])).toMatch(/Xung đột/);
    // The time is the local time of the merge, dd/mm/yyyy hh:mm with its offset, as in the files.
    expect(String(note?.[0])).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(UTC([+-]\d{1,2}(:\d{2})?)?\)$/);
  });

  it('settles two conflicts one by one, clears the prompt, then writes each as chosen', async () => {
    const s = await openMaster(api);
    const pane = await sharePane(api);
    const wb = await readTracking(s.x.requestContext);
    const map = mapColumns(wb.snapshot.headers);
    const at = (id: string, column: TaskColumnId) =>
      cellAddress(
        wb.snapshot,
        wb.snapshot.rows.findIndex((r) => r[map.index.taskId!] === id),
        map.index[column]!,
      );
    // The office typed into the open master since the split, in two cells the agency also changed.
    s.x.setCell(wb.snapshot.sheet, at('IV.1.1', 'status'), DOING);
    s.x.setCell(wb.snapshot.sheet, at('IV.1.2', 'note'), 'Văn phòng: đã nhắc');
    pane.pick([['Sở Nội vụ.xlsx', await nvReturn(s)]]);
    await screen.findByText('Xung đột (2)');
    const status = screen.getByRole('radiogroup', { name: /IV\.1\.1/ });
    const note = screen.getByRole('radiogroup', { name: /IV\.1\.2/ });
    fireEvent.click(within(status).getByRole('radio', { name: 'Lấy của cơ quan' }));
    fireEvent.click(within(note).getByRole('radio', { name: 'Giữ của sổ tổng' }));
    expect(screen.queryByTestId('merge-write')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng các lựa chọn (2/2)' }));
    // The prompt is gone; what was decided is said, and the write is offered.
    const settled = await screen.findByText(
      'Đã quyết 2 xung đột: 1 lấy giá trị của cơ quan, 1 giữ giá trị sổ tổng.',
    );
    expect(document.activeElement).toBe(settled);
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    fireEvent.click(await screen.findByTestId('merge-write'));
    await screen.findByText(/^Đã ghi \d+ ô/);
    expect(await openValue(s.x, 'IV.1.1', 'status')).toBe(DONE);
    expect(await openValue(s.x, 'IV.1.2', 'note')).toBe('Văn phòng: đã nhắc');
    expect(await openValue(s.x, 'IV.1.1', 'result')).toBe('Đã phê duyệt đề án');
    const rows = historyRows(s.x);
    expect(rows.some((r) => r[2] === 'IV.1.2' && r[3] === 'Ghi chú')).toBe(false);
    expect(String(rows.find((r) => r[2] === 'IV.1.1' && r[5] === DOING)?.[7])).toMatch(/Xung đột/);
  });
});

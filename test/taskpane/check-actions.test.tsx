/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { HostInfo } from '../../src/app/workspace';
import { createWorkspace, type LiveWorkbook, type LoadedTracking } from '../../src/app/workspace';
import { CheckStep } from '../../src/taskpane/steps/CheckStep';
import { checkTracking } from '../../src/tracking/check';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { columnHeader } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { cellAddress } from '../../src/model/table';
import type { TrackingWorkbook } from '../../src/workbook/types';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { samplePlan, withProviders } from './fixtures';

// The open workbook is replaced: these tests are about what the Check step hands to it and shows back.
const live = {
  goToCell: jest.fn(),
  highlight: jest.fn(),
  clearHighlight: jest.fn(),
  hasHighlight: jest.fn(() => false),
  writeCheckSheet: jest.fn(),
  writeSummarySheet: jest.fn(),
  createPivots: jest.fn(),
  writeReportSheet: jest.fn(),
  merge: jest.fn(),
} satisfies LiveWorkbook;
const explain = jest.fn(async (e: unknown) => String((e as Error).message));

const EXCEL: HostInfo = { mode: 'excel', excelApi: '1.12', displayLanguage: 'vi-VN', dark: false };
const BROWSER: HostInfo = { mode: 'browser', excelApi: null, displayLanguage: 'vi-VN', dark: false };

const statusColumn = (wb: TrackingWorkbook) => wb.snapshot.headers.indexOf(columnHeader('status', 'vi'));

/** The sample's tracking workbook with a status word the list does not know typed into two rows. */
async function trackingWithMistakes(): Promise<TrackingWorkbook> {
  const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate: '2024-03-31' }));
  const wb = await readTrackingWorkbook(bytes);
  const status = statusColumn(wb);
  wb.snapshot.rows[0][status] = 'Xong rồi';
  wb.snapshot.rows[2][status] = 'Xong rồi';
  return wb;
}

const openWorkbook = (wb: TrackingWorkbook): LoadedTracking => ({
  wb,
  fileName: null,
  file: async () => ({ name: 'Sổ tổng.xlsx', bytes: new Uint8Array() }),
  live,
  loadedAt: 1,
});

function findingsOf(wb: TrackingWorkbook) {
  return checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate: wb.reportDate!, lang: wb.lang });
}

const source = { fromFile: jest.fn(), explain };

function renderCheck(tracking: LoadedTracking, lang: 'vi' | 'en' = 'vi') {
  return render(
    withProviders(<CheckStep tracking={tracking} onTracking={() => undefined} source={source} />, lang),
  );
}

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

beforeEach(() => {
  jest.clearAllMocks();
  live.hasHighlight.mockReturnValue(false);
});

describe('Check step actions in Excel', () => {
  it('highlights the findings’ cells, then clears the highlight', async () => {
    const wb = await trackingWithMistakes();
    const findings = findingsOf(wb);
    live.highlight.mockResolvedValue(7);
    live.clearHighlight.mockResolvedValue(undefined);
    renderCheck(openWorkbook(wb));

    const clear = screen.getByRole('button', { name: 'Bỏ tô màu' });
    expect(clear.getAttribute('aria-disabled')).toBe('true');
    // Not clickable before there is something to clear.
    await click('Bỏ tô màu');
    expect(live.clearHighlight).not.toHaveBeenCalled();
    await click('Tô màu các ô có vấn đề');

    const cells = live.highlight.mock.calls[0][0];
    expect(cells).toEqual(findings.map((f) => ({ sheet: f.sheet, address: f.cell })));
    // The two typed-in mistakes are among the cells, at their own addresses on the task sheet.
    for (const rowIndex of [0, 2]) {
      const address = cellAddress(wb.snapshot, rowIndex, statusColumn(wb));
      expect(cells).toContainEqual({ sheet: wb.snapshot.sheet, address });
    }
    // The count shown is the one Excel reported (duplicates counted once there).
    await screen.findByText('Đã tô màu 7 ô có vấn đề. Bấm "Bỏ tô màu" để trả lại màu cũ.');
    expect(clear.getAttribute('aria-disabled')).not.toBe('true');

    await click('Bỏ tô màu');
    expect(live.clearHighlight).toHaveBeenCalledTimes(1);
    await screen.findByText('Đã bỏ tô màu; các ô trở lại như trước.');
    expect(clear.getAttribute('aria-disabled')).toBe('true');
  });

  it('keeps Clear enabled when the open workbook still holds a highlight from before', async () => {
    const wb = await trackingWithMistakes();
    live.hasHighlight.mockReturnValue(true);
    renderCheck(openWorkbook(wb));
    const clear = screen.getByRole('button', { name: 'Bỏ tô màu' });
    expect(clear.getAttribute('aria-disabled')).not.toBe('true');
  });

  it('writes the Check sheet with the findings in the pane’s language and reports it', async () => {
    const wb = await trackingWithMistakes();
    const findings = findingsOf(wb);
    live.writeCheckSheet.mockImplementation(async () => ({ sheet: 'Check', skipped: [] }) as never);
    renderCheck(openWorkbook(wb), 'en');
    await click('Write the Check sheet');
    const [given, lang] = live.writeCheckSheet.mock.calls[0];
    expect(lang).toBe('en');
    expect(given).toEqual(findings);
    await screen.findByText(
      `Wrote the sheet "Check": ${findings.length} problems, each row linked to its cell.`,
    );
  });

  it('shows Excel’s error, explained, and leaves Clear disabled after a failed highlight', async () => {
    const wb = await trackingWithMistakes();
    live.highlight.mockRejectedValue(new Error('Trang tính đang được bảo vệ.'));
    renderCheck(openWorkbook(wb));
    await click('Tô màu các ô có vấn đề');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Không thực hiện được: Trang tính đang được bảo vệ.');
    expect(explain).toHaveBeenCalledWith(expect.any(Error), 'vi');
    const clear = screen.getByRole('button', { name: 'Bỏ tô màu' });
    expect(clear.getAttribute('aria-disabled')).toBe('true');
  });

  it('shows the error when writing the sheet fails', async () => {
    const wb = await trackingWithMistakes();
    live.writeCheckSheet.mockRejectedValue(new Error('Không đủ quyền ghi.'));
    renderCheck(openWorkbook(wb));
    await click('Ghi trang Kiểm tra');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Không thực hiện được: Không đủ quyền ghi.'),
    );
  });

  it('runs one Excel action at a time', async () => {
    let finish: (n: number) => void = () => undefined;
    live.highlight.mockReturnValue(new Promise<number>((resolve) => (finish = resolve)));
    renderCheck(openWorkbook(await trackingWithMistakes()));
    await click('Tô màu các ô có vấn đề');
    expect(screen.getByRole('group', { name: 'Đánh dấu trong sổ' }).getAttribute('aria-busy')).toBe('true');
    await click('Ghi trang Kiểm tra');
    expect(live.writeCheckSheet).not.toHaveBeenCalled();
    await act(async () => finish(3));
    await screen.findByText('Đã tô màu 3 ô có vấn đề. Bấm "Bỏ tô màu" để trả lại màu cũ.');
    live.writeCheckSheet.mockResolvedValue({ sheet: 'Kiểm tra', skipped: [] } as never);
    await click('Ghi trang Kiểm tra');
    expect(live.writeCheckSheet).toHaveBeenCalledTimes(1);
  });

  it('highlights and writes only the filtered findings, and says so on the buttons', async () => {
    const wb = await trackingWithMistakes();
    const findings = findingsOf(wb);
    const severities = new Set(findings.map((f) => f.severity));
    expect(severities.has('error')).toBe(true);
    expect(severities.size).toBeGreaterThan(1);
    const errors = findings.filter((f) => f.severity === 'error');
    live.highlight.mockResolvedValue(errors.length);
    live.writeCheckSheet.mockResolvedValue({ sheet: 'Kiểm tra', skipped: [] } as never);
    renderCheck(openWorkbook(wb));
    const severity = screen.getByRole('combobox', { name: 'Mức độ' }) as HTMLSelectElement;
    await act(async () => {
      fireEvent.change(severity, { target: { value: 'error' } });
    });
    expect(screen.queryByRole('button', { name: 'Tô màu các ô có vấn đề' })).toBeNull();
    await click(`Tô màu ${errors.length} ô đang lọc`);
    expect(live.highlight.mock.calls[0][0]).toEqual(errors.map((f) => ({ sheet: f.sheet, address: f.cell })));
    await click(`Ghi ${errors.length} vấn đề đang lọc vào trang Kiểm tra`);
    expect(live.writeCheckSheet.mock.calls[0][0]).toEqual(errors);
    // Filters cleared: every finding again, under the plain labels.
    await click('Bỏ lọc');
    await click('Tô màu các ô có vấn đề');
    expect(live.highlight.mock.calls[1][0]).toHaveLength(findings.length);
  });

  it('names the filtered actions in English too', async () => {
    const wb = await trackingWithMistakes();
    const errors = findingsOf(wb).filter((f) => f.severity === 'error');
    renderCheck(openWorkbook(wb), 'en');
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Severity' }), { target: { value: 'error' } });
    });
    expect(
      screen.getByRole('button', { name: `Highlight the ${errors.length} filtered cells` }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: `Write the ${errors.length} filtered problems to the Check sheet` }),
    ).toBeTruthy();
  });

  it('groups the buttons under an accessible name', async () => {
    renderCheck(openWorkbook(await trackingWithMistakes()));
    const group = screen.getByRole('group', { name: 'Đánh dấu trong sổ' });
    expect(group.querySelectorAll('button')).toHaveLength(3);
  });
});

describe('Check step actions elsewhere', () => {
  const names = ['Tô màu các ô có vấn đề', 'Bỏ tô màu', 'Ghi trang Kiểm tra'];

  it.each([
    ['in the browser', BROWSER],
    ['in Excel', EXCEL],
  ])('does not appear %s for an uploaded file, which the pane cannot mark', async (_where, host) => {
    const wb = await trackingWithMistakes();
    expect(findingsOf(wb).length).toBeGreaterThan(0);
    const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate: '2024-03-31' }));
    const uploaded = await createWorkspace(host).trackingFromFile({ name: 'so-theo-doi.xlsx', bytes });
    expect(uploaded.live).toBeUndefined();
    renderCheck({ ...uploaded, wb });
    await screen.findByTestId('findings');
    for (const name of names) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('does not appear when there is nothing to mark, except to clear an earlier highlight', async () => {
    const reportDate = '2023-03-15';
    const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate }));
    const wb = await readTrackingWorkbook(bytes);
    // Fresh from the plan, before anything is due: only "no update yet" rows, so update them all.
    const updated = wb.snapshot.headers.indexOf(columnHeader('updatedOn', 'vi'));
    for (const row of wb.snapshot.rows) row[updated] = isoToSerial(reportDate);
    expect(findingsOf(wb)).toEqual([]);
    const view = renderCheck(openWorkbook(wb));
    expect(screen.getByText('Không phát hiện vấn đề nào.')).toBeTruthy();
    for (const name of names) expect(screen.queryByRole('button', { name })).toBeNull();

    // Unless a highlight from an earlier check is still showing: then only clearing it is offered.
    live.hasHighlight.mockReturnValue(true);
    live.clearHighlight.mockResolvedValue(undefined);
    view.rerender(
      withProviders(<CheckStep tracking={openWorkbook(wb)} onTracking={() => undefined} source={source} />),
    );
    expect(screen.queryByRole('button', { name: names[0] })).toBeNull();
    expect(screen.queryByRole('button', { name: names[2] })).toBeNull();
    await click(names[1]);
    expect(live.clearHighlight).toHaveBeenCalledTimes(1);
    await screen.findByText('Đã bỏ tô màu; các ô trở lại như trước.');
  });
});

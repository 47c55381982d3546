/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { newDraft } from '../../src/taskpane/draft';
import * as bridge from '../../src/excel/bridge';
import type { HostInfo } from '../../src/excel/host';
import { BuildStep } from '../../src/taskpane/steps/BuildStep';
import { CheckStep } from '../../src/taskpane/steps/CheckStep';
import { ShareStep } from '../../src/taskpane/steps/ShareStep';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { periodContaining } from '../../src/tracking/periods';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { loadOpenWorkbook } from '../../src/taskpane/tracking-source';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import type { TrackingWorkbook } from '../../src/workbook/types';
import { samplePlan, withProviders } from './fixtures';

// The Excel side (src/excel, Excel.run) is replaced: these tests are about what the pane does with it.
jest.mock('../../src/excel/bridge', () => ({
  buildInExcel: jest.fn(),
  readOpenTracking: jest.fn(),
  selectCell: jest.fn(),
  explainExcelError: jest.fn(async (_lang: string, e: unknown) => String((e as Error).message)),
  existingChoices: jest.requireActual('../../src/excel/bridge').existingChoices,
  createPivotsInExcel: jest.fn(),
  readOpenWorkbookBytes: jest.fn(),
  writeSummaryInExcel: jest.fn(),
  highlightFindingsInExcel: jest.fn(),
  clearHighlightInExcel: jest.fn(),
  hasHighlightInExcel: jest.fn(() => false),
  writeCheckSheetInExcel: jest.fn(),
}));
const mocked = bridge as jest.Mocked<typeof bridge>;

const EXCEL: HostInfo = { mode: 'excel', excelApi: '1.12', displayLanguage: 'vi-VN', dark: false };

function existingError(): Error {
  const e = new Error(
    'Sổ này đã có bảng theo dõi. / This workbook already has a tracking table.',
  ) as Error & { choices: string[] };
  e.name = 'ExistingWorkbookError';
  e.choices = ['update', 'new-sheets'];
  return e;
}

beforeEach(() => jest.clearAllMocks());

describe('building inside Excel', () => {
  it('asks how to proceed when the workbook already tracks a plan, then updates', async () => {
    mocked.buildInExcel.mockRejectedValueOnce(existingError()).mockResolvedValueOnce({
      message: { vi: 'Đã cập nhật sổ theo dõi.', en: 'Updated the tracking workbook.' },
      render: { skipped: [] },
    } as unknown as Awaited<ReturnType<typeof bridge.buildInExcel>>);
    render(withProviders(<BuildStep draft={newDraft(samplePlan(), 'text')} host={EXCEL} />));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ trong Excel' }));
    await screen.findByText('Sổ này đã có bảng theo dõi.');
    expect(mocked.buildInExcel.mock.calls[0][1].mode).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật (giữ số liệu đã nhập)' }));
    await screen.findByText('Đã cập nhật sổ theo dõi.');
    expect(mocked.buildInExcel.mock.calls[1][1].mode).toBe('update');
    // The spec handed to Excel is the plan's: one row per task.
    const spec = mocked.buildInExcel.mock.calls[1][0];
    const table = spec.sheets.flatMap((s) => s.tables).find((t) => t.columns.some((c) => c.id === 'taskId'))!;
    expect(table.rows.length).toBe(samplePlan().tasks.length);
  });

  it('shows Excel’s own error when the build fails otherwise', async () => {
    mocked.buildInExcel.mockRejectedValueOnce(new Error('Trang tính đang được bảo vệ.'));
    render(withProviders(<BuildStep draft={newDraft(samplePlan(), 'text')} host={EXCEL} />));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ trong Excel' }));
    await screen.findByText('Không tạo được sổ: Trang tính đang được bảo vệ.');
    expect(screen.queryByRole('button', { name: 'Tạo trang mới' })).toBeNull();
  });

  it('offers only the download on an Excel older than ExcelApi 1.8', () => {
    render(
      withProviders(
        <BuildStep draft={newDraft(samplePlan(), 'text')} host={{ ...EXCEL, excelApi: '1.7' }} />,
      ),
    );
    expect(screen.queryByRole('button', { name: 'Tạo sổ trong Excel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Tải sổ theo dõi (.xlsx)' })).toBeTruthy();
  });
});

describe('checking inside Excel', () => {
  it('reads the open workbook, lists findings and goes to a finding’s cell', async () => {
    const headers = TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi'));
    const row = TASK_COLUMN_IDS.map((id) =>
      id === 'taskId'
        ? 'IV.1.2'
        : id === 'lead'
          ? 'Ban Tổ chức Tỉnh ủy'
          : id === 'status'
            ? 'Xong rồi'
            : null,
    );
    const wb: TrackingWorkbook = {
      snapshot: { sheet: 'Nhiệm vụ', headerRow: 4, firstCol: 0, headers, rows: [row] },
      meta: null,
      reportDate: '2024-03-31',
      lang: 'vi',
      sheetNames: ['Nhiệm vụ'],
    };
    mocked.readOpenTracking.mockResolvedValue({ ...wb, syncs: 2 });
    mocked.selectCell.mockResolvedValue(undefined);
    let loaded: Awaited<ReturnType<typeof loadOpenWorkbook>> | null = null;
    const view = render(
      withProviders(<CheckStep host={EXCEL} tracking={null} onTracking={(t) => (loaded = t)} />),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đọc sổ đang mở' }));
    await waitFor(() => expect(loaded).not.toBeNull());
    view.rerender(withProviders(<CheckStep host={EXCEL} tracking={loaded} onTracking={() => undefined} />));
    // A status word the list does not know is a finding on that row; its cell is a button.
    const goTo = await screen.findAllByRole('button', { name: /^Đến ô [A-Z]+5$/ });
    expect(goTo.length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(goTo[0]);
    });
    expect(mocked.selectCell).toHaveBeenCalledWith('Nhiệm vụ', goTo[0].textContent);
  });
});

describe('sharing inside Excel', () => {
  it('splits a copy of the open workbook into one workbook per lead agency', async () => {
    const plan = samplePlan();
    const bytes = await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-03-31' }));
    mocked.readOpenWorkbookBytes.mockResolvedValue(bytes);
    const tracking = { wb: await readTrackingWorkbook(bytes), fileName: null, bytes: null, loadedAt: 1 };
    render(withProviders(<ShareStep host={EXCEL} tracking={tracking} onTracking={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' }));
    await screen.findByTestId('split-files');
    expect(mocked.readOpenWorkbookBytes).toHaveBeenCalledTimes(1);
    const leads = new Set(plan.tasks.map((t) => t.lead).filter(Boolean));
    expect(screen.getByTestId('split-files').querySelectorAll('li')).toHaveLength(leads.size);
  });
});

describe('summarising inside Excel', () => {
  it('writes the period summary sheet for the chosen period and reports it', async () => {
    const plan = samplePlan();
    const bytes = await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-03-31' }));
    const tracking = { wb: await readTrackingWorkbook(bytes), fileName: null, bytes: null, loadedAt: 1 };
    mocked.writeSummaryInExcel.mockImplementation(
      async (sheet) => ({ sheet: sheet.sheet.name, skipped: [] }) as never,
    );
    render(withProviders(<SummaryStep host={EXCEL} tracking={tracking} onTracking={() => undefined} />));
    fireEvent.click(screen.getByRole('button', { name: 'Ghi trang tổng hợp kỳ vào sổ' }));
    await waitFor(() => expect(mocked.writeSummaryInExcel).toHaveBeenCalled());
    const [sheet, lang] = mocked.writeSummaryInExcel.mock.calls[0];
    expect(lang).toBe('vi');
    // The quarter containing the report date (cut-off on the 14th): 31/03/2024 is in Q2-2024.
    const period = periodContaining('2024-03-31', 'quarter');
    expect(sheet.sheet.name).toContain(period.label.vi);
    await screen.findByText(`Đã ghi trang "${sheet.sheet.name}".`);
  });
});

/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { errorText } from '../../src/app/errors';
import {
  createWorkspace,
  type HostInfo,
  type LiveWorkbook,
  type LoadedTracking,
} from '../../src/app/workspace';
import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import { NO_OPEN_WORKBOOK_COPY } from '../../src/excel/host';
import { LocalizedError } from '../../src/model/msg';
import { newDraft } from '../../src/taskpane/draft';
import { BuildStep } from '../../src/taskpane/steps/BuildStep';
import { CheckStep } from '../../src/taskpane/steps/CheckStep';
import { ShareStep } from '../../src/taskpane/steps/ShareStep';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { periodContaining } from '../../src/tracking/periods';
import { buildWorkbookSpec } from '../../src/workbook/build';
import type { TrackingWorkbook } from '../../src/workbook/types';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { samplePlan, withProviders } from './fixtures';

// The open workbook (Excel.run) is replaced: these tests are about what the steps do with the
// operations the workspace gives them inside Excel.
const EXCEL: HostInfo = { mode: 'excel', excelApi: '1.12', displayLanguage: 'vi-VN', dark: false };
const workspace = createWorkspace(EXCEL);
const explain = jest.fn(async (e: unknown, lang: 'vi' | 'en') => errorText(e, lang));

function liveWorkbook(): jest.Mocked<LiveWorkbook> {
  return {
    goToCell: jest.fn(),
    highlight: jest.fn(),
    clearHighlight: jest.fn(),
    hasHighlight: jest.fn(() => false),
    writeCheckSheet: jest.fn(),
    writeSummarySheet: jest.fn(),
    createPivots: jest.fn(),
    writeReportSheet: jest.fn(),
    merge: jest.fn(),
  };
}

function existingError(): Error {
  const e = new LocalizedError({
    vi: 'Sổ này đã có bảng theo dõi.',
    en: 'This workbook already has a tracking table.',
  }) as LocalizedError & { choices: string[] };
  e.name = 'ExistingWorkbookError';
  e.choices = ['update', 'new-sheets'];
  return e;
}

beforeEach(() => jest.clearAllMocks());

describe('building inside Excel', () => {
  it('asks how to proceed when the workbook already tracks a plan, then updates', async () => {
    const buildInWorkbook = jest
      .fn()
      .mockRejectedValueOnce(existingError())
      .mockResolvedValueOnce({ message: { vi: 'Đã cập nhật sổ theo dõi.', en: 'Updated.' }, skipped: [] });
    render(
      withProviders(
        <BuildStep
          draft={newDraft(samplePlan(), 'text')}
          buildFile={workspace.buildFile}
          buildInWorkbook={buildInWorkbook}
          explain={explain}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ trong Excel' }));
    await screen.findByText('Sổ này đã có bảng theo dõi.');
    expect(buildInWorkbook.mock.calls[0][0].mode).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Cập nhật (giữ số liệu đã nhập)' }));
    await screen.findByText('Đã cập nhật sổ theo dõi.');
    expect(buildInWorkbook.mock.calls[1][0].mode).toBe('update');
    // What goes to Excel is the plan: every task, with its text for the fingerprint.
    expect(buildInWorkbook.mock.calls[1][0].plan.tasks.length).toBe(samplePlan().tasks.length);
    expect(buildInWorkbook.mock.calls[1][0].sourceText).toBe('text');
  });

  it('shows Excel’s own error when the build fails otherwise', async () => {
    const buildInWorkbook = jest.fn().mockRejectedValueOnce(new Error('Trang tính đang được bảo vệ.'));
    render(
      withProviders(
        <BuildStep
          draft={newDraft(samplePlan(), 'text')}
          buildFile={workspace.buildFile}
          buildInWorkbook={buildInWorkbook}
          explain={async (e) => (e as Error).message}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ trong Excel' }));
    await screen.findByText('Không tạo được sổ: Trang tính đang được bảo vệ.');
    expect(screen.queryByRole('button', { name: 'Tạo trang mới' })).toBeNull();
  });

  it('builds in Excel 2019 too (ExcelApi 1.7, the manifest minimum), next to the download', () => {
    const old = createWorkspace({ ...EXCEL, excelApi: '1.7' });
    expect(old.excelNoDropdowns).toBe(true);
    expect(old.buildInWorkbook).toBeDefined();
    expect(old.openTracking).toBeDefined();
    render(
      withProviders(
        <BuildStep
          draft={newDraft(samplePlan(), 'text')}
          buildFile={old.buildFile}
          buildInWorkbook={old.buildInWorkbook}
          explain={old.explain}
        />,
      ),
    );
    expect(screen.getByRole('button', { name: 'Tạo sổ trong Excel' })).toBeTruthy();
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
    const live = liveWorkbook();
    live.goToCell.mockResolvedValue(undefined);
    const opened: LoadedTracking = { wb, fileName: null, file: jest.fn(), live, loadedAt: 1 };
    const source = { open: jest.fn(async () => opened), fromFile: jest.fn(), explain };
    let loaded: LoadedTracking | null = null;
    const view = render(
      withProviders(<CheckStep tracking={null} onTracking={(t) => (loaded = t)} source={source} />),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Đọc sổ đang mở' }));
    await waitFor(() => expect(loaded).not.toBeNull());
    view.rerender(
      withProviders(<CheckStep tracking={loaded} onTracking={() => undefined} source={source} />),
    );
    // A status word the list does not know is a finding on that row; its cell is a button.
    const goTo = await screen.findAllByRole('button', { name: /^Đến ô [A-Z]+5$/ });
    expect(goTo.length).toBeGreaterThan(0);
    await act(async () => {
      fireEvent.click(goTo[0]);
    });
    expect(live.goToCell).toHaveBeenCalledWith('Nhiệm vụ', goTo[0].textContent);
  });
});

describe('sharing inside Excel', () => {
  it('says when this Excel cannot copy the open workbook, and points to the file picker', async () => {
    const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate: '2024-03-31' }));
    const tracking: LoadedTracking = {
      wb: await readTrackingWorkbook(bytes),
      fileName: null,
      noFile: NO_OPEN_WORKBOOK_COPY,
      live: liveWorkbook(),
      loadedAt: 1,
    };
    render(
      withProviders(
        <ShareStep
          tracking={tracking}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          split={workspace.split}
          zip={workspace.zip}
          merge={workspace.merge}
        />,
      ),
    );
    expect(screen.getByTestId('share-no-copy').textContent).toContain('Chọn sổ theo dõi (.xlsx)…');
    expect(screen.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Chọn sổ theo dõi (.xlsx)…' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('splits a copy of the open workbook into one workbook per lead agency', async () => {
    const plan = samplePlan();
    const bytes = await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-03-31' }));
    const file = jest.fn(async () => ({ name: 'Sổ tổng.xlsx', bytes }));
    const tracking: LoadedTracking = {
      wb: await readTrackingWorkbook(bytes),
      fileName: null,
      file,
      live: liveWorkbook(),
      loadedAt: 1,
    };
    render(
      withProviders(
        <ShareStep
          tracking={tracking}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          split={workspace.split}
          zip={workspace.zip}
          merge={workspace.merge}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tạo sổ cho từng cơ quan' }));
    await screen.findByTestId('split-files');
    expect(file).toHaveBeenCalledTimes(1);
    const leads = new Set(plan.tasks.map((t) => t.lead).filter(Boolean));
    expect(screen.getByTestId('split-files').querySelectorAll('li')).toHaveLength(leads.size);
  });
});

describe('summarising inside Excel', () => {
  it('writes the period summary sheet for the chosen period and reports it', async () => {
    const plan = samplePlan();
    const bytes = await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-03-31' }));
    const live = liveWorkbook();
    live.writeSummarySheet.mockImplementation(async (sheet) => ({ sheet: sheet.sheet.name, skipped: [] }));
    const tracking: LoadedTracking = {
      wb: await readTrackingWorkbook(bytes),
      fileName: null,
      file: jest.fn(),
      live,
      loadedAt: 1,
    };
    render(
      withProviders(
        <SummaryStep
          tracking={tracking}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          summaryFile={workspace.summaryFile}
        />,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ghi trang tổng hợp kỳ vào sổ' }));
    await waitFor(() => expect(live.writeSummarySheet).toHaveBeenCalled());
    const [sheet, lang] = live.writeSummarySheet.mock.calls[0];
    expect(lang).toBe('vi');
    // The quarter containing the report date (cut-off on the 14th): 31/03/2024 is in Q2-2024.
    const period = periodContaining('2024-03-31', 'quarter');
    expect(sheet.sheet.name).toContain(period.label.vi);
    await screen.findByText(`Đã ghi trang "${sheet.sheet.name}".`);
  });
});

describe('the workspaces', () => {
  it('inside Excel (1.7+) offer building into the open workbook and reading it; the page does not', () => {
    expect(workspace.buildInWorkbook).toBeDefined();
    expect(workspace.openTracking).toBeDefined();
    const page = createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: null, dark: false });
    expect(page.kind).toBe('standalone');
    expect(page.buildInWorkbook).toBeUndefined();
    expect(page.openTracking).toBeUndefined();
  });
});

/** @jest-environment jsdom */
import './jsdom-polyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { errorText } from '../../src/app/errors';
import { createWorkspace, type LiveWorkbook, type LoadedTracking } from '../../src/app/workspace';
import { isoToSerial } from '../../src/model/dates';
import { CATEGORY_LABELS, STATUS_LABELS } from '../../src/model/labels';
import { mapColumns } from '../../src/model/columns';
import type { RawCell } from '../../src/model/table';
import type { TrackingWorkbook } from '../../src/model/workbook-meta';
import { downloadBytes } from '../../src/taskpane/download';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { REPORT_FIGURES, REPORT_WORDS } from '../../src/workbook/sheets/report';
import type { SheetSpec } from '../../src/workbook/types';
import type { Msg } from '../../src/model/msg';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { samplePlan } from '../excel/helpers';
import { withProviders } from './fixtures';

jest.mock('../../src/taskpane/download', () => ({ downloadBytes: jest.fn() }));

/**
 * The period selector changes the bars and the Báo cáo's figures. Report date 20/05/2024; the
 * periods (14th cut-off): Tháng 6 15/05–14/06/2024, Quý II 15/03–14/06/2024, 6 tháng đầu
 * 15/12/2023–14/06/2024, Năm 2024 15/12/2023–14/12/2024. Tasks, and the periods that take them:
 *   1 Sở Nội vụ     due 31/05/2024, open                   month quarter half year
 *   2 Sở Nội vụ     due 30/04/2024, open (overdue)         month quarter half year
 *   3 Sở Nội vụ     due 10/04/2024, done 05/04/2024              quarter half year
 *   4 Sở Tài chính  due 28/02/2024, done 20/03/2024              quarter half year
 *   5 Sở Tài chính  due 30/09/2024, open                                     year
 *   6 Sở Tài chính  due 30/11/2024, done 16/05/2024         month quarter half year
 *   7 Sở Nội vụ     ongoing                                 month quarter half year
 *   8 Sở Tài chính  due 30/11/2023, done 01/12/2023         (none)
 *   9 Sở Nội vụ     due 10/01/2024, done 01/02/2024                    half year
 * Month: Nội vụ 3 (1, 2, 7), Tài chính 1 (6); quarter: 4 and 2; half: 5 and 2; year: 5 and 3.
 */
const REPORT_DATE = '2024-05-20';
const NOI_VU = 'Sở Nội vụ';
const TAI_CHINH = 'Sở Tài chính';
const TASKS: [string, string | null, string | null][] = [
  [NOI_VU, '2024-05-31', null],
  [NOI_VU, '2024-04-30', null],
  [NOI_VU, '2024-04-10', '2024-04-05'],
  [TAI_CHINH, '2024-02-28', '2024-03-20'],
  [TAI_CHINH, '2024-09-30', null],
  [TAI_CHINH, '2024-11-30', '2024-05-16'],
  [NOI_VU, null, null],
  [TAI_CHINH, '2023-11-30', '2023-12-01'],
  [NOI_VU, '2024-01-10', '2024-02-01'],
];
const EXPECTED = {
  month: { [NOI_VU]: 3, [TAI_CHINH]: 1 },
  quarter: { [NOI_VU]: 4, [TAI_CHINH]: 2 },
  half: { [NOI_VU]: 5, [TAI_CHINH]: 2 },
  year: { [NOI_VU]: 5, [TAI_CHINH]: 3 },
} as const;

async function tracking(): Promise<TrackingWorkbook> {
  const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate: REPORT_DATE }));
  const wb = await readTrackingWorkbook(bytes);
  const { index } = mapColumns(wb.snapshot.headers);
  const rows = wb.snapshot.rows.slice(0, TASKS.length);
  TASKS.forEach(([lead, due, done], i) => {
    const row = rows[i];
    const set = (id: keyof typeof index, v: RawCell) => (row[index[id]!] = v);
    set('lead', lead);
    set('category', (due ? CATEGORY_LABELS.due : CATEGORY_LABELS.ongoing).vi);
    set('due', due ? isoToSerial(due) : null);
    set('status', (done ? STATUS_LABELS.done : STATUS_LABELS.in_progress).vi);
    set('completedOn', done ? isoToSerial(done) : null);
  });
  return { ...wb, snapshot: { ...wb.snapshot, rows } };
}

const explain = jest.fn(async (e: unknown, lang: 'vi' | 'en') => errorText(e, lang));
const workspace = createWorkspace({ mode: 'browser', excelApi: null, displayLanguage: 'vi-VN', dark: false });

function totalsShown(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const li of within(screen.getByTestId('agency-summary')).getAllByRole('listitem')) {
    const agency = li.getAttribute('data-agency');
    const m = /Tổng: (\d+)/.exec(li.textContent ?? '');
    if (agency && agency !== '*' && m) out[li.querySelector('span')?.textContent ?? agency] = Number(m[1]);
  }
  return out;
}

function choosePeriod(kind: keyof typeof EXPECTED) {
  fireEvent.change(screen.getByRole('combobox', { name: 'Kỳ báo cáo' }), { target: { value: kind } });
}

/** The Báo cáo's "Tổng số" figure per agency, read off the sheet description. */
function reportTotals(sheet: SheetSpec): Record<string, number> {
  const totalCol = 2 + REPORT_FIGURES.findIndex((f) => f.id === 'total');
  const out: Record<string, number> = {};
  for (const c of sheet.cells) {
    if (c.col !== 1 || c.value?.t !== 'text' || c.value.v === REPORT_WORDS.grandTotal.vi) continue;
    const total = sheet.cells.find((x) => x.row === c.row && x.col === totalCol)?.value;
    if (total?.t === 'number' && [NOI_VU, TAI_CHINH].includes(c.value.v)) out[c.value.v] = total.v;
  }
  return out;
}

describe('the period selector', () => {
  it('changes the bars as worked out task by task', async () => {
    const wb = await tracking();
    const loaded: LoadedTracking = { wb, fileName: 'so.xlsx', loadedAt: 1 };
    render(
      withProviders(
        <SummaryStep
          tracking={loaded}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          summaryFile={workspace.summaryFile}
          reportFile={workspace.reportFile}
        />,
      ),
    );
    await screen.findByTestId('agency-summary');
    expect(totalsShown()).toEqual(EXPECTED.quarter);
    for (const kind of ['month', 'half', 'year', 'quarter'] as const) {
      choosePeriod(kind);
      await waitFor(() => expect(totalsShown()).toEqual(EXPECTED[kind]));
    }
  });

  it("draws the chosen period's Báo cáo in the open workbook, with that period's figures", async () => {
    const wb = await tracking();
    const live: jest.Mocked<LiveWorkbook> = {
      goToCell: jest.fn(),
      highlight: jest.fn(),
      clearHighlight: jest.fn(),
      hasHighlight: jest.fn(() => false),
      writeCheckSheet: jest.fn(),
      writeSummarySheet: jest.fn(),
      createPivots: jest.fn(),
      writeReportSheet: jest.fn(async (sheet: SheetSpec, _lang: 'vi' | 'en') => ({
        sheet: sheet.name,
        skipped: [] as Msg[],
      })),
      merge: jest.fn(),
    };
    render(
      withProviders(
        <SummaryStep
          tracking={{ wb, fileName: null, live, loadedAt: 1 }}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          summaryFile={workspace.summaryFile}
        />,
      ),
    );
    const button = await screen.findByRole('button', { name: 'Lập Báo cáo kỳ này trong sổ' });
    fireEvent.click(button);
    await waitFor(() => expect(live.writeReportSheet).toHaveBeenCalledTimes(1));
    expect(reportTotals(live.writeReportSheet.mock.calls[0][0])).toEqual(EXPECTED.quarter);
    choosePeriod('year');
    fireEvent.click(screen.getByRole('button', { name: 'Lập Báo cáo kỳ này trong sổ' }));
    await waitFor(() => expect(live.writeReportSheet).toHaveBeenCalledTimes(2));
    const year = live.writeReportSheet.mock.calls[1][0];
    expect(reportTotals(year)).toEqual(EXPECTED.year);
    expect(year.name).toBe('Báo cáo');
    expect(
      year.cells.some(
        (c) => c.value?.t === 'text' && c.value.v.includes('Năm 2024 (15/12/2023 – 14/12/2024)'),
      ),
    ).toBe(true);
    await screen.findByText('Đã ghi trang "Báo cáo".');
  });

  it('downloads the Báo cáo of the chosen period on the standalone page', async () => {
    const wb = await tracking();
    const reportFile = jest.fn(async () => ({ sheetName: 'Báo cáo', bytes: new Uint8Array([1]) }));
    render(
      withProviders(
        <SummaryStep
          tracking={{ wb, fileName: 'so.xlsx', loadedAt: 1 }}
          onTracking={() => undefined}
          source={{ fromFile: jest.fn(), explain }}
          summaryFile={workspace.summaryFile}
          reportFile={reportFile}
        />,
      ),
    );
    choosePeriod('month');
    fireEvent.click(await screen.findByRole('button', { name: 'Tải Báo cáo kỳ này (.xlsx)' }));
    await waitFor(() => expect(reportFile).toHaveBeenCalledTimes(1));
    const [, outcome] = reportFile.mock.calls[0] as unknown as [
      unknown,
      { period: { key: string }; summary: { total: { total: number } } },
    ];
    expect(outcome.period.key).toBe('2024-06');
    expect(outcome.summary.total.total).toBe(EXPECTED.month[NOI_VU] + EXPECTED.month[TAI_CHINH]);
    await waitFor(() => expect(downloadBytes).toHaveBeenCalledTimes(1));
    expect((downloadBytes as jest.Mock).mock.calls[0][1]).toMatch(/\.xlsx$/);
  });
});

/** @jest-environment jsdom */
import './jsdom-polyfills';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { addedPlanFile } from '../../src/app/add-plan';
import { trackingFileSpec } from '../../src/app/build';
import { createWorkspace } from '../../src/app/workspace';
import { BROWSER_HOST } from '../../src/excel/host';
import { mapColumns } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { planRef } from '../../src/model/task-columns';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { App } from '../../src/taskpane/App';
import { downloadBytes } from '../../src/taskpane/download';
import { addedFileName, masterFileName } from '../../src/taskpane/master-file-name';
import { SHEET_NAMES } from '../../src/workbook/names';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { openWorkbook as openPackage } from '../../src/xlsx/ooxml/read';
import { fill } from '../xlsx/merge-fixture';

/**
 * "Thêm vào sổ đang mở" on the standalone page (issue 17): a master .xlsx loaded in the page (the
 * Check step's file), a second real plan pasted in the import step and added. The download is the
 * file `plan-tracker add` makes of the same master; it becomes the page's master, so a third plan
 * joins it; a plan already in it is refused and nothing is downloaded.
 */

jest.mock('../../src/taskpane/download', () => ({ downloadBytes: jest.fn() }));
jest.setTimeout(120_000);

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-09-30';
const DONE = STATUS_LABELS.done.vi;

function real(file: string): { plan: Plan; text: string } {
  const text = readFileSync(join(REAL, file), 'utf8');
  return { plan: parsePlan(text), text };
}
const A = real('ha-tinh-624-kh-ubnd-2025.txt');
const B = real('can-tho-165-kh-ubnd-2025.txt');
const C = real('hcm-174-kh-ubnd-2025.txt');

async function masterFile(): Promise<Uint8Array> {
  const bytes = await writeXlsx(
    await trackingFileSpec({ plan: A.plan, sourceText: A.text, lang: 'vi', reportDate: REPORT_DATE }),
  );
  return fill(bytes, [
    [A.plan.tasks[0].id, 'status', DONE],
    [A.plan.tasks[1].id, 'note', 'Đang lấy ý kiến'],
  ]);
}

const downloads = downloadBytes as jest.MockedFunction<typeof downloadBytes>;

beforeEach(() => {
  window.localStorage.clear();
  downloads.mockClear();
});

async function analyse(text: string) {
  fireEvent.click(screen.getByRole('tab', { name: /Nhập kế hoạch/ }));
  fireEvent.change(screen.getByRole('textbox', { name: 'Nội dung Kế hoạch' }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Phân tích' }));
  await screen.findByTestId('preview-heading');
}

/** The page with the master chosen as a file in the Check step, as a user loads it. */
async function pageWithMaster(bytes: Uint8Array) {
  render(<App workspace={createWorkspace(BROWSER_HOST)} />);
  fireEvent.click(screen.getByRole('tab', { name: /Kiểm tra/ }));
  const input = await screen.findByTestId('check-file', {}, { timeout: 20_000 });
  fireEvent.change(input, { target: { files: [new File([new Uint8Array(bytes)], 'so-tong.xlsx')] } });
  await screen.findByTestId('check-source', {}, { timeout: 20_000 });
}

/** The last column (Lý do) of each row of the history sheet, read by the package reader. */
function historyReasons(bytes: Uint8Array): string[] {
  const pkg = openPackage(bytes);
  const sheet = pkg.sheet(SHEET_NAMES.history.vi);
  if (!sheet) return [];
  return pkg.readRows(sheet).rows.map((r) => String(r.cells[r.cells.length - 1]?.value));
}

describe('adding a plan to the master loaded in the standalone page', () => {
  it('offers nothing until a master is loaded', async () => {
    render(<App workspace={createWorkspace(BROWSER_HOST)} />);
    await analyse(B.text);
    expect(screen.queryByTestId('add-master')).toBeNull();
  });

  it('downloads the master with the plan added, as `plan-tracker add` makes it, and builds on it', async () => {
    const master = await masterFile();
    await pageWithMaster(master);
    await analyse(B.text);
    const panel = await screen.findByTestId('add-master');
    expect(panel.textContent).toContain(
      `Sổ tổng so-tong.xlsx đang mở trong trang (1 kế hoạch, ${A.plan.tasks.length} nhiệm vụ)`,
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Thêm vào sổ đang mở' }));
    const done = await within(panel).findByText(/^Đã thêm kế hoạch 165\/KH-UBND/, {}, { timeout: 60_000 });
    expect(done.textContent).toContain('Đã tải xuống so-tong - thêm KH165.xlsx');

    expect(downloads).toHaveBeenCalledTimes(1);
    const [bytes, name] = downloads.mock.calls[0];
    expect(name).toBe('so-tong - thêm KH165.xlsx');
    const got = await readTrackingWorkbook(bytes);
    const cli = await readTrackingWorkbook(
      (await addedPlanFile({ name: 'so-tong.xlsx', bytes: master }, { plan: B.plan, text: B.text })).bytes,
    );
    // The same table and the same plan records as the command line's (one core for both).
    expect(got.snapshot.headers).toEqual(cli.snapshot.headers);
    expect(got.snapshot.rows).toEqual(cli.snapshot.rows);
    expect(got.meta?.plans).toEqual(cli.meta?.plans);
    const map = mapColumns(got.snapshot.headers);
    expect(got.snapshot.rows[0][map.index.status!]).toBe(DONE);
    expect(got.snapshot.rows[1][map.index.note!]).toBe('Đang lấy ý kiến');
    expect(historyReasons(bytes)).toEqual([
      'Lý do',
      `Thêm kế hoạch ${planRef(B.plan)}: ${B.plan.tasks.length} nhiệm vụ, mã bắt đầu bằng KH165.`,
    ]);

    // The new master is the page's now: a third plan joins it, and its name carries the new prefix.
    await analyse(C.text);
    const again = await screen.findByTestId('add-master');
    expect(again.textContent).toContain(
      `Sổ tổng so-tong - thêm KH165.xlsx đang mở trong trang (2 kế hoạch, ${A.plan.tasks.length + B.plan.tasks.length} nhiệm vụ)`,
    );
    fireEvent.click(within(again).getByRole('button', { name: 'Thêm vào sổ đang mở' }));
    await within(again).findByText(/^Đã thêm kế hoạch 174\/KH-UBND/, {}, { timeout: 60_000 });
    const [third, thirdName] = downloads.mock.calls[1];
    expect(thirdName).toBe('so-tong - thêm KH174.xlsx');
    const three = await readTrackingWorkbook(third);
    expect(three.meta?.plans?.map((p) => p.ref)).toEqual([A, B, C].map((p) => planRef(p.plan)));
    expect(historyReasons(third)).toHaveLength(3);
  });

  it('refuses the plan the master already holds, says why, and downloads nothing', async () => {
    await pageWithMaster(await masterFile());
    await analyse(A.text);
    const panel = await screen.findByTestId('add-master');
    fireEvent.click(within(panel).getByRole('button', { name: 'Thêm vào sổ đang mở' }));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toBe(
      `Không thêm được kế hoạch: Kế hoạch này đã có trong sổ tổng ("${planRef(A.plan)}"); không ghi gì.`,
    );
    expect(downloads).not.toHaveBeenCalled();
  });
});

describe('in English', () => {
  it('offers, adds and refuses in the language the user chose', async () => {
    await pageWithMaster(await masterFile());
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    fireEvent.click(screen.getByRole('tab', { name: /Import plan/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Plan text' }), { target: { value: B.text } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    const panel = await screen.findByTestId('add-master');
    expect(panel.textContent).toContain(
      `The master so-tong.xlsx is open in the page (plans: 1, tasks: ${A.plan.tasks.length}).`,
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Add to the open workbook' }));
    const done = await within(panel).findByText(/^Added the plan 165\/KH-UBND/, {}, { timeout: 60_000 });
    expect(done.textContent).toContain(`${B.plan.tasks.length} tasks, ids starting KH165`);
    expect(done.textContent).toContain('Downloaded so-tong - added KH165.xlsx');
    expect(downloads.mock.calls[0][1]).toBe('so-tong - added KH165.xlsx');
    // The same plan again: the core's refusal, in English.
    fireEvent.click(within(panel).getByRole('button', { name: 'Add to the open workbook' }));
    const alert = await within(panel).findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toBe(
      `Could not add the plan: This plan is already in the master ("${planRef(B.plan)}"); nothing written.`,
    );
    expect(downloads).toHaveBeenCalledTimes(1);
  });
});

describe('the added master’s file name', () => {
  it('carries the prefix of the last plan added, in the pane’s language', () => {
    expect(addedFileName('so-tong.xlsx', 'thêm', 'KH165')).toBe('so-tong - thêm KH165.xlsx');
    expect(addedFileName('so-tong - thêm KH165.xlsx', 'thêm', 'KH174')).toBe('so-tong - thêm KH174.xlsx');
    expect(addedFileName('Master.XLSX', 'added', 'KH2-2')).toBe('Master - added KH2-2.xlsx');
    expect(masterFileName('so-tong - thêm KH165.xlsx', 'gộp cơ quan')).toBe('so-tong - gộp cơ quan.xlsx');
    expect(addedFileName('so-tong - agencies merged.xlsx', 'thêm', 'KH9')).toBe('so-tong - thêm KH9.xlsx');
    // A name of the user's own that only looks alike is kept whole.
    expect(masterFileName('Kế hoạch - thêm việc.xlsx', 'gộp cơ quan')).toBe(
      'Kế hoạch - thêm việc - gộp cơ quan.xlsx',
    );
  });
});

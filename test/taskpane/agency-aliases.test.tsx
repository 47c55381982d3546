/** @jest-environment jsdom */
import './jsdom-polyfills';
import { readFileSync } from 'fs';
import { join } from 'path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { addPlanToMaster, addedPlanFile } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import { forOpenWorkbook } from '../../src/app/add-open';
import { trackingFileSpec } from '../../src/app/build';
import { errorText } from '../../src/app/errors';
import { createWorkspace, type HostInfo, type LoadedTracking, type Workspace } from '../../src/app/workspace';
import { BROWSER_HOST } from '../../src/excel/host';
import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { mapColumns } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { cellAddress } from '../../src/model/table';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { downloadBytes } from '../../src/taskpane/download';
import { SummaryStep } from '../../src/taskpane/steps/SummaryStep';
import { SHEET_NAMES } from '../../src/workbook/names';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { openWorkbook as openPackage } from '../../src/xlsx/ooxml/read';
import { writeXlsx } from '../../src/xlsx/write';
import { StrictExcel } from '../support/excel/strict-excel';
import { withProviders } from './fixtures';

/**
 * Near-duplicate agencies in the pane (issue 17): a master of two real plans whose drafters spelt
 * one department differently (Hà Tĩnh 624: `Sở Văn hóa, Thể thao và Du lịch`; Đồng Tháp 552:
 * `Sở Văn hoá Thể thao du lịch`). The summary step lists the pair; the user keeps one spelling;
 * the workbook remembers it (alias in the meta, a Lịch sử row), inside Excel (the strict double,
 * ExcelApi 1.17 and 1.7) and in the standalone page's downloaded master; the summary then shows
 * one row for the department, holding both rows' tasks.
 */

jest.mock('../../src/taskpane/download', () => ({ downloadBytes: jest.fn() }));
jest.setTimeout(180_000);

const REAL = join(__dirname, '../fixtures/real');
const REPORT_DATE = '2025-09-30';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const DONE = STATUS_LABELS.done.vi;
const explain = async (e: unknown, lang: 'vi' | 'en') => errorText(e, lang);
const downloads = downloadBytes as jest.MockedFunction<typeof downloadBytes>;

function real(file: string): { plan: Plan; text: string } {
  const text = readFileSync(join(REAL, file), 'utf8');
  return { plan: parsePlan(text), text };
}
const A = real('ha-tinh-624-kh-ubnd-2025.txt');
const D = real('dong-thap-552-kh-ubnd-2025.txt');

/** The master of both plans as `plan-tracker build` then `add` write it. */
async function masterFile(): Promise<Uint8Array> {
  const first = await writeXlsx(
    await trackingFileSpec({ plan: A.plan, sourceText: A.text, lang: 'vi', reportDate: REPORT_DATE }),
  );
  return (await addedPlanFile({ name: 'so-tong.xlsx', bytes: first }, { plan: D.plan, text: D.text })).bytes;
}

/** The same master open in Excel, drawn as the pane's addition draws it. */
async function openMaster(api: string): Promise<StrictExcel> {
  const x = new StrictExcel({ api });
  x.addSheet('Sheet1');
  Object.assign(globalThis, {
    Excel: { run: <T,>(batch: (c: Excel.RequestContext) => Promise<T>) => x.run(batch) },
    Office: { context: { requirements: { isSetSupported: x.support } } },
  });
  const first = await writeXlsx(
    await trackingFileSpec({ plan: A.plan, sourceText: A.text, lang: 'vi', reportDate: REPORT_DATE }),
  );
  const added = await addPlanToMaster(await readTrackingWorkbook(first), D.plan, { sourceText: D.text });
  const spec = forOpenWorkbook(added.spec, REPORT_DATE, D.plan);
  await renderWorkbook(x.requestContext, spec, { isSetSupported: x.support });
  return x;
}

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
});
beforeEach(() => downloads.mockClear());

/** The summary step as the pane holds it: the tracking it loads replaces the one shown. */
function Harness({
  workspace,
  first,
  seen,
}: {
  workspace: Workspace;
  first: LoadedTracking;
  seen: LoadedTracking[];
}) {
  const [tracking, setTracking] = useState(first);
  const source = { open: workspace.openTracking, fromFile: workspace.trackingFromFile, explain };
  return (
    <SummaryStep
      tracking={tracking}
      onTracking={(t) => {
        seen.push(t);
        setTracking(t);
      }}
      source={source}
      summaryFile={workspace.summaryFile}
      agencies={workspace}
    />
  );
}

function summaryPane(workspace: Workspace, first: LoadedTracking) {
  const seen: LoadedTracking[] = [first];
  render(withProviders(<Harness workspace={workspace} first={first} seen={seen} />));
  return { current: () => seen[seen.length - 1] };
}

/** The summary's rows as the pane shows them: agency name → its total. */
function summaryRows(): Map<string, number> {
  const rows = within(screen.getByTestId('agency-summary')).getAllByRole('listitem');
  return new Map(
    rows.map((li) => {
      const name = li.querySelector('span')?.textContent ?? '';
      const total = Number(/Tổng: (\d+)/.exec(li.textContent ?? '')?.[1]);
      // A row without its total would make the sums below vacuous (NaN is NaN).
      expect(Number.isInteger(total)).toBe(true);
      return [name, total];
    }),
  );
}

/** Picks the spelling to keep in the group holding `name`, and merges it. */
async function mergeKeeping(keep: string) {
  const panel = await screen.findByTestId('agency-aliases', {}, { timeout: 30_000 });
  const group = within(panel)
    .getAllByTestId('alias-group')
    .find((g) => g.textContent?.includes(VH_SHORT))!;
  expect(group.textContent).toContain(VH_FULL);
  fireEvent.click(within(group).getByRole('radio', { name: new RegExp(`^${keep} \\(\\d+ nhiệm vụ\\)$`) }));
  fireEvent.click(within(group).getByRole('button', { name: 'Gộp thành một cơ quan' }));
  return within(panel).findByText(/^Đã gộp /, {}, { timeout: 60_000 });
}

const REASON = `Gộp tên cơ quan: "${VH_SHORT}" → "${VH_FULL}" (tính chung một dòng trong mọi bảng tổng hợp).`;

describe.each(['1.17', '1.7'])(
  'merging near-duplicate agencies in the open workbook (ExcelApi %s)',
  (api) => {
    it('lists the pair, keeps the chosen spelling, remembers it in the workbook and sums the rows', async () => {
      const x = await openMaster(api);
      const workspace = createWorkspace({
        mode: 'excel',
        excelApi: api,
        displayLanguage: 'vi-VN',
        dark: false,
      } satisfies HostInfo);
      // Staff marked one of the short spelling's tasks done: the redraw keeps it.
      const before = await readTracking(x.requestContext);
      const map = mapColumns(before.snapshot.headers);
      const shortRow = before.snapshot.rows.findIndex((r) => r[map.index.lead!] === VH_SHORT);
      const shortId = before.snapshot.rows[shortRow][map.index.taskId!];
      x.setCell(before.snapshot.sheet, cellAddress(before.snapshot, shortRow, map.index.status!), DONE);

      const pane = summaryPane(workspace, await workspace.openTracking!());
      await screen.findByTestId('agency-aliases', {}, { timeout: 30_000 });
      const rowsBefore = summaryRows();
      expect(rowsBefore.has(VH_FULL) && rowsBefore.has(VH_SHORT)).toBe(true);

      const done = await mergeKeeping(VH_FULL);
      expect(done.textContent).toContain(`Đã gộp "${VH_SHORT}" → "${VH_FULL}"`);
      expect(done.textContent).toContain('Sổ đang mở đã được cập nhật');

      // The workbook remembers: the alias in its meta, a Lịch sử row, the entry kept.
      const after = await readTracking(x.requestContext);
      expect(after.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
      const history = x
        .valuesOf(SHEET_NAMES.history.vi, 'A1:H4')
        .filter((r) => r.some((v) => v !== null && v !== ''));
      expect(history.map((r) => r[7])).toEqual(['Lý do', REASON]);
      const m = mapColumns(after.snapshot.headers);
      const kept = after.snapshot.rows.find((r) => r[m.index.taskId!] === shortId)!;
      expect(kept[m.index.status!]).toBe(DONE);
      // The lead cells keep what the plans say; the grouping is the alias's.
      expect(kept[m.index.lead!]).toBe(VH_SHORT);
      // The Tổng hợp sheet drawn again counts the department once.
      const sheet = x.valuesOf(SHEET_NAMES.summary.vi, 'A1:A80').flat();
      expect(sheet).toContain(VH_FULL);
      expect(sheet).not.toContain(VH_SHORT);

      // The pane read the workbook again: one row, holding both rows' tasks; the pair is gone.
      expect(pane.current().wb.meta?.agencyAliases).toHaveLength(1);
      const rowsAfter = summaryRows();
      expect(rowsAfter.has(VH_SHORT)).toBe(false);
      expect(rowsAfter.get(VH_FULL)).toBe(rowsBefore.get(VH_FULL)! + rowsBefore.get(VH_SHORT)!);
      expect(rowsAfter.size).toBe(rowsBefore.size - 1);
      // The list is worked out again from the workbook read back (asynchronously): the pair is gone.
      await waitFor(
        () =>
          expect(screen.queryAllByTestId('alias-group').map((g) => g.textContent)).toEqual([
            expect.not.stringContaining(VH_SHORT),
          ]),
        { timeout: 20_000 },
      );
    });
  },
);

describe('merging near-duplicate agencies on the standalone page', () => {
  it('downloads the master with the alias, as `plan-tracker agencies --merge` writes it, and shows one row', async () => {
    const workspace = createWorkspace(BROWSER_HOST);
    const bytes = await masterFile();
    const pane = summaryPane(workspace, await workspace.trackingFromFile({ name: 'so-tong.xlsx', bytes }));
    await screen.findByTestId('agency-aliases', {}, { timeout: 30_000 });
    const rowsBefore = summaryRows();

    // The shorter spelling kept this time: the choice is the user's, not the suggestion's.
    const done = await mergeKeeping(VH_SHORT);
    expect(done.textContent).toContain(`Đã gộp "${VH_FULL}" → "${VH_SHORT}"`);
    expect(done.textContent).toContain('Đã tải xuống so-tong - gộp cơ quan.xlsx');
    expect(downloads).toHaveBeenCalledTimes(1);
    const [out, name] = downloads.mock.calls[0];
    expect(name).toBe('so-tong - gộp cơ quan.xlsx');
    const got = await readTrackingWorkbook(out);
    const cli = await readTrackingWorkbook(
      (await recordAgencyAliases({ name: 'so-tong.xlsx', bytes }, [{ from: VH_FULL, to: VH_SHORT }])).bytes,
    );
    expect(got.meta?.agencyAliases).toEqual([{ from: VH_FULL, to: VH_SHORT }]);
    expect(got.meta?.agencyAliases).toEqual(cli.meta?.agencyAliases);
    expect(got.snapshot.rows).toEqual(cli.snapshot.rows);
    const pkg = openPackage(out);
    const hist = pkg.sheet(SHEET_NAMES.history.vi)!;
    const reasons = pkg.readRows(hist).rows.map((r) => String(r.cells[r.cells.length - 1]?.value));
    expect(reasons[reasons.length - 1]).toBe(
      `Gộp tên cơ quan: "${VH_FULL}" → "${VH_SHORT}" (tính chung một dòng trong mọi bảng tổng hợp).`,
    );

    // The downloaded master is the page's: one row for the department, holding both rows' tasks.
    expect(pane.current().fileName).toBe('so-tong - gộp cơ quan.xlsx');
    const rowsAfter = summaryRows();
    expect(rowsAfter.has(VH_FULL)).toBe(false);
    expect(rowsAfter.get(VH_SHORT)).toBe(rowsBefore.get(VH_FULL)! + rowsBefore.get(VH_SHORT)!);
  });
});

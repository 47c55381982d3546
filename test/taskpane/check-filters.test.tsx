/** @jest-environment jsdom */
import './jsdom-polyfills';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { LoadedTracking } from '../../src/app/workspace';
import { CheckStep } from '../../src/taskpane/steps/CheckStep';
import { checkTracking } from '../../src/tracking/check';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { columnHeader } from '../../src/model/columns';
import type { TrackingWorkbook } from '../../src/workbook/types';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import * as download from '../../src/taskpane/download';
import { csvText, parseCsv } from './csv-parse';
import { samplePlan, text, withProviders } from './fixtures';

async function workbook(): Promise<TrackingWorkbook> {
  const bytes = await writeXlsx(buildWorkbookSpec(samplePlan(), { lang: 'vi', reportDate: '2024-03-31' }));
  const wb = await readTrackingWorkbook(bytes);
  const col = (id: Parameters<typeof columnHeader>[0]) => wb.snapshot.headers.indexOf(columnHeader(id, 'vi'));
  wb.snapshot.rows[0][col('status')] = 'Hoan thanh';
  wb.snapshot.rows[1][col('status')] = 'Đang thực hiện';
  wb.snapshot.rows[2][col('status')] = 'Đang thực hiện';
  wb.snapshot.rows[3][col('status')] = 'Xong "rồi",\nnhé';
  return wb;
}

jest.mock('../../src/taskpane/download', () => ({ downloadBytes: jest.fn() }));
const downloadBytes = jest.mocked(download.downloadBytes);

const uploaded = (wb: TrackingWorkbook): LoadedTracking => ({
  wb,
  fileName: 'Sổ tổng.xlsx',
  file: async () => ({ name: 'Sổ tổng.xlsx', bytes: new Uint8Array() }),
  live: undefined,
  loadedAt: 1,
});

async function renderCheck(lang: 'vi' | 'en' = 'vi') {
  const wb = await workbook();
  const source = { fromFile: jest.fn(), explain: jest.fn(async (e: unknown) => String(e)) };
  render(
    withProviders(<CheckStep tracking={uploaded(wb)} onTracking={() => undefined} source={source} />, lang),
  );
  return wb;
}

/** The findings the list shows, in order: cell, rule code, severity, the agency section it sits in. */
function shownRows(): string[] {
  const list = screen.queryByTestId('findings');
  if (!list) return [];
  return [...list.querySelectorAll('li')].map(
    (li) =>
      `${li.getAttribute('data-cell')} ${li.getAttribute('data-code')} ${li.getAttribute('data-severity')} @${li.closest('section')?.getAttribute('data-agency')}`,
  );
}

const status = () => text(screen.getAllByRole('status').find((el) => /vấn đề|problem/.test(text(el))));

async function choose(label: string, optionText: string) {
  const select = screen.getByRole('combobox', { name: label }) as HTMLSelectElement;
  const option = within(select).getByRole('option', { name: optionText }) as HTMLOptionElement;
  await act(async () => {
    fireEvent.change(select, { target: { value: option.value } });
  });
}

const ALL_ROWS = [
  'K2 status.near_miss error @Ban Tổ chức Tỉnh ủy',
  'L2 done.no_date error @Ban Tổ chức Tỉnh ủy',
  'K3 task.overdue warning @Ban Tổ chức Tỉnh ủy',
  'P3 task.no_update info @Ban Tổ chức Tỉnh ủy',
  'P4 task.no_update info @Ban Tuyên giáo Tỉnh ủy',
  'K5 status.unknown error @',
];

beforeEach(() => downloadBytes.mockClear());

describe('Check step filters', () => {
  it('runs the real check and lists every finding, with the suggestion where there is one', async () => {
    const wb = await renderCheck();
    expect(shownRows()).toEqual(ALL_ROWS);
    expect(status()).toBe('6 vấn đề');
    const findings = checkTracking({
      snapshot: wb.snapshot,
      meta: wb.meta,
      reportDate: wb.reportDate!,
      lang: wb.lang,
    });
    expect(findings.filter((f) => f.suggestion)).toHaveLength(1);
    const suggestions = screen.getAllByTestId('suggestion');
    expect(suggestions.map(text)).toEqual(['Gợi ý: Sửa thành “Đã hoàn thành”']);
    expect(suggestions[0].closest('li')?.getAttribute('data-cell')).toBe('K2');
  });

  it('filters by agency, severity and rule; the counts follow; clearing shows all again', async () => {
    await renderCheck();
    const agency = screen.getByRole('combobox', { name: 'Cơ quan chủ trì' });
    expect(within(agency).getAllByRole('option').map(text)).toEqual([
      'Tất cả',
      'Ban Tổ chức Tỉnh ủy',
      'Ban Tuyên giáo Tỉnh ủy',
      '(chưa có cơ quan chủ trì)',
    ]);

    await choose('Cơ quan chủ trì', 'Ban Tuyên giáo Tỉnh ủy');
    expect(shownRows()).toEqual(['P4 task.no_update info @Ban Tuyên giáo Tỉnh ủy']);
    expect(status()).toBe('1 / 6 vấn đề');

    await choose('Cơ quan chủ trì', '(chưa có cơ quan chủ trì)');
    expect(shownRows()).toEqual(['K5 status.unknown error @']);

    await choose('Cơ quan chủ trì', 'Ban Tổ chức Tỉnh ủy');
    expect(shownRows()).toEqual(ALL_ROWS.slice(0, 4));
    // The section's badges count what is shown.
    const btc = screen.getByRole('region', { name: 'Ban Tổ chức Tỉnh ủy' });
    expect(text(btc.querySelector('[data-severity="error"]'))).toBe('Lỗi: 2');

    await choose('Mức độ', 'Lỗi');
    expect(shownRows()).toEqual(ALL_ROWS.slice(0, 2));
    expect(status()).toBe('2 / 6 vấn đề');
    expect(text(btc.querySelector('[data-severity="warning"]'))).toBe('');

    await choose('Loại vấn đề', 'Đã hoàn thành nhưng thiếu ngày hoàn thành');
    expect(shownRows()).toEqual(['L2 done.no_date error @Ban Tổ chức Tỉnh ủy']);

    // Errors of a rule that only warns: nothing matches.
    await choose('Loại vấn đề', 'Quá hạn chưa hoàn thành');
    expect(shownRows()).toEqual([]);
    expect(screen.getByText('Không có vấn đề nào khớp bộ lọc.')).toBeTruthy();
    expect(status()).toBe('0 / 6 vấn đề');
    expect((screen.getByRole('button', { name: 'Tải danh sách (.csv)' }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Bỏ lọc' }));
    });
    expect(shownRows()).toEqual(ALL_ROWS);
    expect(status()).toBe('6 vấn đề');
    expect((screen.getByRole('combobox', { name: 'Mức độ' }) as HTMLSelectElement).value).toBe('*');
    expect(screen.queryByText('Không có vấn đề nào khớp bộ lọc.')).toBeNull();

    await choose('Mức độ', 'Lưu ý');
    expect(shownRows()).toEqual([ALL_ROWS[3], ALL_ROWS[4]]);
    await choose('Loại vấn đề', 'Chưa cập nhật trong kỳ báo cáo');
    expect(shownRows()).toEqual([ALL_ROWS[3], ALL_ROWS[4]]);
    await choose('Mức độ', 'Tất cả');
    await choose('Loại vấn đề', 'Trạng thái không có trong danh mục');
    expect(shownRows()).toEqual([ALL_ROWS[5]]);
  });

  it('exports the filtered list as CSV, Vietnamese, with a BOM and every field quoted', async () => {
    await renderCheck();
    const download = async () => {
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Tải danh sách (.csv)' }));
      });
      const [bytes, name, mime] = downloadBytes.mock.calls.at(-1)!;
      return { rows: parseCsv(csvText(bytes)), name, mime };
    };

    const everything = await download();
    expect(everything.name).toBe('kiem-tra-2024-03-31.csv');
    expect(everything.mime).toMatch(/^text\/csv/);
    const statusList = '(“Chưa thực hiện”, “Đang thực hiện”, “Đã hoàn thành”)';
    expect(everything.rows).toEqual([
      ['Ô', 'Mã nhiệm vụ', 'Cơ quan chủ trì', 'Mức độ', 'Loại vấn đề', 'Nội dung', 'Gợi ý'],
      [
        "'Nhiệm vụ'!K2",
        'IV.1.1',
        'Ban Tổ chức Tỉnh ủy',
        'Lỗi',
        'Trạng thái gần đúng với danh mục (gợi ý giá trị đúng)',
        'Trạng thái “Hoan thanh” khác giá trị danh mục “Đã hoàn thành” (thiếu chữ so với danh mục); công thức sẽ không tính đúng.',
        'Sửa thành “Đã hoàn thành”',
      ],
      [
        "'Nhiệm vụ'!L2",
        'IV.1.1',
        'Ban Tổ chức Tỉnh ủy',
        'Lỗi',
        'Đã hoàn thành nhưng thiếu ngày hoàn thành',
        'Trạng thái “Đã hoàn thành” nhưng chưa có ngày hoàn thành: không xác định được đúng hạn hay quá hạn.',
        '',
      ],
      [
        "'Nhiệm vụ'!K3",
        'IV.1.2',
        'Ban Tổ chức Tỉnh ủy',
        'Cảnh báo',
        'Quá hạn chưa hoàn thành',
        'Quá hạn chưa hoàn thành: thời hạn 31/12/2023 đã qua (ngày báo cáo 31/03/2024).',
        '',
      ],
      [
        "'Nhiệm vụ'!P3",
        'IV.1.2',
        'Ban Tổ chức Tỉnh ủy',
        'Lưu ý',
        'Chưa cập nhật trong kỳ báo cáo',
        'Chưa cập nhật trong kỳ Quý II-2024 (từ 15/03/2024; chưa có ngày cập nhật).',
        '',
      ],
      [
        "'Nhiệm vụ'!P4",
        'IV.2.1',
        'Ban Tuyên giáo Tỉnh ủy',
        'Lưu ý',
        'Chưa cập nhật trong kỳ báo cáo',
        'Chưa cập nhật trong kỳ Quý II-2024 (từ 15/03/2024; chưa có ngày cập nhật).',
        '',
      ],
      [
        "'Nhiệm vụ'!K5",
        'V.1',
        '',
        'Lỗi',
        'Trạng thái không có trong danh mục',
        `Trạng thái “Xong "rồi",\nnhé” không có trong danh mục ${statusList}.`,
        '',
      ],
    ]);
    // The raw text: quotes doubled, the comma and the line break inside one quoted field.
    const raw = csvText(downloadBytes.mock.calls[0][0]);
    expect(raw).toContain('"Trạng thái “Xong ""rồi"",\nnhé” không có');

    await choose('Mức độ', 'Lỗi');
    await choose('Cơ quan chủ trì', 'Ban Tổ chức Tỉnh ủy');
    const errors = await download();
    expect(errors.rows.slice(1).map((r) => r[0])).toEqual(["'Nhiệm vụ'!K2", "'Nhiệm vụ'!L2"]);
    expect(errors.rows.slice(1)).toEqual(everything.rows.slice(1, 3));
  });

  it('speaks English in an English pane, in the controls and in the file', async () => {
    await renderCheck('en');
    await choose('Severity', 'Note');
    expect(shownRows()).toEqual([ALL_ROWS[3], ALL_ROWS[4]]);
    expect(status()).toBe('2 of 6 problems');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download the list (.csv)' }));
    });
    const [bytes, name] = downloadBytes.mock.calls[0];
    expect(name).toBe('check-2024-03-31.csv');
    const rows = parseCsv(csvText(bytes));
    expect(rows[0]).toEqual([
      'Cell',
      'Task ID',
      'Lead agency',
      'Severity',
      'Kind of problem',
      'Message',
      'Suggestion',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ["'Nhiệm vụ'!P3", 'Note', 'Not updated in the reporting period'],
      ["'Nhiệm vụ'!P4", 'Note', 'Not updated in the reporting period'],
    ]);
    await choose('Kind of problem', 'Status not in the list');
    await choose('Severity', 'All');
    expect(shownRows()).toEqual([ALL_ROWS[5]]);
  });
});

import { MIN_EXCEL_API } from '../../src/excel/host';
import { describeExcelError } from '../../src/excel/errors';
import { buildTrackingWorkbook, ExistingWorkbookError } from '../../src/excel/existing';
import { RenderAbortedError } from '../../src/excel/render';
import { ExcelError, StrictExcel } from '../support/excel/strict-excel';
import { scaledSpec } from './helpers';

const richApi = (code: string, message: string) =>
  Object.assign(new Error(message), { name: 'RichApi.Error', code });

describe('describeExcelError', () => {
  it.each([
    [
      'RequestPayloadSizeLimitExceeded',
      'The request payload size has exceeded the limit.',
      'payload',
      /5 MB/,
    ],
    [
      'ResponsePayloadSizeLimitExceeded',
      'The response payload size has exceeded the limit.',
      'payload',
      /5 MB/,
    ],
    [
      'AccessDenied',
      'The cell or chart you are trying to change is on a protected sheet.',
      'protected',
      /bảo vệ/,
    ],
    ['InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.', 'editMode', /chế độ sửa ô/],
    ['ItemNotFound', "The requested resource doesn't exist.", 'notFound', /Không tìm thấy/],
    ['ItemAlreadyExists', 'A resource with the same name or identifier already exists.', 'exists', /trùng/],
    ['ApiNotFound', 'The API you are trying to use could not be found.', 'unsupported', /chưa hỗ trợ/],
  ])('maps %s', (code, message, kind, vi) => {
    const m = describeExcelError(richApi(code, message));
    expect(m.kind).toBe(kind);
    expect(m.code).toBe(code);
    expect(m.vi).toMatch(vi);
    expect(m.en.length).toBeGreaterThan(10);
    expect(m.detail).toBe(message);
  });

  it('recognises the protected-sheet and payload cases from the message when the code is generic', () => {
    expect(describeExcelError(richApi('InvalidOperation', 'This sheet is protected.')).kind).toBe(
      'protected',
    );
    expect(
      describeExcelError(richApi('GeneralException', 'The request payload size has exceeded the limit.'))
        .kind,
    ).toBe('payload');
  });

  it('keeps the details of unknown errors visible', () => {
    const m = describeExcelError(richApi('GeneralException', 'Something odd'));
    expect(m.kind).toBe('general');
    expect(m.vi).toContain('GeneralException: Something odd');
    expect(m.en).toContain('Something odd');
    expect(describeExcelError('plain string').kind).toBe('general');
  });

  it('handles cancellation and our own bilingual errors', () => {
    expect(describeExcelError(new RenderAbortedError()).kind).toBe('aborted');
    const own = describeExcelError(
      new ExistingWorkbookError({
        found: true,
        tableSheet: null,
        metaSheet: null,
        inventory: { sheets: [], names: [] },
        tables: [],
      }),
    );
    expect(own.vi).toMatch(/Sổ này đã có bảng theo dõi/);
    expect(own.en).toMatch(/already has a tracking table/);
  });

  it('works with the fake context errors', () => {
    expect(describeExcelError(new ExcelError('AccessDenied', 'protected')).kind).toBe('protected');
  });
});

describe('old hosts', () => {
  it('cannot meet a host below ExcelApi 1.7: the manifest keeps it out, and Excel itself says ApiNotFound', async () => {
    // The add-in asks for MIN_EXCEL_API in its manifest (test/manifest.test.ts), so no code path
    // of its own is needed for older hosts. Should one run it anyway, Excel refuses the first
    // request and the pane's explanation points to the .xlsx; nothing is drawn.
    expect(MIN_EXCEL_API).toBe('1.7');
    const x = new StrictExcel({ api: '1.4' });
    x.addSheet('Sheet1');
    const err = await buildTrackingWorkbook(x.requestContext, scaledSpec(5)).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ApiNotFound');
    expect(describeExcelError(err).kind).toBe('unsupported');
    expect(describeExcelError(err).vi).toMatch(/\.xlsx/);
    expect(describeExcelError(err).en).toMatch(/\.xlsx/);
    expect(x.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

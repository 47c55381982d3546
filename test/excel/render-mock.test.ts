import { OfficeMockObject } from 'office-addin-mock';
import { renderWorkbook } from '../../src/excel/render';
import { goToCell } from '../../src/excel/select';
import type { WorkbookSpec } from '../../src/workbook/types';

/**
 * The renderer against office-addin-mock objects shaped like the Excel object model: a second
 * opinion next to the counting fake, on a small hand-made workbook description.
 */

type Rec = Record<string, unknown>;

interface Recorded {
  ranges: { sheet: string; address: string; range: Rec }[];
  sheets: Map<string, Rec>;
  names: [string, string][];
  tables: Rec[];
  order: string[];
}

function rangeMock(rec: Recorded, sheet: string, address: string): Rec {
  const data = {
    address,
    format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
    dataValidation: { clear: () => rec.order.push(`dv.clear ${address}`) },
    conditionalFormats: {
      add: (type: string) => {
        const cf = {
          type,
          custom: { rule: {}, format: { fill: {}, font: {} } },
          dataBar: { positiveFormat: {} },
        };
        rec.order.push(`cf.add ${type} ${address}`);
        return cf;
      },
    },
    merge: () => rec.order.push(`merge ${address}`),
    autoFill: () => rec.order.push(`autoFill ${address}`),
    select: () => rec.order.push(`select ${sheet}!${address}`),
  };
  const range = new OfficeMockObject(data) as unknown as Rec;
  // Property writes are watched so that their order can be asserted.
  const watched = new Proxy(range, {
    set(target, prop, value) {
      rec.order.push(`${String(prop)} ${sheet}!${address}`);
      (target as Rec)[prop as string] = value;
      return true;
    },
  });
  rec.ranges.push({ sheet, address, range: watched });
  return watched;
}

function sheetMock(rec: Recorded, name: string): Rec {
  const sheet = new OfficeMockObject({
    name,
    freezePanes: {
      freezeAt: () => rec.order.push(`freezeAt ${name}`),
      freezeRows: (n: number) => rec.order.push(`freezeRows ${name} ${n}`),
      freezeColumns: (n: number) => rec.order.push(`freezeColumns ${name} ${n}`),
    },
    tables: {
      add: (address: string, hasHeaders: boolean) => {
        const t = { address, hasHeaders } as Rec;
        rec.tables.push(t);
        return t;
      },
    },
    getRange: (address: string) => rangeMock(rec, name, address),
    activate: () => rec.order.push(`activate ${name}`),
  }) as unknown as Rec;
  rec.sheets.set(name, sheet);
  return sheet;
}

function mockContext(rec: Recorded) {
  const mock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          add: (name: string) => sheetMock(rec, name),
          getItem: (name: string) => rec.sheets.get(name) ?? sheetMock(rec, name),
        },
        names: {
          add: (name: string, ref: string) => {
            rec.names.push([name, ref]);
            return {};
          },
        },
        application: {
          suspendApiCalculationUntilNextSync: () => rec.order.push('suspendCalc'),
          suspendScreenUpdatingUntilNextSync: () => rec.order.push('suspendScreen'),
          calculate: () => rec.order.push('calculate'),
        },
      },
      sync: async () => {
        rec.order.push('sync');
      },
    },
  }) as unknown as { context: Excel.RequestContext };
  return mock.context;
}

function smallSpec(): WorkbookSpec {
  return {
    lang: 'vi',
    names: [{ name: 'NgayBaoCao', ref: "'Tổng hợp'!$B$3" }],
    meta: {
      generator: 'plan-tracker',
      generatorVersion: '0.1.0',
      schemaVersion: 1,
      lang: 'vi',
      builtAt: '2024-07-01T00:00:00.000Z',
      planTitle: 'Kế hoạch',
      planNumber: null,
      planIssuedOn: null,
      sourceFingerprint: 'x',
      workbookId: 'w',
      agencyKey: null,
      tasks: [],
    },
    sheets: [
      {
        key: 'tasks',
        name: 'Nhiệm vụ',
        state: 'visible',
        widths: [10, 60, 12, 20],
        freeze: { rows: 1, cols: 1 },
        cells: [],
        merges: [],
        tables: [
          {
            name: 'NhiemVu',
            row: 0,
            col: 0,
            style: 'TableStyleMedium2',
            columns: [
              { id: 'taskId', header: 'Mã nhiệm vụ', kind: 'text', width: 10, editable: false },
              {
                id: 'text',
                header: 'Nội dung nhiệm vụ',
                kind: 'text',
                width: 60,
                editable: false,
                wrap: true,
              },
              {
                id: 'due',
                header: 'Thời hạn',
                kind: 'date',
                width: 12,
                numFmt: 'dd/mm/yyyy',
                editable: true,
              },
              {
                id: 'state',
                header: 'Tình trạng hạn',
                kind: 'formula',
                width: 20,
                editable: false,
                formula: (r) => `IF(C${r}<NgayBaoCao,"Quá hạn","")`,
              },
            ],
            rows: [
              [
                { t: 'text', v: 'I.1' },
                { t: 'text', v: '- Bộ Chính trị chỉ đạo' },
                { t: 'date', v: '2023-12-31' },
                { t: 'formula', f: 'IF(C2<NgayBaoCao,"Quá hạn","")' },
              ],
              [
                { t: 'text', v: 'I.2' },
                { t: 'text', v: '=SUM(A1) không phải công thức' },
                null,
                { t: 'formula', f: 'IF(C3<NgayBaoCao,"Quá hạn","")' },
              ],
            ],
          },
        ],
        validations: [
          { kind: 'list', range: 'B2:B100', source: 'DsTrangThai', allowBlank: true, prompt: 'Chọn' },
        ],
        conditionalFormats: [],
      },
      {
        key: 'summary',
        name: 'Tổng hợp',
        state: 'visible',
        widths: [],
        cells: [
          {
            row: 2,
            col: 1,
            value: { t: 'date', v: '2024-06-30' },
            style: { numFmt: 'dd/mm/yyyy', bold: true },
          },
        ],
        tables: [],
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
      {
        key: 'meta',
        name: '_PlanTracker',
        state: 'veryHidden',
        widths: [20, 80],
        cells: [{ row: 0, col: 0, value: { t: 'text', v: 'format' } }],
        tables: [],
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}

describe('renderWorkbook with office-addin-mock', () => {
  let rec: Recorded;
  beforeAll(async () => {
    rec = { ranges: [], sheets: new Map(), names: [], tables: [], order: [] };
    await renderWorkbook(mockContext(rec), smallSpec(), {
      inventory: { sheets: [], names: [] },
      isSetSupported: (_s, v) => v !== '1.9',
    });
  });

  const range = (sheet: string, address: string) =>
    rec.ranges.filter((r) => r.sheet === sheet && r.address === address);
  /** What was written to a property of a range (each command takes its own range object). */
  const written = (sheet: string, address: string, prop: string): unknown =>
    range(sheet, address)
      .map((r) => r.range[prop])
      .find((v) => v !== undefined);

  it('writes the values of text and date columns into the table body, text escaped', () => {
    expect(written('Nhiệm vụ', 'A2:C3', 'values')).toEqual([
      ['I.1', "'- Bộ Chính trị chỉ đạo", 45291],
      ['I.2', "'=SUM(A1) không phải công thức", ''],
    ]);
    expect(written('Nhiệm vụ', 'A2:C3', 'numberFormat')).toEqual([
      ['@', '@', 'dd/mm/yyyy'],
      ['@', '@', 'dd/mm/yyyy'],
    ]);
  });

  it('sets the number format before the values', () => {
    const fmt = rec.order.indexOf('numberFormat Nhiệm vụ!A2:C3');
    const values = rec.order.indexOf('values Nhiệm vụ!A2:C3');
    expect(fmt).toBeGreaterThanOrEqual(0);
    expect(fmt).toBeLessThan(values);
  });

  it('writes formulas through Range.formulas with "="', () => {
    const f = range('Nhiệm vụ', 'D2:D3').find((r) => r.range.formulas !== undefined)!.range;
    expect(f.formulas).toEqual([['=IF(C2<NgayBaoCao,"Quá hạn","")'], ['=IF(C3<NgayBaoCao,"Quá hạn","")']]);
  });

  it('creates the table with headers, name and style', () => {
    expect(rec.tables).toHaveLength(1);
    expect(rec.tables[0]).toMatchObject({
      address: 'A1:D3',
      hasHeaders: true,
      name: 'NhiemVu',
      style: 'TableStyleMedium2',
    });
    expect(written('Nhiệm vụ', 'A1:D1', 'values')).toEqual([
      ['Mã nhiệm vụ', 'Nội dung nhiệm vụ', 'Thời hạn', 'Tình trạng hạn'],
    ]);
  });

  it('adds names, validation rules and hides the meta sheet (very hidden)', () => {
    expect(rec.names).toEqual([['NgayBaoCao', "='Tổng hợp'!$B$3"]]);
    const dv = range('Nhiệm vụ', 'B2:B100')[0].range.dataValidation as Rec;
    expect(dv.rule).toEqual({ list: { inCellDropDown: true, source: '=DsTrangThai' } });
    expect(dv.prompt).toEqual({ showPrompt: true, title: '', message: 'Chọn' });
    expect(rec.sheets.get('_PlanTracker')!.visibility).toBe('VeryHidden');
    expect(rec.sheets.get('Nhiệm vụ')!.visibility).toBeUndefined();
    expect(rec.order).toContain('freezeAt Nhiệm vụ');
  });

  it('writes a free date cell as a serial with its format and style', () => {
    expect(written('Tổng hợp', 'B3', 'values')).toEqual([[45473]]);
    expect(written('Tổng hợp', 'B3', 'numberFormat')).toEqual([['dd/mm/yyyy']]);
    const bold = range('Tổng hợp', 'B3').some(
      (r) => (r.range.format as { font: { bold?: boolean } }).font.bold,
    );
    expect(bold).toBe(true);
  });

  it('suspends calculation per data request and recalculates at the end', () => {
    const syncs = rec.order.filter((o) => o === 'sync').length;
    // 5 data requests (no ExcelApi 1.9 here) + the finishing one.
    expect(syncs).toBe(6);
    expect(rec.order.filter((o) => o === 'suspendCalc')).toHaveLength(5);
    expect(rec.order.filter((o) => o === 'suspendScreen')).toHaveLength(0);
    expect(rec.order.lastIndexOf('calculate')).toBeGreaterThan(rec.order.lastIndexOf('suspendCalc'));
  });
});

describe('goToCell with office-addin-mock', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const rec: Recorded = { ranges: [], sheets: new Map(), names: [], tables: [], order: [] };
    const ctx = mockContext(rec);
    await goToCell(ctx, { sheet: 'Nhiệm vụ', address: 'I12' });
    expect(rec.order).toEqual(['activate Nhiệm vụ', 'select Nhiệm vụ!I12', 'sync']);
  });
});

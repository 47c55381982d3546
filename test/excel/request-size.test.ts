import { sendRequest, toRequest, makeUnit } from '../../src/excel/batches';
import type { Command } from '../../src/excel/commands';
import { commandsBytes, OFFICE_JS_BULK_CELLS, requestBytes } from '../../src/excel/request-size';
import { StrictExcel } from '../support/excel/strict-excel';

/**
 * The request-size model (the one executor run against a meter) against Microsoft's serializer:
 * for every kind of command, what the writers plan a request at is never below what office.js
 * sends, and not far above it.
 */

const S = 'Nhiệm vụ';

function grid<T>(rows: number, cols: number, f: (r: number, c: number) => T): T[][] {
  return Array.from({ length: rows }, (_v, r) => Array.from({ length: cols }, (_w, c) => f(r, c)));
}

const KINDS: [string, Command[]][] = [
  [
    'a block of values',
    [
      {
        op: 'values',
        sheet: S,
        address: 'A2:N101',
        grid: grid(100, 14, (r, c) => `Nhiệm vụ số ${r}.${c} của Sở Nội vụ`),
      },
    ],
  ],
  [
    'its number formats',
    [{ op: 'numberFormat', sheet: S, address: 'A2:N101', grid: grid(100, 14, () => '@') }],
  ],
  [
    'a write office.js splits (over 1,500 cells)',
    [{ op: 'values', sheet: S, address: 'A2:N401', grid: grid(400, 14, (r) => r) }],
  ],
  [
    'formulas',
    [{ op: 'formulas', sheet: S, address: 'O2:O201', grid: grid(200, 1, (r) => `=IF(I${r + 2}="",0,1)`) }],
  ],
  [
    'styled cells',
    grid(50, 1, (r) => r).flatMap(([r]): Command[] => [
      { op: 'numberFormat', sheet: S, address: `B${r + 1}`, grid: [['0.0%']] },
      { op: 'values', sheet: S, address: `B${r + 1}`, grid: [[r / 50]] },
      { op: 'format', sheet: S, address: `B${r + 1}`, prop: 'font.bold', value: true },
      { op: 'format', sheet: S, address: `B${r + 1}`, prop: 'fill.color', value: '#D9E1F2' },
      { op: 'border', sheet: S, address: `B${r + 1}`, edge: 'EdgeTop' },
      { op: 'border', sheet: S, address: `B${r + 1}`, edge: 'EdgeBottom' },
    ]),
  ],
  [
    'a table, names, validation, conditional formats, freeze',
    [
      { op: 'values', sheet: S, address: 'A1:C1', grid: [['Mã', 'Nội dung', 'Trạng thái']] },
      { op: 'addTable', sheet: S, address: 'A1:C30', name: 'NhiemVu', style: 'TableStyleMedium2' },
      { op: 'addName', name: 'DsTrangThai', formula: "='Nhiệm vụ'!$C$2:$C$5" },
      {
        op: 'validation',
        sheet: S,
        rule: {
          kind: 'list',
          range: 'C2:C30',
          source: 'DsTrangThai',
          allowBlank: true,
          prompt: 'Chọn trạng thái',
        },
      },
      {
        op: 'conditionalFormat',
        sheet: S,
        format: {
          kind: 'expression',
          range: 'A2:C30',
          formula: '$C2="Quá hạn"',
          style: { fill: 'FFC7CE' },
          priority: 1,
        },
      },
      { op: 'freeze', sheet: S, rows: 1, cols: 1 },
      { op: 'fillDown', sheet: S, from: 'B2', to: 'B2:B30' },
      { op: 'calculate' },
    ],
  ],
  [
    'a highlight: fills read, then painted',
    grid(300, 1, (r) => r).flatMap(([r]): Command[] => [{ op: 'loadFill', sheet: S, address: `I${r + 2}` }]),
  ],
  [
    'a swap: activate, rename, hide, delete',
    [
      { op: 'addSheet', sheet: 'Tạm' },
      { op: 'activate', sheet: 'Tạm' },
      { op: 'renameSheet', sheet: 'Khác', to: 'Khác (cũ)' },
      { op: 'visibility', sheet: 'Khác (cũ)', state: 'Hidden' },
      { op: 'deleteSheet', sheet: 'Khác (cũ)' },
    ],
  ],
];

describe('request sizes: the plan against office.js’s serializer', () => {
  it.each(KINDS)('plans %s at no less than office.js sends, and within 25 %%', async (_what, commands) => {
    const x = new StrictExcel();
    x.addSheet(S);
    x.addSheet('Khác');
    const planned = requestBytes(commands);
    expect(toRequest([makeUnit(commands)]).bytes).toBe(planned);
    await sendRequest(x.requestContext, toRequest([makeUnit(commands)]));
    const sent = x.syncs[0].requestBytes;
    expect(x.syncs[0].error).toBeNull();
    expect(planned).toBeGreaterThanOrEqual(sent);
    expect(planned).toBeLessThanOrEqual(sent * 1.25 + 1_000);
  });

  it('counts the extra ranges office.js makes for a write over 1,500 cells', () => {
    const under = commandsBytes([
      { op: 'values', sheet: S, address: 'A1:A1500', grid: grid(1500, 1, () => 1) },
    ]);
    const over = commandsBytes([
      { op: 'values', sheet: S, address: 'A1:A1501', grid: grid(1501, 1, () => 1) },
    ]);
    expect(OFFICE_JS_BULK_CELLS).toBe(1500);
    // Two chunks' worth of paths and actions more, for two more bytes of data.
    expect(over - under).toBeGreaterThan(1_000);
  });
});

import { readTracking } from '../../src/excel/read';
import { renderWorkbook } from '../../src/excel/render';
import { CountingExcel } from '../../src/excel/testing/counting-context';
import { checkTracking } from '../../src/tracking/check';
import { SHEET_NAMES } from '../../src/workbook/names';
import { REPORT_DATE, samplePlan, specFor } from './helpers';

type Bridge = typeof import('../../src/excel/bridge');

/** The bridge opens its own batches with Excel.run; here they run on the fake workbook. */
function withExcel(x: CountingExcel) {
  Object.assign(globalThis, {
    Excel: { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(x.requestContext) },
  });
}

/** A fresh bridge per test: it keeps the active highlight in module state. */
function loadBridge(): Bridge {
  let bridge: Bridge | undefined;
  jest.isolateModules(() => {
    bridge = jest.requireActual<Bridge>('../../src/excel/bridge');
  });
  return bridge!;
}

function workbook() {
  const x = new CountingExcel();
  x.addSheet('Nhiệm vụ');
  const other = x.addSheet('Khác');
  x.cell(other, 0, 0).style['fill.color'] = '#C6EFCE';
  withExcel(x);
  return x;
}

const CELLS = [
  { sheet: 'Nhiệm vụ', address: 'I5' },
  { sheet: 'Khác', address: 'A1' },
  { sheet: 'Nhiệm vụ', address: 'i5' },
];

afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

describe('highlight through the bridge', () => {
  it('paints each cell once and clearing restores the fills', async () => {
    const x = workbook();
    const bridge = loadBridge();
    expect(bridge.hasHighlightInExcel()).toBe(false);
    expect(await bridge.highlightFindingsInExcel(CELLS)).toBe(2);
    expect(bridge.hasHighlightInExcel()).toBe(true);
    expect(x.at('Nhiệm vụ', 'I5')!.style['fill.color']).toBe('#FFD966');
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#FFD966');

    await bridge.clearHighlightInExcel();
    expect(bridge.hasHighlightInExcel()).toBe(false);
    expect(x.at('Nhiệm vụ', 'I5')!.style['fill.color']).toBeUndefined();
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#C6EFCE');

    // Nothing left to clear: no batch at all.
    const syncs = x.syncs.length;
    await bridge.clearHighlightInExcel();
    expect(x.syncs.length).toBe(syncs);
  });

  it('highlighting again remembers the workbook’s fills, not the previous highlight', async () => {
    const x = workbook();
    const bridge = loadBridge();
    await bridge.highlightFindingsInExcel(CELLS);
    await bridge.highlightFindingsInExcel([{ sheet: 'Khác', address: 'A1' }]);
    // The first highlight's other cell is back as it was; only the new one is painted.
    expect(x.at('Nhiệm vụ', 'I5')!.style['fill.color']).toBeUndefined();
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#FFD966');
    await bridge.clearHighlightInExcel();
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#C6EFCE');
  });

  it('keeps the record when Excel refuses the clear, so it can be cleared later', async () => {
    const x = workbook();
    const bridge = loadBridge();
    await bridge.highlightFindingsInExcel(CELLS);
    const sheet = x.requireSheet('Khác');
    sheet.name = 'Khác (2)';
    await expect(bridge.clearHighlightInExcel()).rejects.toThrow(/Khác/);
    expect(bridge.hasHighlightInExcel()).toBe(true);
    sheet.name = 'Khác';
    await bridge.clearHighlightInExcel();
    expect(bridge.hasHighlightInExcel()).toBe(false);
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#C6EFCE');
  });
});

describe('check sheet through the bridge', () => {
  it('writes the findings of the open workbook as the Kiểm tra sheet, one row each', async () => {
    const x = new CountingExcel();
    x.addSheet('Sheet1');
    await renderWorkbook(x.requestContext, specFor(samplePlan()));
    const read = await readTracking(x.requestContext);
    const findings = checkTracking({ snapshot: read.snapshot, meta: read.meta, reportDate: REPORT_DATE });
    expect(findings.length).toBeGreaterThan(0);
    withExcel(x);
    const report = await loadBridge().writeCheckSheetInExcel(findings, 'vi');
    expect(report.sheet).toBe(SHEET_NAMES.check.vi);
    const table = x.state.tables.find((t) => t.name === 'KiemTra');
    expect(table?.rows).toBe(findings.length + 1);
  });
});

import { CountingExcel, FakeExcelError } from '../../src/excel/testing/counting-context';

describe('the counting fake behaves like Excel where the renderer depends on it', () => {
  it('queues writes until sync and counts the request bytes', async () => {
    const x = new CountingExcel();
    const ws = x.requestContext.workbook.worksheets.add('A');
    ws.getRange('A1:B1').values = [['xin chào', 1]];
    expect(x.state.sheets).toHaveLength(0);
    await x.requestContext.sync();
    expect(x.valuesOf('A', 'A1:B1')).toEqual([['xin chào', 1]]);
    // UTF-8 of the JSON arguments: Vietnamese letters count 2–3 bytes each.
    const expected =
      64 + Buffer.byteLength('"A"') + 64 + Buffer.byteLength(JSON.stringify([['xin chào', 1]]));
    expect(x.syncs[0].requestBytes).toBe(expected);
  });

  it('reads loaded properties only after the sync', async () => {
    const x = new CountingExcel();
    x.addSheet('A');
    const r = x.requestContext.workbook.worksheets.getItem('A').getRange('A1').load('values');
    expect(() => r.values).toThrow(/PropertyNotLoaded/);
    await x.requestContext.sync();
    expect(r.values).toEqual([['']]);
  });

  it('turns formula-like text into formulas unless the cell is text or the text is escaped', async () => {
    const x = new CountingExcel();
    const ws = x.requestContext.workbook.worksheets.add('A');
    ws.getRange('A1:C1').values = [['- Bộ Chính trị', "'- Bộ Chính trị", '2023']];
    const b = ws.getRange('A2');
    b.numberFormat = [['@']];
    b.values = [['=SUM(A1)']];
    await x.requestContext.sync();
    expect(x.at('A', 'A1')!.formula).toBe('=- Bộ Chính trị');
    expect(x.at('A', 'B1')!.value).toBe('- Bộ Chính trị');
    expect(x.at('A', 'C1')!.value).toBe(2023);
    expect(x.at('A', 'A2')!.value).toBe('=SUM(A1)');
  });

  it('rejects a request over the payload limit and a shape mismatch', async () => {
    const x = new CountingExcel();
    x.payloadLimit = 1000;
    const ws = x.requestContext.workbook.worksheets.add('A');
    ws.getRange('A1').values = [['x'.repeat(2000)]];
    await expect(x.requestContext.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    x.payloadLimit = null;
    x.requestContext.workbook.worksheets.add('B').getRange('A1:B1').values = [['only one']];
    await expect(x.requestContext.sync()).rejects.toBeInstanceOf(FakeExcelError);
  });
});

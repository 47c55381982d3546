import { StrictExcel } from '../support/excel/strict-excel';

/**
 * The strict double refuses what Excel refuses (issue 15), and its client side is Microsoft's
 * office.js: these tests pin both, so a test that passes against it has met Excel's rules.
 */

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'no code',
  );

function withSheet(name = 'A'): StrictExcel {
  const x = new StrictExcel();
  x.addSheet(name);
  return x;
}

describe('the strict double: office.js on the client side', () => {
  it('queues writes until sync and measures the request office.js serialised', async () => {
    const x = new StrictExcel();
    const ctx = x.requestContext;
    ctx.workbook.worksheets.add('A').getRange('A1:B1').values = [['xin chào', 1]];
    expect(x.state.sheets).toHaveLength(0);
    await ctx.sync();
    expect(x.valuesOf('A', 'A1:B1')).toEqual([['xin chào', 1]]);
    const body = JSON.parse(x.lastRequestText) as { Actions: { Name: string }[]; ObjectPaths: object };
    expect(body.Actions.map((a) => a.Name)).toContain('Values');
    expect(x.syncs[0].requestBytes).toBe(Buffer.byteLength(x.lastRequestText, 'utf8'));
    // UTF-8: the Vietnamese letters count 2–3 bytes each.
    expect(x.syncs[0].requestBytes).toBeGreaterThan(x.lastRequestText.length);
  });

  it('throws office.js’s PropertyNotLoaded for a property that was not loaded', async () => {
    const x = withSheet();
    const ctx = x.requestContext;
    const r = ctx.workbook.worksheets.getItem('A').getRange('A1:B2').load('values');
    expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(r.values).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(() => r.rowCount).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  it('answers ApiNotFound, as the host does, for a member above its version (Excel 2019: 1.7)', async () => {
    const x = new StrictExcel({ api: '1.7' });
    x.addSheet('A');
    const ctx = x.requestContext;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1').values = [['=1']];
    ws.getRange('A1').autoFill('A1:A3', 'FillDefault');
    expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    ws.getRange('B1').dataValidation.clear();
    expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    ws.freezePanes.freezeRows(1);
    await ctx.sync();
    expect(x.requireSheet('A').freeze).toEqual({ rows: 1, cols: 0 });
    expect(x.support('ExcelApi', '1.7')).toBe(true);
    expect(x.support('ExcelApi', '1.8')).toBe(false);
  });
});

describe('the strict double refuses what Excel refuses', () => {
  it('values, formulas and number formats whose shape differs from the range', async () => {
    for (const prop of ['values', 'formulas', 'numberFormat'] as const) {
      const x = withSheet();
      const ctx = x.requestContext;
      const range = ctx.workbook.worksheets.getItem('A').getRange('A1:B2');
      (range as unknown as Record<string, unknown>)[prop] = [['1', '2']];
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    }
  });

  it('a request over 5 MB, before running any of it', async () => {
    const x = withSheet();
    const ctx = x.requestContext;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1').values = [['chưa']];
    ws.getRange('B1:B600').values = Array.from({ length: 600 }, () => ['ữ'.repeat(3000)]);
    expect(await codeOf(ctx.sync())).toBe('RequestPayloadSizeLimitExceeded');
    expect(x.at('A', 'A1')).toBeUndefined();
    expect(x.syncs[0].requestBytes).toBeGreaterThan(5_000_000);
  });

  it('a response over 5 MB', async () => {
    const x = withSheet();
    const sheet = x.requireSheet('A');
    for (let r = 0; r < 1000; r++) x.cell(sheet, r, 0).value = 'ữ'.repeat(2000);
    const ctx = x.requestContext;
    ctx.workbook.worksheets.getItem('A').getRange('A1:A1000').load('values');
    expect(await codeOf(ctx.sync())).toBe('ResponsePayloadSizeLimitExceeded');
    expect(x.syncs[0].responseBytes).toBeGreaterThan(5_000_000);
  });

  it('a name that differs from another only in case, and finds names whatever their case', async () => {
    const x = withSheet('Tổng hợp');
    const ctx = x.requestContext;
    ctx.workbook.names.add('NgayBaoCao', "='Tổng hợp'!$B$3");
    await ctx.sync();
    const found = ctx.workbook.names.getItem('NGAYBAOCAO').load('name');
    await ctx.sync();
    expect(found.name).toBe('NgayBaoCao');
    ctx.workbook.names.add('ngaybaocao', "='Tổng hợp'!$B$4");
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
    expect([...x.state.names.keys()]).toEqual(['NgayBaoCao']);
  });

  it('sheet names Excel reserves or cannot take', async () => {
    for (const name of ['History', 'history', "'Trích", "Trích'", 'a/b', 'x'.repeat(32)]) {
      const x = withSheet();
      const ctx = x.requestContext;
      ctx.workbook.worksheets.add(name);
      expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    }
    const x = withSheet('Nhiệm vụ');
    const ctx = x.requestContext;
    ctx.workbook.worksheets.add('NHIỆM VỤ');
    expect(await codeOf(ctx.sync())).toBe('ItemAlreadyExists');
    ctx.workbook.worksheets.getItem('Nhiệm vụ').name = 'HISTORY';
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    expect(x.state.sheets.map((s) => s.name)).toEqual(['Nhiệm vụ']);
  });

  it('hiding the active sheet or the last visible one, deleting a very hidden one', async () => {
    const x = withSheet('A');
    x.addSheet('B');
    const ctx = x.requestContext;
    expect(x.state.activeSheet).toBe('A');
    ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    ctx.workbook.worksheets.getItem('B').activate();
    ctx.workbook.worksheets.getItem('A').visibility = 'Hidden';
    await ctx.sync();
    ctx.workbook.worksheets.getItem('B').visibility = 'VeryHidden';
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
    x.addSheet('C').visibility = 'VeryHidden';
    ctx.workbook.worksheets.getItem('C').delete();
    expect(await codeOf(ctx.sync())).toBe('InvalidOperation');
  });

  it('stops a request at the failing command and keeps what ran before it', async () => {
    const x = withSheet();
    const ctx = x.requestContext;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1').values = [['đã ghi']];
    ws.getRange('A2:A3').values = [['một']];
    ws.getRange('A4').values = [['không tới']];
    expect(await codeOf(ctx.sync())).toBe('InvalidArgument');
    expect(x.valuesOf('A', 'A1:A4')).toEqual([['đã ghi'], [null], [null], [null]]);
  });
});

describe('the strict double reads input like Excel', () => {
  it('takes strings as typed en-US input unless the cell is text or the text is quoted', async () => {
    const x = withSheet();
    const ctx = x.requestContext;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1:D1').values = [['- Bộ Chính trị', "'- Bộ Chính trị", '2023', '3/4/2023']];
    const text = ws.getRange('A2:B2');
    text.numberFormat = [['@', '@']];
    text.values = [['=SUM(A1)', '3/4/2023']];
    await ctx.sync();
    expect(x.at('A', 'A1')!.formula).toBe('=- Bộ Chính trị');
    expect(x.at('A', 'B1')!.value).toBe('- Bộ Chính trị');
    expect(x.at('A', 'C1')!.value).toBe(2023);
    // Month first: 4 March 2023 (Excel serial 44989), whatever the workbook's formats say.
    expect(x.at('A', 'D1')!.value).toBe(44989);
    expect(x.at('A', 'A2')!.value).toBe('=SUM(A1)');
    expect(x.at('A', 'B2')!.value).toBe('3/4/2023');
  });

  it('turns a formula written into an empty table column into a calculated column', async () => {
    const x = withSheet();
    const ctx = x.requestContext;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.getRange('A1:B1').values = [['Ô', 'Liên kết']];
    ws.tables.add('A1:B4', true);
    ws.getRange('B2:B4').formulas = [
      ['=HYPERLINK("#A!C2","C2")'],
      ['=HYPERLINK("#A!C9","C9")'],
      ['=HYPERLINK("#A!D7","D7")'],
    ];
    await ctx.sync();
    // One formula for the whole column: the last one written, shifted row by row.
    expect(x.at('A', 'B2')!.formula).toBe('=HYPERLINK("#A!D7","D7")');
    expect(x.at('A', 'B3')!.formula).toBe('=HYPERLINK("#A!D7","D7")');
    expect(x.state.tables[0].calculated.has(1)).toBe(true);

    // Formulas already in the range when the table is made stay as they are.
    const y = withSheet();
    const c2 = y.requestContext;
    const w2 = c2.workbook.worksheets.getItem('A');
    w2.getRange('A1:B1').values = [['Ô', 'Liên kết']];
    w2.getRange('B2:B3').formulas = [['=HYPERLINK("#A!C2","C2")'], ['=HYPERLINK("#A!C9","C9")']];
    w2.tables.add('A1:B3', true);
    await c2.sync();
    expect(y.at('A', 'B2')!.formula).toBe('=HYPERLINK("#A!C2","C2")');
    expect(y.at('A', 'B3')!.formula).toBe('=HYPERLINK("#A!C9","C9")');
  });
});

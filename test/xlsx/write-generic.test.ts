import ExcelJS from 'exceljs';
import type { WorkbookSpec } from '../../src/workbook/types';
import { writeXlsx } from '../../src/xlsx/write';

/** The writer draws whatever the spec says, knowing nothing of the tracking columns. */
function spec(): WorkbookSpec {
  return {
    lang: 'en',
    names: [{ name: 'Rate', ref: "'Any sheet'!$B$2" }],
    meta: {
      generator: 'test',
      generatorVersion: '0',
      schemaVersion: 0,
      lang: 'en',
      builtAt: '2026-01-02T03:04:05.000Z',
      planTitle: '',
      planNumber: null,
      planIssuedOn: null,
      sourceFingerprint: '',
      workbookId: 'w',
      agencyKey: null,
      tasks: [],
    },
    sheets: [
      {
        key: 'any',
        name: 'Any sheet',
        state: 'visible',
        widths: [30, 12],
        freeze: { rows: 2, cols: 1 },
        tabColor: 'FF0000',
        cells: [
          {
            row: 0,
            col: 0,
            value: { t: 'text', v: '@mention' },
            style: { bold: true, fill: '00FF00', hAlign: 'center' },
          },
          { row: 1, col: 0, value: { t: 'bool', v: true } },
          { row: 1, col: 1, value: { t: 'number', v: 0.25 }, style: { numFmt: '0%', border: true } },
          { row: 2, col: 1, value: { t: 'formula', f: 'B2*2', result: 0.5 } },
          { row: 3, col: 0, value: { t: 'date', v: '2024-02-29' }, style: { numFmt: 'dd/mm/yyyy' } },
        ],
        tables: [
          {
            name: 'Things',
            row: 5,
            col: 1,
            style: 'TableStyleLight1',
            columns: [
              { id: 'a', header: 'A', kind: 'text', width: 10, numFmt: '@', editable: true },
              { id: 'b', header: 'B', kind: 'number', width: 10, editable: true },
            ],
            rows: [],
          },
        ],
        merges: ['A5:B5'],
        validations: [{ kind: 'decimal', range: 'B2:B9', min: 0, max: 1, allowBlank: false }],
        conditionalFormats: [
          {
            kind: 'expression',
            range: 'A1:B4',
            formula: '$B$2>0',
            style: { bold: true, color: '0000FF' },
            priority: 1,
          },
        ],
      },
      {
        key: 'h',
        name: 'Hidden',
        state: 'hidden',
        widths: [],
        cells: [],
        tables: [],
        merges: [],
        validations: [],
        conditionalFormats: [],
      },
    ],
  };
}

describe('writeXlsx draws any spec', () => {
  it('renders cells, styles, views, merges, tables, validations, formats and names', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(spec())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Any sheet')!;
    expect(wb.getWorksheet('Hidden')!.state).toBe('hidden');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(ws.getCell('A1').value).toBe('@mention');
    expect(ws.getCell('A1').font.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF00FF00' },
    });
    expect(ws.getCell('A2').value).toBe(true);
    expect(ws.getCell('B2').value).toBe(0.25);
    expect(ws.getCell('B2').numFmt).toBe('0%');
    expect(ws.getCell('B2').border.top?.style).toBe('thin');
    expect(ws.getCell('B3').value).toEqual({ formula: 'B2*2', result: 0.5 });
    expect((ws.getCell('A4').value as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(ws.getCell('B5').isMerged).toBe(true);
    // An empty table still gets the one blank data row Excel requires.
    const table = ws.getTable('Things') as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe('B6:C7');
    expect(ws.getCell('B6').value).toBe('A');
    const dv = (
      ws as unknown as { dataValidations: { model: Record<string, { type: string; allowBlank?: boolean }> } }
    ).dataValidations.model.B9;
    expect(dv).toMatchObject({ type: 'decimal' });
    expect(wb.definedNames.getRanges('Rate').ranges[0].replace(/'/g, '')).toBe('Any sheet!$B$2');
    const cf = (
      ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }
    ).conditionalFormattings;
    expect(cf[0]).toMatchObject({ ref: 'A1:B4', rules: [{ formulae: ['$B$2>0'] }] });
  });
});

/**
 * Free cells written as shared formulas: only where each member is exactly the top formula as
 * Excel copies it, so the file holds the formulas the spec drew (read back by the package reader,
 * which expands members, and by openpyxl), and the report sheets stop costing a formula text a row.
 */
import { unzipSync } from 'fflate';
import type { CellSpec, WorkbookSpec } from '../../src/workbook/types';
import { withReportSheets } from '../../src/workbook/reports';
import { freeSharedFormulas } from '../../src/xlsx/free-shared-formulas';
import { openWorkbook } from '../../src/xlsx/ooxml/read';
import { writeXlsx } from '../../src/xlsx/write';
import { batchSpec } from './write-fixtures';

const formula = (row: number, col: number, f: string): CellSpec => ({ row, col, value: { t: 'formula', f } });
/** A column of formulas from row 0-based `top`, one per row, `f(r)` given the 1-based row. */
const column = (col: number, top: number, n: number, f: (r: number) => string): CellSpec[] =>
  Array.from({ length: n }, (_, i) => formula(top + i, col, f(top + i + 1)));

describe('which free cells become a shared formula', () => {
  it('takes a column of copies, relative rows shifted and absolute ones kept', () => {
    const key = (r: number) => `IF('Nhiệm vụ'!$S${r}="Quá hạn",$K${r}*1000000+ROW(),$D$3)`;
    expect(freeSharedFormulas(column(9, 4, 3, key))).toEqual([{ ref: 'J5:J7', formula: key(5) }]);
  });

  it('leaves a column whose number follows the row as a literal: Excel would not shift it', () => {
    // What the radar's key was before it used ROW(): "+5", "+6" are numbers, not references.
    expect(freeSharedFormulas(column(9, 4, 3, (r) => `$K${r}*1000000+${r}`))).toEqual([]);
  });

  it('shifts whole-row ranges as Excel does, and ends a run at a gap or a different formula', () => {
    const rows = column(0, 0, 2, (r) => `SUM(${r}:${r})`);
    const gap = [formula(10, 1, 'B10+1'), formula(12, 1, 'B12+1')];
    const broken = [formula(20, 2, 'C21*2'), formula(21, 2, 'C22*2'), formula(22, 2, 'C22*2')];
    expect(freeSharedFormulas([...rows, ...gap, ...broken])).toEqual([
      { ref: 'A1:A2', formula: 'SUM(1:1)' },
      { ref: 'C21:C22', formula: 'C21*2' },
    ]);
  });

  it('does not count a digit inside a text or a sheet name as a row', () => {
    // Shifting leaves "Q2" and 'Kỳ 2' alone, so the copy one row down keeps them as they are.
    const same = column(3, 0, 3, (r) => `IF(A${r}="Q2",'Kỳ 2'!B${r},0)`);
    const wrong = column(4, 0, 2, (r) => `IF(A${r}="Q${r}",1,0)`);
    expect(freeSharedFormulas([...same, ...wrong])).toEqual([
      { ref: 'D1:D3', formula: `IF(A1="Q2",'Kỳ 2'!B1,0)` },
    ]);
  });
});

describe('a built workbook with its report sheets', () => {
  let spec: WorkbookSpec;
  let bytes: Uint8Array;
  beforeAll(async () => {
    spec = withReportSheets(batchSpec(300, '2024-09-15'), { reportDate: '2024-09-15' });
    bytes = await writeXlsx(spec);
  });

  it('holds every free formula the spec drew, members read back as their own formula', () => {
    const wb = openWorkbook(bytes, { fileName: 'reports.xlsx' });
    let compared = 0;
    for (const sheet of spec.sheets) {
      const read = wb.sheet(sheet.name);
      if (!read) continue;
      const got = new Map<string, string | undefined>();
      wb.forEachRow(read, { formulas: true }, (row) => {
        for (const c of row.cells) if (c.hasFormula) got.set(`${row.r}:${c.col}`, c.formula);
      });
      for (const c of sheet.cells) {
        if (c.value?.t !== 'formula') continue;
        expect([sheet.name, c.row + 1, c.col, got.get(`${c.row + 1}:${c.col}`)]).toEqual([
          sheet.name,
          c.row + 1,
          c.col,
          c.value.f,
        ]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });

  it('writes the radar’s helper columns once each, not a formula text a row', () => {
    const radar = spec.sheets.findIndex((s) => s.key === 'radar');
    const xml = new TextDecoder().decode(unzipSync(bytes)[`xl/worksheets/sheet${radar + 1}.xml`]);
    const masters = xml.match(/<f t="shared" ref="[A-Z]+\d+:[A-Z]+\d+" si="\d+">/g) ?? [];
    expect(masters.length).toBeGreaterThanOrEqual(2);
    // Each task row's two helper cells are members now; no plain formula mentions the task sheet's state.
    expect(xml.match(/<f>IF\(OR\('/g)).toBeNull();
    expect((xml.match(/<f t="shared" si="\d+"\/>/g) ?? []).length).toBeGreaterThan(2 * 300);
  });
});

/**
 * The real-producer helpers do what they say: openpyxl's edits as a script makes them, Calc's
 * edits through UNO, Gnumeric's re-save. The merge tests build their returns with these.
 */
import { openWorkbook } from '../../src/xlsx/ooxml/read';
import { readerCells } from '../xlsx/ooxml/compare';
import { DATA, excelFixture, META } from '../xlsx/ooxml/fixture';
import { gnumericResave, hasGnumeric } from './gnumeric';
import { hasUno, libreofficeEdit } from './libreoffice';
import { hasOpenpyxl, openpyxlRead, openpyxlSave } from './openpyxl';

const values = (bytes: Uint8Array, sheet = DATA) =>
  Object.fromEntries(Object.entries(readerCells(bytes, sheet, false)).map(([r, c]) => [r, c.value]));

(hasOpenpyxl() ? describe : describe.skip)('openpyxl edits', () => {
  it('sets values and dates, writes a formula without a result, inserts a column, deletes rows', () => {
    const out = openpyxlSave(excelFixture(), [
      { sheet: DATA, set: 'A2', value: 7 },
      { sheet: DATA, set: 'K1', value: 'mới' },
      { sheet: DATA, set: 'K2', date: '2024-06-14' },
      { sheet: DATA, set: 'K3', formula: '=A2*3' },
      { sheet: DATA, deleteRows: 5, amount: 2 },
      { sheet: DATA, insertCols: 1 },
      { sheet: META, state: 'visible' },
      { addSheet: 'Thêm' },
    ]);
    const cells = readerCells(out, DATA, true);
    // Column A moved to B; rows 5–6 are gone, so 7–9 moved up to 5–7.
    expect([cells.B2.value, cells.L1.value, cells.B5.value, cells.B7.value]).toEqual([7, 'mới', 3, 5]);
    expect(cells.L2).toMatchObject({ value: 45457, isDate: true });
    expect(cells.L3).toMatchObject({ kind: 'empty', hasFormula: true, formula: 'A2*3' });
    expect(cells.A2).toBeUndefined();
    const wb = openWorkbook(out);
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      [DATA, 'visible'],
      ['Ẩn', 'hidden'],
      [META, 'visible'],
      ['Thêm', 'visible'],
    ]);
    expect(openpyxlRead(out).find((s) => s.name === DATA)!.cells.L3.value).toBe('=A2*3');
  });
});

(hasUno() ? describe : describe.skip)('LibreOffice edits through UNO', () => {
  it('sets text, numbers and formulas, inserts a column and deletes a row, as Calc does', async () => {
    const { out } = await libreofficeEdit({
      out: {
        bytes: excelFixture(),
        edits: [
          { sheet: DATA, set: 'K1', value: 'từ Calc' },
          { sheet: DATA, set: 'K2', value: 12.5 },
          { sheet: DATA, set: 'K3', formula: '=A2+1' },
          { sheet: DATA, clear: 'A1' },
          { sheet: DATA, deleteRows: 3 },
          { sheet: DATA, insertColumns: 0 },
        ],
      },
    });
    const cells = readerCells(out, DATA, true);
    expect(cells.B1).toBeUndefined();
    expect([cells.L1.value, cells.L2.value, cells.B2.value]).toEqual(['từ Calc', 12.5, 42]);
    expect(cells.L3).toMatchObject({ value: 43, hasFormula: true, formula: 'B2+1' });
    // Row 4 (0-based 3, empty) went: rows 5–9 moved up to 4–8, then one column right.
    expect(values(out).B4).toBe(1);
  });
});

(hasGnumeric() ? describe : describe.skip)('Gnumeric re-save', () => {
  it('keeps every value', async () => {
    const { x } = await gnumericResave({ x: excelFixture() });
    const before = values(excelFixture());
    const after = values(x);
    // Gnumeric computes the formula saved without a result (D3 = A2*2).
    expect(after).toEqual({ ...before, D3: 84 });
  });
});

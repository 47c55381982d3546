import { clearHighlight, goToCell, highlightCells } from '../../src/excel/select';
import { StrictExcel } from '../support/excel/strict-excel';

function workbook() {
  const x = new StrictExcel();
  x.addSheet('Nhiệm vụ');
  const s = x.addSheet('Khác');
  x.cell(s, 0, 0).style['fill.color'] = '#C6EFCE';
  return x;
}

describe('select', () => {
  it('goes to a cell: activates its sheet and selects it', async () => {
    const x = workbook();
    await goToCell(x.requestContext, { sheet: 'Nhiệm vụ', address: 'I12' });
    expect(x.state.activeSheet).toBe('Nhiệm vụ');
    expect(x.state.selection).toBe('Nhiệm vụ!I12');
    expect(x.syncs).toHaveLength(1);
  });

  it('highlights cells and clearing puts the previous fills back', async () => {
    const x = workbook();
    const cells = [
      { sheet: 'Nhiệm vụ', address: 'I5' },
      { sheet: 'Khác', address: 'A1' },
    ];
    const h = await highlightCells(x.requestContext, cells, '#FFD966');
    expect(x.at('Nhiệm vụ', 'I5')!.style['fill.color']).toBe('#FFD966');
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#FFD966');
    expect(h.cells.map((c) => c.previous)).toEqual([null, '#C6EFCE']);
    await clearHighlight(x.requestContext, h);
    expect(x.at('Nhiệm vụ', 'I5')!.style['fill.color']).toBeUndefined();
    expect(x.at('Khác', 'A1')!.style['fill.color']).toBe('#C6EFCE');
    expect(x.syncs).toHaveLength(3);
  });
});

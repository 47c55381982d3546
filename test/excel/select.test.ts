import { clearHighlight, goToCell, highlightCells } from '../../src/excel/select';
import { StrictExcel } from '../support/excel/strict-excel';

const FOUR_MB = 4 * 1024 * 1024;

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

describe('highlight: every request under the cap, however many cells', () => {
  it('paints and clears 20,000 cells in requests under 4 MB, fills put back', async () => {
    // Issue 15, defect 4: the whole highlight went in one request (about 0.8 KB a cell as
    // office.js sends it), which Excel on the web refuses above 5 MB.
    const x = workbook();
    const tasks = x.requireSheet('Nhiệm vụ');
    const cells = Array.from({ length: 20_000 }, (_v, i) => ({
      sheet: 'Nhiệm vụ',
      address: `${['I', 'J', 'K', 'L'][i % 4]}${2 + Math.floor(i / 4)}`,
    }));
    // Staff coloured a few cells themselves.
    for (let i = 0; i < 20_000; i += 997)
      x.cell(tasks, 1 + Math.floor(i / 4), 8 + (i % 4)).style['fill.color'] = '#C6EFCE';
    const h = await highlightCells(x.requestContext, cells, '#FFD966');
    expect(x.syncs.every((s) => s.error === null)).toBe(true);
    expect(x.maxRequestBytes).toBeLessThan(FOUR_MB);
    expect(x.maxResponseBytes).toBeLessThan(FOUR_MB);
    expect(x.syncs.length).toBeGreaterThan(2);
    expect(x.at('Nhiệm vụ', 'L5001')!.style['fill.color']).toBe('#FFD966');
    expect(h.cells.filter((c) => c.previous === '#C6EFCE')).toHaveLength(Math.ceil(20_000 / 997));

    const before = x.syncs.length;
    await clearHighlight(x.requestContext, h);
    expect(x.syncs.slice(before).every((s) => s.error === null && s.requestBytes < FOUR_MB)).toBe(true);
    expect(x.at('Nhiệm vụ', 'I2')!.style['fill.color']).toBe('#C6EFCE');
    expect(x.at('Nhiệm vụ', 'J2')!.style['fill.color']).toBeUndefined();
    expect(x.at('Nhiệm vụ', 'L5001')!.style['fill.color']).toBeUndefined();
  });

  it('takes the same two syncs for 10 and 2,000 cells', async () => {
    const counts: number[] = [];
    for (const n of [10, 2000]) {
      const x = workbook();
      const cells = Array.from({ length: n }, (_v, i) => ({ sheet: 'Nhiệm vụ', address: `I${2 + i}` }));
      await highlightCells(x.requestContext, cells);
      counts.push(x.syncs.length);
    }
    expect(counts).toEqual([2, 2]);
  });
});

import { columnHeader, TASK_COLUMN_IDS } from '../../src/model/columns';
import type { TableSnapshot } from '../../src/model/table';
import type { CellChange } from '../../src/tracking/merge';
import { mergeIntoInputOf } from '../../src/excel/merge-into';
import { mergeWrites } from '../../src/workbook/merge-writes';
import { SHEET_NAMES } from '../../src/workbook/names';

// A master whose table starts at C4 (header row 4, first column C), two tasks.
const master: TableSnapshot = {
  sheet: 'Nhiệm vụ',
  headerRow: 4,
  firstCol: 2,
  headers: TASK_COLUMN_IDS.map((id) => columnHeader(id, 'vi')),
  rows: [[], []],
};
const change = (over: Partial<CellChange>): CellChange => ({
  file: 'so-noi-vu.xlsx',
  taskId: 'IV.1.2',
  column: 'progress',
  masterRow: 1,
  base: null,
  old: 0.3,
  new: 0.5,
  fromConflict: false,
  ...over,
});

describe('what a merge writes into the master', () => {
  it('places each change at its cell and logs it with the history note it needs', () => {
    const progressCol = TASK_COLUMN_IDS.indexOf('progress');
    const invalid = { vi: 'Tiến độ vượt 100 %', en: 'Progress above 100 %' };
    const { cells, history } = mergeWrites(
      {
        changes: [
          change({}),
          change({ taskId: 'IV.1.1', masterRow: 0, fromConflict: true }),
          change({ new: 1.5, invalid }),
        ],
      },
      master,
      '2024-06-14T03:32:00.000Z',
      'vi',
    );
    expect(cells.map((c) => c.row)).toEqual([6, 5, 6]);
    expect(cells[0].col).toBe(2 + progressCol);
    expect(history[0].cell).toBe(`'Nhiệm vụ'!${cells[0].address}`);
    expect(history.map((h) => h.note?.vi ?? null)).toEqual([
      null,
      expect.stringContaining('--prefer return'),
      expect.stringContaining(invalid.vi),
    ]);
  });

  it('gives Excel the same cells and history rows the file gets', () => {
    const plan = { changes: [change({ fromConflict: true })], sync: [] };
    const input = mergeIntoInputOf(plan, master, '2024-06-14T03:32:00.000Z', 'en');
    const { cells } = mergeWrites(plan, master, '2024-06-14T03:32:00.000Z', 'en');
    expect(input.changes).toEqual([{ sheet: 'Nhiệm vụ', address: cells[0].address, value: cells[0].value }]);
    expect(input.history.rows).toHaveLength(1);
    expect(input.history.sheet).toBe(SHEET_NAMES.history.en);
    expect(input.history.aliases).toEqual([SHEET_NAMES.history.vi]);
  });
});

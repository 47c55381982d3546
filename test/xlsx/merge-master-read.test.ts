/**
 * What a merge reads of its master: the history sheet grows with every merge, and a merge has no
 * use for what the checks read from it (the count of deadline extensions), so reading it again
 * each time would make every merge slower than the last. Before `readMergeMaster` the merge read
 * every row of `Lịch sử` through the reader, then the editor opened it once more to append.
 */
import { STATUS_LABELS } from '../../src/model/labels';
import { isSheet } from '../../src/workbook/names';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { openWorkbook, WorkbookReader } from '../../src/xlsx/ooxml/read';
import { buildMaster, fill, nvCopy } from './merge-fixture';

const DOING = STATUS_LABELS.in_progress.vi;
const DONE = STATUS_LABELS.done.vi;

/** The history sheet's rows below its header, each as its cells' values. */
function historyRows(bytes: Uint8Array): unknown[][] {
  const reader = openWorkbook(bytes);
  const sheet = reader.sheets.find((s) => isSheet('history', s.name));
  if (!sheet) throw new Error('no history sheet');
  const rows: unknown[][] = [];
  reader.forEachRow(sheet, { rows: [2, 1000], cols: [0, 7] }, (row) => {
    rows.push(row.cells.map((c) => c.value));
  });
  return rows;
}

describe('merge reads of its master only what it needs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('does not read the history sheet, and still appends to it', async () => {
    const master = await buildMaster();
    const first = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: master },
      [{ file: 'nv.xlsx', bytes: await fill(await nvCopy(master), [['IV.1.1', 'status', DOING]]) }],
      { now: new Date('2024-06-21T08:00:00Z') },
    );
    expect(first.output).not.toBeNull();
    const merged = first.output!;
    expect(historyRows(merged)).toHaveLength(1);

    const back = await fill(await nvCopy(merged), [['IV.1.1', 'status', DONE]]);
    const visited: string[] = [];
    const forEachRow = WorkbookReader.prototype.forEachRow;
    jest.spyOn(WorkbookReader.prototype, 'forEachRow').mockImplementation(function (
      this: WorkbookReader,
      ...args
    ) {
      visited.push(args[0].name);
      return forEachRow.apply(this, args);
    });
    const second = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: merged },
      [{ file: 'nv.xlsx', bytes: back }],
      { now: new Date('2024-06-22T08:00:00Z') },
    );
    jest.restoreAllMocks();

    expect(visited.some((n) => isSheet('tasks', n))).toBe(true);
    expect(visited.filter((n) => isSheet('history', n))).toEqual([]);
    expect(second.history.map((h) => [h.taskId, h.column, h.new])).toEqual([['IV.1.1', 'status', DONE]]);

    const rows = historyRows(second.output!);
    // One row from each merge, the first merge's kept above the second's.
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows[0])).toContain(DOING);
    expect(JSON.stringify(rows[1])).toContain(DONE);
  });
});

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
import { OoxmlPackage } from '../../src/xlsx/ooxml/package';
import { hasOpenpyxl, openpyxlRead } from '../support/openpyxl';
import { buildMaster, fill, nvCopy, valueOf } from './merge-fixture';

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

describe('merge leaves the master’s shared string table as it was', () => {
  /** The compressed bytes of a part, as stored in the package. */
  function storedPart(bytes: Uint8Array, name: string): Uint8Array {
    const pkg = OoxmlPackage.open(bytes);
    const entry = pkg.entry(name);
    if (!entry) throw new Error(`no ${name}`);
    return pkg.zip.raw(entry);
  }

  it('writes merged text and the history inline, copying the table byte for byte', async () => {
    const master = await buildMaster();
    const note = 'Đã rà soát 12 hồ sơ, còn 3 hồ sơ chờ bổ sung';
    const back = await fill(await nvCopy(master), [
      ['IV.1.1', 'status', DOING],
      ['IV.1.1', 'note', note],
    ]);
    const merged = await mergeWorkbooks(
      { file: 'master.xlsx', bytes: master },
      [{ file: 'nv.xlsx', bytes: back }],
      {
        now: new Date('2024-06-21T08:00:00Z'),
      },
    );
    const out = merged.output!;
    const sst = openWorkbook(master).info.sharedStringsPart!;
    // Before, each merge grew the table (the new values, every history cell, the sync records)
    // and deflated all of it again: at 10,000 tasks 5.7 MB, the tasks' texts and plan columns.
    expect(Buffer.from(storedPart(out, sst)).equals(Buffer.from(storedPart(master, sst)))).toBe(true);
    expect(await valueOf(out, 'IV.1.1', 'note')).toBe(note);
    expect(await valueOf(out, 'IV.1.1', 'status')).toBe(DOING);
    expect(JSON.stringify(historyRows(out))).toContain(note);
    if (hasOpenpyxl()) {
      const sheets = openpyxlRead(out);
      const history = sheets.find((s) => isSheet('history', s.name))!;
      expect(Object.values(history.cells).some((c) => c.value === note)).toBe(true);
      const tasks = sheets.find((s) => isSheet('tasks', s.name))!;
      expect(Object.values(tasks.cells).some((c) => c.value === note)).toBe(true);
    }
  });
});

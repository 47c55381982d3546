/**
 * A task extended more than twice is flagged by check (issue 17): an agency moves one deadline in
 * three quarterly returns, each merged (a `Lịch sử` row each); after the third, check warns on that task,
 * counting from the history, and not on a task extended twice.
 */
import { mapColumns } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { columnLetter } from '../../src/model/table';
import { checkWorkbook } from '../../src/app/check';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells } from '../e2e-roundtrip/user-edit';
import { sampleSpec } from './write-fixtures';

it('flags the third extension of a task, from the history sheet', async () => {
  let master = await writeXlsx(sampleSpec('vi', '2024-07-01'));
  const { files } = await splitWorkbook(master);
  const copy = files[0];
  const wb = await readTrackingWorkbook(copy.bytes);
  const map = mapColumns(wb.snapshot.headers);
  const [thrice, twice] = [0, 1];
  const ref = (i: number, c: number) =>
    `${columnLetter(wb.snapshot.firstCol + c)}${wb.snapshot.headerRow + 1 + i}`;
  const ids = wb.snapshot.rows.map((r) => String(r[map.index.taskId!]));
  for (const [round, date] of ['2024-12-31', '2025-03-31', '2025-06-30'].entries()) {
    // Each quarter the office sends a fresh copy, which comes back with the deadline moved again.
    const fresh = (await splitWorkbook(master)).files.find((f) => f.fileName === copy.fileName)!;
    const edits: Record<string, string | number> = {
      [ref(thrice, map.index.adjustedDue!)]: isoToSerial(date),
      [ref(thrice, map.index.adjustmentBasis!)]: `Công văn số ${round + 1}/VP-TH`,
    };
    if (round < 2) {
      edits[ref(twice, map.index.adjustedDue!)] = isoToSerial(date);
      edits[ref(twice, map.index.adjustmentBasis!)] = `Công văn số ${round + 10}/VP-TH`;
    }
    const bytes = await editCells(fresh.bytes, wb.snapshot.sheet, edits);
    const res = await mergeWorkbooks({ file: 'so.xlsx', bytes: master }, [{ file: copy.fileName, bytes }]);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.conflicts).toEqual([]);
    master = res.output as Uint8Array;
    const merged = await readTrackingWorkbook(master);
    expect(merged.extensions?.[ids[thrice]]).toBe(round + 1);
    const many = checkWorkbook(merged).findings.filter((f) => f.code === 'adjustment.many');
    expect(many.map((f) => f.taskId)).toEqual(round === 2 ? [ids[thrice]] : []);
  }
  const last = await readTrackingWorkbook(master);
  expect(last.extensions?.[ids[twice]]).toBe(2);
}, 120_000);

/**
 * The `Lịch sử` sheet a merge makes in a master that had none has the layout Excel's merge gives
 * it (src/excel/merge-into.ts): its columns' widths and a frozen header row; a revision carries
 * the sheet with that layout. Read back with openpyxl; the packages validate against ECMA-376.
 */
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import { HISTORY_WIDTHS } from '../../src/workbook/sheets/history';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { carryOver } from '../../src/xlsx/revise-carry';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';
import { validatePackage } from '../support/ooxml-validate';
import { buildMaster, fill, NV, PLAN } from './merge-fixture';

const HISTORY = 'Lịch sử';
const maybe = openpyxlAvailable() ? it : it.skip;

async function mergedMaster(): Promise<Uint8Array> {
  const master = await buildMaster();
  const { files } = await splitWorkbook(master);
  const nv = await fill(files.find((f) => f.agencyKey === NV)!.bytes, [
    ['IV.1.1', 'status', STATUS_LABELS.done.vi],
    ['IV.1.1', 'completedOn', isoToSerial('2024-04-05')],
  ]);
  const res = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, [{ file: 'nv.xlsx', bytes: nv }], {
    now: new Date('2024-06-21T08:00:00Z'),
  });
  expect(res.plan.changes).toHaveLength(2);
  return res.output!;
}

function expectLayout(bytes: Uint8Array, rows: number) {
  const sheet = sheetOf(dumpWithOpenpyxl(bytes), HISTORY);
  expect(sheet.freeze).toBe('A2');
  const letters = HISTORY_WIDTHS.map((_w, i) => String.fromCharCode(65 + i));
  expect(letters.map((l) => Math.round(sheet.widths[l] ?? 0))).toEqual([...HISTORY_WIDTHS]);
  expect(sheet.cells.A1?.value).toBe('Thời gian');
  expect(Object.keys(sheet.cells).filter((ref) => /^A\d+$/.test(ref))).toHaveLength(rows);
}

describe('the history sheet a merge makes', () => {
  maybe('has its columns’ widths and a frozen header', async () => {
    const out = await mergedMaster();
    expect(validatePackage(out)).toEqual([]);
    expectLayout(out, 1 + 2);
  });

  maybe('keeps that layout through a revision, with the revision’s row added', async () => {
    const out = await mergedMaster();
    const drawn = await writeXlsx(buildWorkbookSpec(PLAN, { lang: 'vi', reportDate: '2024-06-20' }));
    const carried = carryOver(out, drawn, {
      lang: 'vi',
      revisionRow: { at: '2024-07-01T00:00:00.000Z', file: 'sua-doi.txt', reason: 'Cập nhật' },
    });
    expect(carried.historyRows).toBe(2);
    expect(validatePackage(carried.bytes)).toEqual([]);
    expectLayout(carried.bytes, 1 + 2 + 1);
  });
});

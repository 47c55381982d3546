/**
 * Work bounded by what the file holds (issue 20.1): a sheet LibreOffice saved after a row was
 * deleted (it then writes a row numbered 1048576), and sheets of millions of tiny rows, are read
 * without walking up to the last row number, or refused with a message; never a crash.
 */
import ExcelJS from 'exceljs';
import { isLocalizedError, LocalizedError } from '../../../src/model/msg';
import { buildWorkbookSpec } from '../../../src/workbook/build';
import { SHEET_NAMES } from '../../../src/workbook/names';
import { OoxmlPackage } from '../../../src/xlsx/ooxml/package';
import { openWorkbook } from '../../../src/xlsx/ooxml/read';
import type { SheetReadStats } from '../../../src/xlsx/ooxml/worksheet';
import { writeXlsx } from '../../../src/xlsx/write';
import { hasUno, libreofficeEdit } from '../../support/libreoffice';
import { fixturePlan } from '../../workbook/fixture-plan';
import { tinyRowsWorkbook } from './big-sheets';

const TASKS = SHEET_NAMES.tasks.vi;
const uno = hasUno();
if (!uno) console.warn('Skipping the LibreOffice row-deletion test: soffice or python3-uno is missing.');

function rowTags(bytes: Uint8Array, part: string): number[] {
  const xml = OoxmlPackage.open(bytes).text(part);
  return [...xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)].map((m) => Number(m[1]));
}

(uno ? describe : describe.skip)('a task sheet after LibreOffice deleted a row', () => {
  let original: Uint8Array;
  let edited: Uint8Array;

  beforeAll(async () => {
    original = await writeXlsx(buildWorkbookSpec(fixturePlan(), { lang: 'vi', reportDate: '2024-06-14' }));
    // Row index 4 (0-based) is sheet row 5: the fourth task.
    ({ edited } = await libreofficeEdit({
      edited: { bytes: original, edits: [{ sheet: TASKS, deleteRows: 4 }] },
    }));
  }, 300_000);

  it('holds a row numbered near the sheet end, which makes ExcelJS count a million rows', async () => {
    const part = openWorkbook(edited).sheet(TASKS)!.part!;
    expect(Math.max(...rowTags(edited, part))).toBeGreaterThanOrEqual(1_048_575);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(edited as unknown as ArrayBuffer);
    expect(wb.getWorksheet(TASKS)!.rowCount).toBeGreaterThanOrEqual(1_048_575);
  });

  it('is read visiting only the rows the file holds, and gives every task but the deleted one', () => {
    const wb = openWorkbook(edited);
    const sheet = wb.sheet(TASKS)!;
    const { rows, stats } = wb.readRows(sheet, { cols: [0, 0] });
    expect(stats.rowsVisited).toBe(rowTags(edited, sheet.part!).length);
    expect(stats.rowsVisited).toBeLessThan(5_000);
    const ids = (bytes: Uint8Array) => {
      const w = openWorkbook(bytes);
      return w
        .readRows(w.sheet(TASKS)!, { rows: [2, 1_048_576], cols: [0, 0] })
        .rows.map((r) => r.cells[0].value);
    };
    const before = ids(original);
    expect(ids(edited)).toEqual([...before.slice(0, 3), ...before.slice(4)]);
    expect(rows[0].r).toBe(1);
  });
});

function refusal(read: () => void): LocalizedError {
  try {
    read();
  } catch (e) {
    if (isLocalizedError(e)) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('sheets of millions of tiny rows', () => {
  it('2,000,000 rows (a ~10 MB file): refused at the row beyond Excel’s last, with a message', () => {
    const bytes = tinyRowsWorkbook(2_000_000);
    expect(bytes.length).toBeGreaterThan(5_000_000);
    const wb = openWorkbook(bytes, { fileName: 'nho.xlsx' });
    const stats: SheetReadStats = { rowsVisited: 0, cellsVisited: 0 };
    let seen = 0;
    const e = refusal(() => wb.forEachRow(wb.sheets[0], { stats }, () => void seen++));
    expect(e.exitCode).toBe(2);
    expect(e.msg.vi).toBe(
      'Tệp "nho.xlsx" bị hỏng: trang "Nhỏ" có dòng số 1.048.577, vượt quá số dòng tối đa của Excel (1.048.576).',
    );
    expect(e.msg.en).toMatch(/row numbered 1,048,577, beyond Excel's last row \(1,048,576\)/);
    expect(stats.rowsVisited).toBe(1_048_576);
    expect(seen).toBe(1_048_576);
  });

  // One workbook of 300,000 rows ending at Excel's last row serves the three checks below.
  let rows300k: Uint8Array;
  beforeAll(() => {
    rows300k = tinyRowsWorkbook(300_000, 1_048_576 - 300_000 + 1);
  });

  it('300,000 valid rows up to row 1,048,576: streamed, each visited once', () => {
    const wb = openWorkbook(rows300k);
    let sum = 0;
    let last = 0;
    const stats = wb.forEachRow(wb.sheets[0], {}, (row) => {
      sum += row.cells[0].value as number;
      last = row.r;
    });
    expect(stats).toEqual({ rowsVisited: 300_000, cellsVisited: 300_000 });
    expect(last).toBe(1_048_576);
    expect(sum).toBe(1_350_000);
  });

  it('a cell limit stops the read as soon as it is passed, naming the limit', () => {
    const wb = openWorkbook(rows300k, { fileName: 'gioihan.xlsx', limits: { maxCellsPerSheet: 1_000 } });
    const stats: SheetReadStats = { rowsVisited: 0, cellsVisited: 0 };
    const e = refusal(() => wb.readRows(wb.sheets[0], { stats }));
    expect(e.msg.en).toBe(
      'The file "gioihan.xlsx" is too large to read: the sheet "Nhỏ" has more than 1,000 cells (the limit for reading one sheet).',
    );
    expect(stats.cellsVisited).toBe(1_001);
  });

  it('a row range stops the visit after its last row', () => {
    const first = 1_048_576 - 300_000 + 1;
    const wb = openWorkbook(rows300k);
    const { rows, stats } = wb.readRows(wb.sheets[0], { rows: [first + 9, first + 11] });
    expect(rows.map((r) => r.r)).toEqual([first + 9, first + 10, first + 11]);
    expect(stats.rowsVisited).toBe(13);
  });
});

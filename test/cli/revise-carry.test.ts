/**
 * Revise keeps what the plan does not make (issue 20 item 10, issue 13 item 6): the `Lịch sử`
 * rows of earlier merges, plus one row for the revision, and the sheets of the user's own. Real
 * files all the way: build, split, a return filled and merged, a sheet added by ExcelJS (as a
 * user's tool would), revise; the result read back with openpyxl, an independent reader.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { cellAddress } from '../../src/model/table';
import { mapColumns, type TaskColumnId } from '../../src/model/columns';
import { STATUS_LABELS } from '../../src/model/labels';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';
import { validatePackage } from '../support/ooxml-validate';
import { dumpWithOpenpyxl, openpyxlAvailable, sheetOf } from '../helpers/openpyxl-dump';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pt-revise-carry-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]) {
  const io = bufferIo(dir);
  const code = await main(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

async function fill(bytes: Uint8Array, edits: [string, TaskColumnId, UserValue][]): Promise<Uint8Array> {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  const out: Record<string, UserValue> = {};
  for (const [task, column, value] of edits) {
    const row = wb.snapshot.rows.findIndex((r) => r[map.index.taskId as number] === task);
    out[cellAddress(wb.snapshot, row, map.index[column] as number)] = value;
  }
  return editCells(bytes, wb.snapshot.sheet, out);
}

/** The revised sample: the last task of section V reworded a little. */
function revisedPlan(): string {
  return readFileSync(SAMPLE, 'utf8').replace(
    'định kỳ sơ kết, tổng kết, báo cáo Ban Thường vụ Tỉnh ủy',
    'định kỳ 6 tháng sơ kết, hằng năm tổng kết, báo cáo Ban Thường vụ Tỉnh ủy',
  );
}

const maybe = openpyxlAvailable() ? it : it.skip;

describe('revise keeps what the plan does not make', () => {
  maybe(
    'carries the history of earlier merges, adds a row for the revision, and keeps own sheets',
    async () => {
      expect((await run('build', SAMPLE, '-o', 'master.xlsx', '--report-date', '2024-06-30')).code).toBe(0);
      const master = join(dir, 'master.xlsx');
      const split = await splitWorkbook(readFileSync(master));
      const copy = split.files.find((f) => f.fileName === 'Ban Tổ chức Tỉnh ủy.xlsx');
      if (!copy) throw new Error('no copy for Ban Tổ chức');
      const [a, b] = copy.taskIds;
      writeFileSync(
        join(dir, 'tra-ve.xlsx'),
        await fill(copy.bytes, [
          [a, 'status', STATUS_LABELS.done.vi],
          [b, 'result', 'Đã trình Ban Thường vụ'],
        ]),
      );
      const merged = await run('merge', 'master.xlsx', 'tra-ve.xlsx');
      expect(merged.code).toBe(0);

      // A sheet of the user's own, saved by another tool: text, a number, a date, a formula.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(master);
      const own = wb.addWorksheet('Ghi chép riêng');
      own.getCell('A1').value = 'Kinh phí đã cấp';
      own.getCell('B2').value = 125.5;
      own.getCell('C3').value = new Date(Date.UTC(2024, 4, 15));
      own.getCell('C3').numFmt = 'dd/mm/yyyy';
      own.getCell('D4').value = { formula: 'B2*2', result: 251 };
      await wb.xlsx.writeFile(master);
      const before = dumpWithOpenpyxl(readFileSync(master));
      const oldHistory = sheetOf(before, 'Lịch sử');
      const historyCells = Object.entries(oldHistory.cells).filter(([, c]) => c.value !== null);
      expect(historyCells.length).toBeGreaterThan(8);

      writeFileSync(join(dir, 'sua-doi.txt'), revisedPlan());
      const revised = await run('revise', 'master.xlsx', 'sua-doi.txt', '-o', 'moi.xlsx');
      expect(revised.err).not.toMatch(/lỗi|error/i);
      expect(revised.code).toBe(0);
      const after = dumpWithOpenpyxl(readFileSync(join(dir, 'moi.xlsx')));
      expect(validatePackage(readFileSync(join(dir, 'moi.xlsx')))).toEqual([]);

      // Every history cell as it was, then one row saying what the revision did.
      const history = sheetOf(after, 'Lịch sử');
      for (const [ref, cell] of historyCells)
        expect([ref, history.cells[ref]?.value]).toEqual([ref, cell.value]);
      const lastRow = Math.max(...historyCells.map(([ref]) => Number(/\d+$/.exec(ref)?.[0])));
      expect(history.cells[`B${lastRow + 1}`]?.value).toBe('sua-doi.txt');
      expect(String(history.cells[`H${lastRow + 1}`]?.value)).toMatch(
        /^Cập nhật theo kế hoạch sửa đổi: 0 nhiệm vụ mới, 0 nhiệm vụ bỏ, 0 đổi số thứ tự, 1 sửa câu chữ\.$/,
      );

      const kept = sheetOf(after, 'Ghi chép riêng');
      expect(kept.cells.A1?.value).toBe('Kinh phí đã cấp');
      expect(kept.cells.B2?.value).toBe(125.5);
      expect(String(kept.cells.C3?.value)).toMatch(/^2024-05-15/);
      expect(kept.cells.D4?.value).toBe('=B2*2');

      // The merged entries are on their tasks in the revised table.
      const back = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
      const map = mapColumns(back.snapshot.headers);
      const row = (id: string) =>
        back.snapshot.rows.find((r) => r[map.index.taskId as number] === id) as unknown[];
      expect(row(a)[map.index.status as number]).toBe(STATUS_LABELS.done.vi);
      expect(row(b)[map.index.result as number]).toBe('Đã trình Ban Thường vụ');
    },
  );
});

import { localizeAll } from '../../src/model/msg';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/commands/check';
import { bufferIo } from '../../src/cli/io';
import { inBothLanguages, runCli } from './run';
import { parsePlan } from '../../src/plan/parse';
import type { Plan } from '../../src/plan/types';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { CATEGORY_LABELS } from '../../src/model/labels';
import { columnHeader, TaskColumnId } from '../../src/model/columns';
import { writeXlsx } from '../../src/xlsx/write';

/** The real sample plan, parsed (it has no date line, so the plan date is unknown). */
function samplePlan(): Plan {
  return parsePlan(readFileSync(join(__dirname, '..', '..', 'samples', 'nq28-nam-dinh.txt'), 'utf8'));
}

const REPORT_DATE = '2024-06-10';
const utc = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

type Fill = Partial<Record<TaskColumnId, ExcelJS.CellValue>>;

/** Fills the built workbook as an office would, with the given cells pasted over. */
async function filledWorkbook(
  dir: string,
  planted: Record<string, Fill>,
): Promise<{ path: string; rowOf: Map<string, number>; colOf: (id: TaskColumnId) => string }> {
  const spec = buildWorkbookSpec(samplePlan(), {
    lang: 'vi',
    reportDate: REPORT_DATE,
    now: new Date('2023-01-15T08:00:00Z'),
    workbookId: 'cli-test',
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeXlsx(spec)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Nhiệm vụ');
  if (!ws) throw new Error('no task sheet');
  const header = ws.getRow(1);
  const colNumber = new Map<string, number>();
  header.eachCell((cell, n) => colNumber.set(String(cell.value), n));
  const col = (id: TaskColumnId) => {
    const n = colNumber.get(columnHeader(id, 'vi'));
    if (!n) throw new Error(`no column ${id}`);
    return n;
  };
  const rowOf = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = ws.getCell(r, col('taskId')).value;
    if (typeof id === 'string') rowOf.set(id, r);
  }
  const words = localizeAll(CATEGORY_LABELS, 'vi');
  for (const [id, r] of rowOf) {
    // Staff fill by what the row says: the deadline type the workbook wrote from the plan.
    const category = ws.getCell(r, col('category')).value;
    const fill: Fill =
      category === words.ongoing
        ? { status: 'Đang thực hiện', progress: 50, updatedOn: utc('2024-06-01') }
        : category === words.due
          ? {
              status: 'Đã hoàn thành',
              completedOn: utc('2023-11-20'),
              progress: 100,
              updatedOn: utc('2023-11-20'),
            }
          : category === words.external
            ? { due: utc('2024-09-30'), status: 'Đang thực hiện', progress: 30, updatedOn: utc('2024-05-20') }
            : { status: 'Chưa thực hiện' };
    for (const [column, value] of Object.entries({ ...fill, ...(planted[id] ?? {}) })) {
      ws.getCell(r, col(column as TaskColumnId)).value = value as ExcelJS.CellValue;
    }
  }
  const path = join(dir, 'theo-doi.xlsx');
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  const letter = (id: TaskColumnId) => ws.getColumn(col(id)).letter;
  return { path, rowOf, colOf: letter };
}

describe('plan-tracker check', () => {
  test('the sample plan gives the rows the planted cases rely on', () => {
    const tasks = new Map(samplePlan().tasks.map((t) => [t.id, t]));
    expect(tasks.get('IV.3.5')?.deadlines.map((d) => d.due)).toContain('2023-12-31');
    expect(tasks.get('IV.8.1')?.deadlines.map((d) => d.due)).toContain('2023-12-31');
    expect(tasks.get('IV.5.3')?.deadlines.map((d) => d.category)).toContain('due');
    expect(tasks.get('IV.2.1')?.deadlines.map((d) => d.category)).toEqual(['ongoing']);
  });

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pt-check-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const planted: Record<string, Fill> = {
    'IV.3.5': { status: 'hoàn thành' }, // pasted near miss
    'IV.2.1': { status: 'Tạm dừng' }, // pasted word not in the list
    'IV.5.3': { completedOn: '15/3/2023' }, // a date left as text
  };

  test('finds the pasted status, the near miss and the text date, and exits 1', async () => {
    const { path, rowOf, colOf } = await filledWorkbook(dir, planted);
    const io = bufferIo(dir);
    const code = await run([path, '--report-date', REPORT_DATE], io);
    expect(io.stderr).toBe('');
    expect(code).toBe(1);
    const at = (id: string, col: TaskColumnId) => `Nhiệm vụ!${colOf(col)}${rowOf.get(id)}`;
    expect(io.stdout).toContain('ngày báo cáo 10/06/2024');
    expect(io.stdout).toContain(`${at('IV.3.5', 'status')}  IV.3.5  [status.near_miss]`);
    expect(io.stdout).toContain('Gợi ý: Sửa thành “Đã hoàn thành”');
    expect(io.stdout).toContain(`${at('IV.2.1', 'status')}  IV.2.1  [status.unknown]`);
    expect(io.stdout).toContain(`${at('IV.5.3', 'completedOn')}  IV.5.3  [date.as_text]`);
    expect(io.stdout).toContain('Gợi ý: Sửa thành ngày 15/03/2023');
    // Grouped by agency: Ban Tổ chức's heading comes before its finding, Ban Tuyên giáo's before its own.
    const out = io.stdout;
    expect(out.indexOf('■ Ban Tổ chức Tỉnh ủy')).toBeGreaterThan(-1);
    expect(out.indexOf('■ Ban Tổ chức Tỉnh ủy')).toBeLessThan(out.indexOf('[status.near_miss]'));
    expect(out.indexOf('■ Ban Tuyên giáo Tỉnh ủy')).toBeLessThan(out.indexOf('[date.as_text]'));
    expect(out).toContain('Kết quả: 3 lỗi, 0 cảnh báo, 0 lưu ý.');
  });

  test('--json prints sheet, cell, taskId, code, severity, message for each finding', async () => {
    const { path, rowOf, colOf } = await filledWorkbook(dir, planted);
    const io = bufferIo(dir);
    const code = await run([path, '--report-date', REPORT_DATE, '--json'], io);
    expect(code).toBe(1);
    const findings = JSON.parse(io.stdout) as Record<string, unknown>[];
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['sheet', 'cell', 'taskId', 'code', 'severity', 'message']),
      );
      expect(f.sheet).toBe('Nhiệm vụ');
    }
    expect(findings.map((f) => [f.code, f.cell, f.taskId, f.severity])).toEqual(
      [
        ['status.unknown', `${colOf('status')}${rowOf.get('IV.2.1')}`, 'IV.2.1', 'error'],
        ['status.near_miss', `${colOf('status')}${rowOf.get('IV.3.5')}`, 'IV.3.5', 'error'],
        ['date.as_text', `${colOf('completedOn')}${rowOf.get('IV.5.3')}`, 'IV.5.3', 'error'],
      ].sort((a, b) => Number(String(a[1]).slice(1)) - Number(String(b[1]).slice(1))),
    );
    expect((findings[0].message as string).length).toBeGreaterThan(0);
  });

  test('a correctly filled workbook: no finding, exit 0; the report date comes from NgayBaoCao', async () => {
    const { path } = await filledWorkbook(dir, {});
    const io = bufferIo(dir);
    expect(await run(['theo-doi.xlsx'], io)).toBe(0);
    expect(io.stdout).toContain('ngày báo cáo 10/06/2024');
    expect(io.stdout).toContain('Không phát hiện vấn đề nào.');
    const json = bufferIo(dir);
    expect(await run([path, '--json'], json)).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  test('warnings alone exit 0; --lang en prints English', async () => {
    // IV.8.1 fell due on 31/12/2023 and is still in progress: overdue, a warning.
    const { path } = await filledWorkbook(dir, {
      'IV.8.1': { status: 'Đang thực hiện', completedOn: null, progress: 40, updatedOn: utc('2024-05-10') },
    });
    const io = bufferIo(dir);
    expect(await run([path, '--report-date', REPORT_DATE, '--lang', 'en'], io)).toBe(0);
    expect(io.stdout).toContain('Result: 0 error(s), 1 warning(s), 0 note(s).');
    expect(io.stdout).toContain('[task.overdue] Overdue and not done');
  });

  test('an unreadable file exits 2 with a message naming it, in either language', async () => {
    writeFileSync(join(dir, 'hong.xlsx'), 'không phải xlsx');
    const res = await inBothLanguages(run, ['hong.xlsx'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('Tệp "hong.xlsx" không phải bảng tính Excel .xlsx');
    expect(res.stderr).toContain('The file "hong.xlsx" is not an Excel .xlsx workbook');
    expect(res.stdout).toBe('');
    const missing = await runCli(run, ['khong-co.xlsx'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co.xlsx: không tìm thấy tệp');
  });

  test('bad arguments exit 2', async () => {
    for (const args of [
      [],
      ['a.xlsx', '--report-date', '2024-13-01'],
      ['a.xlsx', '--lang', 'fr'],
      ['a.xlsx', '--bogus'],
      ['a.xlsx', '--update-period', 'week'],
      ['a.xlsx', 'b.xlsx'],
    ]) {
      const res = await inBothLanguages(run, args, dir);
      expect(res.code).toBe(2);
      // The Vietnamese run says it in Vietnamese, the English run in English, with the usage.
      expect(res.stderr).toMatch(/Cách dùng: plan-tracker check[\s\S]*Usage: plan-tracker check/);
    }
  });
});

import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { parsePlan } from '../../src/plan/parse';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { rowDeadline } from '../../src/tracking/plan-rows';
import { writeXlsx } from '../../src/xlsx/write';
import { DEADLINE_STATES } from '../../src/model/vocabulary';

describe('plan-tracker summary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-summary-'));
  const path = join(dir, 'so.xlsx');
  const text = readFileSync(join(__dirname, '../../samples/nq28-nam-dinh.txt'), 'utf8');
  const plan = parsePlan(text);

  beforeAll(async () => {
    writeFileSync(
      path,
      await writeXlsx(buildWorkbookSpec(plan, { lang: 'vi', reportDate: '2024-06-20', sourceText: text })),
    );
  });

  const run = async (...args: string[]) => {
    const io = bufferIo(dir);
    return { code: await main(['summary', ...args], io), out: io.stdout, err: io.stderr };
  };

  it('counts a fresh master: nothing entered yet', async () => {
    const res = await run(path, '--json');
    expect(res.code).toBe(0);
    const s = JSON.parse(res.out);
    expect(s.reportDate).toBe('2024-06-20'); // taken from the workbook
    // Nothing is done yet: every dated task whose date has passed is overdue.
    const rows = plan.tasks.map((t) => rowDeadline(t.deadlines));
    const ongoing = rows.filter(
      (r) => r.category === 'ongoing' || (r.category === 'periodic' && !r.due),
    ).length;
    const overdue = rows.filter((r) => r.category !== 'ongoing' && r.due && r.due < '2024-06-20').length;
    expect(s.total.total).toBe(plan.tasks.length);
    expect(s.total.counts.ongoing).toBe(ongoing);
    expect(s.total.counts.overdue).toBe(overdue);
    expect(s.total.completionRate).toBe(overdue ? 0 : null);
  });

  it('prints tables in Vietnamese by default and English on request', async () => {
    const vi = await run(path, '--period', '2024-Q2');
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Cơ quan chủ trì');
    expect(vi.out).toContain('Quý II-2024 (15/03/2024 – 14/06/2024)');
    const en = await run(path, '--period', '2024-Q2', '--calendar', '--lang', 'en');
    expect(en.out).toContain('Q2 2024 (01/04/2024 – 30/06/2024)');
    expect(en.out).toContain('Lead agency');
  });

  it('writes the period summary as a formatted sheet of values', async () => {
    const res = await run(path, '--period', '2024-Q2', '-o', 'tong-hop.xlsx');
    expect(res.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'tong-hop.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp Quý II-2024');
    expect(ws).toBeDefined();
    let total: unknown = null;
    ws?.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng' && total === null)
        total = row.getCell(2 + DEADLINE_STATES.length).value;
    });
    expect(total).toBe(plan.tasks.length);
  });

  it('answers bad input with exit code 2, in the language asked for', async () => {
    const bad = await run(path, '--period', '2024-Q5');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^Kỳ báo cáo "2024-Q5" không hợp lệ/);
    expect((await run(path, '--period', '2024-Q5', '--lang', 'en')).err).toMatch(/^Invalid period "2024-Q5"/);
    expect((await run(path, '--report-date', '31/06/2024')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run(join(dir, 'none.xlsx'))).code).toBe(2);
  });
});

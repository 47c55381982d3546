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
    // Every task of the sample falls due by 14/06/2024: all are in Quý II-2024.
    expect(total).toBe(plan.tasks.length);
  });

  // A fresh master, nothing done: Quý III-2023 (15/06–14/09/2023) holds the undated and ongoing
  // tasks and those due by its end (in it, or overdue from before); those due later are not its.
  const inQ3 = plan.tasks
    .map((t) => rowDeadline(t.deadlines))
    .filter((r) => !(r.due && r.due > '2023-09-14')).length;

  it('with --period counts that period’s tasks, as the pane and the report do', async () => {
    expect(inQ3).toBeGreaterThan(0);
    expect(inQ3).toBeLessThan(plan.tasks.length);
    const json = await run(path, '--period', 'Quý III-2023', '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).total.total).toBe(inQ3);
    const text = await run(path, '--period', '2023-Q3');
    const lines = text.out.split('\n');
    // The period and its scope are said first, above the tables they govern.
    expect(lines[1]).toMatch(/^Kỳ báo cáo: Quý III-2023 \(15\/06\/2023 – 14\/09\/2023\); các bảng chỉ tính/);
    const totals = lines.filter((l) => l.startsWith('Tổng cộng'));
    expect(totals.length).toBeGreaterThanOrEqual(3);
    for (const l of totals.slice(0, 3))
      expect(l.trim().split(/\s+/)[2 + DEADLINE_STATES.length]).toBe(String(inQ3));
    // Without a period: the whole plan, as before.
    expect(JSON.parse((await run(path, '--json')).out).total.total).toBe(plan.tasks.length);
  });

  it('-o never replaces an existing file without --force (exit 2, file untouched)', async () => {
    const target = join(dir, 'da-co.xlsx');
    writeFileSync(target, 'giữ nguyên');
    const res = await run(path, '--period', '2024-Q2', '-o', target);
    expect(res.code).toBe(2);
    expect(res.err).toContain(target);
    expect(res.err).toContain('--force');
    expect(res.out).toBe('');
    expect(readFileSync(target, 'utf8')).toBe('giữ nguyên');
    const en = await run(path, '-o', target, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.err).toMatch(/^The file already exists: .*--force/);
    const forced = await run(path, '--period', '2024-Q2', '-o', target, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
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

/**
 * `plan-tracker report` and `plan-tracker radar` on a filled master: the figures and lists agree
 * with the pure functions on the same entries, both languages, --json, and the exit codes.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { readEntries } from '../../src/tracking/entries';
import { radar } from '../../src/tracking/radar';
import { radarRows } from '../../src/tracking/report';
import { withReportSheets } from '../../src/workbook/reports';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { hasXmllint, validatePackage } from '../support/ooxml-validate';
import { batchSpec } from '../xlsx/write-fixtures';

const REPORT_DATE = '2024-09-15';

describe('plan-tracker report and radar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pt-report-'));
  const path = join(dir, 'so.xlsx');
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await writeXlsx(withReportSheets(batchSpec(300, REPORT_DATE), { reportDate: REPORT_DATE }));
    writeFileSync(path, bytes);
  });

  const run = async (...args: string[]) => {
    const io = bufferIo(dir);
    return { code: await main(args, io), out: io.stdout, err: io.stderr };
  };

  it('writes a build with the report sheets that validates against the ECMA-376 schemas', () => {
    if (!hasXmllint()) return;
    expect(validatePackage(bytes)).toEqual([]);
  });

  it('radar --json lists what the pure radar lists, in due-date order', async () => {
    const res = await run('radar', path, '--json', '--days', '45');
    expect(res.code).toBe(0);
    const got = JSON.parse(res.out);
    const wb = await readTrackingWorkbook(bytes);
    const want = radar(radarRows(readEntries(wb.snapshot).entries, REPORT_DATE), REPORT_DATE, 45);
    expect(got.items.map((i: { taskId: string }) => i.taskId)).toEqual(want.items.map((i) => i.taskId));
    expect(got.overdue).toBeGreaterThan(0);
    expect(got.dueSoon).toBeGreaterThan(0);
    const dues = got.items.map((i: { due: string }) => i.due);
    expect([...dues].sort()).toEqual(dues);
    expect(got.until).toBe('2024-10-30');
  });

  it('radar prints its table per agency in Vietnamese, and in English on request', async () => {
    const vi = await run('radar', path);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Cơ quan chủ trì');
    expect(vi.out).toContain('Quá hạn');
    expect(vi.out).toContain('Đến hạn trong 30 ngày, đến 15/10/2024');
    const en = await run('radar', path, '--lang', 'en');
    expect(en.out).toContain('Lead agency');
    expect(en.out).not.toContain('Cơ quan chủ trì');
  });

  it('radar refuses a bad --days and a missing file with exit 2, naming the problem', async () => {
    const bad = await run('radar', path, '--days', 'ba');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Số ngày không hợp lệ: "ba"');
    const missing = await run('radar', join(dir, 'khong-co.xlsx'), '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('khong-co.xlsx');
  });

  it('report prints the period with its dates and writes the Báo cáo workbook; never overwrites', async () => {
    const res = await run('report', path, '--period', '2024-Q3', '-o', 'bao-cao.xlsx', '--place', 'Nam Định');
    expect(res.code).toBe(0);
    expect(res.out).toContain('Quý III-2024 (15/06/2024 – 14/09/2024)');
    expect(existsSync(join(dir, 'bao-cao.xlsx'))).toBe(true);
    const again = await run('report', path, '-o', 'bao-cao.xlsx');
    expect(again.code).toBe(2);
    const written = readFileSync(join(dir, 'bao-cao.xlsx'));
    if (hasXmllint()) expect(validatePackage(new Uint8Array(written))).toEqual([]);
    const json = await run('report', path, '--json', '--lang', 'en');
    const o = JSON.parse(json.out);
    expect(o.period.key).toBe('2024-Q4');
    expect(o.overdue.every((i: { kind: string }) => i.kind === 'overdue')).toBe(true);
    expect(o.dueNext.every((i: { due: string }) => i.due >= REPORT_DATE && i.due <= o.next.end)).toBe(true);
    expect(typeof o.errorFindings).toBe('number');
  });

  it('report refuses a bad period with exit 2', async () => {
    const res = await run('report', path, '--period', '2024-Q5');
    expect(res.code).toBe(2);
    expect(res.err).toContain('2024-Q5');
  });
});

/**
 * `plan-tracker add MASTER PLAN -o NEW`: a second plan joins the master's table, the master file
 * untouched; the same plan twice is refused with nothing written (revising one plan of such a
 * master: revise-portfolio.test.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as add } from '../../src/cli/commands/add';
import { run as build } from '../../src/cli/commands/build';
import { run as check } from '../../src/cli/commands/check';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { inBothLanguages, runCli } from './run';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const SECOND = join(ROOT, 'test/fixtures/real/ha-tinh-624-kh-ubnd-2025.txt');

describe('plan-tracker add', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pt-add-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the second plan to a new file, leaving the master as it was', async () => {
    expect((await runCli(build, [SAMPLE, '-o', 'master.xlsx'], dir)).code).toBe(0);
    const master = readFileSync(join(dir, 'master.xlsx'));
    const ran = await runCli(add, ['master.xlsx', SECOND, '-o', 'hai-ke-hoach.xlsx', '--json'], dir);
    expect(ran.code).toBe(0);
    const out = JSON.parse(ran.stdout);
    expect(out.prefix).toBe('KH624');
    // The sample has no "Số:" line: its record has no number, only the title.
    expect(out.plans.map((p: { number: string | null }) => p.number)).toEqual([null, '624/KH-UBND']);
    expect(readFileSync(join(dir, 'master.xlsx')).equals(master)).toBe(true);

    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'hai-ke-hoach.xlsx')));
    const before = await readTrackingWorkbook(master);
    const ids = wb.snapshot.rows.map((r) => r[mapColumns(wb.snapshot.headers).index.taskId!]);
    expect(ids.slice(0, before.snapshot.rows.length)).toEqual(
      before.snapshot.rows.map((r) => r[mapColumns(before.snapshot.headers).index.taskId!]),
    );
    expect(ids.slice(before.snapshot.rows.length)).toEqual(out.added);
    expect(out.added.every((id: string) => id.startsWith('KH624.'))).toBe(true);
    // The addition is in the history sheet.
    expect(wb.sheetNames).toContain('Lịch sử');
    // The portfolio is checked like any master.
    expect([0, 1]).toContain((await runCli(check, ['hai-ke-hoach.xlsx', '--json'], dir)).code);
  });

  it('without -o updates the master in place, the previous one kept beside it', async () => {
    expect((await runCli(build, [SAMPLE, '-o', 'so.xlsx'], dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'so.xlsx'));
    const ran = await runCli(add, ['so.xlsx', SECOND], dir);
    expect(ran.code).toBe(0);
    expect(readFileSync(join(dir, 'so.truoc-khi-gop.xlsx')).equals(before)).toBe(true);
    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'so.xlsx')));
    expect(wb.meta?.plans?.map((p) => p.number)).toEqual([null, '624/KH-UBND']);
    // Again: refused, the master as it now is.
    const now = readFileSync(join(dir, 'so.xlsx'));
    expect((await runCli(add, ['so.xlsx', SECOND], dir)).code).toBe(2);
    expect(readFileSync(join(dir, 'so.xlsx')).equals(now)).toBe(true);
  });

  it('refuses the same plan twice, writing nothing', async () => {
    await runCli(build, [SAMPLE, '-o', 'master.xlsx'], dir);
    await runCli(add, ['master.xlsx', SECOND, '-o', 'hai.xlsx'], dir);
    const again = await inBothLanguages(add, ['hai.xlsx', SECOND, '-o', 'ba.xlsx'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('đã có trong sổ tổng');
    expect(again.stderr).toContain('already in the master');
    expect(existsSync(join(dir, 'ba.xlsx'))).toBe(false);
  });
});

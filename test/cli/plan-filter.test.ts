/**
 * `--plan` on check, summary, report and split (issue 17): a master of the sample and two real
 * plans, each plan named by its number, its id prefix or its `Kế hoạch` text; the plans' figures
 * add up to the whole master's; a name matching no plan is refused with the plans listed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as add } from '../../src/cli/commands/add';
import { run as build } from '../../src/cli/commands/build';
import { run as check } from '../../src/cli/commands/check';
import { run as report } from '../../src/cli/commands/report';
import { run as split } from '../../src/cli/commands/split';
import { run as summary } from '../../src/cli/commands/summary';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { inBothLanguages, runCli } from './run';
import { dumpWithOpenpyxl } from '../helpers/openpyxl-dump';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const HA_TINH = join(ROOT, 'test/fixtures/real/ha-tinh-624-kh-ubnd-2025.txt');
const DONG_THAP = join(ROOT, 'test/fixtures/real/dong-thap-552-kh-ubnd-2025.txt');

interface Totals {
  total: { total: number; counts: Record<string, number>; extended: number };
  byAgency: { label: string; total: number }[];
}

describe('--plan filters', () => {
  let dir: string;
  let plans: { ref: string; number: string | null; taskIds: string[] }[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pt-plan-'));
    expect((await runCli(build, [SAMPLE, '-o', 'so.xlsx', '--report-date', '01/07/2025'], dir)).code).toBe(0);
    expect((await runCli(add, ['so.xlsx', HA_TINH, '-o', 'hai.xlsx'], dir)).code).toBe(0);
    expect((await runCli(add, ['hai.xlsx', DONG_THAP, '-o', 'ba.xlsx'], dir)).code).toBe(0);
    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'ba.xlsx')));
    plans = wb.meta!.plans!;
    expect(plans).toHaveLength(3);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const summaryOf = async (...extra: string[]): Promise<Totals> => {
    const ran = await runCli(summary, ['ba.xlsx', '--json', ...extra], dir);
    expect(ran.code).toBe(0);
    return JSON.parse(ran.stdout) as Totals;
  };

  it('summary: each plan by number, prefix or Kế hoạch text; the plans add up to the master', async () => {
    const all = await summaryOf();
    const sample = await summaryOf('--plan', plans[0].ref);
    const haTinh = await summaryOf('--plan', '624/KH-UBND');
    const dongThap = await summaryOf('--plan', 'kh552');
    expect(sample.total.total).toBe(plans[0].taskIds.length);
    expect(haTinh.total.total).toBe(plans[1].taskIds.length);
    expect(dongThap.total.total).toBe(plans[2].taskIds.length);
    expect(sample.total.total + haTinh.total.total + dongThap.total.total).toBe(all.total.total);
    for (const state of Object.keys(all.total.counts))
      expect(sample.total.counts[state] + haTinh.total.counts[state] + dongThap.total.counts[state]).toBe(
        all.total.counts[state],
      );
    // The same plan by its prefix and by its number.
    expect((await summaryOf('--plan', 'KH624')).total).toEqual(haTinh.total);
    // Hà Tĩnh's agencies only: the sample's party committees are not in its rows.
    expect(haTinh.byAgency.map((r) => r.label)).not.toContain('Ban Tổ chức Tỉnh ủy');
  });

  it('check: the findings of that plan only (and of the table as a whole)', async () => {
    const ran = await runCli(check, ['ba.xlsx', '--json', '--plan', 'KH624'], dir);
    const findings = JSON.parse(ran.stdout) as { taskId: string | null }[];
    const all = JSON.parse((await runCli(check, ['ba.xlsx', '--json'], dir)).stdout) as {
      taskId: string | null;
    }[];
    const mine = new Set(plans[1].taskIds);
    expect(findings.every((f) => !f.taskId || mine.has(f.taskId))).toBe(true);
    expect(findings).toEqual(all.filter((f) => !f.taskId || mine.has(f.taskId)));
  });

  it('report: the Báo cáo of one plan names it; of all, names every plan', async () => {
    const json = await runCli(report, ['ba.xlsx', '--plan', 'KH552', '--json'], dir);
    expect(JSON.parse(json.stdout).summary.total.total).toBeLessThanOrEqual(plans[2].taskIds.length);
    expect((await runCli(report, ['ba.xlsx', '--plan', 'KH552', '-o', 'bc-552.xlsx'], dir)).code).toBe(0);
    const texts = (file: string) =>
      dumpWithOpenpyxl(readFileSync(join(dir, file))).sheets.flatMap((s) =>
        Object.values(s.cells).map((c) => String(c.value)),
      );
    const cells = texts('bc-552.xlsx');
    expect(cells.some((v) => v.includes('552/KH-UBND'))).toBe(true);
    expect(cells.some((v) => v.includes('624/KH-UBND'))).toBe(false);
    expect((await runCli(report, ['ba.xlsx', '-o', 'bc-all.xlsx'], dir)).code).toBe(0);
    const allCells = texts('bc-all.xlsx');
    expect(allCells.some((v) => v.includes('552/KH-UBND') && v.includes('624/KH-UBND'))).toBe(true);
  });

  it("split: one copy per agency of that plan's tasks", async () => {
    const ran = await runCli(split, ['ba.xlsx', '--plan', '624/KH-UBND', '-o', 'tach-624'], dir);
    expect(ran.code).toBe(0);
    const files = readdirSync(join(dir, 'tach-624'));
    expect(files.length).toBeGreaterThan(0);
    const ids: string[] = [];
    for (const f of files) {
      const wb = await readTrackingWorkbook(readFileSync(join(dir, 'tach-624', f)));
      ids.push(...wb.meta!.tasks.map((t) => t.id));
    }
    expect(ids.every((id) => id.startsWith('KH624.'))).toBe(true);
  });

  it('a name matching no plan is refused, the plans listed, in both languages', async () => {
    for (const [command, extra] of [
      [summary, []],
      [check, []],
      [report, []],
      [split, ['-o', 'tach-x']],
    ] as const) {
      const ran = await inBothLanguages(command, ['ba.xlsx', '--plan', 'KH999', ...extra], dir);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain('không có kế hoạch "KH999"');
      expect(ran.stderr).toContain('no plan "KH999"');
      expect(ran.stderr).toContain('KH624 — 624/KH-UBND');
      expect(ran.stderr).toContain('KH552 — 552/KH-UBND');
      expect(ran.stderr).not.toMatch(/^\s+at \S/m);
    }
    expect(readdirSync(dir)).not.toContain('tach-x');
  });
});

/**
 * `plan-tracker agencies`: a master of the sample plus three real plans lists the spellings of one
 * department across plans as near-duplicates; `--merge` records the alias in the workbook (meta
 * and `Lịch sử`), and the `Tổng hợp` sheet, the summary and split then count it as one agency.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as add } from '../../src/cli/commands/add';
import { run as agencies } from '../../src/cli/commands/agencies';
import { run as build } from '../../src/cli/commands/build';
import { run as summary } from '../../src/cli/commands/summary';
import { mapColumns } from '../../src/model/columns';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { inBothLanguages, runCli } from './run';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const REAL = (n: string) => join(ROOT, 'test/fixtures/real', n);
const HA_TINH = REAL('ha-tinh-624-kh-ubnd-2025.txt');
const DONG_THAP = REAL('dong-thap-552-kh-ubnd-2025.txt');
const DAK_LAK = REAL('dak-lak-0129-kh-ubnd-2025.txt');
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch'; // Đồng Tháp 552
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch'; // Hà Tĩnh 624

describe('plan-tracker agencies', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pt-agencies-'));
    expect((await runCli(build, [SAMPLE, '-o', 'so.xlsx'], dir)).code).toBe(0);
    expect((await runCli(add, ['so.xlsx', HA_TINH, '-o', 'hai.xlsx'], dir)).code).toBe(0);
    expect((await runCli(add, ['hai.xlsx', DONG_THAP, '-o', 'ba.xlsx'], dir)).code).toBe(0);
    expect((await runCli(add, ['ba.xlsx', DAK_LAK, '-o', 'bon.xlsx'], dir)).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the spellings of one department in two plans as near-duplicates', async () => {
    const ran = await runCli(agencies, ['bon.xlsx', '--json'], dir);
    expect(ran.code).toBe(0);
    const listing = JSON.parse(ran.stdout) as {
      agencies: { label: string; spellings: { name: string; plans: string[] }[] }[];
      nearDuplicates: { names: string[]; suggested: string }[];
    };
    const vh = listing.nearDuplicates.find((d) => d.names.includes(VH_SHORT));
    expect(vh?.names).toContain(VH_FULL);
    // Each spelling comes from its own plan.
    const plansOf = (name: string) =>
      listing.agencies.flatMap((a) => a.spellings).find((s) => s.name === name)?.plans ?? [];
    expect(plansOf(VH_SHORT).join()).toContain('552/KH-UBND');
    expect(plansOf(VH_FULL).join()).toContain('624/KH-UBND');
    // UBND/Ủy ban nhân dân các xã, phường of Đắk Lắk and Hà Tĩnh: one agency without asking.
    const communes = listing.agencies.find((a) => a.spellings.some((s) => s.name === 'UBND các xã, phường'));
    expect(communes?.spellings.map((s) => s.name)).toContain('Ủy ban nhân dân các xã, phường');

    const text = await inBothLanguages(agencies, ['bon.xlsx'], dir);
    expect(text.stdout).toContain('Có thể là cùng một cơ quan');
    expect(text.stdout).toContain('Possibly one agency');
    expect(text.stdout).toContain(`"${VH_SHORT}"`);
  });

  it('merges the two spellings: one row in Tổng hợp and in the summary, the alias kept and logged', async () => {
    const before = await runCli(summary, ['bon.xlsx', '--json'], dir);
    const rowsBefore = JSON.parse(before.stdout).byAgency as { label: string; total: number }[];
    const short = rowsBefore.find((r) => r.label === VH_SHORT)!;
    const full = rowsBefore.find((r) => r.label === VH_FULL)!;
    expect(short.total).toBeGreaterThan(0);
    expect(full.total).toBeGreaterThan(0);

    const ran = await runCli(
      agencies,
      ['bon.xlsx', '--merge', `${VH_SHORT}=${VH_FULL}`, '-o', 'gop.xlsx'],
      dir,
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Đã gộp');

    const after = await runCli(summary, ['gop.xlsx', '--json'], dir);
    const rowsAfter = JSON.parse(after.stdout).byAgency as { label: string; total: number }[];
    expect(rowsAfter.filter((r) => r.label === VH_SHORT)).toEqual([]);
    expect(rowsAfter.find((r) => r.label === VH_FULL)?.total).toBe(short.total + full.total);
    expect(rowsAfter).toHaveLength(rowsBefore.length - 1);

    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'gop.xlsx')));
    expect(wb.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
    expect(wb.meta?.plans).toHaveLength(4);
    // Every row and entry as it was: the table is the same, but for the hidden column the
    // PivotTables group on, which now names the short spelling's tasks by the kept name.
    const old = await readTrackingWorkbook(readFileSync(join(dir, 'bon.xlsx')));
    const group = mapColumns(wb.snapshot.headers).index.agencyGroup!;
    const lead = mapColumns(wb.snapshot.headers).index.lead!;
    const without = (rows: unknown[][]) => rows.map((r) => r.filter((_v, i) => i !== group));
    expect(without(wb.snapshot.rows)).toEqual(without(old.snapshot.rows));
    const groupsOf = (rows: unknown[][], name: string) =>
      new Set(rows.filter((r) => r[lead] === name).map((r) => r[group]));
    expect(groupsOf(old.snapshot.rows, VH_SHORT)).toEqual(new Set([VH_SHORT]));
    expect(groupsOf(wb.snapshot.rows, VH_SHORT)).toEqual(new Set([VH_FULL]));
    expect(groupsOf(wb.snapshot.rows, VH_FULL)).toEqual(new Set([VH_FULL]));
    expect(wb.sheetNames).toContain('Lịch sử');

    // The listing no longer proposes them.
    const listed = JSON.parse((await runCli(agencies, ['gop.xlsx', '--json'], dir)).stdout);
    expect(listed.nearDuplicates.some((d: { names: string[] }) => d.names.includes(VH_SHORT))).toBe(false);
  });

  it('refuses a name not in the workbook, a bad --merge, and --merge without -o or --force, writing nothing', async () => {
    const unknown = await inBothLanguages(
      agencies,
      ['bon.xlsx', '--merge', 'Sở Không Có=Sở Nội vụ', '-o', 'x.xlsx'],
      dir,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('không có cơ quan chủ trì "Sở Không Có"');
    expect(unknown.stderr).toContain('no lead agency "Sở Không Có"');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);

    const bad = await inBothLanguages(
      agencies,
      ['bon.xlsx', '--merge', 'khong-dau-bang', '-o', 'x.xlsx'],
      dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('khong-dau-bang');

    const master = readFileSync(join(dir, 'bon.xlsx'));
    const noTarget = await inBothLanguages(agencies, ['bon.xlsx', '--merge', `${VH_SHORT}=${VH_FULL}`], dir);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'bon.xlsx')).equals(master)).toBe(true);
  });

  it('with --force updates the master in place, keeping the previous one beside it', async () => {
    expect(
      (await runCli(add, ['bon.xlsx', REAL('can-tho-165-kh-ubnd-2025.txt'), '-o', 'nam.xlsx'], dir)).code,
    ).toBe(0);
    const before = readFileSync(join(dir, 'nam.xlsx'));
    const ran = await runCli(agencies, ['nam.xlsx', '--merge', `${VH_SHORT}=${VH_FULL}`, '--force'], dir);
    expect(ran.code).toBe(0);
    expect(readFileSync(join(dir, 'nam.truoc-khi-gop.xlsx')).equals(before)).toBe(true);
    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'nam.xlsx')));
    expect(wb.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
  });
});

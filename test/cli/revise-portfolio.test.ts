/**
 * `revise MASTER PLAN` on a master holding several plans (issue 17): the plan whose number
 * matches is revised (a task reworded, one removed), every other plan's rows stay exactly as they
 * were, entries included; a plan matching none is refused with the plans listed, nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run as add } from '../../src/cli/commands/add';
import { run as build } from '../../src/cli/commands/build';
import { run as revise } from '../../src/cli/commands/revise';
import { mapColumns } from '../../src/model/columns';
import { columnLetter } from '../../src/model/table';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { editCells } from '../e2e-roundtrip/user-edit';
import { inBothLanguages, runCli } from './run';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'samples/nq28-nam-dinh.txt');
const HA_TINH = join(ROOT, 'test/fixtures/real/ha-tinh-624-kh-ubnd-2025.txt');
const DONG_THAP = join(ROOT, 'test/fixtures/real/dong-thap-552-kh-ubnd-2025.txt');
const REMOVED = `b) Nghiên cứu, đề xuất sửa đổi,
bổ sung các cơ chế, chính sách tiếp tục đẩy mạnh xã hội hóa giáo dục, tạo điều
kiện thuận lợi nhất để thu hút các nhà đầu tư tham gia đầu tư xây dựng trường mầm
non cho con công nhân, người lao động tại khu công nghiệp.

`;

describe('revise one plan of a portfolio', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pt-revise-pf-'));
    await runCli(build, [SAMPLE, '-o', 'so.xlsx'], dir);
    await runCli(add, ['so.xlsx', HA_TINH, '-o', 'hai.xlsx'], dir);
    expect((await runCli(add, ['hai.xlsx', DONG_THAP, '-o', 'ba.xlsx'], dir)).code).toBe(0);
    // Staff enter a result on a task of each plan.
    const wb = await readTrackingWorkbook(readFileSync(join(dir, 'ba.xlsx')));
    const map = mapColumns(wb.snapshot.headers);
    const ids = wb.snapshot.rows.map((r) => String(r[map.index.taskId!]));
    const cell = (id: string) =>
      `${columnLetter(wb.snapshot.firstCol + map.index.result!)}${wb.snapshot.headerRow + 1 + ids.indexOf(id)}`;
    const edits = {
      [cell(ids[0])]: 'Kết quả của kế hoạch đầu',
      [cell(ids.find((i) => i.startsWith('KH624.'))!)]: 'Kết quả Hà Tĩnh',
      [cell(ids.find((i) => i.startsWith('KH552.'))!)]: 'Kết quả Đồng Tháp',
    };
    writeFileSync(
      join(dir, 'ba.xlsx'),
      await editCells(readFileSync(join(dir, 'ba.xlsx')), wb.snapshot.sheet, edits),
    );
    const text = readFileSync(HA_TINH, 'utf8');
    expect(text).toContain(REMOVED);
    const revised = text
      .replace(REMOVED, '')
      .replace('a) Rà soát, kịp thời quy định', 'a) Rà soát, kịp thời ban hành quy định');
    writeFileSync(join(dir, 'ha-tinh-sua-doi.txt'), revised);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("revises the plan with the same number; the other plans' rows are untouched", async () => {
    const ran = await runCli(revise, ['ba.xlsx', 'ha-tinh-sua-doi.txt', '-o', 'moi.xlsx', '--json'], dir);
    // The parser's own warnings about the real plan are reported, nothing else.
    expect(ran.stderr).not.toMatch(/Lỗi|nhiều kế hoạch/);
    expect(ran.code).toBe(0);
    const report = JSON.parse(ran.stdout) as {
      removed: { id: string }[];
      reworded: { id: string }[];
      renumbered: { from: string; to: string }[];
      added: { id: string }[];
    };
    expect(report.removed.length + report.renumbered.length).toBeGreaterThan(0);
    expect(report.reworded.map((r) => r.id).every((id) => id.startsWith('KH624.'))).toBe(true);
    expect(report.reworded.length).toBeGreaterThan(0);
    for (const r of report.renumbered) {
      expect(r.from.startsWith('KH624.')).toBe(true);
      expect(r.to.startsWith('KH624.')).toBe(true);
    }

    const before = await readTrackingWorkbook(readFileSync(join(dir, 'ba.xlsx')));
    const after = await readTrackingWorkbook(readFileSync(join(dir, 'moi.xlsx')));
    const rowsById = (wb: typeof before) => {
      const map = mapColumns(wb.snapshot.headers);
      return new Map(wb.snapshot.rows.map((r) => [String(r[map.index.taskId!]), r]));
    };
    const old = rowsById(before);
    const now = rowsById(after);
    // Every row of the sample's plan and of Đồng Tháp's is the same, cell for cell.
    for (const [id, row] of old) if (!id.startsWith('KH624.')) expect([id, now.get(id)]).toEqual([id, row]);
    const resultCol = mapColumns(after.snapshot.headers).index.result!;
    const results = [...now.values()].map((r) => r[resultCol]);
    expect(results).toEqual(
      expect.arrayContaining(['Kết quả của kế hoạch đầu', 'Kết quả Hà Tĩnh', 'Kết quả Đồng Tháp']),
    );
    // The plan's record follows the revision; the others' are as they were.
    const plans = after.meta!.plans!;
    expect(plans).toHaveLength(3);
    expect(plans[0]).toEqual(before.meta!.plans![0]);
    expect(plans[2]).toEqual(before.meta!.plans![2]);
    expect(plans[1].fingerprint).not.toBe(before.meta!.plans![1].fingerprint);
    expect(plans[1].taskIds.length).toBe(before.meta!.plans![1].taskIds.length - 1);
    expect(after.meta!.lineage).toHaveLength(1);
  });

  it('refuses a plan that matches none of the master, listing them, writing nothing', async () => {
    const other = join(ROOT, 'test/fixtures/real/can-tho-165-kh-ubnd-2025.txt');
    const ran = await inBothLanguages(revise, ['ba.xlsx', other, '-o', 'sai.xlsx'], dir);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('không khớp đúng một kế hoạch');
    expect(ran.stderr).toContain('matches no single one');
    expect(ran.stderr).toContain('KH624 — 624/KH-UBND');
    expect(existsSync(join(dir, 'sai.xlsx'))).toBe(false);
  });
});

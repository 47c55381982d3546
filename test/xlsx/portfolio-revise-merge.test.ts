/**
 * A portfolio master split per agency, then one of its plans revised in the master while the
 * copies are out, then every return merged back (issue 17): nothing is lost. Three real plans;
 * two spellings of one department merged before the split; the master's staff type notes after
 * the split; Đồng Tháp's plan is revised (one task reworded). Every cell of the merged table is
 * compared with what it must hold: the revised master's, or the agency's entry.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { addPlanToMaster } from '../../src/app/add-plan';
import { recordAgencyAliases } from '../../src/app/agencies';
import { trackingFileSpec } from '../../src/app/build';
import { revisedFile, reviseFile } from '../../src/app/revise';
import { COMPUTED_COLUMN_IDS, mapColumns, type TaskColumnId } from '../../src/model/columns';
import { isoToSerial } from '../../src/model/dates';
import { STATUS_LABELS } from '../../src/model/labels';
import type { RawCell } from '../../src/model/table';
import { columnLetter } from '../../src/model/table';
import { parsePlan } from '../../src/plan/parse';
import { mergeWorkbooks } from '../../src/xlsx/merge';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { splitWorkbook } from '../../src/xlsx/split';
import { writeXlsx } from '../../src/xlsx/write';
import { editCells, type UserValue } from '../e2e-roundtrip/user-edit';
import { fill } from './merge-fixture';

const REAL = join(__dirname, '../fixtures/real');
const read = (f: string) => readFileSync(join(REAL, f), 'utf8');
const HT = read('ha-tinh-624-kh-ubnd-2025.txt');
const DT = read('dong-thap-552-kh-ubnd-2025.txt');
const CT = read('can-tho-165-kh-ubnd-2025.txt');
const REPORT_DATE = '2025-12-15';
const VH_SHORT = 'Sở Văn hoá Thể thao du lịch';
const VH_FULL = 'Sở Văn hóa, Thể thao và Du lịch';
const REWORDED = ['- Tập trung hỗ trợ các doanh\nnghiệp', '- Tiếp tục hỗ trợ các doanh\nnghiệp'];
const INSERT_AFTER = 'kinh doanh, phấn đấu đến năm 2030 đạt 30% doanh nghiệp nhỏ và vừa thực hiện.';
/** What the agencies fill in their copies; the master's staff type notes. */
const AGENCY_COLUMNS: TaskColumnId[] = ['status', 'progress', 'result', 'updatedOn'];

async function portfolio(): Promise<Uint8Array> {
  let bytes = await writeXlsx(
    await trackingFileSpec({ plan: parsePlan(HT), sourceText: HT, lang: 'vi', reportDate: REPORT_DATE }),
  );
  for (const text of [DT, CT]) {
    const added = await addPlanToMaster(await readTrackingWorkbook(bytes), parsePlan(text), {
      sourceText: text,
    });
    bytes = await writeXlsx(added.spec);
  }
  return (await recordAgencyAliases({ name: 'so-tong.xlsx', bytes }, [{ from: VH_SHORT, to: VH_FULL }]))
    .bytes;
}

type Table = Map<string, Map<TaskColumnId, RawCell>>;

/** The table by task id and column id, without the columns a formula or the drawing computes. */
async function tableOf(bytes: Uint8Array): Promise<{ ids: string[]; table: Table }> {
  const wb = await readTrackingWorkbook(bytes);
  const map = mapColumns(wb.snapshot.headers);
  expect(map.unknown).toEqual([]);
  const ids: string[] = [];
  const table: Table = new Map();
  for (const r of wb.snapshot.rows) {
    const id = String(r[map.index.taskId!]);
    ids.push(id);
    const cells = new Map<TaskColumnId, RawCell>();
    for (const [c, i] of Object.entries(map.index) as [TaskColumnId, number][])
      if (!COMPUTED_COLUMN_IDS.includes(c)) cells.set(c, r[i] ?? null);
    table.set(id, cells);
  }
  return { ids, table };
}

describe('split a portfolio, revise one plan in the master, merge the returns', () => {
  it('loses nothing: every cell is the revised master’s or the agency’s entry', async () => {
    const master = await portfolio();
    const { files } = await splitWorkbook(master);
    const vh = files.filter((f) => f.agencyName === VH_FULL);
    expect(vh).toHaveLength(1);
    // The department's copy counts its two spellings as one, as the master does.
    const copy = await readTrackingWorkbook(vh[0].bytes);
    const copyMap = mapColumns(copy.snapshot.headers);
    expect(new Set(copy.snapshot.rows.map((r) => r[copyMap.index.lead!]))).toEqual(
      new Set([VH_FULL, VH_SHORT]),
    );
    expect(new Set(copy.snapshot.rows.map((r) => r[copyMap.index.agencyGroup!]))).toEqual(new Set([VH_FULL]));
    expect(copy.meta?.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);

    // The master's staff note a few tasks of every plan while the copies are out.
    const before = await readTrackingWorkbook(master);
    const idCol = mapColumns(before.snapshot.headers).index.taskId!;
    const allIds = before.snapshot.rows.map((r) => String(r[idCol]));
    const noted = allIds.filter((_id, i) => i % 17 === 3);
    const typed = await fill(
      master,
      noted.map((id) => [id, 'note', `Văn phòng theo dõi ${id}`]),
    );

    // Đồng Tháp's plan is revised: one task reworded…
    expect(DT).toContain(REWORDED[0]);
    // …and a task inserted after it, which renumbers the tasks that follow.
    const revisedText = DT.replace(REWORDED[0], REWORDED[1]).replace(
      INSERT_AFTER,
      `${INSERT_AFTER}\n\n- Hỗ trợ hợp tác xã, hộ sản xuất ứng dụng công nghệ số trong chế biến và tiêu thụ\nsản phẩm nông nghiệp.`,
    );
    const result = await reviseFile(
      { name: 'so-tong.xlsx', bytes: typed },
      { plan: parsePlan(revisedText), text: revisedText },
    );
    const reworded = result.table.revision.matches.filter((m) => m.kind === 'reworded');
    expect(reworded).toHaveLength(1);
    expect(reworded[0].newId).toMatch(/^KH552\./);
    expect(result.table.revision.added.map((t) => t.id)).toEqual(['KH552.III.1-5']);
    expect(result.table.revision.removed).toEqual([]);
    const moved = new Map(result.table.revision.matches.map((m) => [m.oldId, m.newId]));
    expect([...moved].filter(([from, to]) => from !== to).length).toBeGreaterThan(0);
    const revised = await revisedFile(result, {
      master: { name: 'so-tong.xlsx', bytes: typed },
      planFile: 'dong-thap-552-sua-doi.txt',
    });

    // Every agency fills every task of its copy.
    const entered = new Map<string, Map<TaskColumnId, UserValue>>();
    const returns: { file: string; bytes: Uint8Array }[] = [];
    for (const [k, f] of files.entries()) {
      const wb = await readTrackingWorkbook(f.bytes);
      const map = mapColumns(wb.snapshot.headers);
      const edits: Record<string, UserValue> = {};
      wb.snapshot.rows.forEach((r, i) => {
        const id = String(r[map.index.taskId!]);
        const values = new Map<TaskColumnId, UserValue>([
          ['status', STATUS_LABELS.in_progress.vi],
          ['progress', (k * 11 + i) % 100],
          ['result', `Kết quả ${id} (${f.agencyName})`],
          ['updatedOn', isoToSerial('2025-12-10')],
        ]);
        for (const [c, v] of values)
          edits[`${columnLetter(wb.snapshot.firstCol + map.index[c]!)}${wb.snapshot.headerRow + 1 + i}`] = v;
        entered.set(id, values);
      });
      returns.push({ file: f.fileName, bytes: await editCells(f.bytes, wb.snapshot.sheet, edits) });
    }

    const res = await mergeWorkbooks({ file: 'so-tong.xlsx', bytes: revised }, returns);
    expect(res.plan.refused).toEqual([]);
    expect(res.plan.skipped).toEqual([]);
    expect(res.plan.conflicts).toEqual([]);

    const want = await tableOf(revised);
    const got = await tableOf(res.output as Uint8Array);
    expect(got.ids).toEqual(want.ids);
    expect(new Set(got.ids)).toEqual(new Set([...allIds.map((id) => moved.get(id) ?? id), 'KH552.III.1-5']));
    // The copies were split before the revision: their tasks are followed to today's ids.
    const arrived = new Map([...entered].map(([id, v]) => [moved.get(id) ?? id, v]));
    let fromAgencies = 0;
    for (const id of want.ids) {
      const agency = arrived.get(id);
      for (const [c, v] of want.table.get(id)!) {
        const expected = agency?.has(c) ? agency.get(c)! : v;
        if (agency?.has(c)) fromAgencies += 1;
        expect([id, c, got.table.get(id)!.get(c)]).toEqual([id, c, expected]);
      }
    }
    expect(fromAgencies).toBe(entered.size * AGENCY_COLUMNS.length);
    // The notes typed in the master and the reworded task went through both steps.
    for (const id of noted)
      expect(got.table.get(moved.get(id) ?? id)!.get('note')).toBe(`Văn phòng theo dõi ${id}`);
    expect(String(got.table.get(reworded[0].newId)!.get('text'))).toMatch(
      /^Tiếp tục hỗ trợ các doanh nghiệp/,
    );
    // The plans, the aliases and the lineage of the revision are kept.
    const meta = (await readTrackingWorkbook(res.output as Uint8Array)).meta!;
    expect(meta.plans).toHaveLength(3);
    expect(meta.agencyAliases).toEqual([{ from: VH_SHORT, to: VH_FULL }]);
    expect(meta.lineage).toHaveLength(1);
  }, 240_000);
});

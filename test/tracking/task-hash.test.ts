import { readFileSync } from 'fs';
import { join } from 'path';
import { mapColumns, TASK_COLUMN_IDS } from '../../src/model/columns';
import type { RawCell, TableSnapshot } from '../../src/model/table';
import { TASK_HASH_ALGORITHM, taskHash, untouchedTasks } from '../../src/tracking/task-hash';
import { buildWorkbookSpec } from '../../src/workbook/build';
import { readTrackingWorkbook } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { fixturePlan } from '../workbook/fixture-plan';

const LEGACY = join(__dirname, '../fixtures/legacy');

/** The snapshot with one cell of one row replaced. */
function edit(snapshot: TableSnapshot, row: number, column: string, value: RawCell): TableSnapshot {
  const j = mapColumns(snapshot.headers).index[column as (typeof TASK_COLUMN_IDS)[number]] as number;
  return {
    ...snapshot,
    rows: snapshot.rows.map((r, i) => (i === row ? r.map((c, k) => (k === j ? value : c)) : r)),
  };
}

describe('task fingerprints', () => {
  const row: Record<string, RawCell> = {
    taskId: 'III.1',
    section: 'III. NHIỆM VỤ',
    group: '',
    lead: 'Tỉnh ủy',
    partners: '',
    text: 'Rà soát',
    category: 'Có thời hạn',
    due: 45657,
  };
  const h = taskHash((id) => row[id] ?? null);

  it('ignore the Unicode form, surrounding spaces and the language of a list word, not the content', () => {
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    const same: Record<string, RawCell> = {
      ...row,
      lead: ' Tỉnh ủy'.normalize('NFD') + ' ',
      category: 'Dated',
    };
    expect(taskHash((id) => same[id] ?? null)).toBe(h);
    for (const [column, value] of [
      ['text', 'Rà soát lại'],
      ['due', 46022],
      ['category', 'Thường xuyên'],
    ] as const) {
      const changed: Record<string, RawCell> = { ...row, [column]: value };
      expect(taskHash((id) => changed[id] ?? null)).not.toBe(h);
    }
  });

  it('can be recomputed from a workbook read back, and tell an edited row', async () => {
    const spec = buildWorkbookSpec(fixturePlan(), { lang: 'vi', reportDate: '2024-07-01' });
    expect(spec.meta.taskHashAlgorithm).toBe(TASK_HASH_ALGORITHM);
    const back = await readTrackingWorkbook(await writeXlsx(spec));
    const ids = back.meta?.tasks.map((t) => t.id) ?? [];
    expect(ids.length).toBeGreaterThan(3);
    expect([...(await untouchedTasks(back.snapshot, back.meta))]).toEqual(ids);
    const edited = edit(back.snapshot, 2, 'lead', 'Sở Nội vụ');
    expect([...(await untouchedTasks(edited, back.meta))]).toEqual(ids.filter((_x, i) => i !== 2));
  });

  it('verify a workbook built before the algorithm was recorded (SHA-256) the way it was built', async () => {
    const old = await readTrackingWorkbook(readFileSync(join(LEGACY, 'master-8482e9b.xlsx')));
    expect(old.meta?.taskHashAlgorithm).toBeUndefined();
    const ids = old.meta?.tasks.map((t) => t.id) ?? [];
    expect(ids.length).toBe(34);
    expect([...(await untouchedTasks(old.snapshot, old.meta))]).toEqual(ids);
    const edited = edit(old.snapshot, 0, 'text', 'Nội dung khác hẳn');
    expect((await untouchedTasks(edited, old.meta)).has(ids[0])).toBe(false);
  });

  it('verify nothing they cannot: an unknown algorithm, or no meta at all', async () => {
    const spec = buildWorkbookSpec(fixturePlan(), { lang: 'vi', reportDate: '2024-07-01' });
    const back = await readTrackingWorkbook(await writeXlsx(spec));
    expect((await untouchedTasks(back.snapshot, { ...back.meta!, taskHashAlgorithm: 'md5' })).size).toBe(0);
    expect((await untouchedTasks(back.snapshot, null)).size).toBe(0);
  });
});

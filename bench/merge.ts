/** Consolidation at scale: 50 agency returns merged into a 10,000-task master. */
import { parsePlan } from '../src/plan/parse';
import type { Plan } from '../src/plan/types';
import { buildWorkbookSpec } from '../src/workbook/build';
import { STATUS_LABELS } from '../src/model/labels';
import { mergeWorkbooksSync } from '../src/xlsx/merge';
import { WorkbookEditor } from '../src/xlsx/ooxml/edit/editor';
import { readTrackingWorkbookSync } from '../src/xlsx/read';
import { splitWorkbook } from '../src/xlsx/split';
import { writeXlsx } from '../src/xlsx/write';
import { nodeZipCodec } from '../src/xlsx/node-deflate';
import { sampleText, scalePlan } from './generate';
import { floorMerge, floorMergeHonest, type FloorColumn } from './floor-merge';
import type { Result } from './measure';
import { GROWTH_SIZES } from './check-file';
import { growth, inTurns, stepLabel, timeOnce } from './timing';
import { columnLetter } from '../src/model/table';
import {
  MERGED_COLUMN_IDS,
  MERGED_IF_UNDATED_COLUMN_IDS,
  REPORTED_COLUMN_IDS,
  TASK_COLUMN_IDS,
  type TaskColumnId,
} from '../src/model/columns';

/** The scaled sample with its tasks spread over `agencies` lead agencies. */
function planWithAgencies(tasks: number, agencies: number): Plan {
  const plan = scalePlan(parsePlan(sampleText()), tasks);
  const list = Array.from({ length: agencies }, (_, i) => ({
    key: `co quan ${i + 1}`,
    name: `Cơ quan ${i + 1}`,
  }));
  return {
    ...plan,
    agencies: list,
    tasks: plan.tasks.map((t, i) => ({ ...t, lead: list[i % agencies].key, partners: [] })),
  };
}

/**
 * Marks every other task of a return as in progress, as an agency would before sending it back
 * (written with the package editor: the cells change, the rest of the file stays as split).
 */
function fillReturn(bytes: Uint8Array): Uint8Array {
  const wb = readTrackingWorkbookSync(bytes);
  const editor = WorkbookEditor.open(bytes);
  const sheet = editor.sheet(wb.snapshot.sheet);
  const status = TASK_COLUMN_IDS.indexOf('status');
  wb.snapshot.rows.forEach((row, i) => {
    if (i % 2 === 0 && row[0])
      sheet.set({ row: wb.snapshot.headerRow + 1 + i, col: status }, STATUS_LABELS.in_progress.vi);
  });
  return editor.save();
}

/** A master of `tasks` tasks and its `returnsCount` agency returns, every other task updated. */
export async function mergeInputs(
  tasks: number,
  returnsCount: number,
): Promise<{ master: Uint8Array; returns: { file: string; bytes: Uint8Array }[] }> {
  const master = await writeXlsx(
    buildWorkbookSpec(planWithAgencies(tasks, returnsCount), { lang: 'vi', reportDate: '2024-06-14' }),
  );
  const split = await splitWorkbook(master);
  const returns: { file: string; bytes: Uint8Array }[] = [];
  for (const f of split.files) returns.push({ file: f.fileName, bytes: fillReturn(f.bytes) });
  return { master, returns };
}

export async function mergeBenchmark(sizes: readonly number[] = GROWTH_SIZES): Promise<Result[]> {
  const returnsCount = 50;
  const out: Result[] = [];
  const points: { n: number; cpu: number; wall: number; floor: number }[] = [];
  // Node's zlib, as the CLI merges; the floor inflates and deflates with it too.
  const codec = nodeZipCodec();
  const floorColumn = (id: TaskColumnId): FloorColumn => ({
    id,
    letter: columnLetter(TASK_COLUMN_IDS.indexOf(id)),
  });
  // Every column a merge takes from a return, and the plan columns whose edits it reports.
  const entries = [...MERGED_COLUMN_IDS, ...MERGED_IF_UNDATED_COLUMN_IDS].map(floorColumn);
  const reported = REPORTED_COLUMN_IDS.map(floorColumn);
  // The floors as they were until 04/12/2026: the status column alone, the one the returns change.
  const statusOnly = [floorColumn('status')];
  for (const tasks of sizes) {
    const { master, returns } = await mergeInputs(tasks, returnsCount);
    const bytes = returns.map((r) => r.bytes);
    let changes = 0;
    let floorChanges = 0;
    let honestChanges = 0;
    let statusOnlyChanges = 0;
    const contenders = {
      product: () => {
        changes = mergeWorkbooksSync({ file: 'master.xlsx', bytes: master }, returns, { codec }).history
          .length;
      },
      floor: () => (floorChanges = floorMerge(master, bytes, entries)),
      honest: () => (honestChanges = floorMergeHonest(master, bytes, entries, reported)),
      statusOnly: () => (statusOnlyChanges = floorMerge(master, bytes, statusOnly)),
    };
    // One turn each first, untimed in the medians, as the parse benchmark warms up: at the first
    // size it is what a CLI run pays for code compiled on first use, and is reported as that.
    const first = {
      product: timeOnce(contenders.product),
      floor: timeOnce(contenders.floor),
      honest: timeOnce(contenders.honest),
      statusOnly: timeOnce(contenders.statusOnly),
    };
    // More turns the smaller the merge, as the parse benchmark does: a 1,000-task merge lasts
    // tens of milliseconds, and five of them are still the code's first uses.
    const t = inTurns(tasks >= 50_000 ? 3 : tasks >= 10_000 ? 7 : 21, contenders);
    if (floorChanges !== changes || honestChanges !== changes || statusOnlyChanges !== changes)
      throw new Error(
        `floors found ${floorChanges} / ${honestChanges} / ${statusOnlyChanges} changes, the product ${changes}`,
      );
    const size = `${returnsCount}x${tasks}`;
    out.push(
      { name: 'merge', size, value: t.product.wall, unit: 'ms' },
      { name: 'merge.cpu', size, value: t.product.cpu, unit: 'ms cpu' },
      { name: 'merge.floor', size, value: t.floor.wall, unit: 'ms' },
      { name: 'merge.floor.cpu', size, value: t.floor.cpu, unit: 'ms cpu' },
      { name: 'merge.ratio', size, value: t.product.wall / t.floor.wall, unit: '×floor' },
      { name: 'merge.ratio.cpu', size, value: t.product.cpu / t.floor.cpu, unit: '×floor' },
      { name: 'merge.floor.honest', size, value: t.honest.wall, unit: 'ms' },
      { name: 'merge.floor.honest.cpu', size, value: t.honest.cpu, unit: 'ms cpu' },
      { name: 'merge.ratio.honest.cpu', size, value: t.product.cpu / t.honest.cpu, unit: '×floor' },
      { name: 'merge.ratio.honest', size, value: t.product.wall / t.honest.wall, unit: '×floor' },
      { name: 'merge.changes', size, value: changes, unit: 'cells' },
      { name: 'merge.floor.statusOnly.cpu', size, value: t.statusOnly.cpu, unit: 'ms cpu' },
      { name: 'merge.ratio.statusOnly.cpu', size, value: t.product.cpu / t.statusOnly.cpu, unit: '×floor' },
      { name: 'merge.first.cpu', size, value: first.product.cpu, unit: 'ms cpu' },
      { name: 'merge.floor.first.cpu', size, value: first.floor.cpu, unit: 'ms cpu' },
      { name: 'merge.floor.honest.first.cpu', size, value: first.honest.cpu, unit: 'ms cpu' },
      { name: 'merge.ratio.first.cpu', size, value: first.product.cpu / first.floor.cpu, unit: '×floor' },
      {
        name: 'merge.ratio.honest.first.cpu',
        size,
        value: first.product.cpu / first.honest.cpu,
        unit: '×floor',
      },
    );
    points.push({ n: tasks, cpu: t.product.cpu, wall: t.product.wall, floor: t.floor.cpu });
  }
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const step = stepLabel(a.n, b.n);
    out.push(
      { name: 'merge.growth.cpu', size: step, value: growth(a.n, a.cpu, b.n, b.cpu), unit: '' },
      { name: 'merge.growth.time', size: step, value: growth(a.n, a.wall, b.n, b.wall), unit: '' },
      { name: 'merge.floor.growth.cpu', size: step, value: growth(a.n, a.floor, b.n, b.floor), unit: '' },
    );
  }
  return out;
}

/** Consolidation at scale: 50 agency returns merged into a 10,000-task master. */
import ExcelJS from 'exceljs';
import { parsePlan } from '../src/plan/parse';
import type { Plan } from '../src/plan/types';
import { buildWorkbookSpec } from '../src/workbook/build';
import { STATUS_LABELS } from '../src/model/labels';
import { TABLE_NAME } from '../src/workbook/names';
import { mergeWorkbooks } from '../src/xlsx/merge';
import { splitWorkbook } from '../src/xlsx/split';
import { writeXlsx } from '../src/xlsx/write';
import { nodeZipCodec } from '../src/xlsx/node-deflate';
import { sampleText, scalePlan } from './generate';
import { floorMerge } from './floor-merge';
import { median, Result, timeMedian } from './measure';
import { columnLetter } from '../src/model/table';
import { TASK_COLUMN_IDS } from '../src/model/columns';

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

/** Marks every other task of a return as done, as an agency would before sending it back. */
async function fillReturn(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    const table = ws.getTables().find((t) => (t as unknown as { name: string }).name === TABLE_NAME);
    if (!table) continue;
    const header = ws.getRow(1);
    let statusCol = 0;
    header.eachCell((cell, col) => {
      if (cell.value === 'Trạng thái') statusCol = col;
    });
    for (let r = 2; r <= ws.rowCount; r += 2) {
      if (ws.getCell(r, 1).value) ws.getCell(r, statusCol).value = STATUS_LABELS.in_progress.vi;
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
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
  for (const f of split.files) returns.push({ file: f.fileName, bytes: await fillReturn(f.bytes) });
  return { master, returns };
}

export async function mergeBenchmark(): Promise<Result[]> {
  const tasks = 10_000;
  const returnsCount = 50;
  const { master, returns } = await mergeInputs(tasks, returnsCount);
  let changes = 0;
  let floorChanges = 0;
  const statusCol = columnLetter(TASK_COLUMN_IDS.indexOf('status'));
  const bytes = returns.map((r) => r.bytes);
  // Node's zlib, as the CLI merges.
  const codec = nodeZipCodec();
  // Product and floor in turns, so a load on the machine weighs on both alike.
  const product: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 3; i++) {
    product.push(
      await timeMedian(1, async () => {
        const result = await mergeWorkbooks({ file: 'master.xlsx', bytes: master }, returns, { codec });
        changes = result.history.length;
      }),
    );
    floor.push(await timeMedian(1, () => (floorChanges = floorMerge(master, bytes, statusCol))));
  }
  const ms = median(product);
  const floorMs = median(floor);
  if (floorChanges !== changes)
    throw new Error(`floor found ${floorChanges} changes, the product ${changes}`);
  const size = `${returnsCount}x${tasks}`;
  return [
    { name: 'merge', size, value: ms, unit: 'ms' },
    { name: 'merge.floor', size, value: floorMs, unit: 'ms' },
    { name: 'merge.ratio', size, value: ms / floorMs, unit: '×floor' },
    { name: 'merge.changes', size, value: changes, unit: 'cells' },
  ];
}

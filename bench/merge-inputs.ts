/** Writes the merge benchmark's master and returns to a folder, for profiling outside the bench. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeInputs } from './merge';

export async function writeMergeInputs(dir: string, tasks = 10_000, returns = 50): Promise<void> {
  const { master, returns: rs } = await mergeInputs(tasks, returns);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'master.xlsx'), master);
  rs.forEach((r) => writeFileSync(join(dir, r.file), r.bytes));
}

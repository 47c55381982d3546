/**
 * The project folder, found from wherever this file runs: as source under Jest, compiled under
 * bench/out/ by the benchmarks or under test/output/accuracy/ by the accuracy scorer. None of
 * those output folders holds a package.json, so the nearest one up is the project's.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const PROJECT_ROOT = projectRoot(__dirname);

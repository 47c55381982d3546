/**
 * `npm run accuracy [-- --verbose] [-- --json]`: scores the parser on the labelled corpus of real
 * plans and prints a per-plan table and the overall figures. `--verbose` lists every failed check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusTotals, loadCorpus, readFloor, scoreCorpus } from './corpus';
import { formatReport } from './report';

function projectRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'test', 'fixtures', 'real')))
      return dir;
    dir = join(dir, '..');
  }
  throw new Error('project root not found');
}

export function main(args: string[]): void {
  const dir = corpusDir(projectRoot(__dirname));
  const scored = scoreCorpus(loadCorpus(dir));
  const floor = existsSync(join(dir, 'floor.json')) ? readFloor(dir) : null;
  if (args.includes('--json')) {
    const totals = corpusTotals(scored);
    const perPlan = scored.map((s) => ({
      name: s.name,
      overall: s.score.overall,
      byCategory: s.score.byCategory,
    }));
    console.log(JSON.stringify({ totals, perPlan }, null, 2));
    return;
  }
  console.log(formatReport(scored, floor, args.includes('--verbose')));
}

/**
 * `npm run accuracy [-- --verbose] [-- --json]`: scores the parser on the labelled corpus of real
 * plans and prints a per-plan table and the overall figures. `--verbose` lists every failed check.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../support/project-root';
import { corpusDir, corpusTotals, loadCorpus, readFloor, scoreCorpus } from './corpus';
import { formatReport } from './report';

export function main(args: string[]): void {
  const dir = corpusDir(PROJECT_ROOT);
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

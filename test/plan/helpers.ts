import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../../src/plan/types';

export const ROOT = join(__dirname, '..', '..');
export const SAMPLE = readFileSync(join(ROOT, 'samples', 'nq28-nam-dinh.txt'), 'utf8');

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'plans', name), 'utf8');
}

/** What must survive every variant of a plan: ids, leads by key, partners, deadlines. */
export function essence(plan: Plan) {
  return plan.tasks.map((t) => ({
    id: t.id,
    lead: t.lead,
    partners: t.partners,
    deadlines: t.deadlines.map((d) => [d.category, d.due]),
    references: t.references.length,
  }));
}

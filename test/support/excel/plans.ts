import type { Plan, Task } from '../../../src/plan/types';

/**
 * Plans of any size made from a real plan's tasks, for tests and benchmarks of the Excel
 * renderer. Deterministic: the same seed gives the same plan.
 */

/** Mulberry32: a tiny seeded PRNG, so big plans are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan of `count` tasks drawn (seeded) from `base`'s tasks. Ids are unique; texts, agencies and
 * deadlines are the base plan's, so row sizes are realistic.
 */
export function scalePlan(base: Plan, count: number, seed = 28): Plan {
  if (!base.tasks.length) throw new Error('The base plan has no tasks');
  const rnd = seededRandom(seed);
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) {
    const t = base.tasks[Math.floor(rnd() * base.tasks.length)];
    tasks.push({ ...t, id: `${t.section}.G${i + 1}`, number: `G${i + 1}`, line: i + 1 });
  }
  return { ...base, tasks };
}

/** Wall and CPU time of interleaved runs, and growth exponents between sizes. */
import { median } from './measure';

export interface Timing {
  wall: number;
  /** User + system time of the process (the garbage collector's helper threads included). */
  cpu: number;
}

export function timeOnce(fn: () => unknown): Timing {
  const before = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const used = process.cpuUsage(before);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Medians of runs taken in turns, so a change in the machine's load touches every contender alike. */
export function inTurns(runs: number, contenders: Record<string, () => unknown>): Record<string, Timing> {
  const times: Record<string, Timing[]> = {};
  for (const name of Object.keys(contenders)) times[name] = [];
  for (let i = 0; i < runs; i++)
    for (const [name, fn] of Object.entries(contenders)) times[name].push(timeOnce(fn));
  return Object.fromEntries(
    Object.entries(times).map(([name, t]) => [
      name,
      { wall: median(t.map((x) => x.wall)), cpu: median(t.map((x) => x.cpu)) },
    ]),
  );
}

/** log(t2 / t1) / log(n2 / n1): 1 is linear. */
export function growth(n1: number, t1: number, n2: number, t2: number): number {
  return Math.log(t2 / t1) / Math.log(n2 / n1);
}

/** "1k→10k" */
export function stepLabel(n1: number, n2: number): string {
  return `${n1 / 1000}k→${n2 / 1000}k`;
}

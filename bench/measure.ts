/** Small measuring tools: median of several runs, peak memory of a child run. */
import { execFileSync } from 'node:child_process';

export interface Result {
  name: string;
  size: number | string;
  value: number;
  unit: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

/** Runs a bench child (bench/out/bench/child.js) in a fresh process and returns its JSON answer. */
export function child<T>(task: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', `${__dirname}/child.js`, task, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

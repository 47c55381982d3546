/**
 * `npm run bench -- parse`: parsePlan on generated plans (the sample's shape, distinct sentences)
 * and on real plans (the corpus, shifted so no copy repeats), at 25 KB, 1 MB and 5 MB, each timed
 * in turns with the floor of a line-based parse on the same text, so both see the same load.
 *
 * Figures per input kind ("parse" for generated, "parse.real" for real plans): wall and CPU time
 * (medians), throughput in MB of UTF-8 per second of wall and of CPU time, the floor's (CPU), the ratio to the floor, the
 * tasks found (the inputs are plans, not noise), and the growth exponent of CPU time between sizes
 * (1 is linear).
 */
import { parsePlan } from '../src/plan/parse';
import { generatePlanText, realPlanText } from './generate';
import type { Result } from './measure';
import { growth, inTurns } from './timing';

const SIZES: ReadonlyArray<readonly [string, number]> = [
  ['25KB', 25_000],
  ['1MB', 1_000_000],
  ['5MB', 5_000_000],
];

/** The floor of a line-based parse: every line split off, NFC-normalised and tried with three patterns. */
export function lineFloor(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const s = line.normalize('NFC');
    if (/^\s*(?:\d{1,3}\.)+\s/.test(s)) hits++;
    if (/chủ trì|phối hợp/u.test(s)) hits++;
    if (/\d{1,2}\/\d{4}/.test(s)) hits++;
  }
  return hits;
}

function runsFor(bytes: number): number {
  return bytes > 1_000_000 ? 7 : bytes > 100_000 ? 9 : 41;
}

function measureKind(name: string, textOf: (bytes: number) => string): Result[] {
  const out: Result[] = [];
  const put = (figure: string, size: string, value: number, unit: string) =>
    out.push({ name: figure === '' ? name : `${name}.${figure}`, size, value, unit });
  const cpuBySize: number[] = [];
  for (const [label, bytes] of SIZES) {
    const text = textOf(bytes);
    // Warm-up, so the first size does not pay for JIT compilation alone.
    parsePlan(text);
    lineFloor(text);
    const t = inTurns(runsFor(bytes), { parse: () => parsePlan(text), floor: () => lineFloor(text) });
    const mb = new TextEncoder().encode(text).length / 1e6;
    put('', label, t.parse.wall, 'ms');
    put('throughput', label, (mb * 1000) / t.parse.wall, 'MB/s');
    put('cpu', label, t.parse.cpu, 'ms');
    put('cpu.throughput', label, (mb * 1000) / t.parse.cpu, 'MB/s');
    put('floor.cpu', label, t.floor.cpu, 'ms');
    put('floor.throughput', label, (mb * 1000) / t.floor.cpu, 'MB/s');
    put('ratio', label, t.parse.cpu / t.floor.cpu, '× floor');
    put('tasks', label, parsePlan(text).tasks.length, 'tasks');
    cpuBySize.push(t.parse.cpu);
  }
  for (let i = 1; i < SIZES.length; i++) {
    const [[a, n1], [b, n2]] = [SIZES[i - 1], SIZES[i]];
    put('growth.cpu', `${a}→${b}`, growth(n1, cpuBySize[i - 1], n2, cpuBySize[i]), '');
  }
  return out;
}

export function parseBenchmark(): Result[] {
  return [...measureKind('parse', generatePlanText), ...measureKind('parse.real', realPlanText)];
}

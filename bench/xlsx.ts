/**
 * Writing the .xlsx at 1k / 10k / 50k tasks: the product's writer beside a floor measured in the
 * same run (bench/floor-write.ts), the former ExcelJS writer, and the browser's engine (fflate).
 * Each writer runs in a fresh process (bench/child.ts): the spec is built first, then only the
 * write is timed; peak memory is the process's, spec included (the same spec for every writer).
 */
import type { WriteAnswer, Writer } from './child';
import { child, median, Result } from './measure';

const SIZES = [1_000, 10_000, 50_000];

function runs(n: number, writer: Writer): number {
  if (writer === 'exceljs') return n >= 50_000 ? 1 : 2;
  return n >= 50_000 ? 3 : 5;
}

/** Growth exponent between two sizes: 1 is linear. */
function exponent(a: number, b: number, na: number, nb: number): number {
  return Math.log(b / a) / Math.log(nb / na);
}

export function writeBenchmarks(): Result[] {
  const out: Result[] = [];
  const put = (name: string, size: number | string, value: number, unit: string) =>
    out.push({ name, size, value, unit });
  const medians: Record<string, Record<number, { ms: number; cpuMs: number; rss: number }>> = {};
  for (const n of SIZES) {
    const answers: Record<string, WriteAnswer[]> = {};
    // Interleaved, so a busy spell on the machine falls on every writer alike.
    const writers: Writer[] = ['floor', 'product', 'product-fflate', 'product-inline', 'exceljs'];
    for (let i = 0; i < runs(n, 'product'); i++) {
      for (const w of writers) {
        if (i >= runs(n, w)) continue;
        (answers[w] ??= []).push(child<WriteAnswer>('write', String(n), w));
      }
    }
    for (const w of writers) {
      const list = answers[w];
      const m = {
        ms: median(list.map((a) => a.ms)),
        cpuMs: median(list.map((a) => a.cpuMs)),
        rss: median(list.map((a) => a.peakRssMb)),
      };
      (medians[w] ??= {})[n] = m;
      const name = w === 'product' ? 'xlsx.write' : `xlsx.write.${w.replace('product-', '')}`;
      put(name, n, m.ms, 'ms');
      put(`${name}.cpu`, n, m.cpuMs, 'ms');
      put(`${name}.peakRss`, n, m.rss, 'MB');
      put(`${name}.fileSize`, n, median(list.map((a) => a.bytes)) / 1024, 'KB');
      // What the write added to the memory the spec already held (at most: the peak may be the
      // spec's own, while it was being built).
      put(`${name}.added`, n, median(list.map((a) => a.peakRssMb - a.specRssMb)), 'MB');
      if (w === 'product') {
        put('xlsx.spec', n, median(list.map((a) => a.specMs)), 'ms');
        put('xlsx.spec.rss', n, median(list.map((a) => a.specRssMb)), 'MB');
      }
    }
    const p = medians.product[n];
    const f = medians.floor[n];
    put('xlsx.write.ratio.time', n, p.ms / f.ms, '×floor');
    put('xlsx.write.ratio.cpu', n, p.cpuMs / f.cpuMs, '×floor');
    put('xlsx.write.ratio.memory', n, p.rss / f.rss, '×floor');
    put('xlsx.write.exceljs.ratio.time', n, medians.exceljs[n].ms / f.ms, '×floor');
    put('xlsx.write.exceljs.ratio.memory', n, medians.exceljs[n].rss / f.rss, '×floor');
  }
  for (const w of ['product', 'floor'] as const) {
    const name = w === 'product' ? 'xlsx.write.growth' : 'xlsx.write.floor.growth';
    const t = medians[w];
    for (const [a, b, label] of [
      [1_000, 10_000, '1k→10k'],
      [10_000, 50_000, '10k→50k'],
    ] as const) {
      put(name, label, exponent(t[a].ms, t[b].ms, a, b), 'exp');
      put(`${name}.cpu`, label, exponent(t[a].cpuMs, t[b].cpuMs, a, b), 'exp');
      put(`${name}.memory`, label, exponent(t[a].rss, t[b].rss, a, b), 'exp');
    }
  }
  return out;
}

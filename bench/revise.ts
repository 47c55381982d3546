/**
 * `npm run bench -- revise`: re-importing a revised plan at 1k, 4k, 8k and 16k tasks, 10 % of the
 * tasks reworded, 1 % deleted (renumbering the rest of their group) and 1 % added. Distinct task
 * texts (scalePlan recombines the sample's sentences). Measured beside a floor the same run
 * measures, as processor time: normalising every old and new text once and hashing it into a map, the least any
 * content matcher does. Reports the matching alone (diffPlanTasks), the whole table revision
 * (reviseTable: pairing, carrying entries, removed rows), the ratio to the floor, the growth
 * exponent between the smallest and largest size, and how many tasks were paired right.
 */
import { columnHeader, COLUMNS, type TaskColumnId } from '../src/model/columns';
import type { RawCell, TableSnapshot } from '../src/model/table';
import { parsePlan } from '../src/plan/parse';
import type { Plan } from '../src/plan/types';
import { planRowCells } from '../src/tracking/plan-rows';
import { diffPlanTasks, type RevisionTask } from '../src/tracking/revise';
import { normalizedKey } from '../src/tracking/text-key';
import { reviseTable } from '../src/tracking/revise-table';
import { sampleText, scalePlan } from './generate';
import { median, type Result } from './measure';
import { seededRandom as seeded } from '../test/support/excel/plans';

export const REVISE_SIZES = [1_000, 4_000, 8_000, 16_000];

/** A rewording as revisions make them: a word dropped, a phrase added, a reference changed. */
function reword(text: string, rnd: () => number): string {
  const words = text.split(' ');
  const drop = Math.floor(rnd() * words.length);
  words.splice(drop, 1);
  const additions = ['trong năm 2025', 'theo quy định', 'kịp thời, hiệu quả', 'và báo cáo kết quả'];
  return `${words.join(' ')} ${additions[Math.floor(rnd() * additions.length)]}`;
}

interface Revision {
  old: Plan;
  revised: Plan;
  /** Old id → new id the revision really made (deleted tasks absent). */
  truth: Map<string, string>;
}

function groupOf(id: string): string {
  return id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '';
}

export function revisionOf(n: number): Revision {
  const old = scalePlan(parsePlan(sampleText()), n);
  const rnd = seeded(n);
  const kept: { task: Plan['tasks'][0]; oldId: string | null }[] = [];
  old.tasks.forEach((t, i) => {
    const r = rnd();
    if (r < 0.01) return; // deleted
    const text = r < 0.11 ? reword(t.text, rnd) : t.text;
    kept.push({ task: { ...t, text }, oldId: t.id });
    if (rnd() < 0.01)
      kept.push({
        task: { ...t, text: `Nhiệm vụ bổ sung số ${i}: tổ chức hội nghị chuyên đề ${i} về chuyển đổi số` },
        oldId: null,
      });
  });
  // Ids by position within each group, as a renumbered plan gives them.
  const counters = new Map<string, number>();
  const truth = new Map<string, string>();
  const tasks = kept.map(({ task, oldId }) => {
    const group = groupOf(task.id);
    const k = (counters.get(group) ?? 0) + 1;
    counters.set(group, k);
    const id = `${group}.${k}#${task.id.split('-')[1] ?? '0'}`;
    if (oldId) truth.set(oldId, id);
    return { ...task, id };
  });
  // The old plan under the same id scheme, so unchanged positions keep their ids.
  const oldCounters = new Map<string, number>();
  const oldIds = new Map<string, string>();
  const oldTasks = old.tasks.map((t) => {
    const group = groupOf(t.id);
    const k = (oldCounters.get(group) ?? 0) + 1;
    oldCounters.set(group, k);
    const id = `${group}.${k}#${t.id.split('-')[1] ?? '0'}`;
    oldIds.set(t.id, id);
    return { ...t, id };
  });
  const truthById = new Map([...truth].map(([o, nw]) => [oldIds.get(o) as string, nw]));
  return { old: { ...old, tasks: oldTasks }, revised: { ...old, tasks }, truth: truthById };
}

function snapshotOf(plan: Plan): TableSnapshot {
  const cells = planRowCells(plan, 'vi');
  return {
    sheet: 'Nhiệm vụ',
    headerRow: 1,
    firstCol: 0,
    headers: COLUMNS.map((c) => columnHeader(c.id as TaskColumnId, 'vi')),
    rows: cells.map((r) => COLUMNS.map((c): RawCell => r[c.id] ?? null)),
  };
}

/** The floor: each text normalised once and hashed into a map. */
function floor(oldTasks: readonly RevisionTask[], newTasks: readonly RevisionTask[]): number {
  const seen = new Map<string, number>();
  for (const t of oldTasks) seen.set(normalizedKey(t.text), 1);
  let hits = 0;
  for (const t of newTasks) if (seen.has(normalizedKey(t.text))) hits += 1;
  return hits;
}

/** Processor time (user + system) of one run: steadier than wall time on a shared machine. */
function ms(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** Least-squares slope of log(time) against log(size). */
function exponent(points: [number, number][]): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i] - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export function reviseBenchmark(sizes: readonly number[] = REVISE_SIZES): Result[] {
  const out: Result[] = [];
  const add = (name: string, size: number | string, value: number, unit: string) =>
    out.push({ name, size, value, unit });
  const match: [number, number][] = [];
  const table: [number, number][] = [];
  const floors: [number, number][] = [];
  for (const n of sizes) {
    const { old, revised, truth } = revisionOf(n);
    const oldTasks = old.tasks.map((t) => ({ id: t.id, text: t.text }));
    const newTasks = revised.tasks.map((t) => ({ id: t.id, text: t.text }));
    const snap = snapshotOf(old);
    const rows = planRowCells(revised, 'vi');
    const runs = n >= 8_000 ? 3 : 5;
    diffPlanTasks(oldTasks, newTasks);
    floor(oldTasks, newTasks);
    const m: number[] = [];
    const t: number[] = [];
    const f: number[] = [];
    // In turns, so that the floor and the product see the same load.
    for (let i = 0; i < runs; i++) {
      f.push(ms(() => floor(oldTasks, newTasks)));
      m.push(ms(() => diffPlanTasks(oldTasks, newTasks)));
      t.push(ms(() => reviseTable({ old: snap, untouched: new Set(), revised: rows, lang: 'vi' })));
    }
    const revision = diffPlanTasks(oldTasks, newTasks);
    const right = revision.matches.filter((x) => truth.get(x.oldId) === x.newId).length;
    const wrong = revision.matches.length - right;
    match.push([n, median(m)]);
    table.push([n, median(t)]);
    floors.push([n, median(f)]);
    add('revise.match', n, median(m), 'ms');
    add('revise.table', n, median(t), 'ms');
    add('revise.floor', n, median(f), 'ms');
    add('revise.match.ratio', n, median(m) / median(f), '× floor');
    add('revise.paired.right', n, (100 * right) / truth.size, '%');
    add('revise.paired.wrong', n, wrong, 'pairs');
  }
  const range = `${sizes[0] / 1000}k→${sizes[sizes.length - 1] / 1000}k`;
  add('revise.match.exponent', range, exponent(match), '');
  add('revise.table.exponent', range, exponent(table), '');
  add('revise.floor.exponent', range, exponent(floors), '');
  return out;
}

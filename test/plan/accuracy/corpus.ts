/**
 * The labelled corpus of real plans in test/fixtures/real: every NAME.txt with its NAME.json.
 * Texts are read as bytes and decoded the way the product reads a file (decodePlanBytes), so a
 * legacy-encoded specimen is scored as an import would see it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePlanBytes } from '../../../src/plan/decode';
import { parsePlan } from '../../../src/plan/parse';
import { readLabel, resolveDerived, type PlanLabel } from './labels';
import { scorePlan, sumScores, type PlanScore, type Tally, type Category } from './score';

export interface CorpusEntry {
  name: string;
  /** The text as the product decodes the file's bytes. */
  text: string;
  label: PlanLabel;
  /** The text the labels were read from: `text`, or the source plan's for a derived variant. */
  labelledText: string;
}

export interface ScoredEntry extends CorpusEntry {
  score: PlanScore;
  parsedTasks: number;
}

export interface Floor {
  note?: string;
  overall: number;
  byCategory: Partial<Record<Category, number>>;
}

export function corpusDir(root: string): string {
  return join(root, 'test', 'fixtures', 'real');
}

export function loadCorpus(dir: string): CorpusEntry[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
  const read = (name: string) => {
    const jsonPath = join(dir, `${name}.json`);
    if (!existsSync(jsonPath)) throw new Error(`${name}.txt has no ${name}.json beside it`);
    const text = decodePlanBytes(new Uint8Array(readFileSync(join(dir, `${name}.txt`)))).text;
    return { text, label: readLabel(`${name}.json`, readFileSync(jsonPath, 'utf8')) };
  };
  return names.map((name) => {
    const own = read(name);
    if (own.label.derivedFrom === undefined) return { name, ...own, labelledText: own.text };
    const source = read(own.label.derivedFrom);
    if (source.label.derivedFrom !== undefined) throw new Error(`${name}: derived from a derived variant`);
    return {
      name,
      text: own.text,
      label: resolveDerived(own.label, source.label),
      labelledText: source.text,
    };
  });
}

export function scoreCorpus(entries: CorpusEntry[]): ScoredEntry[] {
  return entries.map((e) => {
    const plan = parsePlan(e.text);
    return { ...e, score: scorePlan(plan, e.label), parsedTasks: plan.tasks.length };
  });
}

export function corpusTotals(scored: ScoredEntry[]) {
  return sumScores(scored.map((s) => s.score));
}

export function readFloor(dir: string): Floor {
  return JSON.parse(readFileSync(join(dir, 'floor.json'), 'utf8')) as Floor;
}

export function percent(t: Tally): string {
  return t.total === 0 ? '—' : `${((100 * t.held) / t.total).toFixed(1)}%`;
}

/**
 * The parser measured on the labelled corpus of real plans (test/fixtures/real). Fails when the
 * overall score or a category falls below the floor in test/fixtures/real/floor.json; raise the
 * floor as the parser improves (`npm run accuracy` prints the current figures).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusTotals, loadCorpus, readFloor, scoreCorpus } from './accuracy/corpus';
import { LAYOUTS } from './accuracy/labels';
import { CHECK_CATEGORIES, normalizeForMatch, ratio } from './accuracy/score';
import { ROOT } from './helpers';

const dir = corpusDir(ROOT);
const corpus = loadCorpus(dir);
const scored = scoreCorpus(corpus);
const totals = corpusTotals(scored);
const floor = readFloor(dir);

describe('the corpus of real plans', () => {
  it('pairs every text with a label and every label with a text', () => {
    const files = readdirSync(dir);
    const texts = files.filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4));
    const labels = files.filter((f) => f.endsWith('.json') && f !== 'floor.json').map((f) => f.slice(0, -5));
    expect(labels.sort()).toEqual(texts.sort());
  });

  it('has at least 25 real plans, 250 labelled tasks and 8 layouts', () => {
    // Derived variants (re-encoded copies of a real plan) do not count towards the size of the corpus.
    const real = corpus.filter((e) => e.label.derivedFrom === undefined);
    expect(real.length).toBeGreaterThanOrEqual(25);
    expect(real.reduce((n, e) => n + e.label.tasks.length, 0)).toBeGreaterThanOrEqual(250);
    const layouts = new Set(corpus.flatMap((e) => e.label.layouts ?? []));
    expect(layouts.size).toBeGreaterThanOrEqual(8);
    expect([...layouts].every((l) => (LAYOUTS as readonly string[]).includes(l))).toBe(true);
  });

  it('labels phrases, groups and sections that occur in the text they label (so a label cannot drift from its document)', () => {
    const missing: string[] = [];
    for (const e of corpus) {
      const text = normalizeForMatch(e.labelledText);
      const pieces = e.label.tasks.flatMap((t) => [t.phrase, t.group, t.section]);
      for (const p of [...pieces, ...(e.label.nonTasks ?? [])]) {
        if (p === undefined) continue;
        if (!text.includes(normalizeForMatch(p))) missing.push(`${e.name}: ${p}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has derived variants whose bytes decode to exactly their source text', () => {
    const derived = corpus.filter((e) => e.label.derivedFrom !== undefined);
    for (const e of derived) {
      const bytes = readFileSync(join(dir, `${e.name}.txt`));
      const decoded = new TextDecoder(e.label.encoding ?? 'utf-8').decode(bytes).normalize('NFC');
      const source = readFileSync(join(dir, `${e.label.derivedFrom}.txt`), 'utf8').normalize('NFC');
      expect({ name: e.name, same: decoded === source }).toEqual({ name: e.name, same: true });
    }
  });
});

describe('the parser on the corpus of real plans', () => {
  it('has a floor for every category the corpus checks', () => {
    const checked = CHECK_CATEGORIES.filter((c) => totals.byCategory[c].total > 0);
    expect(checked.filter((c) => floor.byCategory[c] === undefined)).toEqual([]);
  });

  it(`holds at least the overall floor (${(100 * floor.overall).toFixed(1)}%)`, () => {
    expect(ratio(totals.overall)).toBeGreaterThanOrEqual(floor.overall);
  });

  for (const category of CHECK_CATEGORIES) {
    const min = floor.byCategory[category];
    if (min === undefined) continue;
    it(`holds at least the floor for ${category} (${(100 * min).toFixed(1)}%)`, () => {
      expect(ratio(totals.byCategory[category])).toBeGreaterThanOrEqual(min);
    });
  }
});

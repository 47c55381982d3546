import { lineageOf, isLineageRefusal, type LineageTranslation } from '../../src/tracking/lineage';
import { parseMeta, serializeMeta } from '../../src/tracking/meta';
import type { LineageStep, WorkbookMeta } from '../../src/model/workbook-meta';

const base: WorkbookMeta = {
  generator: 'plan-tracker',
  generatorVersion: '0.1.0',
  schemaVersion: 1,
  lang: 'vi',
  builtAt: '2026-01-01T00:00:00.000Z',
  planTitle: 'Kế hoạch 28-NQ/TW',
  planNumber: null,
  planIssuedOn: null,
  sourceFingerprint: 'f0',
  workbookId: 'wb-1',
  agencyKey: null,
  tasks: [],
};

const t = (...pairs: [string, string][]) => pairs.map(([id, hash]) => ({ id, hash }));

/** Plan f0 (A B C D) → f1: B removed, C→B, D→C → f2: C (was D) → D, A reworded. */
const steps: LineageStep[] = [
  {
    fingerprint: 'f0',
    builtAt: '2026-01-01T00:00:00.000Z',
    tasks: t(['A', 'a'], ['B', 'b'], ['C', 'c'], ['D', 'd']),
    map: { A: 'A', C: 'B', D: 'C' },
    removed: ['B'],
  },
  {
    fingerprint: 'f1',
    builtAt: '2026-02-01T00:00:00.000Z',
    tasks: t(['A', 'a'], ['B', 'c'], ['C', 'd']),
    map: { A: 'A', B: 'B', C: 'D' },
    removed: [],
  },
];
const master: WorkbookMeta = {
  ...base,
  sourceFingerprint: 'f2',
  builtAt: '2026-03-01T00:00:00.000Z',
  tasks: t(['A', 'a2'], ['B', 'c'], ['D', 'd'], ['E', 'e']),
  lineage: steps,
};
const copyOf = (
  fingerprint: string,
  tasks: { id: string; hash: string }[],
  extra: Partial<WorkbookMeta> = {},
) => ({
  ...base,
  agencyKey: 'btc',
  sourceFingerprint: fingerprint,
  tasks,
  ...extra,
});

describe('lineage', () => {
  it('round-trips through the meta sheet', () => {
    expect(parseMeta(serializeMeta(master))).toEqual(master);
  });

  it('follows a copy of the first plan through two revisions', () => {
    const v = lineageOf(master, copyOf('f0', t(['A', 'a'], ['B', 'b'], ['D', 'd'])), 'btc.xlsx');
    expect(isLineageRefusal(v)).toBe(false);
    const tr = v as LineageTranslation;
    expect(tr.kind).toBe('revised');
    expect([...tr.ids]).toEqual([
      ['A', 'A'],
      ['D', 'D'],
    ]);
    expect(tr.removed).toEqual(['B']);
  });

  it('follows a copy of the middle plan from its own step', () => {
    const tr = lineageOf(master, copyOf('f1', t(['B', 'c'], ['C', 'd'])), 'btc.xlsx') as LineageTranslation;
    expect([...tr.ids]).toEqual([
      ['B', 'B'],
      ['C', 'D'],
    ]);
  });

  it('refuses a copy whose tasks differ from the ancestor it claims, and one of another workbook', () => {
    const tampered = lineageOf(master, copyOf('f0', t(['A', 'zz'])), 'btc.xlsx');
    expect(isLineageRefusal(tampered) && tampered.message.en).toMatch(/--adopt --dry-run/);
    const foreign = lineageOf(master, copyOf('f0', t(['A', 'a']), { workbookId: 'wb-9' }), 'x.xlsx');
    expect(isLineageRefusal(foreign) && foreign.message.vi).toMatch(/mã sổ khác/);
  });

  it('recognises a copy of another build of the same plan only when every task is the same', () => {
    const same = copyOf('f2', t(['A', 'a2'], ['E', 'e']), { workbookId: 'wb-old' });
    expect((lineageOf(master, same, 'c.xlsx') as LineageTranslation).kind).toBe('rebuilt');
    const differs = copyOf('f2', t(['A', 'a']), { workbookId: 'wb-old' });
    expect(isLineageRefusal(lineageOf(master, differs, 'c.xlsx'))).toBe(true);
  });
});

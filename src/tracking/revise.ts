/**
 * Re-importing a revised plan into an existing master: which tasks were added, removed,
 * reworded or renumbered, and where each existing entry goes so none is lost.
 *
 * Tasks are matched by text, not only by id: a task deleted near the top renumbers every task
 * below it, and an id match alone would then carry entries to the wrong tasks.
 */

export interface RevisionTask {
  id: string;
  text: string;
}

export type RevisionKind = 'unchanged' | 'reworded' | 'renumbered';

export interface RevisionMatch {
  kind: RevisionKind;
  oldId: string;
  newId: string;
  /** Dice similarity of the two texts' word sets, 0..1 (1 for identical texts). */
  similarity: number;
  /** True when a renumbered task's text changed too. */
  textChanged: boolean;
}

export interface PlanRevision {
  matches: RevisionMatch[];
  added: RevisionTask[];
  removed: RevisionTask[];
}

/**
 * Thresholds on the Dice coefficient of normalised word sets.
 * - Same id: a rewording that keeps at least half the vocabulary is still the same task
 *   (plans get edited for style: "Tiếp tục tham mưu…" → "Tham mưu…", added references).
 * - Different id: stricter, because claiming another task's entries is worse than showing
 *   one removal and one addition the user can see and fix.
 * On the NQ-28 sample the two most alike distinct items score 0.61 (test/tracking/revise.test.ts
 * checks the sample stays below RENUMBER_THRESHOLD).
 */
export const SAME_ID_THRESHOLD = 0.5;
export const RENUMBER_THRESHOLD = 0.7;

/** Words without case, diacritics or punctuation: "Tỉnh uỷ"/"tỉnh ủy" and NFD/NFC compare equal. */
export function normalizedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function textSimilarity(a: string, b: string): number {
  const wa = new Set(normalizedWords(a));
  const wb = new Set(normalizedWords(b));
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common += 1;
  return (2 * common) / (wa.size + wb.size);
}

function sameText(a: string, b: string): boolean {
  return normalizedWords(a).join(' ') === normalizedWords(b).join(' ');
}

export function diffPlanTasks(
  oldTasks: readonly RevisionTask[],
  newTasks: readonly RevisionTask[],
): PlanRevision {
  const oldLeft = new Map(oldTasks.map((t) => [t.id, t]));
  const newLeft = new Map(newTasks.map((t) => [t.id, t]));
  const matches: RevisionMatch[] = [];
  const take = (o: RevisionTask, n: RevisionTask, similarity: number) => {
    oldLeft.delete(o.id);
    newLeft.delete(n.id);
    const textChanged = !sameText(o.text, n.text);
    const kind: RevisionKind = o.id !== n.id ? 'renumbered' : textChanged ? 'reworded' : 'unchanged';
    matches.push({ kind, oldId: o.id, newId: n.id, similarity, textChanged });
  };

  // 1. Identical texts: the strongest evidence, whatever the ids say. Same id first so a
  //    duplicated sentence does not swap two tasks.
  for (const o of oldTasks) {
    const n = newLeft.get(o.id);
    if (n && sameText(o.text, n.text)) take(o, n, 1);
  }
  const byText = new Map<string, RevisionTask[]>();
  for (const n of newLeft.values()) {
    const key = normalizedWords(n.text).join(' ');
    byText.set(key, [...(byText.get(key) ?? []), n]);
  }
  for (const o of [...oldLeft.values()]) {
    const list = byText.get(normalizedWords(o.text).join(' '));
    const n = list?.find((t) => newLeft.has(t.id));
    if (n) take(o, n, 1);
  }

  // 2. Everything else: best pairs first, so a task goes to its closest counterpart.
  const candidates: { o: RevisionTask; n: RevisionTask; s: number }[] = [];
  for (const o of oldLeft.values()) {
    for (const n of newLeft.values()) {
      const s = textSimilarity(o.text, n.text);
      if (s >= (o.id === n.id ? SAME_ID_THRESHOLD : RENUMBER_THRESHOLD)) candidates.push({ o, n, s });
    }
  }
  // Ties go to the pair that keeps its id.
  candidates.sort((a, b) => b.s - a.s || Number(b.o.id === b.n.id) - Number(a.o.id === a.n.id));
  for (const { o, n, s } of candidates) {
    if (oldLeft.has(o.id) && newLeft.has(n.id)) take(o, n, s);
  }

  const order = new Map(newTasks.map((t, i) => [t.id, i]));
  matches.sort((a, b) => (order.get(a.newId) ?? 0) - (order.get(b.newId) ?? 0));
  return { matches, added: [...newLeft.values()], removed: [...oldLeft.values()] };
}

export interface RevisionApplied<E> {
  /** Entries under their new task ids. */
  entries: Map<string, E>;
  /** Entries of removed tasks: kept, for the caller to show (never dropped silently). */
  orphaned: { oldId: string; entry: E }[];
}

/** Moves each entry to its task's new id; entries of removed tasks are returned, not dropped. */
export function applyRevision<E>(
  revision: PlanRevision,
  entries: ReadonlyMap<string, E>,
): RevisionApplied<E> {
  const moved = new Map<string, E>();
  const oldToNew = new Map(revision.matches.map((m) => [m.oldId, m.newId]));
  const orphaned: { oldId: string; entry: E }[] = [];
  for (const [oldId, entry] of entries) {
    const newId = oldToNew.get(oldId);
    if (newId === undefined) orphaned.push({ oldId, entry });
    else moved.set(newId, entry);
  }
  return { entries: moved, orphaned };
}

/**
 * Re-importing a revised plan into an existing master: which tasks were added, removed,
 * reworded or renumbered, and where each existing entry goes so none is lost.
 *
 * Tasks are paired by content, as one assignment over the whole plan; ids only break ties. A task
 * deleted near the top renumbers every task below it, and a same-id pair between two sibling
 * tasks (which share most of their vocabulary) must not beat the task's real, reworded self.
 *
 * The work is near linear in the plan's size: every text is normalised once, candidate pairs come
 * from an index of rare word pairs (never every unmatched old task against every new one), and
 * the exact assignment is solved only inside the small groups of tasks that compete.
 */

import { normalizedKey } from './text-key';

export interface RevisionTask {
  id: string;
  text: string;
}

export type RevisionKind = 'unchanged' | 'reworded' | 'renumbered';

export interface RevisionMatch {
  kind: RevisionKind;
  oldId: string;
  newId: string;
  /**
   * How alike the two texts are, 0..1 (1 for the same words): the Dice coefficient of their word
   * sets, each word weighted by how rare it is in the two plans (see contentScorer).
   */
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
 * The least content score for a pair to be the same task.
 * - Same id: a rewording that keeps about half of what is specific to the task is still the same
 *   task (plans get edited for style: "Tiếp tục tham mưu…" → "Tham mưu…", added references).
 * - Different id: stricter, because claiming another task's entries is worse than showing one
 *   removal and one addition the user can see and fix.
 * A threshold only admits a pair; which admitted pair wins is decided by content alone (the
 * assignment), the id breaking exact ties. The scores weigh rare words more than the words every
 * task of a plan shares ("Tỉnh ủy", "thực hiện"), so they run lower than plain word counts: on
 * the NQ-28 sample the two most alike distinct items score 0.565 (0.62 by plain counts;
 * test/tracking/revise.test.ts checks the sample stays below RENUMBER_THRESHOLD).
 */
export const SAME_ID_THRESHOLD = 0.5;
export const RENUMBER_THRESHOLD = 0.6;

/** Words without case, diacritics or punctuation: "Tỉnh uỷ"/"tỉnh ủy" and NFD/NFC compare equal. */
export function normalizedWords(text: string): string[] {
  const key = normalizedKey(text);
  return key ? key.split(' ') : [];
}

/** Plain Dice coefficient of the two texts' word sets (merge uses it to spot a swapped id). */
export function textSimilarity(a: string, b: string): number {
  const wa = new Set(normalizedWords(a));
  const wb = new Set(normalizedWords(b));
  if (wa.size === 0 && wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common += 1;
  return (2 * common) / (wa.size + wb.size);
}

/** A task's text normalised once: what every later step compares. */
interface Prepared {
  task: RevisionTask;
  /** Position in its plan (old or new). */
  index: number;
  /** The normalised words joined by spaces: equal keys are the same text. */
  key: string;
  /**
   * The words in reading order, their set and their pairs: built only for the tasks left after
   * the exact pairs (most of a revision is unchanged), so that a large plan does not keep an
   * array of word strings per task alive (at 50,000 tasks that was the garbage collector's
   * growing share).
   */
  list?: string[];
  words?: Set<string>;
  /** Word pairs in reading order ("to chuc", "chuc thuc"…), the blocking keys; same. */
  shingles?: Set<string>;
}

function prepare(tasks: readonly RevisionTask[]): Prepared[] {
  return tasks.map((task, index) => ({ task, index, key: normalizedKey(task.text) }));
}

function listOf(p: Prepared): string[] {
  if (!p.list) p.list = p.key ? p.key.split(' ') : [];
  return p.list;
}

function wordsOf(p: Prepared): Set<string> {
  if (!p.words) p.words = new Set(listOf(p));
  return p.words;
}

function shinglesOf(p: Prepared): Set<string> {
  if (!p.shingles) {
    const s = new Set<string>();
    const w = listOf(p);
    for (let i = 0; i + 1 < w.length; i++) s.add(`${w[i]} ${w[i + 1]}`);
    if (w.length === 1) s.add(w[0]);
    p.shingles = s;
  }
  return p.shingles;
}

/**
 * Content similarity of two prepared texts: Dice over word sets with each word weighted by its
 * inverse document frequency across both plans, so a pair shares what makes a task itself (its
 * subject, its references), not the words of the plan's every line.
 */
function contentScorer(
  all: readonly Prepared[],
  scored: readonly Prepared[] = all,
): (a: Prepared, b: Prepared) => number {
  // Occurrences rather than documents: a word seldom repeats inside one task, and counting from
  // the keys spares building a set (or a word list) for every task of the plan. Only the words
  // of the tasks that will be scored are counted (across the whole plan).
  const df = new Map<string, number>();
  for (const p of scored) for (const w of listOf(p)) df.set(w, 0);
  for (const p of all) {
    const key = p.key;
    for (let at = 0; at < key.length;) {
      let end = key.indexOf(' ', at);
      if (end < 0) end = key.length;
      const w = key.slice(at, end);
      const d = df.get(w);
      if (d !== undefined) df.set(w, d + 1);
      at = end + 1;
    }
  }
  const n = all.length;
  const weight = (w: string) => Math.log(1 + n / (df.get(w) ?? 1));
  const totals = new Map<Prepared, number>();
  const total = (p: Prepared) => {
    let t = totals.get(p);
    if (t === undefined) {
      t = 0;
      for (const w of wordsOf(p)) t += weight(w);
      totals.set(p, t);
    }
    return t;
  };
  return (a, b) => {
    if (a.key === b.key) return 1;
    const wa = wordsOf(a);
    const wb = wordsOf(b);
    const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
    let common = 0;
    for (const w of small) if (large.has(w)) common += weight(w);
    const sum = total(a) + total(b);
    return sum === 0 ? 0 : (2 * common) / sum;
  };
}

/**
 * The content score of two texts among a corpus (the texts of both plans): what diffPlanTasks
 * compares, for tests and reports. Texts are normalised once, when first seen.
 */
export function contentSimilarity(corpus: readonly string[]): (a: string, b: string) => number {
  const prepared = prepare(corpus.map((text, i) => ({ id: String(i), text })));
  const byText = new Map(prepared.map((p) => [p.task.text, p]));
  const score = contentScorer(prepared);
  const get = (t: string) => byText.get(t) ?? prepare([{ id: '', text: t }])[0];
  return (a, b) => score(get(a), get(b));
}

/** A shingle shared by more new tasks than this says nothing about which one is meant. */
const MAX_POSTING = 24;
/** Candidates scored per old task: those sharing the most rare shingles with it. */
const CANDIDATES_PER_TASK = 8;

/** Pairs worth scoring: the same id, and new tasks sharing rare word pairs with the old one. */
function candidatePairs(oldLeft: readonly Prepared[], newLeft: readonly Prepared[]): [Prepared, Prepared][] {
  const postings = new Map<string, Prepared[]>();
  for (const n of newLeft)
    for (const s of shinglesOf(n)) {
      const list = postings.get(s);
      if (list === undefined) postings.set(s, [n]);
      else if (list.length <= MAX_POSTING) list.push(n);
    }
  const newById = new Map<string, Prepared>();
  for (const n of newLeft) if (!newById.has(n.task.id)) newById.set(n.task.id, n);
  const out: [Prepared, Prepared][] = [];
  for (const o of oldLeft) {
    const shared = new Map<Prepared, number>();
    for (const s of shinglesOf(o)) {
      const list = postings.get(s);
      if (list === undefined || list.length > MAX_POSTING) continue;
      for (const n of list) shared.set(n, (shared.get(n) ?? 0) + 1);
    }
    const best = [...shared]
      .sort((a, b) => b[1] - a[1] || a[0].index - b[0].index)
      .slice(0, CANDIDATES_PER_TASK)
      .map(([n]) => n);
    const same = newById.get(o.task.id);
    if (same && !best.includes(same)) best.push(same);
    for (const n of best) out.push([o, n]);
  }
  return out;
}

interface Edge {
  o: Prepared;
  n: Prepared;
  score: number;
}

/** Ids only break ties: a same-id pair wins over an equally alike renumbered one. */
const SAME_ID_BONUS = 1e-9;
const weightOf = (e: Edge) => e.score + (e.o.task.id === e.n.task.id ? SAME_ID_BONUS : 0);

/** Above this many tasks on one side, a group is assigned greedily (never met in real plans). */
const EXACT_GROUP_LIMIT = 200;

/**
 * The pairs of one group of competing tasks with the greatest total weight (Hungarian method,
 * rows = old tasks, columns = new tasks; a pair without an edge weighs 0, i.e. stays unpaired).
 */
function bestAssignment(olds: Prepared[], news: Prepared[], edges: Edge[]): Edge[] {
  const transpose = olds.length > news.length;
  const rowsOf = transpose ? news : olds;
  const colsOf = transpose ? olds : news;
  const rowAt = new Map(rowsOf.map((p, i) => [p, i + 1]));
  const colAt = new Map(colsOf.map((p, i) => [p, i + 1]));
  const n = rowsOf.length;
  const m = colsOf.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const edgeAt = new Map<string, Edge>();
  for (const e of edges) {
    const r = rowAt.get(transpose ? e.n : e.o) as number;
    const c = colAt.get(transpose ? e.o : e.n) as number;
    cost[r][c] = -weightOf(e);
    edgeAt.set(`${r},${c}`, e);
  }
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const out: Edge[] = [];
  for (let j = 1; j <= m; j++) {
    const e = p[j] === 0 ? undefined : edgeAt.get(`${p[j]},${j}`);
    if (e) out.push(e);
  }
  return out;
}

function greedy(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((a, b) => weightOf(b) - weightOf(a) || a.n.index - b.n.index);
  const usedOld = new Set<Prepared>();
  const usedNew = new Set<Prepared>();
  const out: Edge[] = [];
  for (const e of sorted) {
    if (usedOld.has(e.o) || usedNew.has(e.n)) continue;
    usedOld.add(e.o);
    usedNew.add(e.n);
    out.push(e);
  }
  return out;
}

/** Splits the edges into groups of tasks that compete (connected components), then assigns each. */
function assign(edges: Edge[]): Edge[] {
  const parent = new Map<Prepared, Prepared>();
  const find = (x: Prepared): Prepared => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as Prepared;
    let c = x;
    while (c !== r) {
      const next = parent.get(c) as Prepared;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const e of edges) {
    if (!parent.has(e.o)) parent.set(e.o, e.o);
    if (!parent.has(e.n)) parent.set(e.n, e.n);
    const a = find(e.o);
    const b = find(e.n);
    if (a !== b) parent.set(a, b);
  }
  const groups = new Map<Prepared, Edge[]>();
  for (const e of edges) {
    const root = find(e.o);
    const list = groups.get(root);
    if (list) list.push(e);
    else groups.set(root, [e]);
  }
  const out: Edge[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      out.push(group[0]);
      continue;
    }
    const olds = [...new Set(group.map((e) => e.o))];
    const news = [...new Set(group.map((e) => e.n))];
    if (Math.min(olds.length, news.length) > EXACT_GROUP_LIMIT) out.push(...greedy(group));
    else out.push(...bestAssignment(olds, news, group));
  }
  return out;
}

export function diffPlanTasks(
  oldTasks: readonly RevisionTask[],
  newTasks: readonly RevisionTask[],
): PlanRevision {
  const olds = prepare(oldTasks);
  const news = prepare(newTasks);
  const pairs: Edge[] = [];
  const oldPaired = new Set<Prepared>();
  const newPaired = new Set<Prepared>();
  const take = (o: Prepared, n: Prepared, score: number) => {
    oldPaired.add(o);
    newPaired.add(n);
    pairs.push({ o, n, score });
  };

  // 1. The same words: certain whatever the ids say. Same id first, then in plan order, so a
  //    sentence the plan repeats does not swap two tasks.
  const newByKey = new Map<string, Prepared[]>();
  for (const n of news) {
    const list = newByKey.get(n.key);
    if (list) list.push(n);
    else newByKey.set(n.key, [n]);
  }
  for (const o of olds) {
    const n = newByKey.get(o.key)?.find((c) => c.task.id === o.task.id && !newPaired.has(c));
    if (n) take(o, n, 1);
  }
  for (const o of olds) {
    if (oldPaired.has(o)) continue;
    const n = newByKey.get(o.key)?.find((c) => !newPaired.has(c));
    if (n) take(o, n, 1);
  }

  // 2. The rest: scored candidates, then the best assignment as a whole.
  const oldLeft = olds.filter((o) => !oldPaired.has(o));
  const newLeft = news.filter((n) => !newPaired.has(n));
  const score = contentScorer([...olds, ...news], [...oldLeft, ...newLeft]);
  const edges: Edge[] = [];
  const candidates = oldLeft.length && newLeft.length ? candidatePairs(oldLeft, newLeft) : [];
  for (const [o, n] of candidates) {
    const s = score(o, n);
    if (s >= (o.task.id === n.task.id ? SAME_ID_THRESHOLD : RENUMBER_THRESHOLD))
      edges.push({ o, n, score: s });
  }
  for (const e of assign(edges)) take(e.o, e.n, e.score);

  const matches: RevisionMatch[] = pairs
    .sort((a, b) => a.n.index - b.n.index)
    .map(({ o, n, score: s }) => {
      const textChanged = o.key !== n.key;
      const kind: RevisionKind =
        o.task.id !== n.task.id ? 'renumbered' : textChanged ? 'reworded' : 'unchanged';
      return { kind, oldId: o.task.id, newId: n.task.id, similarity: s, textChanged };
    });
  return {
    matches,
    added: news.filter((n) => !newPaired.has(n)).map((n) => n.task),
    removed: olds.filter((o) => !oldPaired.has(o)).map((o) => o.task),
  };
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

/**
 * One agency, many spellings (issue 17). A master holding several plans meets the same body
 * written by different drafters: `Sở TT&TT` and `Sở Thông tin và Truyền thông`, `UBND các xã,
 * phường` and `Ủy ban nhân dân xã, phường`, `Sở Văn hoá Thể thao du lịch` without its commas.
 *
 * Two tools, both pure:
 * - `nearDuplicateAgencies` proposes groups of names that look like one body, by general rules
 *   (initials of an abbreviation against the words of the full name, `&` and `và`, punctuation,
 *   case and tone marks, word order, a few extra words) — never a list of known pairs, so it
 *   works on agencies no one has seen yet. It only proposes: the user decides.
 * - `canonicalAgency` is the grouping key every count by agency uses: the plan's canonical key
 *   (src/plan/agency.ts) followed through the aliases the user recorded in the workbook.
 */
import type { AgencyAlias } from '../model/workbook-meta';
import { agencyKey } from '../plan/agency';

export type { AgencyAlias } from '../model/workbook-meta';

/** Why two names were thought to be one agency (shown to the user beside the names). */
export type NearDuplicateReason = 'spelling' | 'abbreviation' | 'words';

export interface NearDuplicate {
  /** Every spelling of the group, as written, in the order given. */
  names: string[];
  /** The name proposed to keep: the fullest one (fewest abbreviations, then longest). */
  suggested: string;
  /** The weakest rule that joined the group (spelling < abbreviation < words). */
  reason: NearDuplicateReason;
}

/** Follows recorded aliases from one canonical key to the key the user merged it into. */
export interface AgencyGrouping {
  /** The grouping key of a name; '' for a blank one. */
  key(name: string): string;
  /** What a group is shown as: the alias target the user chose, else the name given. */
  label(name: string): string;
}

const groupings = new WeakMap<readonly AgencyAlias[], AgencyGrouping>();

export function agencyGrouping(aliases: readonly AgencyAlias[] = []): AgencyGrouping {
  const cached = groupings.get(aliases);
  if (cached) return cached;
  const next = new Map<string, string>();
  const labels = new Map<string, string>();
  // A later alias of the same spelling replaces an earlier one (the user changed their mind).
  for (const a of aliases) {
    const from = agencyKey(a.from);
    const to = agencyKey(a.to);
    if (from && to && from !== to) next.set(from, to);
    if (to) labels.set(to, a.to.trim());
  }
  const resolved = new Map<string, string>();
  const follow = (start: string): string => {
    const hit = resolved.get(start);
    if (hit !== undefined) return hit;
    let key = start;
    const seen = new Set([key]);
    for (let to = next.get(key); to !== undefined && !seen.has(to); to = next.get(key)) {
      key = to;
      seen.add(key);
    }
    resolved.set(start, key);
    return key;
  };
  const grouping: AgencyGrouping = {
    key: (name) => (name.trim() === '' ? '' : follow(agencyKey(name))),
    label: (name) => {
      if (name.trim() === '') return name;
      return labels.get(follow(agencyKey(name))) ?? name;
    },
  };
  groupings.set(aliases, grouping);
  return grouping;
}

/** The key every count by agency groups under: canonical spelling, then the user's aliases. */
export function canonicalAgency(name: string, aliases: readonly AgencyAlias[] = []): string {
  return agencyGrouping(aliases).key(name);
}

/**
 * The name each lead is counted under, as the `Tổng hợp` rows show it: the alias target the user
 * chose, else the spelling of its group met first among `leads` (so the hidden column the
 * PivotTables group on and the formula summary name one agency alike). '' for a blank lead.
 */
export function groupLabeller(
  leads: Iterable<string>,
  aliases: readonly AgencyAlias[] = [],
): (name: string) => string {
  const g = agencyGrouping(aliases);
  const labels = new Map<string, string>();
  for (const lead of leads) {
    if (!lead.trim()) continue;
    const key = g.key(lead);
    if (!labels.has(key)) labels.set(key, g.label(lead));
  }
  return (name) => (name.trim() === '' ? '' : (labels.get(g.key(name)) ?? g.label(name)));
}

/**
 * The aliases with `from` merged into `to`. Refused (a message key, not an exception: the caller
 * words it) when either is blank or they already count as one agency.
 */
export function withAlias(
  aliases: readonly AgencyAlias[],
  from: string,
  to: string,
): { aliases: AgencyAlias[] } | { refused: 'blank' | 'same' } {
  if (!from.trim() || !to.trim()) return { refused: 'blank' };
  const g = agencyGrouping(aliases);
  if (g.key(from) === g.key(to)) return { refused: 'same' };
  // `to` may itself have been merged elsewhere: point at where it ends, so no chain can loop.
  const target = g.label(to);
  const fromKey = agencyKey(from);
  const kept = aliases.filter((a) => agencyKey(a.from) !== fromKey);
  return { aliases: [...kept, { from: from.trim(), to: target.trim() }] };
}

// ---------------------------------------------------------------------------------------------
// Near-duplicates

interface Token {
  /** Lower case, tone marks and đ folded away: what spelling damage cannot change. */
  word: string;
  /** For a token written in capitals (TT, KH, LĐ, UBND): its letters, folded, else null. */
  initials: string | null;
}

/** Words that carry no identity in an agency name: conjunctions and plural markers. */
const FILLER = new Set(['va', 'cac', 'nhung', 'cua']);

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .toLowerCase();
}

/**
 * A name as tokens. Separators (`&`, `-`, commas, slashes, brackets) and fillers go; what is left
 * is compared word by word. A bracketed abbreviation after the full name, "Tổng cục Thủy lợi
 * (TCTL)", is a second spelling of the same name and is dropped.
 */
function tokens(name: string): Token[] {
  const plain = name.normalize('NFC').replace(/\(\s*[\p{Lu}&\-.]+\s*\)/gu, ' ');
  const out: Token[] = [];
  for (const raw of plain.split(/[\s,;:.&/()–\-+]+/u)) {
    if (!raw) continue;
    const word = fold(raw);
    if (!/\p{L}|\d/u.test(word) || FILLER.has(word)) continue;
    const caps = raw.length >= 2 && /^\p{Lu}+$/u.test(raw);
    out.push({ word, initials: caps ? word : null });
  }
  return out;
}

interface Match {
  /** Words of the longer name left over (at most MAX_EXTRA). */
  extra: number;
  abbreviation: boolean;
}

const MAX_EXTRA = 2;

/**
 * Aligns a with b in order: equal words pair; a capitalised token of either side pairs with as
 * many words of the other as it has letters when those words' first letters spell it (KH&ĐT ~
 * Kế hoạch và Đầu tư, UBND ~ Ủy ban nhân dân); up to MAX_EXTRA words of b may stay unpaired when
 * a is a leading part of the same body ("Ban Dân vận" ~ "Ban Dân vận Tỉnh uỷ"). The first words
 * must pair, so "Văn phòng UBND tỉnh" is never taken for "UBND tỉnh".
 */
function align(a: readonly Token[], b: readonly Token[]): Match | null {
  const memo = new Map<string, Match | null>();
  const go = (i: number, j: number, extra: number): Match | null => {
    const key = `${i},${j},${extra}`;
    if (memo.has(key)) return memo.get(key) ?? null;
    let best: Match | null = null;
    const consider = (m: Match | null, abbreviation: boolean) => {
      if (!m) return;
      const cand = { extra: m.extra, abbreviation: m.abbreviation || abbreviation };
      const better =
        !best ||
        cand.extra < best.extra ||
        (cand.extra === best.extra && !cand.abbreviation && best.abbreviation);
      if (better) best = cand;
    };
    if (i === a.length && j === b.length) best = { extra, abbreviation: false };
    else {
      if (i < a.length && j < b.length && a[i].word === b[j].word) consider(go(i + 1, j + 1, extra), false);
      const ai = i < a.length ? a[i].initials : null;
      if (ai && j < b.length) for (const end of spelled(ai, b, j)) consider(go(i + 1, end, extra), true);
      const bj = j < b.length ? b[j].initials : null;
      if (bj && i < a.length) for (const end of spelled(bj, a, i)) consider(go(end, j + 1, extra), true);
      // Extra words of b, never before the first pair.
      if (j < b.length && extra < MAX_EXTRA && (i > 0 || j > 0)) consider(go(i, j + 1, extra + 1), false);
    }
    memo.set(key, best);
    return best;
  };
  return go(0, 0, 0);
}

/**
 * Where in `ts`, from `from`, the letters of an abbreviation can end: each word gives its first
 * letter, and a capitalised token either its first letter or all of its letters ("UBMTTQ" ~ "Ủy
 * ban MTTQ"). At least two tokens, so one word is never an abbreviation of itself.
 */
function spelled(letters: string, ts: readonly Token[], from: number): number[] {
  const ends = new Set<number>();
  const walk = (pos: number, k: number) => {
    if (pos === letters.length) {
      if (k - from >= 2) ends.add(k);
      return;
    }
    if (k >= ts.length) return;
    const t = ts[k];
    if (t.word[0] === letters[pos]) walk(pos + 1, k + 1);
    if (t.initials && t.initials.length > 1 && letters.startsWith(t.initials, pos))
      walk(pos + t.initials.length, k + 1);
  };
  walk(0, from);
  return [...ends];
}

/**
 * The same words in another order: "UBND các thành phố, huyện" ~ "Uỷ ban nhân dân các huyện,
 * thành phố". Compared after the canonical key's expansions, so a known abbreviation on one side
 * does not hide the match.
 */
function sameWords(a: string, b: string): boolean {
  const sorted = (name: string) =>
    tokens(agencyKey(name))
      .map((t) => t.word)
      .sort()
      .join(' ');
  return sorted(a) === sorted(b);
}

const REASON_ORDER: NearDuplicateReason[] = ['spelling', 'abbreviation', 'words'];

/** Why a and b look like one agency, or null when they do not. */
export function nearDuplicateReason(a: string, b: string): NearDuplicateReason | null {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return null;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const m = align(short, long) ?? align(long, short);
  if (m && m.extra === 0) return m.abbreviation ? 'abbreviation' : 'spelling';
  // Extra words only when the shorter name has enough of its own to be recognised.
  if (m && short.length >= 2 && m.extra < short.length) return 'words';
  if (sameWords(a, b)) return 'words';
  return null;
}

/**
 * How far a spelling is from the one to keep: abbreviations and words in capitals, doubled
 * spaces; among equals the one with more words, then more letters (the fuller name) wins.
 */
function roughness(name: string): number {
  const ts = tokens(name);
  return ts.filter((t) => t.initials !== null).length * 100 + (/\s{2,}/.test(name) ? 50 : 0) - ts.length;
}

/**
 * Groups of names across plans that look like one agency but do not count as one yet (their
 * canonical keys differ, after the aliases already recorded). Names that already share a key are
 * one node: they count together without asking. Groups come in the order of their first name.
 */
export function nearDuplicateAgencies(
  names: readonly string[],
  aliases: readonly AgencyAlias[] = [],
): NearDuplicate[] {
  const g = agencyGrouping(aliases);
  const nodes: { key: string; names: string[] }[] = [];
  const byKey = new Map<string, number>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const key = g.key(name);
    let at = byKey.get(key);
    if (at === undefined) {
      at = nodes.length;
      byKey.set(key, at);
      nodes.push({ key, names: [] });
    }
    if (!nodes[at].names.includes(name)) nodes[at].names.push(name);
  }
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const reasons = new Map<number, NearDuplicateReason>();
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      let reason: NearDuplicateReason | null = null;
      for (const a of nodes[i].names) {
        for (const b of nodes[j].names) {
          const r = nearDuplicateReason(a, b);
          if (r && (!reason || REASON_ORDER.indexOf(r) < REASON_ORDER.indexOf(reason))) reason = r;
        }
        if (reason === 'spelling') break;
      }
      if (!reason) continue;
      const [ri, rj] = [find(i), find(j)];
      const root = Math.min(ri, rj);
      const worst = [reasons.get(ri), reasons.get(rj), reason]
        .filter((r): r is NearDuplicateReason => r !== undefined)
        .reduce((x, y) => (REASON_ORDER.indexOf(x) >= REASON_ORDER.indexOf(y) ? x : y));
      parent[Math.max(ri, rj)] = root;
      reasons.set(root, worst);
    }
  const groups = new Map<number, string[]>();
  nodes.forEach((n, i) => {
    const root = find(i);
    if (root === i && !reasons.has(i)) return;
    groups.set(root, [...(groups.get(root) ?? []), ...n.names]);
  });
  return [...groups.entries()].map(([root, list]) => {
    const fullness = (n: string) => n.replace(/[^\p{L}]/gu, '').length;
    const suggested = [...list].sort((x, y) => roughness(x) - roughness(y) || fullness(y) - fullness(x))[0];
    return { names: list, suggested, reason: reasons.get(root) ?? 'words' };
  });
}

/**
 * Matching what staff typed or pasted against the workbook's list words (statuses, deadline
 * categories). Pasting bypasses Excel's dropdowns, so a cell can hold a word that a person
 * reads as the list value while formulas and exact comparisons do not: trailing spaces, NFD
 * text, the other tone-mark style, no diacritics, an abbreviation, the English word…
 * The matcher says which list value was meant and why the cell differs, or nothing when the
 * intent is not clear (a wrong suggestion is worse than none).
 */
import type { Lang } from '../model/lang';
import type { Msg } from '../model/msg';

/** Why a cell differs from the list word it matches. */
export type MatchKind =
  | 'exact'
  | 'unicode'
  | 'spacing'
  | 'case'
  | 'tone_style'
  | 'other_language'
  | 'no_diacritics'
  | 'abbreviation'
  | 'synonym'
  | 'partial'
  | 'typo';

export interface LabelMatch<K extends string> {
  key: K;
  kind: MatchKind;
}

/** Vietnamese and English wording of each MatchKind, for messages. */
export const MATCH_KIND_TEXT: Record<Exclude<MatchKind, 'exact'>, Msg> = {
  unicode: { vi: 'chữ ở dạng Unicode tổ hợp (NFD)', en: 'text in decomposed Unicode (NFD)' },
  spacing: { vi: 'thừa hoặc thiếu dấu cách', en: 'extra or missing spaces' },
  case: { vi: 'khác chữ hoa/chữ thường', en: 'different upper/lower case' },
  tone_style: { vi: 'bỏ dấu thanh kiểu khác (như "uỷ"/"ủy")', en: 'other tone-mark style (like "uỷ"/"ủy")' },
  other_language: { vi: 'từ của ngôn ngữ khác với sổ', en: 'a word in the other language than the workbook' },
  no_diacritics: { vi: 'gõ thiếu dấu tiếng Việt', en: 'typed without Vietnamese diacritics' },
  abbreviation: { vi: 'viết tắt', en: 'abbreviated' },
  synonym: { vi: 'cách viết khác với danh mục', en: 'a different wording from the list' },
  partial: { vi: 'thiếu chữ so với danh mục', en: 'words missing from the list value' },
  typo: { vi: 'gõ sai chính tả', en: 'a typing mistake' },
};

const COMBINING = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;
// Vietnamese tone marks (as combining characters after NFD); the other marks (circumflex,
// breve, horn) belong to the vowel and stay where they are.
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** NFC, trimmed, inner whitespace collapsed (also non-breaking spaces). */
export function tidy(text: string): string {
  return text.normalize('NFC').replace(SPACES, ' ').trim();
}

/** Lower case, no diacritics, đ → d, spaces collapsed: "Đã  hoàn thành " → "da hoan thanh". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/**
 * A key equal for both tone-mark styles: each word's tone mark is moved to the word's end,
 * so "uỷ"/"ủy" and "hoá"/"hóa" meet while "hoa"/"hóa" stay apart.
 */
export function toneStyleKey(text: string): string {
  return tidy(text)
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((word) => {
      let tone = '';
      let rest = '';
      for (const ch of word.normalize('NFD')) {
        if (TONE_MARKS.has(ch)) tone = ch;
        else rest += ch;
      }
      return rest + tone;
    })
    .join(' ');
}

function caseKey(text: string): string {
  return tidy(text).toLocaleLowerCase('vi');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

// Abbreviations seen in offices' tracking sheets, by folded word.
const ABBREVIATIONS: Record<string, string> = {
  th: 'thuc hien',
  tk: 'trien khai',
  ht: 'hoan thanh',
  tx: 'thuong xuyen',
  dk: 'dinh ky',
  khct: 'ke hoach cap tren',
};

const NEGATIONS = /\b(chua|khong|not|no|un)\b/;

function expandAbbreviations(folded: string): string {
  return folded
    .split(' ')
    .map((w) => ABBREVIATIONS[w.replace(/\.$/, '')] ?? w)
    .join(' ');
}

export interface LabelMatcherOptions<K extends string> {
  /** Other wordings (folded: lower case, no diacritics) that clearly mean one value. */
  synonyms?: Record<string, K>;
}

type Matcher<K extends string> = (input: string) => LabelMatch<K> | null;

/** Matchers already built, by list, language and synonyms (the lists are module constants). */
const MATCHERS = new WeakMap<object, Map<string, Map<object | undefined, Matcher<string>>>>();

/**
 * A matcher for one list. The words of `lang` are the valid ones; the other language's words
 * are recognised as near misses. Results are cached per distinct input, since a column repeats
 * a handful of values over many rows. The same list, language and synonyms give the same
 * matcher: a merge checks every return and building the tables a matcher needs cost more than
 * matching a return's cells.
 */
export function createLabelMatcher<K extends string>(
  labels: Record<K, Msg>,
  lang: Lang,
  options: LabelMatcherOptions<K> = {},
): Matcher<K> {
  let byLang = MATCHERS.get(labels);
  if (!byLang) MATCHERS.set(labels, (byLang = new Map()));
  let bySynonyms = byLang.get(lang);
  if (!bySynonyms) byLang.set(lang, (bySynonyms = new Map()));
  let matcher = bySynonyms.get(options.synonyms) as Matcher<K> | undefined;
  if (!matcher) {
    matcher = buildLabelMatcher(labels, lang, options);
    bySynonyms.set(options.synonyms, matcher as Matcher<string>);
  }
  return matcher;
}

/** Distinct inputs a matcher remembers; past it the memory starts again (odd inputs are rare). */
const MATCHES_KEPT = 4096;

function buildLabelMatcher<K extends string>(
  labels: Record<K, Msg>,
  lang: Lang,
  options: LabelMatcherOptions<K>,
): Matcher<K> {
  const otherLang: Lang = lang === 'vi' ? 'en' : 'vi';
  const own = (Object.entries(labels) as [K, Msg][]).map(([k, m]): [K, string] => [k, m[lang]]);
  const other = (Object.entries(labels) as [K, Msg][]).map(([k, m]): [K, string] => [k, m[otherLang]]);
  const exact = new Map<string, K>(own.map(([k, w]) => [w, k]));
  const nfc = new Map<string, K>(own.map(([k, w]) => [w.normalize('NFC'), k]));
  const spaced = new Map<string, K>(own.map(([k, w]) => [tidy(w), k]));
  const cased = new Map<string, K>(own.map(([k, w]) => [caseKey(w), k]));
  const toned = new Map<string, K>(own.map(([k, w]) => [toneStyleKey(w), k]));
  const otherCased = new Map<string, K>(other.map(([k, w]) => [caseKey(w), k]));
  const folded = new Map<string, K>(own.map(([k, w]) => [foldVietnamese(w), k]));
  const otherFolded = new Map<string, K>(other.map(([k, w]) => [foldVietnamese(w), k]));
  const synonyms = new Map<string, K>(Object.entries(options.synonyms ?? {}) as [string, K][]);
  const ownFolded = own.map(([k, w]) => [k, ` ${foldVietnamese(w)} `] as const);
  const cache = new Map<string, LabelMatch<K> | null>();

  const uniqueKey = (keys: K[]): K | null => (new Set(keys).size === 1 ? keys[0] : null);

  function match(input: string): LabelMatch<K> | null {
    const hit = (key: K | undefined, kind: MatchKind): LabelMatch<K> | null =>
      key === undefined ? null : { key, kind };
    const t = tidy(input);
    if (t === '') return null;
    const f = foldVietnamese(input);
    const first =
      hit(exact.get(input), 'exact') ??
      hit(nfc.get(input.normalize('NFC')), 'unicode') ??
      hit(spaced.get(t), 'spacing') ??
      hit(cased.get(caseKey(input)), 'case') ??
      hit(toned.get(toneStyleKey(input)), 'tone_style') ??
      hit(otherCased.get(caseKey(input)), 'other_language');
    if (first) return first;
    // Without diacritics two list words could meet; the maps keep the last one, so only trust
    // a folded hit that is unique among the list's words.
    const fk = folded.get(f);
    if (fk !== undefined && own.filter(([, w]) => foldVietnamese(w) === f).length === 1)
      return { key: fk, kind: 'no_diacritics' };
    const ok = otherFolded.get(f);
    if (ok !== undefined) return { key: ok, kind: 'other_language' };
    const expanded = expandAbbreviations(f);
    if (expanded !== f) {
      const ek = folded.get(expanded) ?? synonyms.get(expanded);
      if (ek !== undefined) return { key: ek, kind: 'abbreviation' };
    }
    const sk = synonyms.get(f) ?? synonyms.get(expanded);
    if (sk !== undefined) return { key: sk, kind: 'synonym' };
    // Leading words left out ("hoàn thành" for "Đã hoàn thành"): the input must be at least two
    // whole words ending exactly one list value, and what was left out must not be a negation
    // ("xác định" is not "Chưa xác định").
    if (expanded.includes(' ')) {
      const ends = ownFolded.filter(([, w]) => w.endsWith(` ${expanded} `));
      const pk = uniqueKey(ends.map(([k]) => k));
      if (pk !== null && !ends.some(([, w]) => NEGATIONS.test(w.slice(0, -expanded.length - 1)))) {
        return { key: pk, kind: 'partial' };
      }
    }
    // A slip of one or two letters, when one list value is clearly closest.
    if (f.length >= 6) {
      const max = f.length >= 12 ? 2 : 1;
      const close = ownFolded
        .map(([k, w]) => ({ k, d: editDistance(f, w.trim(), max) }))
        .filter((c) => c.d <= max);
      const best = Math.min(...close.map((c) => c.d));
      const tk = uniqueKey(close.filter((c) => c.d === best).map((c) => c.k));
      if (tk !== null) return { key: tk, kind: 'typo' };
    }
    return null;
  }

  return (input: string) => {
    let result = cache.get(input);
    if (result === undefined) {
      result = match(input);
      if (cache.size >= MATCHES_KEPT) cache.clear();
      cache.set(input, result);
    }
    return result;
  };
}

/**
 * Text clean-up applied to every plan before parsing.
 *
 * Output shape: one paragraph per line, no blank lines, NFC, LF only, single spaces, tabs kept
 * (they separate table cells). Copy artefacts are removed: BOM and zero-width characters, page-number
 * lines, markdown emphasis, footnote markers, and paragraphs cut in two by a page break are joined.
 *
 * Line numbers: `normalizeWithMap` also returns, for every output line, the 1-based line of the
 * ORIGINAL input where that paragraph starts (CR, LF and CRLF each count as one line break). The
 * parser reports task and warning lines in these original-input terms.
 *
 * Everything here is line-by-line and regex-light so a 5 MB plan stays linear.
 */

import { agencyFromHeading } from './agency';
import { linesToNFC, mayChangeUnderNFC, toNFC } from './nfc';
import { rebuildPipeTables } from './pipe-table';

export interface NormalizedLines {
  /** The output lines (what `text` joins with LF). */
  lines: string[];
  /** lineMap[i] = 1-based line in the original input where output line i+1 starts. */
  lineMap: number[];
  /** Output lines (0-based) made by joining a sentence cut by a line or page break. */
  joined: Set<number>;
}

export interface NormalizedText extends Omit<NormalizedLines, 'lines'> {
  text: string;
}

// Unicode spaces that copy-paste leaves behind (NBSP from Word, narrow NBSP, figure space, ideographic…).
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Zero-width characters and the BOM; the soft hyphen goes too (it only marks a hyphenation point).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/* eslint-disable no-control-regex -- these patterns exist to find control characters */
// C0/C1 controls other than tab and the line breaks (which are handled before this runs).
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const OTHER_BREAKS = /[\r\u000B\u000C\u0085\u2028\u2029]/;
// What the three patterns above remove or replace, in one class: most lines to clean have none of it.
const ODD_CHARACTER =
  /[\u0000-\u0008\u000E-\u001F\u007F-\u00A0\u00AD\u1680\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF]/;
/* eslint-enable no-control-regex */
const PAGE_NUMBER_LINE =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,3}|(?:trang|page)\s+\d{1,4}(?:\s*\/\s*\d{1,4})?)$/i;
const FOOTNOTE_MARK = /\[\d{1,3}\]/g;
const FOOTNOTE_BODY = /^\[\d{1,3}\]\s*\S/;

/** True when a line starts with a list marker or a number that opens a new item. */
export function startsWithMarker(line: string): boolean {
  return /^(?:\d{1,4}(?:\.\d{1,3})*\s*[.)]|\d{1,3}\s*[-–](?:\s|$)|\d{1,3}\t|[a-zđ]\s*[).](?:\s|$)|[-–—+•*·]|[IVXLC]{1,6}\s*[.\-–)/](?:\s|$))/u.test(
    line,
  );
}

// Markdown emphasis comes in pairs: "**kế hoạch**", "(*thường xuyên*)". A lone "*" is text ("2*3",
// "(*)"), and so is a pair inside a word or number ("2*3*4"). A run opening or closing a whole line is
// the half of a pair that a line break cut ("**I. MỤC" / "ĐÍCH, YÊU CẦU**").
const PAIRED_EMPHASIS = /(?<![\p{L}\p{N}*])(\*{1,3})(?=[^\s*])([^*]*?[^\s*])\1(?![\p{L}\p{N}*])/gu;
const OPENING_RUN = /^((?:[-–+•]\s*|\d{1,4}(?:\.\d{1,3})*[.)]\s*|[a-zđ][.)]\s*)?)\*{1,3}(?=[^\s*])/u;
const CLOSING_RUN = /(?<=[^\s*])\s?\*{1,3}$/;
// "*Đơn vị chủ trì: *Sở Nội vụ": a converter put the closing run after the space.
const LABEL_EMPHASIS = /(?<![\p{L}\p{N}*])(\*{1,3})(?=[^\s*])([^*]*?[^\s*]) \1(?=[^\s*])/gu;

// A markdown heading mark ("## KẾ HOẠCH", "### SỬA ĐỔI …") from a page converted to markdown.
const ATX_HEADING = /^#{1,6}\s+(?=\S)/;

function stripEmphasis(line: string): string {
  if (line[0] === '#') line = line.replace(ATX_HEADING, '');
  const first = line.indexOf('*');
  if (first < 0) return line;
  // A pair needs two asterisks and a closing run one at the very end: most lines with emphasis left
  // have a lone "*" ("(*)") that neither pattern can match, and a scan saved is a line's worth.
  if (line.lastIndexOf('*') > first)
    line = line.replace(PAIRED_EMPHASIS, '$2').replace(LABEL_EMPHASIS, '$2 ');
  line = line.replace(OPENING_RUN, '$1');
  return line.charCodeAt(line.length - 1) === 0x2a ? line.replace(CLOSING_RUN, '') : line;
}

// Anything cleanLine would change besides NFC; most lines of a plan have none of it.
/* eslint-disable no-control-regex */
const NEEDS_CLEANING =
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u1680\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF*[#]/;
/* eslint-enable no-control-regex */

// The same characters, a "\uFFFD" and a double space, in one pattern: the test that lets a line with
// nothing to clean (most lines) leave cleanLine at once. One pattern over the line costs less than
// the pattern and the two searches it replaces (17 against 22–29 ms over the real 5 MB bench text).
/* eslint-disable no-control-regex */
const MAY_NEED_CLEANING =
  /[\u0000-\u001F\u007F-\u00A0\u00AD\u1680\u2000-\u200D\u202F\u205F\u2060\u3000\uFEFF\uFFFD*[#]| {2}/;
/* eslint-enable no-control-regex */

function needsCleaning(s: string): boolean {
  return (
    s.length > 0 &&
    (s[0] === ' ' || s[s.length - 1] === ' ' || s.indexOf('  ') >= 0 || NEEDS_CLEANING.test(s))
  );
}

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Whether another round of cleanLine's loop would leave `s` as it is: nothing left that a step of
 * the round removes (a footnote mark, a run of spaces, a tab, emphasis, a heading mark, spaces at the
 * ends). Saves the round that only confirms it. */
function settled(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32 || s.charCodeAt(0) === 0x23) return false;
  return s.indexOf('[') < 0 && s.indexOf('*') < 0 && s.indexOf('\t') < 0 && s.indexOf('  ') < 0;
}

/** Whether cleanLine leaves `s` as it is, by the one test above. Such a line also holds no tab, no
 * "*" and no "[" (the pattern looks for each), which spares the caller its own searches for them. */
function isPlain(s: string): boolean {
  const n = s.length;
  return n === 0 || (s.charCodeAt(0) !== 32 && s.charCodeAt(n - 1) !== 32 && !MAY_NEED_CLEANING.test(s));
}

/** Clean one physical line (no joining); `raw` is NFC already. */
function cleanLine(raw: string): string {
  if (isPlain(raw)) return raw;
  let s = raw;
  // A stray byte decoded as "�" right after a list number ("4.1.�Triển khai …") must not hide the item.
  if (s.indexOf('\uFFFD') >= 0) s = s.replace(MARKER_BAD_BYTE, '$1 ');
  if (!needsCleaning(s)) return s;
  // Spaces at the ends are the most common artefact by far (a web or PDF copy pads lines).
  const trimmed = trimSpaces(s);
  if (trimmed !== s && !needsCleaning(trimmed)) return trimmed;
  if (ODD_CHARACTER.test(s)) s = s.replace(INVISIBLE, '').replace(CONTROLS, '').replace(ODD_SPACES, ' ');
  // Removing one kind of markup can expose another ("[*1]" → "[1]", "*[1]0" → "*0", ".** " → ".**"
  // → "."): repeat until stable so a second normalisation finds nothing left. Each round only
  // shortens the line.
  for (;;) {
    const before = s;
    if (s.indexOf('[') >= 0) s = s.replace(FOOTNOTE_MARK, '');
    // Runs of spaces collapse to one; spaces around tabs are noise from cell padding. Done without
    // backtracking regexes (" *\t *" on a long run of spaces is quadratic).
    if (s.indexOf('  ') >= 0) s = s.replace(/ {2,}/g, ' ');
    if (s.indexOf('\t') >= 0) {
      // Without a space beside a tab, trimming every cell only trims the two ends.
      s =
        s.indexOf(' \t') >= 0 || s.indexOf('\t ') >= 0
          ? s.split('\t').map(trimSpaces).join('\t')
          : trimSpaces(s);
      // Word's "Save as text" writes a tab after each list number ("3.1.<TAB>Tiếp tục …"): one tab
      // after a marker, and no other, is a space, not a table cell.
      s = s.replace(MARKER_TAB, '$1 $2');
    }
    s = stripEmphasis(trimSpaces(s));
    if (s === before || settled(s)) break;
  }
  // Tabs at the ends stay: an empty first or last cell of a table row still counts.
  return toNFC(trimSpaces(s));
}

const MARKER_BAD_BYTE = /^(\d{1,4}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)]|[-–—+•·])\uFFFD+/u;
const MARKER_TAB =
  /^((?:\d{1,4}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)]|[-–—+•·]))\t+(?=[^\t ])([^\t]*)$/u;
// A list number left alone on its line by the copy ("1." / "Rà soát …"), or "PHẦN I" above its title.
const MARKER_ONLY =
  /^(?:[-–+•]|\d{1,4}(?:\.\d{1,3})*[.)]|[a-zđ][).]|[IVXLC]{1,6}\s*[.)\-–]|(?:PHẦN|Phần)\s+(?:[IVXLC]{1,6}|\d{1,2}|thứ\s+\p{L}+))$/u;
// An all-capitals part heading, which may wrap ("I. MỤC" / "ĐÍCH, YÊU CẦU").
const PART_START = /^(?:(?:PHẦN|Phần)\s+)?(?:[IVX]{1,6}\s*[.\-–)/:]|[A-H]\s*[.\-–)])\s*\S/u;
const HAS_LOWER = /\p{Ll}/u;
const EMPTY_CELLS = /^[\t ]*$/;
// Rules, "|" left from a flattened table, "** **" left from emphasis: no text, but a block boundary.
const DECORATION = /^[|*\-–—_=~\s]+$/;
const CLOSING_LINE = /^(?:Nơi nhận|(?:T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?)\s)/u;
const SIGNATURE_TITLE =
  /(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|THỦ TƯỚNG|BỘ TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG)$/u;
const PERSON_LINE = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}+$/u;

/**
 * Whether the text separates paragraphs with blank lines and wraps lines inside them (web pages,
 * PDF copies). Then a line inside a block continues the one above even when it starts with a capital
 * ("… giáo dục Luật" / "Việc làm …", "Thành phố Hồ Chí" / "Minh, ngày …").
 */
function wrapsInBlocks(lines: readonly string[]): boolean {
  let blank = 0;
  let text = 0;
  let wrapped = 0;
  let prev: string | null = null;
  // Index loops: these run once over every line, and for…of allocated an iterator result per line.
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === '' || isTrimmedDecoration(t)) {
      blank++;
      prev = null;
      continue;
    }
    text++;
    // A hard wrap: the line goes on in lower case after a line that ends no sentence.
    if (prev !== null && !endsSentence(prev) && startsLower(t) && !startsWithMarker(t)) wrapped++;
    prev = t;
  }
  return blank >= 5 && wrapped >= 5 && wrapped * 8 >= text;
}

/** DECORATION.test of a trimmed line. Trimming removes what "\s" matches, so the line can only be a
 * rule when it opens with one of the rule's other characters; most lines open with a letter or a
 * digit and are answered without the pattern. */
function isTrimmedDecoration(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c !== 0x7c && c !== 0x2a && c !== 0x2d && c !== 0x2013 && c !== 0x2014)
    if (c !== 0x5f && c !== 0x3d && c !== 0x7e) return false;
  return DECORATION.test(t);
}

/** Whether `s` ends with one of . ! ? : …, from its last character (an end-anchored pattern would
 * be tried at every position). */
function endsSentence(s: string): boolean {
  return isTerminal(s.charCodeAt(s.length - 1));
}

/** Whether a line ending in this character ends a sentence: . ! ? : … */
function isTerminal(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x2026;
}

/** HAS_LOWER.test of the first character, ASCII answered from its code. */
function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return HAS_LOWER.test(s[0]);
}

/** /^\p{Lu}/u.test(s), ASCII answered from its code. */
function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return /^\p{Lu}/u.test(s);
}

const TRAILING_SUB_NUMBER = / \d{1,3}(?:\.\d{1,3})+\.?$/;
const TRAILING_ITEM_NUMBER = / \d{1,2}\.$/;

function footnoteBody(raw: string): boolean {
  const c = raw.charCodeAt(0);
  return (c === 0x5b || c === 0x20 || c === 0x09) && FOOTNOTE_BODY.test(raw.trim());
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Where a list number glued to the end of a line starts (the index of its space), or -1. */
function trailingNumber(line: string): number {
  if (line.length < 8) return -1;
  // Most lines end with a word or a word and a full stop: ruled out without a regex.
  const last = line.charCodeAt(line.length - 1);
  if (!isDigitCode(last) && !(last === 0x2e && isDigitCode(line.charCodeAt(line.length - 2)))) return -1;
  if (line.indexOf('\t') >= 0) return -1;
  let m = TRAILING_SUB_NUMBER.exec(line);
  if (m) return /(?:số|khoản|điểm|mục|Điều|điều|tại|theo)$/u.test(line.slice(0, m.index)) ? -1 : m.index;
  m = TRAILING_ITEM_NUMBER.exec(line);
  // Only after an all-capitals part heading: "… khoản 2." ends a sentence.
  if (m && PART_START.test(line) && !HAS_LOWER.test(line)) return m.index;
  return -1;
}

/**
 * A PDF's running header or footer ("CÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023"): the same short line
 * with a number in it, three times or more, that is no list item and no sentence.
 */
function runningHeaders(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  // Index loops: these run once over every line, and for…of allocated an iterator result per line.
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    // The cheap tests first: most lines are long, or start in lower case (a wrapped sentence).
    if (t.length < 8 || t.length > 100 || !startsUpper(t) || endsClause(t) || t.indexOf('\t') >= 0) continue;
    if (!/\d/.test(t) || startsWithMarker(t) || /\s(?:chủ trì|phối hợp|thực hiện)\b/u.test(t)) continue;
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [t, n] of counts) if (n >= 3) out.add(cleanLine(t));
  return out;
}

/** /[.;:,]$/.test(s), from the last character. */
function endsClause(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 0x2e || c === 0x3b || c === 0x3a || c === 0x2c;
}

/** Inside a blank-line block: the next line goes on with the paragraph unless it opens another. */
function continuesInBlock(prev: Paragraph, next: string, nextHasCells: boolean): boolean {
  if (prev.hasCells || nextHasCells || startsWithMarker(next)) return false;
  if (next.charCodeAt(0) === 0x110 && ARTICLE_START.test(next)) return false;
  // "8. Trách nhiệm của Bộ Kế hoạch và Đầu tư" / "Trên cơ sở đề nghị …": a numbered agency heading
  // that stops well short of the full line below it is a heading; the capital below starts its text.
  const first = prev.parts[0];
  if (
    prev.parts.length === 1 &&
    first.length >= 20 &&
    first.length <= 80 &&
    next.length >= first.length + 15 &&
    /^\p{Lu}/u.test(next)
  ) {
    const item = NUMBERED_HEADING.exec(first);
    if (item && agencyFromHeading(item[1]) !== null) return false;
  }
  const last = prev.parts[prev.parts.length - 1];
  if (CLOSING_LINE.test(prev.parts[0]) || CLOSING_LINE.test(next)) return false;
  if (!HAS_LOWER.test(last) && (SIGNATURE_TITLE.test(last) || PERSON_LINE.test(next))) return false;
  return !/^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|PHỤ LỤC)\b/u.test(next) || /[,:]$/.test(last);
}

const NUMBERED_HEADING = /^\d{1,3}(?:\.\d{1,3})*\s*[.)]\s*(\S.*)$/u;
// "Điều 2. Tổ chức thực hiện": an article opens a paragraph ("… tại" / "Điều 5 của Luật" goes on).
const ARTICLE_START = /^Điều\s+\d{1,3}\s*[.:](?:\s|$)/u;

interface Paragraph {
  parts: string[];
  /** A sentence was continued across a break (not just a number or a heading put back together). */
  joinedText: boolean;
  line: number;
  /** Kept incrementally so checking a long joined paragraph stays O(1). */
  hasLower: boolean;
  hasCells: boolean;
  /** Every part is a plain line (isPlain): the joined text holds no "*" or "[" to clean again. */
  plain: boolean;
  /** The last character of the last part: a code kept, where a two-character slice per line was
   * a string allocated for every line of the text. */
  lastCode: number;
}

function isLowercaseLetter(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * Whether `next` continues the paragraph `prev` (a page break or a hard line break cut it):
 * `prev` is not a heading (has lowercase, no cell separators) and does not end a sentence, and `next`
 * is not a numbered item and starts in lowercase, with a digit that is not a number, or with "(";
 * or `prev` ended with "," or ";" (a list broken across pages, like the sample's 3.6).
 */
function continues(prev: Paragraph, next: string, nextHasCells: boolean): 'text' | 'marker' | false {
  if (prev.hasCells || nextHasCells) return false;
  if (prev.parts.length === 1 && MARKER_ONLY.test(prev.parts[0])) {
    return startsWithMarker(next) ? false : 'marker';
  }
  if (!prev.hasLower && PART_START.test(prev.parts[0]) && continuesHeading(prev, next)) return 'marker';
  if (!prev.hasLower || isTerminal(prev.lastCode)) return false;
  // "Trang" + "3" would form a page-number line only after joining; keep them apart so a second pass
  // sees exactly what the first produced.
  if (prev.parts.length === 1 && /^(?:trang|page)$/i.test(prev.parts[0])) return false;
  if (startsWithMarker(next)) return false;
  if (prev.lastCode === 0x2c || prev.lastCode === 0x3b) return 'text';
  // "(", a digit or a lower-case letter; ASCII answered from the code (no one-letter string made).
  const c = next.charCodeAt(0);
  if (c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return 'text';
  if (c < 0x80) return false;
  return isLowercaseLetter(next[0]) ? 'text' : false;
}

function continuesHeading(prev: Paragraph, next: string): boolean {
  if (next.length > 150 || HAS_LOWER.test(next) || !/\p{L}/u.test(next)) return false;
  if (isTerminal(prev.lastCode) && prev.lastCode !== 0x3a) return false;
  return !startsWithMarker(next) && !/^(?:KẾ HOẠCH|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|PHỤ LỤC|NƠI NHẬN)\b/u.test(next);
}

function paragraphOf(line: string, lineNo: number, hasCells: boolean, plain: boolean): Paragraph {
  return {
    parts: [line],
    joinedText: false,
    line: lineNo,
    hasLower: HAS_LOWER.test(line),
    hasCells,
    plain,
    lastCode: line.charCodeAt(line.length - 1),
  };
}

/** The input's physical lines: CR, LF, CRLF and the other Unicode breaks each end one. */
function physicalLines(src: string, lfOnly: boolean): string[] {
  // Most text has LF only: a plain split is several times faster than the regex one.
  if (lfOnly) return src.split('\n');
  // Otherwise one scan, cheaper than a regex split: CRLF, CR, LF, VT, FF, NEL, LS and PS each end a
  // line (CRLF counts once).
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c > 0x0d && c !== 0x85 && c !== 0x2028 && c !== 0x2029) continue;
    if (c === 0x0a || c === 0x0b || c === 0x0c || c === 0x85 || c === 0x2028 || c === 0x2029) {
      out.push(src.slice(from, i));
      from = i + 1;
    } else if (c === 0x0d) {
      out.push(src.slice(from, i));
      if (src.charCodeAt(i + 1) === 0x0a) i++;
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * The normalised text as its lines, with each line's place in the input. NFC line by line: a line
 * break is a starter that composes with nothing, so this equals NFC of the whole, and a text with a
 * few decomposed letters (one pasted paragraph) pays for those lines only.
 */
export function normalizeLines(input: string): NormalizedLines {
  const src = typeof input === 'string' ? input : '';
  const lfOnly = !OTHER_BREAKS.test(src);
  const split = physicalLines(src, lfOnly);
  // In place: `split` is this call's own array.
  if (lfOnly) linesToNFC(src, split);
  else if (mayChangeUnderNFC(src)) for (let i = 0; i < split.length; i++) split[i] = toNFC(split[i]);
  // Flattened web tables ("|" lines between cells) become tab-separated rows first.
  const source = src.indexOf('|') >= 0 && /^\s*\|\s*$/m.test(src) ? rebuildPipeTables(split) : null;
  if (source) split.length = source.count;
  const rawLines = split;
  const sourceLine = source ? source.lines : null;
  const running = runningHeaders(rawLines);
  // Hashing a line for the set look-up reads all of it: a line longer than every running header
  // (most lines) is answered by its length.
  let longestRunning = 0;
  for (const t of running) if (t.length > longestRunning) longestRunning = t.length;
  // And a line of a length no header has: the real 5 MB bench text has 54 headers of 25 lengths up
  // to 81 characters, and nine lines in ten are that short.
  const runningLength = new Uint8Array(longestRunning + 1);
  for (const t of running) runningLength[t.length] = 1;
  const out: string[] = [];
  const lineMap: number[] = [];
  const joined = new Set<number>();
  let current: Paragraph | null = null;
  const close = (p: Paragraph) => {
    if (p.joinedText) joined.add(out.length);
    if (p.parts.length === 1) out.push(p.parts[0]);
    else {
      const text = p.parts.join(' ');
      // Emphasis or a footnote mark can span the break ("x *a" / "b* y"): clean the whole again so
      // a second normalisation finds nothing left.
      out.push(!p.plain && (text.indexOf('*') >= 0 || text.indexOf('[') >= 0) ? cleanLine(text) : text);
    }
    lineMap.push(p.line);
  };
  const blocks = wrapsInBlocks(rawLines);
  let sameBlock = false;
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i];
    // Most lines have nothing to clean; knowing it here also answers the search for a tab below.
    const plain = isPlain(raw);
    let line = plain ? raw : cleanLine(raw);
    // "… quan hệ lao động 2.1." / "III. TỔ CHỨC THỰC HIỆN 1.": the next item's number glued to the
    // end of a line by the copy goes back to the front of the next line.
    const cut = trailingNumber(line);
    // "… (phiên bản 3.0." / "7. Trách nhiệm …": the next line has a number of its own.
    if (cut > 0 && i + 1 < rawLines.length && !startsWithMarker(rawLines[i + 1].trimStart())) {
      rawLines[i + 1] = line.slice(cut + 1) + ' ' + rawLines[i + 1];
      line = line.slice(0, cut);
    }
    if (line === '' || isEmptyOrDecoration(line)) {
      sameBlock = false;
      continue;
    }
    // Page numbers, and footnote bodies ("[1] tại Chương trình số …") that a page dump puts at the end.
    if (
      isPageNumber(line) ||
      (line.length <= longestRunning && runningLength[line.length] === 1 && running.has(line)) ||
      footnoteBody(rawLines[i])
    )
      continue;
    // A tab or a bar: looked for once per line, for the joining tests and the paragraph it may open.
    const hasCells = (!plain && line.indexOf('\t') >= 0) || line.indexOf('|') >= 0;
    let how = current ? continues(current, line, hasCells) : false;
    if (how === 'text' && blocks && sameBlock) how = 'marker';
    if (!how && current && blocks && sameBlock && continuesInBlock(current, line, hasCells)) how = 'marker';
    sameBlock = true;
    if (current && how) {
      current.parts.push(line);
      current.joinedText = current.joinedText || how === 'text';
      current.hasLower = current.hasLower || HAS_LOWER.test(line);
      current.hasCells = current.hasCells || hasCells;
      current.plain = current.plain && plain;
      current.lastCode = line.charCodeAt(line.length - 1);
      continue;
    }
    if (current) close(current);
    current = paragraphOf(line, sourceLine ? sourceLine[i] : i + 1, hasCells, plain);
  }
  if (current) close(current);
  return { lines: out, lineMap, joined };
}

/** Only blanks and tabs, or a rule / a stray "|" or "**" (a lone bullet is a marker cut from its text). */
function isEmptyOrDecoration(line: string): boolean {
  const c = line.charCodeAt(0);
  // Every such line starts with one of these; most lines start with a letter or a digit.
  if (!(c === 9 || c === 32 || c === 0x7c || c === 0x2a || c === 0x2d || c === 0x2013 || c === 0x2014))
    if (!(c === 0x5f || c === 0x3d || c === 0x7e)) return false;
  if (EMPTY_CELLS.test(line)) return true;
  const bullet = line.length === 1 && '-–+•'.includes(line);
  return DECORATION.test(line) && !bullet;
}

function isPageNumber(line: string): boolean {
  // The pattern starts with a dash, a digit or "trang"/"page" and ends with a digit or a dash.
  const a = line.charCodeAt(0);
  const z = line.charCodeAt(line.length - 1);
  const dashOrDigit = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2013 || c === 0x2014;
  if (!dashOrDigit(z) || !(dashOrDigit(a) || a === 0x74 || a === 0x54 || a === 0x70 || a === 0x50))
    return false;
  return PAGE_NUMBER_LINE.test(line);
}

export function normalizeWithMap(input: string): NormalizedText {
  const { lines, lineMap, joined } = normalizeLines(input);
  return { text: lines.join('\n'), lineMap, joined };
}

/** NFC, LF, no BOM, artefacts removed, split paragraphs joined. Idempotent. */
export function normalizeText(text: string): string {
  return normalizeWithMap(text).text;
}

/**
 * The document's own facts: the header block (issuer, number, place and date, title), the closing
 * block (signer), and the decision that may carry the plan ("QUYẾT ĐỊNH … Điều 1. Ban hành kèm theo
 * Quyết định này Kế hoạch …", its recipients and signature, then the attached KẾ HOẠCH).
 *
 * Header blocks arrive in many shapes: a two-column table flattened with tabs or "|", each cell on
 * its own line with "|" lines between, "Số:" with the number on the next line, words letter-spaced
 * by a PDF copy ("ỦY B AN NHÂN D Â N"). The reader works on the block's cells in order and on the
 * whole block joined into one string, so a fact cut over two lines is still found.
 */
import { cleanAgencyName } from './agency';
import { isoDate } from './deadline';
import type { PlanLine } from './lines';

export interface Header {
  title: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  place: string | null;
}

const MOTTO =
  /^(?:CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG|H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|[*\-–_=.|\s]+)$/iu;
const MOTTO_ANYWHERE =
  /CỘNG\s+H[OÒ]A\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/giu;
export const TITLE = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|ĐỀ ÁN|PHỤ LỤC)(?=\s|$|:)/u;
// A decision or a resolution that issues the plan ("Ban hành kèm theo Nghị quyết này Kế hoạch …").
const DECISION_TITLE = /^(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)(?=\s|$|:)/u;
// Documents that assign work without being a plan: a party body's conclusions or notice, a directive.
const OTHER_TITLE = /^(?:KẾT LUẬN|THÔNG BÁO|CHỈ THỊ)(?=\s|$|:)/u;
const NUMBER = /(?:^|\s)Số\s*:?\s*(\S*(?:\s*[-/]\s*[\p{L}\d.]+)*)/u;
const PLACE = '((?:(?:TP|Tp)\\.\\s?|Thành phố\\s|Thị xã\\s)?\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*){0,4})';
const PLACE_DATE = new RegExp(
  `(?:^|[\\s|])${PLACE}\\s*,\\s*ngày\\s+(\\d{1,2})?\\s*tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})`,
  'u',
);
const PLACE_DATE_NUMERIC = new RegExp(
  `(?:^|[\\s|])${PLACE}\\s*,\\s*ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`,
  'u',
);
const BARE_DATE = /^ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const INTRO_ISSUER =
  /,\s*([^,]{2,80}?)\s+(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|kế hoạch|chương trình)/u;
const INTRO_TITLE =
  /ban hành\s+((?:Kế hoạch|Chương trình)[^:.(]{0,250}?)(?:\s*,?\s*(?:cụ thể\s+)?như sau|\s*\(|\s*:|\.|$)/u;
const PERSON = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}+$/u;

// Words of header blocks that PDF copies letter-space: matched with optional spaces between letters.
const SPACED_WORDS = [
  'ỦY BAN NHÂN DÂN',
  'UỶ BAN NHÂN DÂN',
  'HỘI ĐỒNG NHÂN DÂN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'BAN CHẤP HÀNH',
  'BAN THƯỜNG VỤ',
  'KẾ HOẠCH',
  'QUYẾT ĐỊNH',
  'CHƯƠNG TRÌNH',
  'THÀNH PHỐ',
  'HỒ CHÍ MINH',
];
const SPACED = SPACED_WORDS.map(
  (w) =>
    [
      new RegExp(
        [...w.replace(/ /g, '')].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ?'),
        'gu',
      ),
      w,
    ] as const,
);

/** Undo letter-spacing of the usual header words and of a document number ("3210/QĐ - UBND"). */
export function repairSpacing(line: string): string {
  let s = line;
  if (/\p{Lu} \p{Lu}/u.test(s)) {
    for (const [re, word] of SPACED) s = s.replace(re, word);
  }
  return s.replace(/(Số\s*:?\s*\d[\p{L}\d.]*(?:\s*[-/]\s*[\p{L}\d.]+)+)/u, (m) =>
    m.replace(/\s*([-/])\s*/g, '$1'),
  );
}

function cellsOf(line: PlanLine): string[] {
  const cells = line.cells ?? line.pipeCells;
  return (cells ?? [line.raw]).map((c) => repairSpacing(c.trim()));
}

function isUpper(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toUpperCase();
}

function isDecoration(s: string): boolean {
  return s === '' || /^[*\-–_=.|\s]+$/.test(s);
}

function dateOf(text: string): { place: string | null; issuedOn: string | null } | null {
  const d = PLACE_DATE.exec(text);
  if (d) return { place: d[1], issuedOn: d[2] ? isoDate(+d[4], +d[3], +d[2]) : null };
  const dn = PLACE_DATE_NUMERIC.exec(text);
  if (dn) return { place: dn[1], issuedOn: isoDate(+dn[4], +dn[3], +dn[2]) };
  return null;
}

function numberOf(text: string): string | null | undefined {
  const n = NUMBER.exec(text);
  if (!n) return undefined;
  const token = n[1].replace(/\s+/g, '').replace(/[.,;|]+$/, '');
  // "Số hiệu:", "Số công báo:" (a law site's metadata labels) are not the document's "Số …".
  if (/^\p{L}/u.test(token)) return undefined;
  return /^\d/.test(token) ? token : null;
}

/** The header block: the lines before the body (or before the attached plan's body). */
export function readHeader(lines: readonly PlanLine[]): Header {
  const h: Header = { title: '', number: null, issuedOn: null, issuer: null, place: null };
  const issuerParts: string[] = [];
  let issuerDone = false;
  let titleAt = -1;
  let numberSeen = false;
  const texts = lines.map((l) => repairSpacing(l.raw));
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]);
    const first = cells[0];
    if (
      titleAt < 0 &&
      (TITLE.test(texts[i]) || DECISION_TITLE.test(texts[i]) || OTHER_TITLE.test(texts[i]))
    ) {
      titleAt = i;
      issuerDone = true;
    }
    if (titleAt >= 0) break;
    for (const cell of cells) {
      if (!numberSeen && /^Số(?!\p{L})/u.test(cell)) {
        const n = numberOf(cell);
        if (n !== undefined) {
          numberSeen = true;
          h.number = n;
          issuerDone = true;
        }
      }
    }
    if (!issuerDone) {
      if (isUpper(first) && !MOTTO.test(first) && first.length <= 120 && !/^SỐ(?!\p{L})/u.test(first)) {
        // "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH -------": the rule under the name is no part of it.
        issuerParts.push(first.replace(/\s*[-–_=*]{3,}$/u, ''));
      } else if (issuerParts.length > 0 || (!MOTTO.test(first) && !isDecoration(first) && !isUpper(first))) {
        issuerDone = true;
      }
    }
  }
  // Facts cut over lines ("Số:" / "3210/QĐ-UBND", "Bình Định, ngày" / "29 tháng 04 năm 2021").
  const block = texts
    .slice(0, titleAt >= 0 ? titleAt : texts.length)
    .filter((t) => !isDecoration(t))
    .join(' ')
    .replace(MOTTO_ANYWHERE, ' | ');
  if (!numberSeen) {
    const n = numberOf(block);
    if (n !== undefined) h.number = n;
  }
  const date = dateOf(block) ?? dateOf(texts.slice(0, Math.min(texts.length, 40)).join(' '));
  if (date) {
    h.place = date.place;
    h.issuedOn = date.issuedOn;
  } else {
    const bare = lines
      .slice(0, titleAt >= 0 ? titleAt : lines.length)
      .flatMap(cellsOf)
      .map((c) => BARE_DATE.exec(c))
      .find((m) => m !== null);
    if (bare) h.issuedOn = bare[1] ? isoDate(+bare[3], +bare[2], +bare[1]) : null;
  }
  if (issuerParts.length > 0) h.issuer = issuerParts.join(' ');
  if (titleAt >= 0) h.title = titleFrom(texts, titleAt);
  else {
    const named = texts.find(
      (l) => /^(?:Kế hoạch|Chương trình hành động|Chương trình)\s/u.test(l) && l.length <= 300,
    );
    if (named) h.title = named;
  }
  const intro = texts.join('\n');
  if (!h.title) {
    const t = INTRO_TITLE.exec(intro);
    if (t) h.title = t[1].trim();
    else if (texts.length > 0) h.title = texts[0].slice(0, 200);
  }
  if (!h.issuer) {
    const m = INTRO_ISSUER.exec(intro);
    if (m) h.issuer = cleanAgencyName(m[1]);
  }
  return h;
}

const ISSUED_WITH = /^\(?\s*(?:Ban hành |Kèm theo |kèm theo )/u;

function titleFrom(texts: readonly string[], at: number): string {
  let title = texts[at];
  const next = texts[at + 1];
  // A bare "KẾ HOẠCH" is followed by its subject line ("thực hiện Nghị quyết …"); the intro
  // paragraph that ends with ":" and the "(Ban hành kèm theo …)" line are not part of the title.
  if (
    next !== undefined &&
    title.length < 60 &&
    !TITLE.test(next) &&
    next.length <= 400 &&
    !/:$/.test(next) &&
    !ISSUED_WITH.test(next)
  ) {
    title = `${title} ${next}`;
  }
  return title;
}

/** The signer: the last person's name in the closing block. */
export function readSigner(footer: readonly PlanLine[]): { signer: string | null; body: string | null } {
  // The closing blocks of a long text run to thousands of lines; the signer is near their end and
  // the "T/M" line near their start, so each line's cells are read (and their spacing repaired) only
  // when the search reaches it, and at most once.
  const read: Array<string[] | undefined> = new Array<string[] | undefined>(footer.length);
  const cellsAt = (i: number): string[] => (read[i] ??= cellsOf(footer[i]).filter((c) => c !== ''));
  let signer: string | null = null;
  let last: string | null = null;
  for (let i = footer.length - 1; i >= 0 && signer === null; i--) {
    const cells = cellsAt(i);
    for (let k = cells.length - 1; k >= 0; k--) {
      last ??= cells[k];
      if (PERSON.test(cells[k])) {
        signer = cells[k];
        break;
      }
    }
  }
  if (!signer && last !== null) {
    // "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp": a closing block copied onto one line.
    const m = /(?:^|\p{Lu}\s)((?:\p{Lu}\p{Ll}+\s){1,4}\p{Lu}\p{Ll}+)$/u.exec(last);
    if (m) signer = m[1];
  }
  let tm: string | undefined;
  for (let i = 0; i < footer.length && tm === undefined; i++)
    tm = cellsAt(i).find((l) => /^(?:T\/M|TM\.?)\s/u.test(l));
  return { signer, body: tm ? tm.replace(/^(?:T\/M|TM\.?)\s*/u, '').trim() : null };
}

const DECISION_ANYWHERE = /(?:^|\s)(?:QUYẾT ĐỊNH|NGHỊ QUYẾT)(?=\s|:|$)/u;
const TITLE_ANYWHERE = /(?:^|\s)(?:KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|ĐỀ ÁN)(?=\s|$)/u;

export interface AttachedPlan {
  /** Line where the attached plan's title is. */
  line: number;
  /** Offset of the title in that line (a page dump glues it to the decision's signature). */
  offset: number;
}

/**
 * Where the plan a decision carries starts, or null. A decision opens with "QUYẾT ĐỊNH" (before any
 * KẾ HOẠCH title), issues the plan in an article ("Ban hành kèm theo Quyết định này …"), closes
 * with its recipients and signature; the plan's own title comes after that.
 */
export function attachedPlanStart(lines: readonly PlanLine[]): AttachedPlan | null {
  let decision = false;
  let issues = false;
  let closed = false;
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const raw = lines[i].raw;
    const t = raw.length < 300 && /\p{Lu} \p{Lu}/u.test(raw) ? repairSpacing(raw) : raw;
    if (!decision) {
      if (TITLE.test(t)) return null;
      if (DECISION_TITLE.test(t) || (i < 40 && DECISION_ANYWHERE.test(t))) decision = true;
      continue;
    }
    if (/(?:Ban hành|Phê duyệt|ban hành|phê duyệt)\s+(?:kèm theo|theo)/u.test(t)) issues = true;
    if (!issues) continue;
    if (lines[i].kind === 'footer') closed = true;
    if (TITLE.test(t) && !/^PHỤ LỤC/u.test(t)) {
      const below = lines.slice(i + 1, i + 4).some((l) => ISSUED_WITH.test(l.raw));
      if (closed || below) return { line: i, offset: 0 };
    }
    // "… Nguyễn Hữu Tháp CHƯƠNG TRÌNH HÀNH ĐỘNG …": the title glued to the signature.
    if (closed && lines[i].kind === 'footer') {
      const m = TITLE_ANYWHERE.exec(t);
      if (m && m.index > 0) return { line: i, offset: m.index + (m[0][0] === ' ' ? 1 : 0) };
    }
    if (closed && (lines[i].kind === 'part' || lines[i].kind === 'upper')) return { line: i, offset: 0 };
  }
  return null;
}

/** "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2024 …)": the decision's number and date. */
export function issuedWith(line: string): { number: string | null; issuedOn: string | null } | null {
  const at = line.search(/\((?:Ban hành |Kèm theo |kèm theo )/u);
  if (!ISSUED_WITH.test(line) && at < 0) return null;
  line = at >= 0 ? line.slice(at) : line;
  const n = /số\s*:?\s*(\d[\p{L}\d./-]*)/iu.exec(line);
  const d =
    /ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(line) ??
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(line);
  return {
    number: n ? n[1].replace(/[.,;]+$/, '') : null,
    issuedOn: d ? isoDate(+d[3], +d[2], +d[1]) : null,
  };
}

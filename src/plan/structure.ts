/**
 * Line classification for normalised plan text: part headings, numbered items, points, bullets,
 * table rows, footer starts. Every pattern is anchored at the line start and has no nested
 * quantifiers, so classifying a line costs time proportional to its length at most.
 */
import { toNFC } from './nfc';

export type LineKind =
  'part' | 'upper' | 'appendix' | 'footer' | 'row' | 'item' | 'point' | 'dash' | 'plus' | 'text';

export interface ClassifiedLine {
  kind: LineKind;
  /** Nesting rank: smaller is higher (part 0, item 1, sub-item 2+, point 10, dash 11, plus 12, text 20). */
  rank: number;
  /** Number as printed, normalised ("1", "1.2", "a", Roman for parts). Empty for bullets and text. */
  number: string;
  /** Line without its marker. */
  text: string;
  cells?: string[];
  /** A numbered line that also holds "|": its cells, used only when a table is open around it. */
  pipeCells?: string[];
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const PART = /^(?:(?:PHẦN|Phần)\s+)?([IVX]{1,6})\s*[.\-–)/:]\s*(?!\d)(\S.*)$/u;
// "PHẦN I" / "Phần thứ hai" above Roman parts: a part of parts, its title on the same line once joined.
const UPPER_PART = /^(?:PHẦN|Phần)\s+([IVX]{1,6}|\d{1,2}|thứ\s+\p{L}+)(?:\s*[.:\-–]\s*|\s+)(\S.*)?$/u;
const LETTER_PART = /^([A-H])\s*[.\-–)]\s+(\p{Lu}.{2,200})$/u;
// "Điều 2. Tổ chức thực hiện": an article of a resolution or decision that states the plan in its
// own articles, titled like a part. An article that is a sentence ("Điều 2. Quyết định này có hiệu
// lực …", "Điều 2. Giao Vụ Pháp chế chủ trì …") is no heading.
const ARTICLE = /^Điều\s+(\d{1,2})\s*[.:]\s*(\p{Lu}[^.;:()]{2,60})$/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:[IVX]{1,5}|\d{1,2}|số\s*\d{1,2}))?\s*[.:]?(?:\s|$)/u;
const FOOTER = /^(?:Nơi nhận\s*:?|(?:T\/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s*\p{Lu}[\p{Lu}\s]{2,})/u;
const SUB = /^(\d{1,4}(?:\.\d{1,3}){1,7})\.?(?:\s*[)\-–]\s*|\s+)(\S.*)$/u;
// "2.1.a. Thành lập Ban Chỉ đạo …": a lettered point numbered under its item, one level below it.
const SUB_LETTER = /^(\d{1,4}(?:\.\d{1,3}){0,6}\.[a-zđ])[.)]\s+(\S.*)$/u;
// Up to 4 digits with "."/")", but a 4-digit number before "-" is a year range ("2021 - 2025").
const ITEM = /^(\d{1,4})(?:\s*[.)]\s*|(?<=^\d{1,3})\s*[-–]\s+)(\S.*)$/u;
const POINT = /^([a-zđ])\s*[).]\s+(\S.*)$/u;
// "-2 %" is a negative number, not a bullet.
const DASH = /^(?:[-–—](?!\d)|[•·*])\s*(.*)$/u;
const PLUS = /^\+\s*(.*)$/u;

export function splitCells(line: string): string[] | null {
  if (line.indexOf('\t') >= 0) return line.split('\t').map((c) => c.trim());
  if (line.indexOf('|') < 0) return null;
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length > 0 && cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells.length >= 2 ? cells : null;
}

const MARKER_START = /^(?:\d{1,4}(?:\.\d{1,3})*\s*[.)]|[a-zđ]\s*[).]\s|[-–—+•]\s)/u;

export function classifyLine(line: string): ClassifiedLine {
  const cells = splitCells(line);
  // A numbered task line that quotes "a | b" is a task, not a table row; an open table may still
  // claim it (the outline knows, this line alone does not).
  if (cells && line.indexOf('\t') < 0 && line[0] !== '|' && MARKER_START.test(line)) {
    const c = classifyMarked(line);
    if (c.kind !== 'text') return { ...c, pipeCells: cells };
  }
  if (cells) {
    // The closing block is often a two-column table: "Nơi nhận:<tab>T/M BAN THƯỜNG VỤ".
    if (FOOTER.test(cells[0]) || (cells[0] === '' && cells.length > 1 && FOOTER.test(cells[1]))) {
      return { kind: 'footer', rank: 0, number: '', text: line, cells };
    }
    return { kind: 'row', rank: 30, number: '', text: line, cells };
  }
  return classifyMarked(line);
}

function classifyMarked(line: string): ClassifiedLine {
  // Every pattern below is anchored and opens with a known set of characters: the first one tells
  // which of them can match at all, so a line of text is not tried with a dozen patterns that fail.
  const c = line.charCodeAt(0);
  const digit = c >= 0x30 && c <= 0x39;
  const lower = (c >= 0x61 && c <= 0x7a) || c === 0x111;
  if (!digit && !lower) {
    const marked = classifyHeading(line, c);
    if (marked) return marked;
  }
  let m: RegExpExecArray | null;
  if (digit) {
    m = SUB_LETTER.exec(line);
    if (m) return { kind: 'item', rank: m[1].split('.').length, number: m[1], text: m[2] };
    m = SUB.exec(line);
    // "12.173 tỷ đồng": a thousands separator, not an outline number.
    if (m && !(/\.\d{3}$/.test(m[1]) && !/^\d{1,4}(?:\.\d{1,3})+\./.test(line)))
      return { kind: 'item', rank: m[1].split('.').length, number: m[1], text: m[2] };
    m = ITEM.exec(line);
    if (m) return { kind: 'item', rank: 1, number: m[1], text: m[2] };
  } else if (lower) {
    m = POINT.exec(line);
    if (m) return { kind: 'point', rank: 10, number: m[1], text: m[2] };
  } else if (DASH_START.has(c)) {
    m = DASH.exec(line);
    if (m && m[1] !== '') return { kind: 'dash', rank: 11, number: '', text: m[1] };
  } else if (c === 0x2b) {
    m = PLUS.exec(line);
    if (m && m[1] !== '') return { kind: 'plus', rank: 12, number: '', text: m[1] };
  }
  return { kind: 'text', rank: 20, number: '', text: line };
}

// The characters DASH can start with.
const DASH_START = new Set([0x2d, 0x2013, 0x2014, 0x2022, 0xb7, 0x2a]);

/** Footer, appendix and part lines (their patterns open with a capital letter), or null. */
function classifyHeading(line: string, c: number): ClassifiedLine | null {
  // FOOTER opens with N, T, K or Q.
  if ((c === 0x4e || c === 0x54 || c === 0x4b || c === 0x51) && FOOTER.test(line))
    return { kind: 'footer', rank: 0, number: '', text: line };
  let m: RegExpExecArray | null;
  if (c === 0x50) {
    if (APPENDIX.test(line) && line.length <= 200)
      return { kind: 'appendix', rank: 0, number: '', text: line };
    m = UPPER_PART.exec(line);
    if (m && line.length <= 250) return { kind: 'upper', rank: 0, number: m[1], text: (m[2] ?? '').trim() };
  }
  m = c === 0x50 || c === 0x49 || c === 0x56 || c === 0x58 ? PART.exec(line) : null;
  if (m && ROMAN.test(m[1]) && m[2].length <= 250) {
    // "I) Bộ Y tế chủ trì …" after "k)": the point l) typed as a capital I, not a part.
    const closer = line.slice(m[1].length).trimStart()[0];
    if (closer === ')' && /\p{Ll}/u.test(m[2])) {
      if (m[1] === 'I') return { kind: 'point', rank: 10, number: 'l', text: m[2].trim() };
    } else return { kind: 'part', rank: 0, number: m[1], text: m[2].trim() };
  }
  // Some plans put lettered parts above the Roman ones: "B. NHIỆM VỤ, GIẢI PHÁP" (an all-caps heading).
  m = c >= 0x41 && c <= 0x48 ? LETTER_PART.exec(line) : null;
  if (m && !/\p{Ll}/u.test(m[2])) return { kind: 'upper', rank: 0, number: m[1], text: m[2].trim() };
  if (c === 0x110) {
    m = ARTICLE.exec(line);
    if (m && !/\s(?:này|chủ trì|có hiệu lực)(?:\s|$)/u.test(m[2]))
      return { kind: 'part', rank: 0, number: `Đ${m[1]}`, text: m[2].trim() };
  }
  return null;
}

// What a part's heading says it holds. Reviews, purposes, targets, resources and slogans hold no
// tasks (except an explicit assignment, which the task pass picks up anywhere).
const ALWAYS_CONTEXT =
  /^(?:ĐÁNH GIÁ|TÌNH HÌNH|KẾT QUẢ|BỐI CẢNH|CĂN CỨ|SỰ CẦN THIẾT|KINH PHÍ|NGUỒN (?:LỰC|KINH PHÍ|VỐN)|KHẨU HIỆU|ĐỐI TƯỢNG|PHẠM VI|THỰC TRẠNG|DỰ TOÁN|HIỆU LỰC)/u;
const CONTEXT_WORDS = /^(?:MỤC ĐÍCH|YÊU CẦU|MỤC TIÊU|QUAN ĐIỂM|CHỈ TIÊU|ĐỊNH HƯỚNG)/u;
const TASK_WORDS =
  /NHIỆM VỤ|CHẾ ĐỘ (?:THÔNG TIN,? )?BÁO CÁO|GIẢI PHÁP|TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|TRÁCH NHIỆM|NỘI DUNG|CÁC HOẠT ĐỘNG|HOẠT ĐỘNG (?:CHỦ YẾU|TRỌNG TÂM|CỤ THỂ)|CÔNG VIỆC|LỘ TRÌNH|TIẾN ĐỘ|CÔNG TÁC TRỌNG TÂM/u;

/** Purpose/target parts are context; task, solution and implementation parts hold tasks. */
export function sectionKind(heading: string): 'context' | 'tasks' {
  return explicitKind(heading) ?? 'context';
}

/** The kind a heading states, or null when it states none (a sub-part then takes its parent's). */
export function explicitKind(heading: string): 'context' | 'tasks' | null {
  const h = toNFC(heading).toUpperCase().trim();
  if (ALWAYS_CONTEXT.test(h)) return 'context';
  if (CONTEXT_WORDS.test(h)) return /NHIỆM VỤ|GIẢI PHÁP/u.test(h) ? 'tasks' : 'context';
  if (TASK_WORDS.test(h)) return 'tasks';
  return null;
}

/** Kind of a part whose heading was lost, judged from its first item ("1. Mục đích" → context). */
export function inferredKind(firstItemText: string): 'context' | 'tasks' {
  const h = toNFC(firstItemText).toUpperCase();
  return CONTEXT_WORDS.test(h) || ALWAYS_CONTEXT.test(h) ? 'context' : 'tasks';
}

/**
 * Deadline notes: "(thực hiện thường xuyên)", "(hoàn thành trong quý II/2023)", "trước ngày 30/6/2023",
 * a "Thời gian" column value… classified into ongoing / due (with the resolved ISO date) / periodic /
 * external / none, the note kept as written. Dates are day/month/year with "/", "-" or "."; a date
 * without a year takes the plan's year.
 */
import { toNFC } from './nfc';
import type { Deadline } from './types';

const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function endOfMonth(year: number, month: number): string | null {
  if (month < 1 || month > 12) return null;
  return isoDate(year, month, lastDayOfMonth(year, month));
}

const ONGOING = /thường xuyên|liên tục/u;
const PERIODIC =
  /h[ằà]ng (?:năm|quý|tháng|tuần|kỳ|ngày)|định kỳ|mỗi (?:năm|quý|tháng)|(?:06|6|03|3) tháng (?:một lần|\/lần)|theo (?:quý|tháng|năm)\b/u;
const EXTERNAL =
  /sau khi (?:có |nhận được )?(?:hướng dẫn|kế hoạch|văn bản|quyết định|chỉ đạo)|sau khi [^()]{0,120}(?:ban hành|phê duyệt|có hiệu lực|được giao|có hướng dẫn|thông qua)|khi có (?:hướng dẫn|yêu cầu|chỉ đạo|văn bản)|theo (?:kế hoạch|hướng dẫn|lộ trình|chỉ đạo|yêu cầu|tiến độ|quy định|đề nghị|thời gian)(?: chung)?(?: của| do)? (?:trung ương|cấp trên|bộ|ban bí thư|bộ chính trị|chính phủ|thủ tướng|tỉnh|ban thường vụ|ban chỉ đạo|cơ quan)|(?:^|\s)theo (?:tiến độ|yêu cầu|lộ trình|hướng dẫn|kế hoạch|chỉ đạo)(?:,? (?:và )?(?:tiến độ|yêu cầu|lộ trình|hướng dẫn|kế hoạch|chỉ đạo))*(?: chung)?(?: của| do)? (?:trung ương|cấp trên|bộ|ban bí thư|bộ chính trị|chính phủ|thủ tướng|tỉnh|ban thường vụ|ban chỉ đạo|cơ quan|các bộ|ubnd|ủy ban|uỷ ban)|^(?:thực hiện |triển khai )?(?:đảm bảo )?theo (?:tiến độ|yêu cầu|lộ trình|kết quả|đề xuất)|^khi có |đến khi (?:kết thúc|hoàn thành|hoàn tất)/u;
// "năm 2025 và các năm tiếp theo": ongoing from that year on, the year kept as the first due date.
const ONGOING_FROM = /(?:và|,)\s*(?:các|những) năm (?:tiếp theo|sau|tiếp)/u;

// One alternation, longest forms first, so "30/6/2023" is read as a date and not as the year 2023.
const DATE_TOKENS = new RegExp(
  [
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/.source, // 1-3
    /(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})(?![\d/])/.source, // 4-6
    /tháng\s+(\d{1,2})\s*(?:[/-]|,?\s*năm)\s*(\d{4})(?!\d)/.source, // 7-8
    /qu[ýí]\s+(iv|i{1,3}|[1-4])\s*(?:[/-]|,?\s*năm|,)?\s*(\d{4})(?!\d)/.source, // 9-10
    /(6|06|sáu) tháng (đầu|cuối) năm\s*(\d{4})(?!\d)/.source, // 11-13
    /(?<![\d/.])((?:19|20|21)\d{2})(?![\d/]|-[A-Za-zĐđ])/.source, // 14
    /(?<![\d/.-])(\d{1,2})\s?[/.-]\s?(\d{1,2})(?![\d/.-]*\d)/.source, // 15-16
    /(?<![\d/.-])(\d{1,2})\s?[/-]\s?((?:19|20|21)\d{2})(?![\d/])/.source, // 17-18: "6/2025"
    /qu[ýí]\s+((?:iv|i{1,3}|[1-4])(?:\s*(?:,|và|-|–)\s*(?:iv|i{1,3}|[1-4]))+)\s*(?:[/-]|,?\s*năm)\s*(\d{4})(?!\d)/
      .source, // 19-20: "Quý II, III/2015"
    /tháng\s+(\d{1,2})(?!\s*(?:[/-]|,?\s*năm|\d))(?=\s*$|\s*[.;,)])/.source, // 21: "Tháng 3" in a time column
    // 22-24: a span of months, "tháng 3-12", "tháng 01 - 12/2014", "tháng 5 đến tháng 12": its last month.
    /tháng\s+(\d{1,2})\s*(?:[-–]|đến)\s*(?:tháng\s*)?(\d{1,2})(?:\s*[/-]\s*(\d{4}))?(?![\d/])/.source,
  ].join('|'),
  'gu',
);

/**
 * The latest date mentioned in a note (a range "2021-2025" or "từ tháng 3 đến tháng 12/2023" ends at
 * its last date), or undefined when it mentions none. A day/month without a year uses `planYear`;
 * without one the due date is unknown (null).
 */
export function latestDate(note: string, planYear: number | null): string | null | undefined {
  const s = note.toLowerCase();
  let best: string | null | undefined = undefined;
  // A bare year that a quarter, month or date of the same year also names ("năm 2020 hoàn thành
  // trong quý II/2020") only sets the context.
  const years: number[] = [];
  const specificYears = new Set<number>();
  // "Tháng 3" alone takes the year the note names elsewhere ("Tháng 11, 12/2013"), else the plan's.
  const months: number[] = [];
  const consider = (d: string | null) => {
    if (d === null) {
      if (best === undefined) best = null;
      return;
    }
    if (best === undefined || best === null || d > best) best = d;
  };
  DATE_TOKENS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_TOKENS.exec(s))) {
    if (m[1]) consider(isoDate(+m[3], +m[2], +m[1]));
    else if (m[4]) consider(isoDate(+m[6], +m[5], +m[4]));
    else if (m[7]) consider(endOfMonth(+m[8], +m[7]));
    else if (m[9]) {
      const q = ROMAN_QUARTER[m[9]];
      consider(endOfMonth(+m[10], q * 3));
    } else if (m[11]) consider(m[12] === 'đầu' ? isoDate(+m[13], 6, 30) : isoDate(+m[13], 12, 31));
    else if (m[14]) years.push(+m[14]);
    else if (m[15]) {
      const day = +m[15];
      const month = +m[16];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
        consider(planYear ? isoDate(planYear, month, day) : null);
      }
    } else if (m[17]) consider(endOfMonth(+m[18], +m[17]));
    else if (m[19]) {
      const last = m[19].split(/\s*(?:,|và|-|–)\s*/u).pop() ?? '';
      const q = ROMAN_QUARTER[last];
      if (q) consider(endOfMonth(+m[20], q * 3));
    } else if (m[21]) months.push(+m[21]);
    else if (m[22]) {
      if (m[24]) consider(endOfMonth(+m[24], +m[23]));
      else months.push(+m[23]);
    }
    const y = m[3] ?? m[6] ?? m[8] ?? m[10] ?? m[13] ?? m[18] ?? m[20] ?? m[24];
    if (y) specificYears.add(+y);
  }
  for (const y of years) if (!specificYears.has(y)) consider(isoDate(y, 12, 31));
  const noteYear =
    specificYears.size > 0 ? Math.max(...specificYears) : years.length > 0 ? Math.max(...years) : planYear;
  for (const month of months) consider(noteYear ? endOfMonth(noteYear, month) : null);
  return best;
}

/**
 * Classify one note (the text inside the parentheses, or a "Thời gian" cell). Returns null when the
 * text is not a deadline at all. Order: higher body's schedule, recurring, ongoing, then dates.
 */
export function classifyDeadline(raw: string, planYear: number | null = null): Deadline | null {
  const note = raw.replace(/\s+/g, ' ').trim();
  if (note === '') return null;
  const s = toNFC(note).toLowerCase();
  const from = ONGOING_FROM.exec(s);
  if (from) return { category: 'ongoing', raw: note, due: null };
  if (EXTERNAL.test(s)) return { category: 'external', raw: note, due: null };
  if (PERIODIC.test(s)) return { category: 'periodic', raw: note, due: null };
  if (ONGOING.test(s)) return { category: 'ongoing', raw: note, due: null };
  const due = latestDate(s, planYear);
  if (due !== undefined) return { category: 'due', raw: note, due };
  return null;
}

// What a parenthesised note must start with to be read as a deadline: "(khóa XII)" or
// "(sau đây gọi là …)" are not deadlines.
const NOTE_CUE =
  /^(?:thực hiện|hoàn thành|trong|trước|chậm nhất|quý|tháng|năm|h[ằà]ng|định kỳ|giai đoạn|đến|theo (?:kế hoạch|hướng dẫn|lộ trình|chỉ đạo|yêu cầu|tiến độ)|thường xuyên|liên tục|từ|xong|ngày|\d|cuối|đầu|6 tháng|sáu tháng|thời gian|thời hạn|báo cáo|tổ chức|triển khai|sau khi)/u;

/** "Tháng 11/2025 (sau khi … ban hành Hướng dẫn)": a date, and the condition in brackets: both notes. */
function datedWithCondition(raw: string, planYear: number | null): Deadline[] | null {
  if (raw.indexOf('(') < 0) return null;
  const note = raw.replace(/\s+/g, ' ').trim();
  const s = toNFC(note).toLowerCase();
  const inside = /\(([^()]*)\)/u.exec(s);
  const outside = s.replace(/\([^()]*\)/gu, ' ');
  if (
    !inside ||
    !EXTERNAL.test(inside[1]) ||
    EXTERNAL.test(outside) ||
    PERIODIC.test(outside) ||
    ONGOING.test(outside)
  )
    return null;
  const due = latestDate(outside, planYear);
  if (!due) return null;
  return [
    { category: 'due', raw: note, due },
    { category: 'external', raw: note, due: null },
  ];
}

/** "Theo lộ trình triển khai Đề án, … hoàn thành trong năm 2025": an outside schedule that still
 * fixes when the work must be done. Both notes; only a date after "hoàn thành" counts (a date in
 * the schedule's own name is no deadline). */
function scheduledWithDue(raw: string, planYear: number | null): Deadline[] | null {
  const note = raw.replace(/\s+/g, ' ').trim();
  const s = toNFC(note).toLowerCase();
  const schedule = EXTERNAL.exec(s);
  if (!schedule) return null;
  const done = s.indexOf('hoàn thành', schedule.index + schedule[0].length);
  if (done < 0) return null;
  const due = latestDate(s.slice(done), planYear);
  if (!due) return null;
  return [
    { category: 'external', raw: note, due: null },
    { category: 'due', raw: note, due },
  ];
}

// Plans repeat their notes ("Thường xuyên", "Năm 2025", "Quý IV/2025" in row after row): each note
// is read once per plan year and handed out as fresh copies (callers own what they get).
const NOTES_READ = new Map<string, readonly Deadline[]>();
const NOTES_KEPT = 5000;
const NOTE_KEPT_LENGTH = 200;

/**
 * One note that may hold several ("Tháng 12/2013 và thường xuyên", "trước ngày 28/2 và trước ngày
 * 10/11/2023"): each part when every part is a deadline, else the note as one.
 */
export function classifyNotes(raw: string, planYear: number | null = null): Deadline[] {
  // A long note is one sentence of its own, seldom repeated: not worth the memory.
  if (raw.length > NOTE_KEPT_LENGTH) return readNotes(raw, planYear);
  const key = `${planYear ?? ''}|${raw}`;
  let read = NOTES_READ.get(key);
  if (read === undefined) {
    read = readNotes(raw, planYear);
    if (NOTES_READ.size >= NOTES_KEPT) NOTES_READ.clear();
    NOTES_READ.set(key, read);
  }
  return read.map((d) => ({ category: d.category, raw: d.raw, due: d.due }));
}

function readNotes(raw: string, planYear: number | null): Deadline[] {
  const lower = raw.toLowerCase();
  // "Thường xuyên hằng năm": a standing duty that is also reported each year.
  if (
    ONGOING.test(lower) &&
    PERIODIC.test(lower) &&
    !EXTERNAL.test(lower) &&
    latestDate(lower, planYear) === undefined
  ) {
    const note = raw.replace(/\s+/g, ' ').trim();
    return [
      { category: 'ongoing', raw: note, due: null },
      { category: 'periodic', raw: note, due: null },
    ];
  }
  const dated = datedWithCondition(raw, planYear) ?? scheduledWithDue(raw, planYear);
  if (dated) return dated;
  const pieces = raw.split(/\s+và\s+|;\s*/u).filter((p) => p.trim() !== '');
  if (pieces.length > 1) {
    const each = pieces.map((p) => classifyDeadline(p, planYear));
    if (each.every((d): d is Deadline => d !== null)) return each;
  }
  const one = classifyDeadline(raw, planYear);
  return one ? [one] : [];
}

// A recurring duty stated anywhere in the sentence ("Hằng năm thực hiện …", "báo cáo định kỳ hằng quý").
// "Định kỳ …" opening the sentence, "… định kỳ và đột xuất." closing a clause, "tổng hợp định kỳ …".
const PERIODIC_TEXT =
  /^\s*định kỳ(?=\s)|(?:[;,:]|\svà)\s*định kỳ(?=\s+(?:báo cáo|tổng hợp|sơ kết|tổng kết|kiểm tra|đánh giá|rà soát|giao ban|họp|cập nhật|thông tin)(?=[\s,]))|\sđịnh kỳ(?=\s+(?:và|hoặc)\s+đột xuất|\s*[.;]|$)|(?:tổng hợp|báo cáo|kiểm tra|giám sát) định kỳ(?=\s)|(?:định kỳ\s+)?h[ằà]ng (?:năm|quý|tháng|tuần|ngày)|định kỳ (?:\d{1,2}|sáu|ba) tháng(?: (?:một lần|\/lần))?|mỗi (?:năm|quý|tháng)(?: một lần)?/iu;
// Every alternative of PERIODIC_TEXT holds one of these words (same flags, so the same letters match):
// a sentence without them, most of them, is spared the long pattern. A new alternative that holds
// none of them must add its word here.
const PERIODIC_WORDS = /định kỳ|h[ằà]ng |mỗi /iu;
// Not the budget's "chi thường xuyên" (recurrent spending), nor "thường xuyên hơn", nor what happens
// often ("vùng thường xuyên xảy ra thiên tai").
const ONGOING_TEXT = /(?<!\schi)(?:^|\s)thường xuyên(?=[\s,.;]|$)(?!\s+(?:hơn|xảy ra|bị|gặp))/iu;
// Anchored on its keyword (an optional verb in front made every position a possible start). The
// tail is optional: "…, hoàn thành trong năm 2025." ends its sentence with the year.
const DATED_CLAUSE =
  /(?:trước ngày|chậm nhất (?:vào |là )?ngày|trong (?:quý|tháng)|trong năm \d{4}|trong giai đoạn)(?:\s[^.;()\n]{1,40})?/giu;

const TIME_LINE = /(?:^|\n)[-+•\s]*thời (?:gian|hạn)(?: thực hiện| hoàn thành)?\s*:\s*([^\n]{1,200})/iu;

function firstSentence(text: string): string {
  const end = text.search(/[.!?](?:\s+\p{Lu}|\n)|\n/u);
  return end >= 0 ? text.slice(0, end + 1) : text;
}

/**
 * A task's "Thời gian:" line; else the deadline notes written in parentheses in its text, in order;
 * else (unless `notesOnly`, for a group's heading) a recurring phrase or its dated clauses.
 */
export function extractDeadlines(text: string, planYear: number | null, notesOnly = false): Deadline[] {
  const out: Deadline[] = [];
  // A "Thời gian thực hiện: …" line states the deadline; brackets inside it only explain it.
  const line = text.indexOf(':') >= 0 ? TIME_LINE.exec(text) : null;
  if (line) {
    const d = classifyNotes(line[1], planYear);
    if (d.length > 0) return d;
  }
  const re = /\(([^()\n]{1,300})\)/g;
  let m: RegExpExecArray | null;
  // Notes are in brackets: a text without one is spared the scan.
  const bracketed = text.indexOf('(') >= 0;
  while (bracketed && (m = re.exec(text))) {
    const inner = m[1].trim();
    if (!NOTE_CUE.test(inner.toLowerCase())) continue;
    out.push(...classifyNotes(inner, planYear));
  }
  if (out.length > 0) return out;
  if (notesOnly) return out;
  // The first sentence states the task; later ones elaborate ("… Hằng năm thực hiện kiểm điểm").
  const first = firstSentence(text);
  const periodic = PERIODIC_WORDS.test(first) ? PERIODIC_TEXT.exec(first) : null;
  // "Thường xuyên theo dõi …", "… cập nhật dữ liệu thường xuyên": a standing duty.
  const standing = ONGOING_TEXT.exec(first);
  if (standing) out.push({ category: 'ongoing', raw: standing[0].trim(), due: null });
  if (periodic) return [...out, { category: 'periodic', raw: periodic[0], due: null }];
  DATED_CLAUSE.lastIndex = 0;
  while ((m = DATED_CLAUSE.exec(text))) {
    const d = classifyDeadline(m[0], planYear);
    if (d && d.category === 'due') out.push(d);
  }
  return out;
}

export const NO_DEADLINE: Readonly<Deadline> = Object.freeze({ category: 'none', raw: '', due: null });

/**
 * Agency names: a canonical key that groups spellings of one body, and recognition of agency names
 * where plans put them (an item heading, the subject of a sentence, a role line).
 */
import { toNFC } from './nfc';

// Old-style tone placement (hóa, Tỉnh ủy) → new style (hoá, Tỉnh uỷ): the tone moves to the second vowel.
const OLD_TONE: Record<string, string> = {
  ò: '\u0300',
  ó: '\u0301',
  ỏ: '\u0309',
  õ: '\u0303',
  ọ: '\u0323',
  ù: '\u0300',
  ú: '\u0301',
  ủ: '\u0309',
  ũ: '\u0303',
  ụ: '\u0323',
};
const OLD_STYLE = /([òóỏõọ])([ae])(?![\p{L}])|([ùúủũụ])(y)(?![\p{L}])/gu;

function newTonePlacement(s: string): string {
  return s.replace(OLD_STYLE, (_m, o: string, ae: string, u: string, y: string) => {
    const first = o ?? u;
    const second = ae ?? y;
    const plain = first === o ? 'o' : 'u';
    return plain + (second + OLD_TONE[first]).normalize('NFC');
  });
}

// Abbreviations written interchangeably with the full name.
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  // Names of departments written with "&" or commas ("Sở KH,CN&MT", "Sở TN&MT").
  [/(^| )kh,? ?cn ?& ?mt(?= |$)/g, '$1khoa học, công nghệ và môi trường'],
  [/(^| )kh ?& ?cn(?= |$)/g, '$1khoa học và công nghệ'],
  [/(^| )kh ?& ?đt(?= |$)/g, '$1kế hoạch và đầu tư'],
  [/(^| )tn ?& ?mt(?= |$)/g, '$1tài nguyên và môi trường'],
  [/(^| )gd ?& ?đt(?= |$)/g, '$1giáo dục và đào tạo'],
  [/(^| )nn ?& ?ptnt(?= |$)/g, '$1nông nghiệp và phát triển nông thôn'],
  [/(^| )tt ?& ?tt(?= |$)/g, '$1thông tin và truyền thông'],
  [/(^| )lđ-?tb ?& ?xh(?= |$)/g, '$1lao động-thương binh và xã hội'],
  [/(^| )vh,? ?tt ?& ?dl(?= |$)/g, '$1văn hoá, thể thao và du lịch'],
  [/(^| )ubnd(?= |$)/g, '$1uỷ ban nhân dân'],
  [/(^| )hđnd(?= |$)/g, '$1hội đồng nhân dân'],
  [/(^| )ubmttq(?= |$)/g, '$1uỷ ban mặt trận tổ quốc'],
  [/(^| )mttq(?= |$)/g, '$1mặt trận tổ quốc'],
  [/(^| )btv(?= |$)/g, '$1ban thường vụ'],
  [/(^| )tw(?= |$)/g, '$1trung ương'],
  [/(^| )đ\/c(?= |$)/g, '$1đồng chí'],
];

/**
 * Canonical key: NFC, lower case, single spaces, new-style tone placement (hóa = hoá, ủy = uỷ),
 * common abbreviations expanded (UBND, HĐND, MTTQ, BTV), spaces around hyphens removed, trailing
 * punctuation dropped. Two spellings of one agency give the same key; the shown name stays as written.
 */
export function agencyKey(name: string): string {
  let s = toNFC(name).toLowerCase();
  s = s.replace(/[\s\u00A0]+/g, ' ').trim();
  s = s.replace(/^[\s\-–+•*.,;:]+/, '').replace(/[\s.,;:!?)(*\-–]+$/, '');
  s = s.replace(/ ?[-–] ?/g, '-').replace(/ ?& ?/g, ' & ');
  s = newTonePlacement(s);
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s;
}

// Whitespace other than single spaces: without any, the first step below changes nothing.
const ODD_WHITESPACE = /[^\S ]| {2}/;

/** The name as shown: trimmed, single-spaced, without trailing punctuation or a role colon. */
export function cleanAgencyName(name: string): string {
  return (ODD_WHITESPACE.test(name) ? name.replace(/\s+/g, ' ') : name)
    .trim()
    .replace(/^[-–+•*]\s*/, '')
    .replace(/[\s.,;:]+$/, '');
}

// Words that open an agency name. Sentence subjects must start with one of these (a collective like
// "Các cấp ủy" or "Các đồng chí" is not an accountable body); headings may also start with "Các …".
const HEAD =
  '(?:Ban(?! hành)|Đảng đoàn|Đảng [uủ][yỷ]|Đảng bộ|[UỦ][yỷ] ban|UBND|HĐND|Hội đồng|Sở|Văn phòng|Mặt trận|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Đoàn(?! kết)|Công an|Bộ Chỉ huy|Bộ(?! máy| phận| tiêu chí| công cụ| luật| chỉ số)|Cục|Chi cục|Tổng cục|Trung tâm|Báo(?! cáo)|Đài|Trường(?! hợp)|Học viện|Hội(?! nghị| thảo| thi| diễn| nhập)|Liên đoàn|Liên minh|Thanh tra|Kho bạc|Ngân hàng|Huyện [uủ][yỷ]|Thành [uủ][yỷ]|Tỉnh [uủ][yỷ]|Thị [uủ][yỷ]|Quận [uủ][yỷ]|Viện|T[oò]a án|Cơ quan|Chi bộ|Thường trực|Bảo hiểm|Cảnh sát|Tỉnh đội|Bộ đội|Công ty|Tổng công ty|Đại học|Nhà xuất bản|Quỹ|Tổ công tác|Tổ đảng|Đồng chí|Đ\\/c|Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|Thủ trưởng|Trưởng ban|Phó Trưởng ban|Trưởng phòng|Bí thư|Phó Bí thư|Chánh Văn phòng|Người đứng đầu|Phòng(?!,| chống| ngừa| họp| thủ| cháy)|Ủy viên|Uỷ viên|Vụ(?! việc| án| mùa)|Chi nhánh|Ban Quản lý|Ban quản lý|Liên hiệp|Hiệp hội|Hợp tác xã|Kiểm toán|Tòa án|Viện kiểm sát|Trung ương(?= (?:Hội|Đoàn|Mặt trận))|Công đoàn|Cán bộ phụ trách|Chuyên viên phụ trách)';
const SUBJECT_HEAD = new RegExp(`^${HEAD}(?=[\\s,:;]|$)`, 'u');
// Headings and role cells also accept a lower-case start (legacy-font text loses capital toned letters).
const ANY_CASE_HEAD = new RegExp(`^${HEAD}(?=[\\s,:;]|$)`, 'iu');
const HEADING_HEAD = new RegExp(
  `^(?:Các|các)\\s+(?:${HEAD}|cơ quan|sở|ban|huyện|thành|đảng|cấp|tổ chức|đơn vị|địa phương|ngành|đoàn|hội|chi|doanh nghiệp|chủ đầu tư|bộ|hợp tác xã|trường|bệnh viện|tỉnh|xã|phường|quận|thôn)`,
  'iu',
);

/** Whether text starts like an agency name (for role cells and list items). */
export function startsWithAgency(text: string): boolean {
  const t = text.trim();
  return ANY_CASE_HEAD.test(t) || HEADING_HEAD.test(t);
}

// "3. Trách nhiệm của Bộ Công an", "Nhiệm vụ của các sở, ngành": a heading for that body's duties.
const DUTIES_OF = /^(?:Trách nhiệm|Nhiệm vụ)(?:\s+(?:của|đối với))?\s+(?=\p{Lu}|các\s)/u;

/**
 * Whether an item heading names an agency ("3. Ban Tổ chức Tỉnh ủy", "9. Các huyện ủy, thành ủy…"):
 * short, no sentence punctuation inside, starts with an agency word.
 */
export function isAgencyHeading(text: string): boolean {
  const t = text.trim().replace(/:$/, '').replace(DUTIES_OF, '');
  if (t.length === 0 || t.length > 160 || /[.;!?(]/.test(t)) return false;
  return startsWithAgency(t);
}

// Words that end the subject of a sentence: the verb (or the role) that follows the agency name.
const VERBS =
  'chủ trì|phối hợp|tham mưu|thực hiện|chỉ đạo|triển khai|xây dựng|tăng cường|rà soát|hướng dẫn|(?<![Cc]ác )tổ chức|có trách nhiệm|chịu trách nhiệm|căn cứ|tiếp tục|nghiên cứu|quán triệt|theo dõi|đôn đốc|kiểm tra|ban hành|lãnh đạo|khẩn trương|chủ động|tập trung|đẩy mạnh|nâng cao|bố trí|hoàn thiện|báo cáo|cập nhật|đề xuất|phát huy|trình|thẩm định|hoàn thành|bảo đảm|đảm bảo|giám sát|thường xuyên|định kỳ|cụ thể hoá|cụ thể hóa|là cơ quan|làm đầu mối|tổng hợp|gửi|phổ biến|tuyên truyền|tiếp nhận|bổ sung|giải quyết|tiến hành|vận động|huy động|thống kê|kịp thời|chuẩn bị|quan tâm|lựa chọn|đánh giá|sơ kết|tổng kết|xử lý|phụ trách(?! lĩnh vực| mảng)|cử|tích cực|phát động|ưu tiên|nắm chắc|nắm bắt|thành lập|biên soạn|lập|in|duy trì|cung cấp|hằng năm|hàng năm|căn cứ vào|trực tiếp|phân công|thẩm tra|sửa đổi|quy định|nghiêm túc|bám sát|tiếp thu|được giao|theo chức năng|trên cơ sở|có kế hoạch|xây dựng kế hoạch|tham gia|tự(?= (?:đánh giá|theo dõi|kiểm tra|rà soát|chấm điểm))';
/** Not a fragment: more than a function word ("các", "và"), at most 120 characters. */
export function isAgencyName(name: string): boolean {
  if (name.length < 3 || name.length > 120) return false;
  return !/^(?:các|những|và|với|của|cùng|cho|tại|trong|theo)$/iu.test(name);
}

// A verb after "về" or "công tác" names a field ("Vụ Các vấn đề chung về xây dựng pháp luật"); a
// dash before "cơ quan …" starts an apposition ("Sở Tài chính - cơ quan thường trực Ban Chỉ đạo").
const SUBJECT_END = new RegExp(
  `(?<!\\s(?:về|công tác|việc|lĩnh vực))\\s(?:${VERBS})(?=[\\s,:;]|$)|\\s*[:(;.\\n]|\\s[-–]\\s(?=[Cc]ơ quan|[Đđ]ơn vị|là\\s)`,
  'u',
);

// "Trưởng Ban xây dựng Đảng", "Phó Trưởng ban chỉ đạo": a committee named after its work, written
// in lower case, where the verb is the body's name. Capitalised for the search only (the same
// length, so the cut falls at the same place).
const COMMITTEE_NAMED_BY_WORK =
  /(?<=(?:^|\s)[Bb]an )(?:xây dựng(?= Đảng)|chỉ đạo|tổ chức|kiểm tra|tuyên giáo|dân vận)/gu;

function subjectEnd(text: string): number {
  // The committee pattern follows "Ban "/"ban ": without "an " the text has none to capitalise.
  const probe =
    text.indexOf('an ') < 0
      ? text
      : text.replace(COMMITTEE_NAMED_BY_WORK, (w) => w[0].toUpperCase() + w.slice(1));
  return probe.search(SUBJECT_END);
}

/**
 * The agency a sentence starts with, e.g. "Sở Nội vụ tham mưu …" → "Sở Nội vụ", or null. The name
 * ends at the first verb or role word; a subject longer than 120 characters is not trusted.
 */
export function leadingAgency(sentence: string): string | null {
  const t = sentence.trim();
  if (!SUBJECT_HEAD.test(t)) return null;
  const end = subjectEnd(t.slice(0, 200));
  if (end <= 0) return null;
  const name = cleanAgencyName(t.slice(0, end));
  // "Sở, ban, ngành …" lists kinds of bodies, not one accountable agency. A collective ("Các sở,
  // ngành") is a lead where the plan names it in a heading, a role or a table cell, not as the mere
  // subject of a sentence ("everyone does X").
  if (/^[^\s,]+,/u.test(name)) return null;
  return isAgencyName(name) ? name : null;
}

// A class marked off from the rest: "các bộ, ngành khác", "các tổ chức thành viên của Mặt trận",
// "các thành viên khác trong tiểu ban".
const QUALIFIED_CLASS = /\s(?:khác|của|trong|thuộc|trực thuộc)(?:\s|$)/u;

/**
 * The class of bodies a sentence starts with, up to its verb, when the class is a defined set: one
 * qualified ("Các thành viên khác trong tiểu ban căn cứ vào …", "Các bộ, ngành khác tiếp tục …") or
 * acting on itself ("Các bộ tự đánh giá …"). A bare class ("Các sở, ngành gửi báo cáo …", "Các cấp
 * ủy, tổ chức đảng ban hành …") speaks to everyone and names no lead: null.
 */
export function leadingCollective(sentence: string): string | null {
  const t = sentence.trim();
  if (!/^Các\s/u.test(t) || !HEADING_HEAD.test(t)) return null;
  const end = subjectEnd(t.slice(0, 200));
  if (end <= 0) return null;
  const name = cleanAgencyName(t.slice(0, end));
  if (!isAgencyName(name) || name.length > 100) return null;
  return QUALIFIED_CLASS.test(name) || /^\s+tự\s/u.test(t.slice(end)) ? name : null;
}

/**
 * The agency an item heading names, or null: "3. Ban Tổ chức Tỉnh ủy" → the whole heading;
 * "2. Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh:" → "Sở Kế hoạch và Đầu tư"; a trailing deadline
 * note "(hoàn thành trong quý II/2024)" is ignored.
 */
export function agencyFromHeading(heading: string): string | null {
  const h = heading
    .trim()
    // "3. Trách nhiệm của Bộ Công an", "Nhiệm vụ của các sở, ngành": the body the part is for.
    .replace(DUTIES_OF, '')
    .replace(/\s*\([^()]*\)\s*:?$/u, '')
    .replace(/:$/, '')
    .trim();
  if (!isAgencyHeading(h)) return null;
  const cut = subjectEnd(h);
  const name = cleanAgencyName(cut > 0 ? h.slice(0, cut) : h);
  return isAgencyName(name) ? name : null;
}

/**
 * Split a list of agencies ("Sở Tài chính, Sở Nội vụ và UBND các huyện, thành phố") into names.
 * A piece that does not start like an agency name belongs to the previous one ("…, thành phố").
 */
// "Tổng cục Thuế, TCHQ": an acronym in a list is a body of its own.
const ACRONYM = /^[A-ZĐ]{2,8}$/u;

export function splitAgencies(list: string): string[] {
  const tokens = splitOutsideParentheses(list);
  const out: string[] = [];
  let pendingSep = '';
  for (let i = 0; i < tokens.length; i++) {
    if (i % 2 === 1) {
      pendingSep = tokens[i].trim() === '' ? ' ' : tokens[i].replace(/\s+/g, ' ').trim();
      continue;
    }
    const piece = cleanAgencyName(tokens[i]);
    if (piece.length === 0) continue;
    // Case matters here: "…, ban, ngành" continues "Các sở"; "…, Ban Tuyên giáo" is a new agency.
    // "Vụ Pháp luật hình sự - hành chính, Các vấn đề chung về xây dựng pháp luật": a capital "Các"
    // after a comma starts the next unit (its "Vụ" left out), where "…, các huyện" goes on.
    const opens = SUBJECT_HEAD.test(piece) || HEADING_HEAD.test(piece) || ACRONYM.test(piece);
    if (out.length > 0 && !opens && !(pendingSep === ',' && piece.startsWith('Các '))) {
      const sep = pendingSep === ',' || pendingSep === ';' ? pendingSep + ' ' : ' ' + pendingSep + ' ';
      out[out.length - 1] += sep.replace(/ {2,}/g, ' ') + piece;
    } else out.push(piece);
  }
  return out;
}

/**
 * The list cut at its separators ("," ";" "và" "cùng" line breaks), pieces and separators
 * alternating, but not inside parentheses: "Trung tâm Dịch vụ việc làm (Sở Nội vụ, Sở Tài chính)"
 * stays one name.
 */
function splitOutsideParentheses(list: string): string[] {
  if (list.indexOf('(') < 0) return list.split(LIST_SEPARATORS);
  // Separators inside parentheses are masked, the list is split, and the masks are undone.
  let depth = 0;
  let masked = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    masked += depth > 0 ? (MASK[ch] ?? ch) : ch;
  }
  return masked.split(LIST_SEPARATORS).map((p) => [...p].map((c) => UNMASK[c] ?? c).join(''));
}

const MASK: Record<string, string> = { ',': '\u0001', ';': '\u0002', ' ': '\u0003', '\n': '\u0004' };
const UNMASK: Record<string, string> = { '\u0001': ',', '\u0002': ';', '\u0003': ' ', '\u0004': '\n' };
const LIST_SEPARATORS = /(\s*[,;]\s*|\s+và\s+|\s+cùng\s+|\n)/u;

/**
 * Who leads and who assists, read from a task's own words:
 * - a role line: "- Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tài chính, …"
 * - a sentence: "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan … theo dõi …"
 * - "… giao Sở Nội vụ chủ trì …", "(Giao X chủ trì, phối hợp với Y)", "Giao Sở Tư pháp tham mưu …"
 * - partners without a lead: "Chủ trì, phối hợp Sở Tài chính và Sở Nội vụ …" (the lead is the group's)
 */
import { cleanAgencyName, isAgencyName, leadingAgency, splitAgencies, startsWithAgency } from './agency';

export interface Roles {
  lead: string | null;
  partners: string[];
}

const ROLE_LEAD = /(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)\s*:\s*([^;\n]{1,300})/iu;
const ROLE_PARTNERS = /(?:cơ quan|đơn vị)\s+phối hợp\s*:\s*([^\n]{1,500})/iu;
const LEAD_WORD = /\schủ trì(?=[\s,;:.)]|$)/u;

/** Where LEAD_WORD first matches, or -1; the literal it needs is looked for first (most texts lack it). */
function leadWordAt(text: string): number {
  return text.indexOf('chủ trì') < 0 ? -1 : text.search(LEAD_WORD);
}
const GIAO = /(?:^|[\s(;:,.])(?:[Gg]iao|[Đđ]ề nghị|[Yy]êu cầu)\s+(?:cho\s+)?/gu;
// Where a partner list stops: a verb that starts the task itself. "tham mưu" right after
// "chuyên trách"/"cơ quan" is part of a name ("cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy").
const PARTNER_END =
  /\s(?:thường xuyên|theo dõi|tổ chức thực hiện|tổ chức triển khai|triển khai|xây dựng|thực hiện|(?<!chuyên trách |cơ quan )tham mưu|hướng dẫn|kiểm tra|đôn đốc|rà soát|nghiên cứu|báo cáo|đề xuất|hoàn thiện|ban hành|trình|để|nhằm|trong việc|trong quá trình|tiếp tục|định kỳ|chỉ đạo|tổng hợp|đánh giá|tập trung|đẩy mạnh|tuyên truyền|(?<!các |những )tổ chức|bố trí|tham gia|cung cấp|hỗ trợ|giải quyết|xử lý|phổ biến|vận động|huy động|tiếp nhận|giám sát|(?<![Bb]an )quản lý|khảo sát|điều tra|xác minh|soạn thảo|thẩm định|thẩm tra|bảo đảm|đảm bảo|cập nhật|chuẩn bị|sơ kết|tổng kết|lập|khẩn trương|chủ động|kịp thời|hoàn tất|hoàn thành|di dời|tăng cường|nâng cao)(?=[\s,;:.]|$)|(?<=\sliên quan)\s(?!(?:và|cùng|với)\s)|[.;:()\n]/u;
const ADVERB_END = /\s+(?:tiếp tục|chủ động|khẩn trương|thường xuyên|trực tiếp)$/u;
// "phối hợp cùng Ban Tài chính" says "với" in other words.
const PARTNERS = /phối hợp\s+(?:chặt chẽ\s+)?(với\s+|cùng\s+)?/giu;

// In a role line ("Cơ quan thực hiện: X chủ trì, phối hợp với Y; Z; W") ";" separates partners.
const LIST_END = new RegExp(PARTNER_END.source.replace('[.;:()\\n]', '[.:()\\n]'), 'u');

function partnersAfter(text: string, from: number, roleLine = false): string[] {
  PARTNERS.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = PARTNERS.exec(text))) {
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 400);
    // Without "với" the words after "phối hợp" must name a body ("phối hợp thực hiện" does not).
    if (!m[1] && !startsWithAgency(rest)) continue;
    const end = rest.search(roleLine ? LIST_END : PARTNER_END);
    const list = end >= 0 ? rest.slice(0, end) : rest;
    return splitAgencies(list).filter((p) => p.length > 0 && p.length <= 150);
  }
  return [];
}

/** Whether a text can hold "giao"/"đề nghị"/"yêu cầu": a substring test spares most texts the scan. */
function mayAssign(text: string): boolean {
  return text.indexOf('iao') >= 0 || text.indexOf('ề nghị') >= 0 || text.indexOf('êu cầu') >= 0;
}

/** The subject after an opening phrase: the last ", X" where X starts like an agency name. */
function subjectAfterComma(clause: string): string | null {
  for (let at = clause.lastIndexOf(', '); at > 0; at = clause.lastIndexOf(', ', at - 1)) {
    const rest = clause.slice(at + 2);
    if (/^\p{Lu}/u.test(rest) && startsWithAgency(rest)) return rest;
  }
  return null;
}

function afterGiao(clause: string): string {
  GIAO.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = GIAO.exec(clause))) last = m;
  if (last) return clause.slice(last.index + last[0].length);
  const ask = /(?:^|\s)(?:đề nghị|Đề nghị|yêu cầu|Yêu cầu)\s+/u.exec(clause);
  return ask ? clause.slice(ask.index + ask[0].length) : clause;
}

/**
 * The value of a role line: "Sở Nội vụ chủ trì tham mưu …; Sở Tư pháp …" → Sở Nội vụ; "Sở X chủ trì,
 * phối hợp với Y; Z" → X with Y, Z; "Sở Nội vụ, Sở Tư pháp" → the first, the others partners.
 */
export function roleValue(value: string): Roles {
  const v = value.trim();
  const at = leadWordAt(v);
  if (at > 0) {
    const lead = cleanAgencyName(v.slice(0, at));
    if (isAgencyName(lead) && startsWithAgency(lead)) return { lead, partners: partnersAfter(v, at, true) };
  }
  const spoken = leadingAgency(v);
  if (spoken && spoken.length < v.replace(/[.;,\s]+$/, '').length) {
    return { lead: spoken, partners: partnersAfter(v, spoken.length, true) };
  }
  const names = splitAgencies(v.split(/;\s*(?:cơ quan|đơn vị)?\s*phối hợp\s*:/iu)[0]);
  return { lead: names[0] ?? null, partners: [] };
}

export function findRoles(text: string): Roles {
  // Both role-line patterns need a colon: most task texts have none and skip two long scans.
  const line = text.indexOf(':') >= 0 ? ROLE_LEAD.exec(text) : null;
  if (line) {
    const lead = cleanAgencyName(line[1]);
    const partnersLine = ROLE_PARTNERS.exec(text);
    const partners = partnersLine ? splitAgencies(partnersLine[1]) : [];
    if (lead) return { lead, partners };
  }
  const head = text.slice(0, 2000);
  const at = leadWordAt(head);
  if (at > 0) {
    const before = head.slice(0, at);
    // The subject is the clause just before "chủ trì": after the last sentence break or "giao".
    const cut = Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf(';'),
      before.lastIndexOf(':'),
      before.lastIndexOf('('),
      before.lastIndexOf('\n'),
    );
    let clause = afterGiao(before.slice(cut + 1).trim());
    // "Sở Nội vụ là cơ quan chủ trì" / "Sở Nội vụ làm đầu mối, chủ trì".
    clause = cleanAgencyName(clause.replace(/\s+(?:là|làm)(?:\s+(?:cơ quan|đơn vị|đầu mối))?\s*,?\s*$/u, ''));
    // "Giao Ban Tổ chức Trung ương tiếp tục chủ trì": the adverb before the role is not the body's.
    clause = clause.replace(ADVERB_END, '');
    // "Trên cơ sở đề nghị của UBND quận, huyện, Sở Xây dựng chủ trì": an opening phrase, then the subject.
    if (!startsWithAgency(clause)) clause = subjectAfterComma(clause) ?? clause;
    if (isAgencyName(clause) && clause.length <= 150 && startsWithAgency(clause)) {
      return { lead: clause, partners: partnersAfter(head, at) };
    }
  }
  // "Giao Sở Tư pháp tham mưu …": the body given the task, up to its verb.
  GIAO.lastIndex = 0;
  const g = mayAssign(head) ? GIAO.exec(head) : null;
  if (g) {
    const lead = leadingAgency(head.slice(g.index + g[0].length));
    if (lead) return { lead, partners: partnersAfter(head, g.index) };
  }
  return { lead: null, partners: partnersAfter(head, 0) };
}

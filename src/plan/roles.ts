/**
 * Who leads and who assists, read from a task's own words:
 * - a role line: "- Cơ quan chủ trì: Sở Nội vụ; cơ quan phối hợp: Sở Tài chính, …"
 * - a sentence: "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan … theo dõi …"
 * - "… giao Sở Nội vụ chủ trì …"
 */
import { cleanAgencyName, splitAgencies, startsWithAgency } from './agency';

export interface Roles {
  lead: string | null;
  partners: string[];
}

const ROLE_LEAD = /(?:cơ quan|đơn vị)\s+(?:chủ trì|thực hiện)\s*:\s*([^;\n]{1,300})/iu;
const ROLE_PARTNERS = /(?:cơ quan|đơn vị)\s+phối hợp\s*:\s*([^\n]{1,500})/iu;
const LEAD_WORD = /\schủ trì(?=[\s,;:.)]|$)/u;
// Where a partner list stops: a verb that starts the task itself. "tham mưu" right after
// "chuyên trách"/"cơ quan" is part of a name ("cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy").
const PARTNER_END =
  /\s(?:thường xuyên|theo dõi|tổ chức thực hiện|tổ chức triển khai|triển khai|xây dựng|thực hiện|(?<!chuyên trách |cơ quan )tham mưu|hướng dẫn|kiểm tra|đôn đốc|rà soát|nghiên cứu|báo cáo|đề xuất|hoàn thiện|ban hành|trình|để|nhằm|trong việc|tiếp tục|định kỳ|chỉ đạo|tổng hợp|đánh giá|tập trung|đẩy mạnh)(?=[\s,;:]|$)|[.;:()\n]/u;

function partnersAfter(text: string, from: number): string[] {
  const m = /phối hợp (?:chặt chẽ )?với\s+/iu.exec(text.slice(from));
  if (!m) return [];
  const start = from + m.index + m[0].length;
  const rest = text.slice(start, start + 400);
  const end = rest.search(PARTNER_END);
  const list = end >= 0 ? rest.slice(0, end) : rest;
  return splitAgencies(list).filter((p) => p.length > 0 && p.length <= 150);
}

export function findRoles(text: string): Roles {
  const line = ROLE_LEAD.exec(text);
  if (line) {
    const lead = cleanAgencyName(line[1]);
    const partnersLine = ROLE_PARTNERS.exec(text);
    const partners = partnersLine ? splitAgencies(partnersLine[1]) : [];
    if (lead) return { lead, partners };
  }
  const head = text.slice(0, 2000);
  const at = head.search(LEAD_WORD);
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
    let clause = before.slice(cut + 1).trim();
    const giao = /(?:^|\s)(?:giao|Giao|đề nghị|Đề nghị|yêu cầu|Yêu cầu)\s+/u.exec(clause);
    if (giao) clause = clause.slice(giao.index + giao[0].length);
    // "Sở Nội vụ là cơ quan chủ trì" / "Sở Nội vụ làm đầu mối, chủ trì".
    clause = cleanAgencyName(clause.replace(/\s+(?:là|làm)(?:\s+(?:cơ quan|đơn vị|đầu mối))?\s*,?\s*$/u, ''));
    if (clause.length > 0 && clause.length <= 150 && startsWithAgency(clause)) {
      return { lead: clause, partners: partnersAfter(head, at) };
    }
  }
  return { lead: null, partners: partnersAfter(head, 0) };
}

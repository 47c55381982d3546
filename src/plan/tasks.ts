/**
 * Pass 5 of the parse: the outline → task drafts (leads, partners, deadlines as written).
 *
 * - Only parts whose heading names tasks (NHIỆM VỤ…, GIẢI PHÁP, NỘI DUNG, TỔ CHỨC THỰC HIỆN…) and
 *   appendix task tables produce tasks; in the other parts only an explicit assignment does ("Sở Tài
 *   chính chủ trì …", "Giao …", a "Cơ quan chủ trì:" line).
 * - An item with numbered sub-items, or a heading-like item (agency name, ends with ":", short title)
 *   with bullets under it, is a group; its children are the tasks. A group heading that goes on after
 *   its colon ("2. Văn phòng UBND tỉnh: tham mưu …") is also the group's first task. Other items are
 *   tasks, and the bullets and unnumbered paragraphs under them are part of their text.
 * - Lead: an attribute line, a role in the task's own text ("X chủ trì", "giao X"); else the group's
 *   agency; else the agency that opens the sentence ("Sở Nội vụ tham mưu …").
 */
import {
  agencyFromHeading,
  cleanAgencyName,
  isAgencyHeading,
  leadingAgency,
  leadingCollective,
  splitAgencies,
} from './agency';
import { classifyNotes, extractDeadlines } from './deadline';
import type { DoubtCode, LeadSource, TaskDraft, TaskPassResult } from './draft';
import { excerpt } from './draft';
import type { LocatedAttribute, Outline, OutlineNode, OutlineSection, Paragraph } from './outline';
import { findRoles, roleValue } from './roles';
import { readTables } from './tables';
import type { Deadline, ParseWarning } from './types';
import { warning } from './warnings';

interface Context {
  group: string | null;
  lead: string | null;
  partners: string[];
  deadlines: Deadline[];
  /** The deadlines come from a "Thời gian thực hiện:" line that speaks for every task below it. */
  stated: boolean;
  underAgency: boolean;
}

// "Trên cơ sở đề nghị của …, Sở Tài chính thẩm định …", "Sau khi … phê duyệt …, Sở Tài chính lập …",
// "Kết thúc cuộc bầu cử, Ban Thường trực …": the subject comes after the opening phrase.
const OPENING_PHRASE =
  /^(?:Trên cơ sở|Dựa trên|Dựa vào|Sau khi|Kết thúc|Trong quá trình|Đối với)[^.;:\n]{0,200}?,\s*(?=\p{Lu})/u;
/** The agency a task's sentence opens with, after an opening phrase; for a title line ("Bước 5:
 * Thẩm định …") the paragraph under it. */
function sentenceSubject(body: string): string | null {
  const direct =
    leadingAgency(body) ??
    leadingAgency(body.replace(OPENING_PHRASE, '')) ??
    // A defined class of bodies opening the sentence (leadingCollective) leads it.
    leadingCollective(body) ??
    leadingCollective(body.replace(OPENING_PHRASE, ''));
  if (direct) return direct;
  const br = body.indexOf('\n');
  // "Bước 5: Thẩm định …" or a title ending with ":" ("Thành lập Ban Chỉ đạo …:") over its paragraph.
  if (br < 0 || !(/^(?:Bước|Giai đoạn)\s+\d/u.test(body) || body[br - 1] === ':')) return null;
  const next = body.slice(br + 1);
  return leadingAgency(next) ?? leadingAgency(next.replace(OPENING_PHRASE, ''));
}

const PERSON = /^(?:(?:các )?đồng chí|đ\/c)\s/iu;
const SEE_APPENDIX = /^\(?\s*(?:chi tiết|nội dung|danh mục|có|theo)[^()]{0,80}phụ lục[^()]{0,80}\)?\.?$/iu;
const HEADING_TASK = /^([^:]{2,150}):\s*(\S.{20,})$/u;

function isNumbered(n: OutlineNode): boolean {
  return n.kind === 'item' || n.kind === 'point';
}

function headingLike(n: OutlineNode): boolean {
  const t = n.text.trim();
  return isAgencyHeading(t) || /:$/.test(t) || (t.length <= 100 && !/[.;!?)]$/.test(t));
}

// "… theo quy định tại Điều 45 của Luật Bầu cử. Cụ thể các nội dung:" — the sentence is the task, the
// bullets after it list what it covers.
const DETAILED = /[.;]\s*Cụ thể(?:\s[^.:;]{0,40})?:$/u;

/** An item whose first paragraph states its work and says the bullets below give the details. */
function detailsItsBullets(n: OutlineNode): boolean {
  const first = n.extra[0];
  if (!first || (n.children.length > 0 && n.children[0].line < first.line)) return false;
  return DETAILED.test(first.text.trim()) && !isAgencyHeading(n.text.trim());
}

function isContainer(n: OutlineNode): boolean {
  if (n.kind === 'root') return true;
  if (n.children.some(isNumbered)) return true;
  return n.children.length > 0 && headingLike(n) && !detailsItsBullets(n);
}

/** The attribute lines of a task and of the bullets its text takes in. */
function subtreeAttributes(n: OutlineNode): LocatedAttribute[] {
  if (n.children.length === 0) return n.attributes;
  const out = [...n.attributes];
  for (const ch of n.children) out.push(...subtreeAttributes(ch));
  return out;
}

function printed(n: OutlineNode): string {
  if (n.kind === 'point') return `${n.number}) ${n.text}`;
  if (n.kind === 'dash') return `- ${n.text}`;
  if (n.kind === 'plus') return `+ ${n.text}`;
  if (n.kind === 'item') return `${n.number}. ${n.text}`;
  return n.text;
}

function fullText(n: OutlineNode, own = true): string {
  // A task with nothing under it (most of them) is its own line.
  if (n.extra.length === 0 && n.attributes.length === 0 && n.children.length === 0) return own ? n.text : '';
  const parts: Array<[number, string]> = [];
  for (const e of n.extra) parts.push([e.line, e.text]);
  for (const a of n.attributes) if (a.raw) parts.push([a.line, a.raw]);
  for (const ch of n.children) {
    const rest = fullText(ch, false);
    parts.push([ch.line, rest ? `${printed(ch)}\n${rest}` : printed(ch)]);
  }
  // Attribute lines and paragraphs stay where the plan wrote them.
  parts.sort((a, b) => a[0] - b[0]);
  const lines = parts.map((p) => p[1]);
  return (own ? [n.text, ...lines] : lines).join('\n');
}

// A charge: "Yêu cầu …", "Giao …", "Đề nghị …" opening a sentence.
const CHARGE = /^(?:Yêu cầu|Giao|Đề nghị)\s+\p{L}/u;
// "Đoàn Chủ tịch … giao cho Ban Tuyên giáo chủ trì, …": a body hands the work to a lead by name,
// a charge of its own whatever the item above it says.
const HANDED_TO = /^[^.;:]{0,120}\sgiao(?: cho)?\s+\p{Lu}[^.;:]{0,80}\schủ trì/u;

/**
 * A numbered item that charges someone and goes on with further paragraphs each opening a new
 * charge after a finished sentence (the items of a Kết luận or Thông báo kết luận), or any item
 * followed by a paragraph handing work to a named lead: its paragraphs grouped one charge a
 * group, the item's own first. Null when the item is one charge.
 */
function assignmentParagraphs(n: OutlineNode): Paragraph[][] | null {
  if (n.children.length > 0 || n.attributes.length > 0 || n.extra.length === 0) return null;
  const charges = CHARGE.test(n.text);
  const groups: Paragraph[][] = [[]];
  let before = n.text;
  for (const e of n.extra) {
    const charge = (charges && CHARGE.test(e.text)) || HANDED_TO.test(e.text);
    if (charge && /[.;!]\s*$/u.test(before)) groups.push([e]);
    else groups[groups.length - 1].push(e);
    before = e.text;
  }
  return groups.length > 1 ? groups : null;
}

/** Paragraphs under an agency heading that are duties of their own: two or more, each a whole
 * sentence opening with a capital and ending with a full stop (a copy that wraps its lines gives
 * lines that do not). */
function separateDuties(extra: readonly Paragraph[]): boolean {
  return (
    extra.length >= 2 &&
    extra.every((p) => /^\p{Lu}/u.test(p.text) && /[.;]\s*$/u.test(p.text) && p.text.length >= 40)
  );
}

function anyJoined(n: OutlineNode): boolean {
  return n.joined || n.extra.some((e) => e.joined) || n.children.some(anyJoined);
}

function childNumber(parent: OutlineNode, child: OutlineNode, bulletIndex: number): string {
  if (child.kind === 'item') return child.number;
  const base = parent.kind === 'root' ? '' : parent.number;
  if (child.kind === 'point') return base ? `${base}.${child.number}` : child.number;
  return base ? `${base}-${bulletIndex}` : String(bulletIndex);
}

/** "…Tỉnh ủy./." — the end-of-document mark is not part of the last task. */
function stripEndMark(text: string): string {
  // The pattern is tried at every position: a text without "./" (nearly all) is spared the scan.
  if (text.indexOf('./') < 0) return text.trim();
  return text.replace(/\.\/[.\p{L}]{0,3}\s*$/u, '.').trim();
}

interface AttributeRoles {
  lead: string | null;
  partners: string[];
  time: string[];
  product: string | null;
  content: string[];
}

/** What a node's attribute lines say ("Cơ quan chủ trì: X; cơ quan phối hợp: Y", "a) Cơ quan chủ trì - X"). */
function attributeRoles(attributes: readonly LocatedAttribute[]): AttributeRoles {
  const out: AttributeRoles = { lead: null, partners: [], time: [], product: null, content: [] };
  for (const a of attributes) {
    if (a.kind === 'lead' || a.kind === 'roles') {
      if (!a.value) continue;
      const roles = roleValue(a.value);
      if (roles.lead && !out.lead) out.lead = cleanAgencyName(roles.lead);
      out.partners.push(...roles.partners);
      const named = /(?:cơ quan|đơn vị)\s+phối hợp\s*:\s*(.+)$/iu.exec(a.value);
      if (named) out.partners.push(...splitAgencies(named[1]));
    } else if (a.kind === 'partners') out.partners.push(...splitAgencies(a.value));
    else if (a.kind === 'time') out.time.push(a.value);
    else if (a.kind === 'product') out.product = out.product ? `${out.product}; ${a.value}` : a.value;
    else out.content.push(a.value);
  }
  return out;
}

export function readTasks(outline: Outline, planYear: number | null): TaskPassResult {
  const drafts: TaskDraft[] = [];
  const warnings: ParseWarning[] = [];

  const unnumbered = (sectionId: string, p: { text: string; line: number }) =>
    warnings.push(
      warning(
        'unnumbered-text',
        p.line,
        `Đoạn văn không đánh số trong phần ${sectionId} không được tính là nhiệm vụ: "${excerpt(p.text)}"`,
        `An unnumbered paragraph in part ${sectionId} was not taken as a task: "${excerpt(p.text)}"`,
      ),
    );
  const seeAppendix = (sectionId: string, p: Paragraph) =>
    warnings.push(
      warning(
        'see-appendix',
        p.line,
        `Phần ${sectionId} chuyển tới phụ lục ("${excerpt(p.text)}"); nhiệm vụ được đọc từ bảng phụ lục.`,
        `Part ${sectionId} refers to the appendix ("${excerpt(p.text)}"); tasks are read from the appendix table.`,
      ),
    );
  const unreadDeadline = (line: number, note: string) =>
    warnings.push(
      warning(
        'deadline-unrecognised',
        line,
        `Không hiểu được thời hạn "${note}".`,
        `Could not read the deadline "${note}".`,
      ),
    );

  function emit(
    sid: string,
    number: string,
    text: string,
    line: number,
    ctx: Context,
    node: OutlineNode | null,
    explicitOnly: boolean,
  ) {
    const attrs = attributeRoles(node ? subtreeAttributes(node) : []);
    const body = stripEndMark(text);
    const roles = findRoles(body);
    let lead = attrs.lead ?? roles.lead;
    let source: LeadSource = lead ? 'role' : 'none';
    let partners = attrs.partners.length > 0 ? attrs.partners : roles.partners;
    if (explicitOnly && !lead) return;
    if (!lead && ctx.underAgency) {
      // Under a body's heading, a sentence that opens with one of its people ("Đồng chí Phó Chủ tịch
      // Thường trực … chỉ đạo …") names who leads it.
      const spoken = leadingAgency(body);
      if (spoken && PERSON.test(spoken)) {
        lead = spoken;
        source = 'sentence';
      }
    }
    if (!lead) {
      if (ctx.lead) {
        lead = ctx.lead;
        source = 'heading';
        partners = partners.length > 0 ? partners : ctx.partners;
      } else if (!ctx.underAgency) {
        lead = sentenceSubject(body);
        if (lead) source = 'sentence';
      }
    }
    const doubts = new Set<DoubtCode>();
    let deadlines: Deadline[] = [];
    for (const t of attrs.time) {
      const d = classifyNotes(t, planYear);
      if (d.length > 0) deadlines.push(...d);
      else {
        unreadDeadline(line, t);
        doubts.add('deadline-unrecognised');
      }
    }
    if (deadlines.length === 0) {
      // Under a stated time, the sentence's own words count only when they name a date of its own
      // ("… Thời gian hoàn thành: trước ngày 31/5/2026"), not a recurring phrase ("hằng năm").
      const said = extractDeadlines(body, planYear);
      if (!ctx.stated || said.some((d) => d.due !== null)) deadlines = said;
    }
    if (deadlines.length === 0) deadlines = ctx.deadlines.map((d) => ({ ...d }));
    if (node && anyJoined(node)) doubts.add('joined-lines');
    if (explicitOnly) doubts.add('assignment-in-context');
    if (lead && /^(?:các|UBND các|Ủy ban nhân dân các|Uỷ ban nhân dân các)\s/iu.test(lead))
      doubts.add('collective-lead');
    drafts.push({
      section: sid,
      number,
      group: ctx.group,
      lead,
      leadSource: source,
      partners,
      text: body,
      deadlines,
      line,
      product: attrs.product || undefined,
      doubts,
    });
  }

  function walkSection(body: OutlineSection, explicitOnly: boolean) {
    const root = body.root;
    const sid = body.section.id;
    // "2. Cơ quan chủ trì, phối hợp: …" / "3. Thời gian thực hiện: …" beside "1. Nội dung": the part's own.
    const own = attributeRoles(root.attributes);
    const stated = own.time.flatMap((t) => classifyNotes(t, planYear));
    const addressed = own.lead ? null : agencyFromHeading(body.section.heading);
    const ctx: Context = {
      group: null,
      lead: own.lead ?? addressed,
      partners: own.lead ? own.partners : [],
      deadlines: stated,
      stated: stated.length > 0,
      underAgency: addressed !== null,
    };
    if (root.children.length === 0 && body.tables.length === 0) {
      if (explicitOnly) return;
      // A task part written as plain paragraphs: each paragraph is a task.
      let k = 0;
      for (const p of root.extra) {
        if (SEE_APPENDIX.test(p.text)) seeAppendix(sid, p);
        else {
          const n = String(++k);
          emit(sid, n, p.text, p.line, ctx, { ...leaf(p), number: n }, false);
        }
      }
      return;
    }
    if (!explicitOnly) {
      for (const p of root.extra) {
        if (SEE_APPENDIX.test(p.text)) seeAppendix(sid, p);
        else unnumbered(sid, p);
      }
    }
    walkChildren(sid, root, ctx, explicitOnly);
  }

  function leaf(p: Paragraph): OutlineNode {
    return {
      kind: 'text',
      rank: 20,
      number: '',
      text: p.text,
      line: p.line,
      joined: p.joined,
      extra: [],
      children: [],
      attributes: [],
    };
  }

  function walkChildren(sid: string, parent: OutlineNode, ctx: Context, explicitOnly: boolean) {
    let bullets = 0;
    for (const child of parent.children) {
      if (child.kind === 'dash' || child.kind === 'plus') bullets++;
      const number = childNumber(parent, child, bullets);
      child.number = number;
      if (isContainer(child)) walkContainer(sid, child, ctx, explicitOnly);
      else if (child.extra.length > 0 && isAgencyHeading(child.text) && agencyFromHeading(child.text)) {
        // "1. Sở Y tế" with its duty in the paragraph below: the heading names the lead.
        const lead = agencyFromHeading(child.text);
        const own: Context = { ...ctx, lead, partners: [], underAgency: true, group: printed(child) };
        if (child.children.length === 0 && child.attributes.length === 0 && separateDuties(child.extra)) {
          // "2. Bộ Quốc phòng" over paragraphs that each state a duty in full: one task each.
          child.extra.forEach((p, k) =>
            emit(
              sid,
              `${number}-${k + 1}`,
              p.text,
              p.line,
              own,
              { ...leaf(p), number: `${number}-${k + 1}` },
              explicitOnly,
            ),
          );
        } else
          emit(
            sid,
            number,
            child.extra.map((e) => e.text).join('\n'),
            child.line,
            own,
            { ...child, text: '' },
            explicitOnly,
          );
      } else {
        const assignments = assignmentParagraphs(child);
        if (!assignments) emit(sid, number, fullText(child), child.line, ctx, child, explicitOnly);
        else {
          // "2. Yêu cầu X …. / Yêu cầu Y …": each charge of a conclusion's item is a task of its own.
          const [own, ...more] = assignments;
          const first = { ...child, extra: own };
          emit(sid, number, fullText(first), child.line, ctx, first, explicitOnly);
          more.forEach((g, k) => {
            const node = { ...leaf(g[0]), extra: g.slice(1) };
            emit(sid, `${number}-${k + 1}`, fullText(node), g[0].line, ctx, node, explicitOnly);
          });
        }
      }
    }
  }

  function walkContainer(sid: string, node: OutlineNode, ctx: Context, explicitOnly: boolean) {
    const heading = node.text.trim();
    const own = findRoles(heading);
    const attrs = attributeRoles(node.attributes);
    let lead: string | null = null;
    let partners: string[] = [];
    let underAgency = ctx.underAgency;
    const named = own.lead || attrs.lead ? null : agencyFromHeading(heading);
    const goesOn = HEADING_TASK.exec(heading);
    if (attrs.lead) {
      lead = attrs.lead;
      partners = attrs.partners;
    } else if (own.lead) {
      lead = own.lead;
      partners = own.partners;
    } else if (named) {
      lead = named;
      underAgency = true;
    } else {
      const subject = /^([^:]{2,150}):/u.exec(heading);
      if (subject && isAgencyHeading(subject[1])) lead = cleanAgencyName(subject[1]);
    }
    const stated = attrs.time.flatMap((t) => classifyNotes(t, planYear));
    const notes = [...stated, ...extractDeadlines(heading, planYear, true)];
    const next: Context = {
      group: `${printed(node)}`.trim(),
      lead: lead ?? ctx.lead,
      partners: lead ? partners : ctx.partners,
      deadlines: notes.length > 0 ? notes : ctx.deadlines,
      stated: notes.length > 0 ? stated.length > 0 : ctx.stated,
      underAgency: underAgency || lead !== null,
    };
    // "2. Văn phòng UBND tỉnh: tham mưu …" names the agency and states its first task.
    if (goesOn && lead && isAgencyHeading(goesOn[1])) {
      emit(
        sid,
        node.number,
        goesOn[2],
        node.line,
        { ...next, group: next.group },
        { ...node, children: [], attributes: [] },
        explicitOnly,
      );
    }
    if (!explicitOnly) for (const p of node.extra) unnumbered(sid, p);
    walkChildren(sid, node, next, explicitOnly);
  }

  for (const body of outline.sections) {
    if (body.section.kind === 'tasks') {
      // An appendix is its table: lines outside it are notes (or a web page's own text after it),
      // and only an explicit assignment among them is a task.
      const appendixTable = body.section.id.startsWith('PL') && body.tables.length > 0;
      walkSection(body, appendixTable);
      const tables = readTables(body, planYear);
      drafts.push(...tables.drafts);
      warnings.push(...tables.warnings);
    } else walkSection(body, true);
  }
  return { drafts, warnings };
}

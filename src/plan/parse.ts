/**
 * parsePlan: any text of a Kế hoạch → sections, agencies, tasks, deadlines and warnings.
 *
 * Decisions (see also the report in the PR):
 * - Lines (`task.line`, `warning.line`) are 1-based lines of the ORIGINAL input given to parsePlan.
 * - Only parts whose heading names tasks (NHIỆM VỤ…, GIẢI PHÁP, TỔ CHỨC THỰC HIỆN…) and appendix task
 *   tables produce tasks. The header, the intro, context parts and the footer never do.
 * - An item with numbered sub-items, or a heading-like item (agency name, ends with ":", short title)
 *   with bullets under it, is a group; its children are the tasks. Other items are tasks, and the
 *   bullets and unnumbered paragraphs under them are part of their text.
 * - Lead: a role line ("Cơ quan chủ trì: …") or "X chủ trì" in the task's own text; else the group's
 *   agency (heading "3. Ban Tổ chức Tỉnh ủy" or its own "X chủ trì"); else a specific agency that
 *   opens the sentence ("Sở Nội vụ tham mưu …"). Collective subjects ("Các cấp ủy, tổ chức đảng",
 *   "Các đồng chí Ủy viên…") are not leads: such tasks have lead null.
 * - Every task has at least one deadline; with no note it is `{category:'none', raw:'', due:null}`
 *   and a `no-deadline` warning.
 */
import {
  agencyFromHeading,
  agencyKey,
  cleanAgencyName,
  isAgencyHeading,
  leadingAgency,
  splitAgencies,
} from './agency';
import { classifyDeadline, extractDeadlines, isoDate, NO_DEADLINE } from './deadline';
import { fixLegacyText } from './decode';
import { normalizeWithMap } from './normalize';
import { extractReferences } from './references';
import { findRoles } from './roles';
import { classifyLine, inferredKind, sectionKind, type ClassifiedLine } from './structure';
import type { Agency, Deadline, ParseWarning, Plan, Section, Task } from './types';
import { warning } from './warnings';

interface Node {
  kind: ClassifiedLine['kind'] | 'root';
  rank: number;
  number: string;
  text: string;
  /** Unnumbered paragraphs that follow this node before the next marker. */
  extra: { text: string; line: number }[];
  line: number;
  children: Node[];
}

interface SectionBody {
  section: Section;
  root: Node;
  /** Rows of task tables met inside this part (or the appendix). */
  tables: TableRow[];
}

interface TableRow {
  cells: string[];
  columns: TableColumns;
  line: number;
}

interface TableColumns {
  stt: number;
  content: number;
  lead: number;
  partners: number;
  product: number;
  time: number;
}

function newNode(kind: Node['kind'], rank: number, number: string, text: string, line: number): Node {
  return { kind, rank, number, text, extra: [], line, children: [] };
}

// ---------------------------------------------------------------- header and footer

const MOTTO =
  /^(?:CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|[*\-–_=.\s]+)$/iu;
const TITLE = /^(?:KẾ HOẠCH|CHƯƠNG TRÌNH HÀNH ĐỘNG|CHƯƠNG TRÌNH|ĐỀ ÁN|PHỤ LỤC)(?=\s|$|:)/u;
const NUMBER = /(?:^|\s)Số\s*:?\s*([^\s|]*)/u;
const PLACE_DATE =
  /^(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*){0,4})\s*,\s*ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const PLACE_DATE_NUMERIC =
  /^(\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*){0,4})\s*,\s*ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/u;
const INTRO_ISSUER =
  /,\s*([^,]{2,80}?)\s+(?:ban hành|xây dựng)\s+(?:Kế hoạch|Chương trình|kế hoạch|chương trình)/u;
const INTRO_TITLE =
  /ban hành\s+((?:Kế hoạch|Chương trình)[^:.(]{0,250}?)(?:\s*,?\s*(?:cụ thể\s+)?như sau|\s*\(|\s*:|\.|$)/u;
const PERSON = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}+$/u;

interface Header {
  title: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
  place: string | null;
}

function cellsOf(line: string): string[] {
  if (line.indexOf('\t') >= 0) return line.split('\t').map((c) => c.trim());
  if (line.indexOf('|') >= 0) return line.split('|').map((c) => c.trim());
  return [line];
}

function isUpper(s: string): boolean {
  return /\p{L}/u.test(s) && s === s.toUpperCase();
}

function readHeader(lines: string[]): Header {
  const h: Header = { title: '', number: null, issuedOn: null, issuer: null, place: null };
  const issuerParts: string[] = [];
  let issuerDone = false;
  let titleAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]);
    for (const cell of cells) {
      if (h.number === null) {
        const n = NUMBER.exec(cell);
        if (n && /^Số/u.test(cell.trim())) {
          const token = n[1].replace(/[.,;]+$/, '');
          h.number = /^\d/.test(token) ? token : null;
          issuerDone = true;
        }
      }
      if (h.issuedOn === null && h.place === null) {
        const d = PLACE_DATE.exec(cell);
        if (d) {
          h.place = d[1];
          h.issuedOn = d[2] ? isoDate(+d[4], +d[3], +d[2]) : null;
        } else {
          const dn = PLACE_DATE_NUMERIC.exec(cell);
          if (dn) {
            h.place = dn[1];
            h.issuedOn = isoDate(+dn[4], +dn[3], +dn[2]);
          }
        }
      }
    }
    const first = cells[0];
    if (titleAt < 0 && TITLE.test(lines[i])) {
      titleAt = i;
      issuerDone = true;
    }
    if (!issuerDone && titleAt < 0) {
      if (isUpper(first) && !MOTTO.test(first) && first.length <= 120) issuerParts.push(first);
      else if (issuerParts.length > 0 || !MOTTO.test(first))
        issuerDone = issuerParts.length > 0 || !isUpper(first);
    }
  }
  if (issuerParts.length > 0) h.issuer = issuerParts.join(' ');
  if (titleAt >= 0) {
    let title = lines[titleAt];
    const next = lines[titleAt + 1];
    // A bare "KẾ HOẠCH" is followed by its subject line ("thực hiện Nghị quyết …"); the intro
    // paragraph that ends with ":" is not part of the title.
    if (
      next !== undefined &&
      title.length < 60 &&
      !TITLE.test(next) &&
      next.length <= 400 &&
      !/:$/.test(next)
    ) {
      title = `${title} ${next}`;
    }
    h.title = title;
  } else {
    const named = lines.find(
      (l) => /^(?:Kế hoạch|Chương trình hành động|Chương trình)\s/u.test(l) && l.length <= 300,
    );
    if (named) h.title = named;
  }
  const intro = lines.join('\n');
  if (!h.title) {
    const t = INTRO_TITLE.exec(intro);
    if (t) h.title = t[1].trim();
    else if (lines.length > 0) h.title = lines[0].slice(0, 200);
  }
  if (!h.issuer) {
    const m = INTRO_ISSUER.exec(intro);
    if (m) h.issuer = cleanAgencyName(m[1]);
  }
  return h;
}

// ---------------------------------------------------------------- tables

function tableColumns(cells: string[]): TableColumns | null {
  const find = (re: RegExp, not?: RegExp) =>
    cells.findIndex((c) => re.test(c.toLowerCase()) && !(not && not.test(c.toLowerCase())));
  const content = find(
    /nội dung|nhiệm vụ|công việc|tên (?:đề án|nhiệm vụ|hoạt động)|hoạt động/u,
    /chủ trì|phối hợp|thời gian/u,
  );
  const lead = find(
    /chủ trì|(?:cơ quan|đơn vị)(?:,? (?:đơn vị|cơ quan))? (?:thực hiện|đầu mối)|thực hiện/u,
    /phối hợp|thời gian|nội dung/u,
  );
  if (content < 0 || lead < 0 || content === lead) return null;
  return {
    stt: find(/^(?:stt|tt|số tt|số thứ tự)\.?$/u),
    content,
    lead,
    partners: find(/phối hợp/u),
    product: find(/sản phẩm|kết quả/u),
    time: find(/thời gian|thời hạn|tiến độ|hoàn thành/u, /chủ trì|phối hợp/u),
  };
}

// ---------------------------------------------------------------- the parse

const SEE_APPENDIX = /^\(?\s*(?:chi tiết|nội dung|danh mục|có|theo)[^()]{0,80}phụ lục[^()]{0,80}\)?\.?$/iu;
const ROMAN_ROW = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$|^[A-Z]$/;

export function parsePlan(input: string): Plan {
  const legacy = fixLegacyText(typeof input === 'string' ? input : '');
  const warnings: ParseWarning[] = [...legacy.warnings];
  const { text, lineMap } = normalizeWithMap(legacy.text);
  const lines = text === '' ? [] : text.split('\n');
  const at = (i: number) => lineMap[i] ?? 0;
  const classified = lines.map((l) => classifyLine(l));

  // The header/intro ends at the first part heading, numbered item, footer or task-table header.
  let bodyStart = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const c = classified[i];
    if (
      c.kind === 'part' ||
      c.kind === 'item' ||
      c.kind === 'footer' ||
      c.kind === 'appendix' ||
      (c.kind === 'row' && c.cells && tableColumns(c.cells))
    ) {
      bodyStart = i;
      break;
    }
  }
  const header = readHeader(lines.slice(0, bodyStart));

  const bodies: SectionBody[] = [];
  let current: SectionBody | null = null;
  let stack: Node[] = [];
  let inFooter = false;
  const footerLines: string[] = [];
  let table: TableColumns | null = null;
  let appendixCount = 0;
  const firstRoman = classified.find((c) => c.kind === 'part')?.number ?? null;
  const usedSectionIds = new Set<string>();

  const openSection = (id: string, heading: string, kind: Section['kind']) => {
    let unique = id;
    for (let k = 2; usedSectionIds.has(unique); k++) unique = `${id}-${k}`;
    usedSectionIds.add(unique);
    const root = newNode('root', -1, '', heading, 0);
    current = { section: { id: unique, heading, kind }, root, tables: [] };
    bodies.push(current);
    stack = [root];
    table = null;
  };
  const openAppendix = (heading: string) => {
    appendixCount++;
    openSection(appendixCount === 1 ? 'PL' : `PL${appendixCount}`, heading, 'tasks');
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const c = classified[i];
    const line = at(i);
    if (c.kind === 'footer') {
      inFooter = true;
      current = null;
      table = null;
      footerLines.push(lines[i]);
      continue;
    }
    if (c.kind === 'appendix') {
      inFooter = false;
      // "PHỤ LỤC" is usually followed by its title line ("Danh mục nhiệm vụ …").
      const next = lines[i + 1];
      const withTitle = next !== undefined && classified[i + 1].kind === 'text' && next.length <= 400;
      openAppendix(withTitle ? `${lines[i]} ${next}` : lines[i]);
      if (withTitle) i++;
      continue;
    }
    if (c.kind === 'row' && c.cells) {
      const cols = tableColumns(c.cells);
      if (cols) {
        if (inFooter || current === null) {
          inFooter = false;
          openAppendix('Phụ lục');
        }
        table = cols;
        continue;
      }
      if (table && current) {
        (current as SectionBody).tables.push({ cells: c.cells, columns: table, line });
        continue;
      }
    } else {
      table = null;
    }
    if (inFooter) {
      footerLines.push(lines[i]);
      continue;
    }
    if (c.kind === 'part') {
      const id = appendixCount > 0 ? `PL.${c.number}` : c.number;
      openSection(id, c.text, sectionKind(c.text));
      continue;
    }
    if (current === null) {
      // Numbered items before any part heading: the part heading was lost in copying.
      if (c.kind === 'text' || c.kind === 'row') continue;
      const lostId = firstRoman === 'II' ? 'I' : 'S1';
      openSection(lostId, '', inferredKind(c.text));
    }
    if (c.kind === 'text' || c.kind === 'row') {
      const top = stack[stack.length - 1];
      top.extra.push({ text: c.kind === 'row' ? (c.cells ?? []).join(' | ') : lines[i], line });
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1].rank >= c.rank) stack.pop();
    const node = newNode(c.kind, c.rank, c.number, c.text, line);
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  }

  const planYear = header.issuedOn ? +header.issuedOn.slice(0, 4) : null;
  const tasks: Task[] = [];
  const agencies = new Map<string, Agency>();
  const taskIds = new Set<string>();
  const dupCounter = new Map<string, number>();
  const keyCache = new Map<string, string>();
  const noteAgency = (name: string | null): string | null => {
    if (!name) return null;
    let key = keyCache.get(name);
    if (key === undefined) {
      key = agencyKey(name);
      keyCache.set(name, key);
    }
    if (!key) return null;
    if (!agencies.has(key)) agencies.set(key, { key, name: cleanAgencyName(name) });
    return key;
  };
  const addTask = (t: Omit<Task, 'id'>) => {
    let id = `${t.section}.${t.number}`;
    if (taskIds.has(id)) {
      // Remember the last suffix per id so a table that numbers every row "1" stays linear.
      let k = (dupCounter.get(id) ?? 1) + 1;
      while (taskIds.has(`${id}#${k}`)) k++;
      dupCounter.set(id, k);
      warnings.push(
        warning(
          'duplicate-number',
          t.line,
          `Số thứ tự "${t.number}" bị trùng trong phần ${t.section}; nhiệm vụ được đặt mã ${id}#${k}.`,
          `Number "${t.number}" repeats in part ${t.section}; the task gets id ${id}#${k}.`,
        ),
      );
      id = `${id}#${k}`;
    }
    taskIds.add(id);
    if (t.deadlines.length === 0) {
      t.deadlines = [{ ...NO_DEADLINE }];
      warnings.push(
        warning(
          'no-deadline',
          t.line,
          `Nhiệm vụ ${id} không ghi thời hạn.`,
          `Task ${id} has no deadline note.`,
        ),
      );
    }
    // No copy: tasks are built once here, and big tables make millions of short-lived objects otherwise.
    const task = t as Task;
    task.id = id;
    tasks.push(task);
  };

  for (const body of bodies) {
    if (body.section.kind !== 'tasks') continue;
    walkSection(body);
    readTables(body);
  }

  function unnumbered(sectionId: string, p: { text: string; line: number }) {
    warnings.push(
      warning(
        'unnumbered-text',
        p.line,
        `Đoạn văn không đánh số trong phần ${sectionId} không được tính là nhiệm vụ: "${excerpt(p.text)}"`,
        `An unnumbered paragraph in part ${sectionId} was not taken as a task: "${excerpt(p.text)}"`,
      ),
    );
  }

  function seeAppendix(sectionId: string, p: { text: string; line: number }) {
    warnings.push(
      warning(
        'see-appendix',
        p.line,
        `Phần ${sectionId} chuyển tới phụ lục ("${excerpt(p.text)}"); nhiệm vụ được đọc từ bảng phụ lục.`,
        `Part ${sectionId} refers to the appendix ("${excerpt(p.text)}"); tasks are read from the appendix table.`,
      ),
    );
  }

  interface Context {
    group: string | null;
    lead: string | null;
    partners: string[];
    deadlines: Deadline[];
    underAgency: boolean;
  }

  function isNumbered(n: Node): boolean {
    return n.kind === 'item' || n.kind === 'point';
  }

  function headingLike(n: Node): boolean {
    const t = n.text.trim();
    return isAgencyHeading(t) || /:$/.test(t) || (t.length <= 100 && !/[.;!?)]$/.test(t));
  }

  function isContainer(n: Node): boolean {
    if (n.kind === 'root') return true;
    if (n.children.some(isNumbered)) return true;
    return n.children.length > 0 && headingLike(n);
  }

  function printed(n: Node): string {
    if (n.kind === 'point') return `${n.number}) ${n.text}`;
    if (n.kind === 'dash') return `- ${n.text}`;
    if (n.kind === 'plus') return `+ ${n.text}`;
    if (n.kind === 'item') return `${n.number}. ${n.text}`;
    return n.text;
  }

  function fullText(n: Node, own = true): string {
    const parts: string[] = own ? [n.text] : [];
    for (const e of n.extra) parts.push(e.text);
    for (const ch of n.children) {
      parts.push(printed(ch));
      const rest = fullText(ch, false);
      if (rest) parts.push(rest);
    }
    return parts.join('\n');
  }

  function childNumber(parent: Node, child: Node, bulletIndex: number): string {
    if (child.kind === 'item') return child.number;
    const base = parent.kind === 'root' ? '' : parent.number;
    if (child.kind === 'point') return base ? `${base}.${child.number}` : child.number;
    return base ? `${base}-${bulletIndex}` : String(bulletIndex);
  }

  function walkSection(body: SectionBody) {
    const root = body.root;
    const sid = body.section.id;
    const ctx: Context = { group: null, lead: null, partners: [], deadlines: [], underAgency: false };
    if (root.children.length === 0 && body.tables.length === 0) {
      // A task part written as plain paragraphs: each paragraph is a task.
      let k = 0;
      for (const p of root.extra) {
        if (SEE_APPENDIX.test(p.text)) seeAppendix(sid, p);
        else emitTask(sid, String(++k), p.text, p.line, ctx);
      }
      return;
    }
    for (const p of root.extra) {
      if (SEE_APPENDIX.test(p.text)) seeAppendix(sid, p);
      else unnumbered(sid, p);
    }
    walkChildren(sid, root, ctx);
  }

  function walkChildren(sid: string, parent: Node, ctx: Context) {
    let bullets = 0;
    for (const child of parent.children) {
      if (child.kind === 'dash' || child.kind === 'plus') bullets++;
      const number = childNumber(parent, child, bullets);
      child.number = number;
      if (isContainer(child)) walkContainer(sid, child, ctx);
      else emitTask(sid, number, fullText(child), child.line, ctx);
    }
  }

  function walkContainer(sid: string, node: Node, ctx: Context) {
    const heading = node.text.trim();
    const own = findRoles(heading);
    let lead: string | null = null;
    let partners: string[] = [];
    let underAgency = ctx.underAgency;
    const named = own.lead ? null : agencyFromHeading(heading);
    if (own.lead) {
      lead = own.lead;
      partners = own.partners;
    } else if (named) {
      lead = named;
      underAgency = true;
    } else {
      const subject = /^([^:]{2,150}):/u.exec(heading);
      if (subject && isAgencyHeading(subject[1])) lead = cleanAgencyName(subject[1]);
    }
    const notes = extractDeadlines(heading, planYear);
    const next: Context = {
      group: `${printed(node)}`.trim(),
      lead: lead ?? ctx.lead,
      partners: lead ? partners : ctx.partners,
      deadlines: notes.length > 0 ? notes : ctx.deadlines,
      underAgency: underAgency || lead !== null,
    };
    for (const p of node.extra) unnumbered(sid, p);
    walkChildren(sid, node, next);
  }

  function emitTask(sid: string, number: string, text: string, line: number, ctx: Context) {
    const body = stripEndMark(text);
    const roles = findRoles(body);
    let lead = roles.lead;
    let partners = roles.partners;
    if (!lead) {
      if (ctx.lead) {
        lead = ctx.lead;
        partners = partners.length > 0 ? partners : ctx.partners;
      } else if (!ctx.underAgency) {
        lead = leadingAgency(body);
      }
    }
    const deadlines = extractDeadlines(body, planYear);
    addTask({
      section: sid,
      number,
      group: ctx.group,
      lead: noteAgency(lead),
      partners: uniqueKeys(
        partners.map((p) => noteAgency(p)),
        lead,
      ),
      text: body,
      deadlines: deadlines.length > 0 ? deadlines : ctx.deadlines.map((d) => ({ ...d })),
      references: extractReferences(body),
      line,
    });
  }

  function uniqueKeys(keys: (string | null)[], lead: string | null): string[] {
    const leadKey = lead ? noteAgency(lead) : null;
    const out: string[] = [];
    for (const k of keys) if (k && k !== leadKey && !out.includes(k)) out.push(k);
    return out;
  }

  function readTables(body: SectionBody) {
    const sid = body.section.id;
    let group: string | null = null;
    let groupNo = '';
    let generated = 0;
    let last: Task | null = null;
    for (const row of body.tables) {
      const col = row.columns;
      const cell = (i: number) => (i >= 0 && i < row.cells.length ? row.cells[i] : '');
      const stt = cell(col.stt).replace(/[.)]+$/, '');
      const content = cell(col.content);
      const otherFilled = [col.lead, col.partners, col.product, col.time].some((i) => cell(i) !== '');
      if (stt && ROMAN_ROW.test(stt) && stt !== '') {
        group = `${stt}. ${content}`.trim();
        groupNo = stt;
        continue;
      }
      if (!content) {
        if (row.cells.some((c) => c !== '')) {
          unnumbered(sid, { text: row.cells.join(' | '), line: row.line });
        }
        continue;
      }
      if (!stt && !otherFilled && last) {
        // A cell wrapped onto its own row: it continues the previous task.
        last.text += '\n' + content;
        continue;
      }
      const leads = splitAgencies(cell(col.lead));
      const lead = leads[0] ?? null;
      const partners = [...leads.slice(1), ...splitAgencies(cell(col.partners))];
      const timeCell = cell(col.time);
      const deadlines: Deadline[] = [];
      if (timeCell) {
        const d = classifyDeadline(timeCell, planYear);
        if (d) deadlines.push(d);
        else
          warnings.push(
            warning(
              'deadline-unrecognised',
              row.line,
              `Không hiểu được thời hạn "${timeCell}".`,
              `Could not read the deadline "${timeCell}".`,
            ),
          );
      }
      if (deadlines.length === 0) deadlines.push(...extractDeadlines(content, planYear));
      const number = stt
        ? groupNo
          ? `${groupNo}.${stt}`
          : stt
        : `${groupNo ? groupNo + '.' : ''}r${++generated}`;
      const product = cell(col.product);
      addTask({
        section: sid,
        number,
        group,
        lead: noteAgency(lead),
        partners: uniqueKeys(
          partners.map((p) => noteAgency(p)),
          lead,
        ),
        text: content,
        deadlines,
        references: extractReferences(content),
        line: row.line,
        ...(product ? { product } : {}),
      });
      last = tasks[tasks.length - 1];
    }
  }

  const sections = bodies.map((b) => b.section);
  if (sections.length === 0 && tasks.length === 0) {
    warnings.push(
      warning(
        'no-structure',
        0,
        'Không tìm thấy cấu trúc kế hoạch (các phần I., II. hay mục 1., 2.).',
        'No plan structure found (no parts I., II. or items 1., 2.).',
      ),
    );
  } else if (tasks.length === 0) {
    warnings.push(
      warning(
        'no-tasks',
        0,
        'Không tìm thấy nhiệm vụ nào (không có phần NHIỆM VỤ, TỔ CHỨC THỰC HIỆN hay bảng phân công).',
        'No tasks found (no NHIỆM VỤ / TỔ CHỨC THỰC HIỆN part or assignment table).',
      ),
    );
  }

  const footerCells = footerLines.flatMap((l) => cellsOf(l)).filter((c) => c !== '');
  const signer = [...footerCells].reverse().find((c) => PERSON.test(c)) ?? null;
  let issuer = header.issuer;
  if (!issuer) {
    const tm = footerCells.find((l) => /^(?:T\/M|TM\.?)\s/u.test(l));
    if (tm) issuer = tm.replace(/^(?:T\/M|TM\.?)\s*/u, '').trim();
  }

  return {
    title: header.title,
    number: header.number,
    issuedOn: header.issuedOn,
    issuer,
    place: header.place,
    signer,
    sections,
    agencies: [...agencies.values()],
    tasks,
    warnings,
  };
}

function excerpt(s: string): string {
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

/** "…Tỉnh ủy./." — the end-of-document mark is not part of the last task. */
function stripEndMark(text: string): string {
  return text.replace(/\.\/[.\p{L}]{0,3}\s*$/u, '.').trim();
}

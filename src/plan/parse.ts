/**
 * parsePlan: any text of a Kế hoạch → sections, agencies, tasks, deadlines and warnings.
 *
 * Small passes over plain data, each a module with its own tests:
 *   decode (decode.ts, legacy.ts) → normalise (normalize.ts) → lines with their features (lines.ts,
 *   structure.ts) → the document's blocks: a decision carrying the plan, header, body, closing block
 *   (header.ts) → outline: parts, items, attribute lines, tables (outline.ts, table-columns.ts) →
 *   tasks: leads, partners, deadlines (tasks.ts, tables.ts, roles.ts, agency.ts, deadline.ts) →
 *   ids, agency keys, references, warnings and confidence (here, confidence.ts).
 *
 * Decisions:
 * - Lines (`task.line`, `warning.line`) are 1-based lines of the ORIGINAL input given to parsePlan.
 * - A decision that issues a plan ("QUYẾT ĐỊNH … Ban hành kèm theo Quyết định này Kế hoạch …") gives
 *   its facts to `plan.decision`; the plan's tasks come from the attached plan only, and the plan
 *   takes the decision's number and date when it has none of its own.
 * - Every task has at least one deadline; with no note it is `{category:'none', raw:'', due:null}`
 *   and a `no-deadline` warning. Every task has a confidence with its reasons.
 */
import { agencyKey, cleanAgencyName } from './agency';
import { assess } from './confidence';
import { NO_DEADLINE } from './deadline';
import { fixLegacyText } from './decode';
import type { TaskDraft } from './draft';
import { attachedPlanStart, issuedWith, readHeader, readSigner, type Header } from './header';
import { readLines, type PlanLine } from './lines';
import { normalizeLines } from './normalize';
import { bodyStart, buildOutline } from './outline';
import { classifyLine } from './structure';
import { extractReferences } from './references';
import { readTasks } from './tasks';
import type { Agency, Decision, ParseWarning, Plan, Task } from './types';
import { warning } from './warnings';

interface Blocks {
  decision: Decision | null;
  header: Header;
  /** Lines of the plan itself (after the decision, when there is one). */
  lines: readonly PlanLine[];
  start: number;
}

function decisionOf(lines: readonly PlanLine[]): { decision: Decision; place: string | null } {
  const header = readHeader(lines);
  const closingAt = lines.findIndex((l) => l.kind === 'footer');
  const { signer } = readSigner(closingAt >= 0 ? lines.slice(closingAt) : []);
  const decision: Decision = {
    title: header.title,
    number: header.number,
    issuedOn: header.issuedOn,
    issuer: header.issuer,
    signer,
  };
  return { decision, place: header.place };
}

const CAPTION = /^\(\s*(?:Ban hành kèm theo|Kèm theo)\s/u;

function blocks(all: readonly PlanLine[]): Blocks {
  const attached = attachedPlanStart(all);
  if (!attached) {
    const start = bodyStart(all);
    const header = readHeader(all.slice(0, start));
    if (!header.number && !header.issuedOn) {
      // A copy without its header block: an appendix's caption names the document it goes with
      // ("(Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 của Ban Chỉ đạo)").
      const caption = all.map((l) => (CAPTION.test(l.raw) ? issuedWith(l.raw) : null)).find((x) => x?.number);
      if (caption) {
        header.number = caption.number;
        header.issuedOn = caption.issuedOn;
      }
    }
    return { decision: null, header, lines: all, start };
  }
  const decisionLines = all.slice(0, attached.line);
  if (attached.offset > 0) {
    const glued = all[attached.line];
    decisionLines.push({ ...glued, raw: glued.raw.slice(0, attached.offset).trim() });
  }
  const { decision, place } = decisionOf(decisionLines);
  let lines = all.slice(attached.line);
  if (attached.offset > 0) {
    // The title glued to the decision's signature opens the plan on a line of its own.
    const first = lines[0];
    const title = first.raw.slice(attached.offset);
    lines = [{ ...classifyLine(title), raw: title, at: first.at, joined: false }, ...lines.slice(1)];
  }
  const start = bodyStart(lines);
  const header = readHeader(lines.slice(0, start));
  const issued = lines
    .slice(0, Math.max(start, 1))
    .map((l) => issuedWith(l.raw))
    .find((x) => x !== null);
  if (!header.number) header.number = issued?.number ?? decision.number;
  if (!header.issuedOn) header.issuedOn = issued?.issuedOn ?? decision.issuedOn;
  if (!header.issuer) header.issuer = decision.issuer;
  if (!header.place) header.place = place;
  return { decision, header, lines, start };
}

export function parsePlan(input: string): Plan {
  const legacy = fixLegacyText(typeof input === 'string' ? input : '');
  const warnings: ParseWarning[] = [...legacy.warnings];
  const normalized = normalizeLines(legacy.text);
  const { decision, header, lines, start } = blocks(
    readLines(normalized.lines, normalized.lineMap, normalized.joined),
  );
  const outline = buildOutline(lines, start);
  const planYear = header.issuedOn ? +header.issuedOn.slice(0, 4) : null;
  const found = readTasks(outline, planYear);
  warnings.push(...found.warnings);

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

  const toTask = (d: TaskDraft): Task => {
    let id = `${d.section}.${d.number}`;
    if (taskIds.has(id)) {
      // Remember the last suffix per id so a table that numbers every row "1" stays linear.
      let k = (dupCounter.get(id) ?? 1) + 1;
      while (taskIds.has(`${id}#${k}`)) k++;
      dupCounter.set(id, k);
      warnings.push(
        warning(
          'duplicate-number',
          d.line,
          `Số thứ tự "${d.number}" bị trùng trong phần ${d.section}; nhiệm vụ được đặt mã ${id}#${k}.`,
          `Number "${d.number}" repeats in part ${d.section}; the task gets id ${id}#${k}.`,
        ),
      );
      id = `${id}#${k}`;
    }
    taskIds.add(id);
    if (d.deadlines.length === 0) {
      d.deadlines = [{ category: NO_DEADLINE.category, raw: NO_DEADLINE.raw, due: NO_DEADLINE.due }];
      warnings.push(
        warning(
          'no-deadline',
          d.line,
          `Nhiệm vụ ${id} không ghi thời hạn.`,
          `Task ${id} has no deadline note.`,
        ),
      );
    }
    const lead = noteAgency(d.lead);
    const partners: string[] = [];
    for (const p of d.partners) {
      const k = noteAgency(p);
      if (k && k !== lead && !partners.includes(k)) partners.push(k);
    }
    const { confidence, reasons } = assess(d);
    const references = extractReferences(d.text);
    // Two literals, not a conditional spread: the spread made every task a copy by a slow path (the
    // key order, which the JSON shows, is the same in both).
    if (d.product)
      return {
        id,
        section: d.section,
        number: d.number,
        group: d.group,
        lead,
        partners,
        text: d.text,
        deadlines: d.deadlines,
        references,
        line: d.line,
        product: d.product,
        confidence,
        reasons,
      };
    return {
      id,
      section: d.section,
      number: d.number,
      group: d.group,
      lead,
      partners,
      text: d.text,
      deadlines: d.deadlines,
      references,
      line: d.line,
      confidence,
      reasons,
    };
  };
  for (const d of found.drafts) tasks.push(toTask(d));

  const sections = outline.sections.map((b) => b.section);
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

  const closing = readSigner(outline.footer);
  const plan: Plan = {
    title: header.title,
    number: header.number,
    issuedOn: header.issuedOn,
    issuer: header.issuer ?? closing.body,
    place: header.place,
    signer: closing.signer ?? decision?.signer ?? null,
    sections,
    agencies: [...agencies.values()],
    tasks,
    warnings,
  };
  if (decision) plan.decision = decision;
  return plan;
}

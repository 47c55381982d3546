/**
 * plan-tracker parse FILE [--json] [--lang vi|en]
 * Reads a plan (.txt/.docx), prints its structure: one JSON object with --json (each task with its
 * confidence and reasons, and the decision that issues the plan), else a Vietnamese outline that
 * opens with the low-confidence tasks to review. Unreadable, empty or structureless input is bad input: exit 2, message on stderr,
 * nothing on stdout.
 */
import { readPlanFile, type Plan } from '../../app/plan-file';
import { columnHeader } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { LocalizedError, localize, localizeAll, type Msg } from '../../model/msg';
import { CATEGORY_LABELS } from '../../model/labels';
import { commandArgs, COMMON_FLAGS } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker parse KẾ_HOẠCH.(txt|docx) [--json] [--lang vi|en]',
  en: 'Usage: plan-tracker parse PLAN.(txt|docx) [--json] [--lang vi|en]',
};

export function planJson(plan: Plan): object {
  return {
    title: plan.title,
    number: plan.number,
    issuedOn: plan.issuedOn,
    issuer: plan.issuer,
    place: plan.place,
    signer: plan.signer,
    ...(plan.decision ? { decision: { ...plan.decision } } : {}),
    sections: plan.sections.map((s) => ({ id: s.id, heading: s.heading, kind: s.kind })),
    agencies: plan.agencies.map((a) => ({ key: a.key, name: a.name })),
    tasks: plan.tasks.map((t) => ({
      id: t.id,
      section: t.section,
      number: t.number,
      group: t.group,
      lead: t.lead,
      partners: t.partners,
      text: t.text,
      deadlines: t.deadlines.map((d) => ({ category: d.category, raw: d.raw, due: d.due })),
      references: t.references,
      line: t.line,
      ...(t.product ? { product: t.product } : {}),
      confidence: t.confidence ?? 'high',
      reasons: (t.reasons ?? []).map((r) => ({ code: r.code, message: r.msg.vi, messageEn: r.msg.en })),
    })),
    warnings: plan.warnings.map((w) => ({
      code: w.code,
      message: w.msg.vi,
      messageEn: w.msg.en,
      line: w.line,
    })),
  };
}

const WORDS = {
  untitled: { vi: '(không có tiêu đề)', en: '(no title)' },
  number: { vi: 'Số', en: 'Number' },
  date: { vi: 'Ngày', en: 'Date' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  context: { vi: ' (bối cảnh, không có nhiệm vụ)', en: ' (context, no tasks)' },
  noLead: { vi: 'chưa có cơ quan chủ trì', en: 'no lead agency' },
  partners: { vi: 'phối hợp', en: 'partners' },
  lead: { vi: 'Chủ trì', en: 'Lead' },
  warnings: { vi: 'Cảnh báo', en: 'Warnings' },
  line: { vi: 'dòng', en: 'line' },
  review: { vi: 'Cần xem lại', en: 'To review' },
} satisfies Record<string, Msg>;

function counts(plan: Plan): Msg {
  const [t, a, w] = [plan.tasks.length, plan.agencies.length, plan.warnings.length];
  return { vi: `${t} nhiệm vụ, ${a} cơ quan, ${w} cảnh báo`, en: `${t} tasks, ${a} agencies, ${w} warnings` };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 90 ? line.slice(0, 87) + '…' : line;
}

function outline(plan: Plan, lang: Lang): string {
  const w = localizeAll(WORDS, lang);
  const names = new Map(plan.agencies.map((a) => [a.key, a.name]));
  const out: string[] = [];
  out.push(plan.title || w.untitled);
  const meta = [
    plan.number ? `${w.number}: ${plan.number}` : null,
    plan.issuedOn ? `${w.date}: ${plan.issuedOn}` : null,
    plan.issuer ? `${w.issuer}: ${plan.issuer}` : null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  out.push(localize(counts(plan), lang));
  // The tasks the parser is least sure of come first, so a person checks them before building.
  const low = plan.tasks.filter((t) => t.confidence === 'low');
  if (low.length) {
    out.push('');
    out.push(`${w.review} (${low.length}):`);
    for (const t of low) {
      out.push(`  ${t.id}  ${firstLine(t.text)}`);
      out.push(`      ${(t.reasons ?? []).map((r) => localize(r.msg, lang)).join(' ')}`);
    }
  }
  for (const s of plan.sections) {
    out.push('');
    out.push(`${s.id}. ${s.heading}${s.kind === 'context' ? w.context : ''}`);
    let group: string | null = null;
    for (const t of plan.tasks.filter((x) => x.section === s.id)) {
      if (t.group !== group) {
        group = t.group;
        if (group) out.push(`  ${group}`);
      }
      const lead = t.lead ? (names.get(t.lead) ?? t.lead) : w.noLead;
      const partners = t.partners.length
        ? `; ${w.partners}: ${t.partners.map((p) => names.get(p) ?? p).join(', ')}`
        : '';
      const deadlines = t.deadlines
        .map((d) => `${CATEGORY_LABELS[d.category][lang]}${d.due ? ` ${d.due}` : ''}`)
        .join(', ');
      out.push(`    ${t.id}  ${firstLine(t.text)}`);
      out.push(`        ${w.lead}: ${lead}${partners} · ${columnHeader('due', lang)}: ${deadlines}`);
    }
  }
  if (plan.warnings.length) {
    out.push('');
    out.push(`${w.warnings}:`);
    for (const x of plan.warnings)
      out.push(`  [${x.code}]${x.line ? ` ${w.line} ${x.line}` : ''}: ${localize(x.msg, lang)}`);
  }
  return out.join('\n');
}

const ONE_PLAN: Msg = { vi: 'Cần đúng một tệp kế hoạch.', en: 'Exactly one plan file is needed.' };

export const ARGS = {
  help: true,
  flags: { json: COMMON_FLAGS.json, lang: COMMON_FLAGS.lang },
  positional: { min: 1, max: 1, tooFew: ONE_PLAN, tooMany: () => ONE_PLAN },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { json } = parsed.flags;
  const file = parsed.positional[0];
  const { plan } = await readPlanFile(await readNamedFile(io, file));
  if (plan.sections.length === 0 && plan.tasks.length === 0)
    throw new LocalizedError({
      vi: `"${file}": không nhận ra cấu trúc kế hoạch (không có phần I., II. hay mục 1., 2.).`,
      en: `"${file}": no plan structure found (no parts I., II. or items 1., 2.).`,
    });
  io.out(json ? JSON.stringify(planJson(plan), null, 2) : outline(plan, parsed.flags.lang));
  return 0;
}

/**
 * plan-tracker parse FILE [--json]
 * Reads a plan (.txt/.docx), prints its structure: one JSON object with --json, else a Vietnamese
 * outline. Unreadable, empty or structureless input → exit 1, message on stderr, nothing on stdout.
 */
import { commandArgs, COMMON_FLAGS } from '../args';
import type { CliIo } from '../io';
import { loadPlanFile, PlanLoadError } from '../load-plan';
import { parsePlan } from '../../plan/parse';
import type { ParseWarning, Plan } from '../../plan/types';
import { CATEGORY_LABELS } from '../../model/labels';

const USAGE = `Cách dùng / Usage: plan-tracker parse KẾ_HOẠCH.(txt|docx) [--json]`;

export function planJson(plan: Plan): object {
  return {
    title: plan.title,
    number: plan.number,
    issuedOn: plan.issuedOn,
    issuer: plan.issuer,
    place: plan.place,
    signer: plan.signer,
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
    })),
    warnings: plan.warnings.map((w) => ({
      code: w.code,
      message: w.msg.vi,
      messageEn: w.msg.en,
      line: w.line,
    })),
  };
}

function outline(plan: Plan): string {
  const names = new Map(plan.agencies.map((a) => [a.key, a.name]));
  const out: string[] = [];
  out.push(plan.title || '(không có tiêu đề)');
  const meta = [
    plan.number ? `Số: ${plan.number}` : null,
    plan.issuedOn ? `Ngày: ${plan.issuedOn}` : null,
    plan.issuer ? `Cơ quan ban hành: ${plan.issuer}` : null,
  ].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  out.push(
    `${plan.tasks.length} nhiệm vụ, ${plan.agencies.length} cơ quan, ${plan.warnings.length} cảnh báo`,
  );
  for (const s of plan.sections) {
    out.push('');
    out.push(`${s.id}. ${s.heading}${s.kind === 'context' ? ' (bối cảnh, không có nhiệm vụ)' : ''}`);
    let group: string | null = null;
    for (const t of plan.tasks.filter((x) => x.section === s.id)) {
      if (t.group !== group) {
        group = t.group;
        if (group) out.push(`  ${group}`);
      }
      const lead = t.lead ? (names.get(t.lead) ?? t.lead) : 'chưa rõ cơ quan chủ trì';
      const partners = t.partners.length
        ? `; phối hợp: ${t.partners.map((p) => names.get(p) ?? p).join(', ')}`
        : '';
      const deadlines = t.deadlines
        .map((d) => `${CATEGORY_LABELS[d.category].vi}${d.due ? ` ${d.due}` : ''}`)
        .join(', ');
      const text = t.text.split('\n')[0];
      out.push(`    ${t.id}  ${text.length > 90 ? text.slice(0, 87) + '…' : text}`);
      out.push(`        Chủ trì: ${lead}${partners} · Thời hạn: ${deadlines}`);
    }
  }
  if (plan.warnings.length) {
    out.push('');
    out.push('Cảnh báo:');
    for (const w of plan.warnings) out.push(`  [${w.code}]${w.line ? ` dòng ${w.line}` : ''}: ${w.msg.vi}`);
  }
  return out.join('\n');
}

const ONE_PLAN = 'Cần đúng một tệp kế hoạch / Exactly one plan file is needed.';

const ARGS = {
  help: true,
  flags: { json: COMMON_FLAGS.json },
  positional: { min: 1, max: 1, tooFew: ONE_PLAN, tooMany: () => ONE_PLAN },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const { json } = parsed.flags;
  const files = parsed.positional;
  const { resolve } = await import('node:path');
  const path = resolve(io.cwd, files[0]);
  let text: string;
  let loadWarnings: ParseWarning[];
  try {
    const loaded = await loadPlanFile(path);
    text = loaded.text;
    loadWarnings = loaded.warnings;
  } catch (e) {
    if (e instanceof PlanLoadError) {
      io.err(`Lỗi: ${e.messageVi}\nError: ${e.messageEn}`);
      return 1;
    }
    throw e;
  }
  if (text.trim() === '') {
    io.err(`Lỗi: Tệp "${files[0]}" không có nội dung.\nError: The file "${files[0]}" has no text.`);
    return 1;
  }
  const plan = parsePlan(text);
  // The decoder already converted legacy text; keep its warnings, not a second copy from the parser.
  const codes = new Set(plan.warnings.map((w) => w.code));
  plan.warnings.unshift(...loadWarnings.filter((w) => !codes.has(w.code)));
  if (plan.sections.length === 0 && plan.tasks.length === 0) {
    io.err(
      'Lỗi: Không nhận ra cấu trúc kế hoạch (không có phần I., II. hay mục 1., 2.).\n' +
        'Error: No plan structure found (no parts I., II. or items 1., 2.).',
    );
    return 1;
  }
  io.out(json ? JSON.stringify(planJson(plan), null, 2) : outline(plan));
  return 0;
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePlan } from '../../plan/parse';
import type { Plan } from '../../plan/types';
import { planFingerprint } from '../../tracking/fingerprint';
import { buildWorkbookSpec } from '../../workbook/build';
import { isoToVn, todayIso } from '../../model/dates';
import type { Lang } from '../../workbook/types';
import { zlibEngine } from '../../xlsx/node-deflate';
import { writeXlsxTo } from '../../xlsx/write';
import { commandArgs, COMMON_FLAGS, usageError } from '../args';
import { errorText, type CliIo } from '../io';
import { loadPlanFile, PlanLoadError } from '../load-plan';
import { overwriteRefusal, writeOutputFile, xlsxPathProblem } from '../output-file';

const USAGE =
  'Cách dùng / Usage: plan-tracker build KẾ_HOẠCH -o SO_THEO_DOI.xlsx [--report-date YYYY-MM-DD] [--lang vi|en] [--force]';

/** Reads and parses a plan file: the text as read (for the fingerprint) and the plan. */
export type PlanLoader = (path: string) => Promise<{ plan: Plan; text: string }>;

const ARGS = {
  help: true,
  flags: {
    output: COMMON_FLAGS.output,
    reportDate: COMMON_FLAGS.reportDate,
    lang: COMMON_FLAGS.lang,
    force: COMMON_FLAGS.force,
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: 'Thiếu tệp kế hoạch. / Missing the plan file.',
    tooMany: () => 'Chỉ nhận một tệp kế hoạch. / Only one plan file is accepted.',
  },
} as const;

/** What the flags alone cannot say: the output is required and must be a workbook. */
function outputProblem(output: string | undefined): string | null {
  if (!output)
    return 'Thiếu tệp kết quả (-o SO_THEO_DOI.xlsx). / Missing the output file (-o tracking.xlsx).';
  return xlsxPathProblem(output);
}

async function defaultLoader(path: string): Promise<{ plan: Plan; text: string }> {
  const loaded = await loadPlanFile(path);
  const plan = parsePlan(loaded.text);
  // Decoding warnings (legacy encodings…) belong with the plan's own.
  return { plan: { ...plan, warnings: [...loaded.warnings, ...plan.warnings] }, text: loaded.text };
}

function summaryLine(plan: Plan, lang: Lang, reportDate: string): string {
  const leads = new Set(plan.tasks.map((t) => t.lead).filter((l): l is string => !!l));
  return lang === 'en'
    ? `${plan.tasks.length} tasks, ${plan.agencies.length} agencies (${leads.size} leading), report date ${isoToVn(reportDate)}.`
    : `${plan.tasks.length} nhiệm vụ, ${plan.agencies.length} cơ quan (${leads.size} cơ quan chủ trì), ngày báo cáo ${isoToVn(reportDate)}.`;
}

export async function run(args: string[], io: CliIo, loadPlan: PlanLoader = defaultLoader): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const opts = parsed.flags;
  const output = opts.output ?? '';
  const problem = outputProblem(output);
  if (problem) return usageError(problem, USAGE, io);
  const planPath = resolve(io.cwd, parsed.positional[0]);
  const outPath = resolve(io.cwd, output);
  if (!existsSync(planPath)) {
    io.err(`Không tìm thấy tệp kế hoạch: ${planPath} / Plan file not found: ${planPath}`);
    return 2;
  }
  const refusal = overwriteRefusal(outPath, opts.force);
  if (refusal) {
    io.err(refusal);
    return 2;
  }

  let loaded: { plan: Plan; text: string };
  try {
    loaded = await loadPlan(planPath);
  } catch (e) {
    if (e instanceof PlanLoadError) {
      io.err(`${e.messageVi}\n${e.messageEn}`);
      return 1;
    }
    const why = errorText(e);
    io.err(`Không đọc được kế hoạch ${planPath}: ${why} / Cannot read the plan ${planPath}: ${why}`);
    return 1;
  }
  const { plan, text } = loaded;
  if (plan.tasks.length === 0) {
    io.err(
      `Không tìm thấy nhiệm vụ nào trong ${planPath}; chưa tạo sổ theo dõi. / No tasks found in ${planPath}; no workbook written.`,
    );
    return 1;
  }

  const reportDate = opts.reportDate ?? todayIso();
  const fingerprint = await planFingerprint(plan, text);
  // Streamed to disk as it is written, with Node's zlib: a 50,000-task workbook never sits whole
  // in memory.
  const written = await writeOutputFile(
    outPath,
    {
      stream: (sink) =>
        writeXlsxTo(
          buildWorkbookSpec(plan, { lang: opts.lang, reportDate, sourceText: text, fingerprint }),
          sink,
          { deflate: zlibEngine(1) },
        ),
    },
    io,
    { createDirs: true },
  );
  if (!written) return 1;

  if (plan.warnings.length) {
    io.err(
      opts.lang === 'en'
        ? `${plan.warnings.length} warnings while reading the plan (see: plan-tracker parse).`
        : `${plan.warnings.length} cảnh báo khi đọc kế hoạch (xem: plan-tracker parse).`,
    );
  }
  io.out(opts.lang === 'en' ? `Tracking workbook written: ${outPath}` : `Đã tạo sổ theo dõi: ${outPath}`);
  io.out(summaryLine(plan, opts.lang, reportDate));
  return 0;
}

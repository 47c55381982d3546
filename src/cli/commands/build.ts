import { resolve } from 'node:path';
import { trackingFileSpec } from '../../app/build';
import { streamTrackingFile } from '../../app/build-stream';
import { readPlanFile, requireTasks, type LoadedPlan, type Plan } from '../../app/plan-file';
import { isoToVn, todayIso } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { localize, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS, describedAs, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { refuseOverwrite, requireXlsxPath, streamFileAtomically } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker build KẾ_HOẠCH -o SO_THEO_DOI.xlsx [--report-date dd/mm/yyyy] [--lang vi|en] [--force]',
  en: 'Usage: plan-tracker build PLAN -o TRACKING.xlsx [--report-date dd/mm/yyyy] [--lang vi|en] [--force]',
};

/** Reads and parses a plan file (as the user named it): the plan and its text as read. */
export type PlanLoader = (path: string, io: CliIo) => Promise<Pick<LoadedPlan, 'plan' | 'text'>>;

export const ARGS = {
  help: true,
  flags: {
    output: describedAs(
      COMMON_FLAGS.output,
      { vi: 'Sổ theo dõi sẽ tạo (bắt buộc).', en: 'The tracking workbook to write (required).' },
      ['SO_THEO_DOI.xlsx', 'TRACKING.xlsx'],
    ),
    reportDate: COMMON_FLAGS.reportDate,
    lang: COMMON_FLAGS.lang,
    force: COMMON_FLAGS.force,
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: { vi: 'Thiếu tệp kế hoạch.', en: 'Missing the plan file.' },
    tooMany: () => ({ vi: 'Chỉ nhận một tệp kế hoạch.', en: 'Only one plan file is accepted.' }),
  },
} as const;

const diskLoader: PlanLoader = async (path, io) => readPlanFile(await readNamedFile(io, path));

function summaryLine(plan: Plan, reportDate: string): Msg {
  const leads = new Set(plan.tasks.map((t) => t.lead).filter((l): l is string => !!l)).size;
  const [t, a, d] = [plan.tasks.length, plan.agencies.length, isoToVn(reportDate)];
  return {
    vi: `${t} nhiệm vụ, ${a} cơ quan (${leads} cơ quan chủ trì), ngày báo cáo ${d}.`,
    en: `${t} tasks, ${a} agencies (${leads} leading), report date ${d}.`,
  };
}

function warningLine(n: number): Msg {
  return {
    vi: `${n} cảnh báo khi đọc kế hoạch (xem: plan-tracker parse).`,
    en: `${n} warnings while reading the plan (see: plan-tracker parse).`,
  };
}

export async function run(args: string[], io: CliIo, loadPlan: PlanLoader = diskLoader): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { output, force } = parsed.flags;
  const lang: Lang = parsed.flags.lang;
  if (!output)
    throw new UsageError(
      { vi: 'Thiếu tệp kết quả (-o SO_THEO_DOI.xlsx).', en: 'Missing the output file (-o tracking.xlsx).' },
      USAGE,
    );
  requireXlsxPath(output);
  const planPath = parsed.positional[0];
  const outPath = resolve(io.cwd, output);
  refuseOverwrite(outPath, force);

  const { plan, text } = await loadPlan(planPath, io);
  requireTasks(plan, planPath);
  const reportDate = parsed.flags.reportDate ?? todayIso();
  const spec = await trackingFileSpec({ plan, sourceText: text, lang, reportDate });
  // Streamed to disk as it is written, with Node's zlib: a 50,000-task workbook never sits whole
  // in memory.
  await streamFileAtomically(outPath, (sink) => streamTrackingFile(spec, sink), { createDirs: true });

  if (plan.warnings.length) io.err(localize(warningLine(plan.warnings.length), lang));
  io.out(
    localize({ vi: `Đã tạo sổ theo dõi: ${outPath}`, en: `Tracking workbook written: ${outPath}` }, lang),
  );
  io.out(localize(summaryLine(plan, reportDate), lang));
  return 0;
}

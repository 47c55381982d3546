import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parsePlan } from '../../plan/parse';
import type { Plan } from '../../plan/types';
import { buildWorkbookSpec } from '../../workbook/build';
import { isIsoDate, isoToVn, todayIso } from '../../workbook/dates';
import type { Lang } from '../../workbook/types';
import { writeXlsx } from '../../xlsx/write';
import type { CliIo } from '../io';
import { loadPlanFile, PlanLoadError } from '../load-plan';

const USAGE =
  'Cách dùng / Usage: plan-tracker build KẾ_HOẠCH -o SO_THEO_DOI.xlsx [--report-date YYYY-MM-DD] [--lang vi|en] [--force]';

interface Options {
  plan: string;
  output: string;
  reportDate: string | null;
  lang: Lang;
  force: boolean;
}

/** Reads and parses a plan file: the text as read (for the fingerprint) and the plan. */
export type PlanLoader = (path: string) => Promise<{ plan: Plan; text: string }>;

function parseArgs(args: string[]): Options | string {
  const opts: Options = { plan: '', output: '', reportDate: null, lang: 'vi', force: false };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '-o':
      case '--output': {
        const v = value();
        if (!v) return 'Thiếu đường dẫn sau -o. / Missing path after -o.';
        opts.output = v;
        break;
      }
      case '--report-date': {
        const v = value();
        if (!v || !isIsoDate(v)) {
          return `Ngày báo cáo không hợp lệ: "${v ?? ''}" (cần YYYY-MM-DD). / Invalid report date: "${v ?? ''}" (expected YYYY-MM-DD).`;
        }
        opts.reportDate = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'vi' && v !== 'en') {
          return `Ngôn ngữ không hợp lệ: "${v ?? ''}" (vi hoặc en). / Invalid language: "${v ?? ''}" (vi or en).`;
        }
        opts.lang = v;
        break;
      }
      case '--force':
        opts.force = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') {
          return `Tuỳ chọn không hợp lệ: "${arg}". / Unknown option: "${arg}".`;
        }
        positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return positional.length
      ? 'Chỉ nhận một tệp kế hoạch. / Only one plan file is accepted.'
      : 'Thiếu tệp kế hoạch. / Missing the plan file.';
  }
  if (!opts.output)
    return 'Thiếu tệp kết quả (-o SO_THEO_DOI.xlsx). / Missing the output file (-o tracking.xlsx).';
  if (!/\.xlsx$/i.test(opts.output)) {
    return 'Tệp kết quả phải có đuôi .xlsx. / The output file must end in .xlsx.';
  }
  opts.plan = positional[0];
  return opts;
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
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.err(`${opts}\n${USAGE}`);
    return 2;
  }
  const planPath = resolve(io.cwd, opts.plan);
  const outPath = resolve(io.cwd, opts.output);
  if (!existsSync(planPath)) {
    io.err(`Không tìm thấy tệp kế hoạch: ${planPath} / Plan file not found: ${planPath}`);
    return 2;
  }
  if (existsSync(outPath) && !opts.force) {
    io.err(
      `Tệp đã tồn tại: ${outPath}. Thêm --force để ghi đè. / The file already exists: ${outPath}. Add --force to overwrite it.`,
    );
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
    const why = e instanceof Error ? e.message : String(e);
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
  const tmpPath = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const spec = buildWorkbookSpec(plan, { lang: opts.lang, reportDate, sourceText: text });
    const bytes = await writeXlsx(spec);
    await mkdir(dirname(outPath), { recursive: true });
    // Written aside and renamed, so a failure never leaves a half-written workbook at the target.
    await writeFile(tmpPath, bytes);
    await rename(tmpPath, outPath);
  } catch (e) {
    await rm(tmpPath, { force: true }).catch(() => undefined);
    const why = e instanceof Error ? e.message : String(e);
    io.err(`Không ghi được ${outPath}: ${why} / Cannot write ${outPath}: ${why}`);
    return 1;
  }

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

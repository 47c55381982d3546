import { resolve } from 'node:path';
import {
  periodWithDates,
  reportFile,
  reportWorkbook,
  type ReportOutcome,
  type RadarItem,
} from '../../app/report';
import { parsePeriod } from '../../app/summary';
import { scopeToPlan } from '../../app/plan-scope';
import { readTrackingFile } from '../../app/tracking-file';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { localize, localizeAll, type Msg } from '../../model/msg';
import {
  CALENDAR_FLAG,
  commandArgs,
  COMMON_FLAGS,
  describedAs,
  MISSING_TRACKING_WORKBOOK,
  officePeriod,
  PERIOD_FLAG,
  PLAN_FLAG,
} from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { refuseOverwrite, requireXlsxPath, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi:
    'Cách dùng: plan-tracker report SO_THEO_DOI.xlsx [--plan KẾ_HOẠCH] [-o BAO_CAO.xlsx] [--period 2024-Q2] [--calendar] ' +
    '[--report-date dd/mm/yyyy] [--issuer "CƠ QUAN"] [--place "Nơi"] [--json] [--lang vi|en] [--force]',
  en:
    'Usage: plan-tracker report TRACKING.xlsx [--plan PLAN] [-o REPORT.xlsx] [--period 2024-Q2] [--calendar] ' +
    '[--report-date dd/mm/yyyy] [--issuer "OFFICE"] [--place "Place"] [--json] [--lang vi|en] [--force]',
};

export const ARGS = {
  help: true,
  flags: {
    output: describedAs(
      COMMON_FLAGS.output,
      { vi: 'Ghi báo cáo thành tệp để in.', en: 'Also write the report as a workbook to print.' },
      ['BAO_CAO.xlsx', 'REPORT.xlsx'],
    ),
    period: PERIOD_FLAG,
    calendar: CALENDAR_FLAG,
    reportDate: COMMON_FLAGS.reportDate,
    issuer: {
      names: ['--issuer'],
      kind: 'string',
      value: ['"CƠ QUAN"', '"OFFICE"'],
      about: {
        vi: 'Tên cơ quan ở đầu báo cáo (để trống thì in dòng chấm).',
        en: 'The office named in the heading (dotted blank otherwise).',
      },
    },
    place: {
      names: ['--place'],
      kind: 'string',
      value: ['"NƠI"', '"PLACE"'],
      about: {
        vi: 'Địa danh ghi trước ngày tháng (để trống thì in dòng chấm).',
        en: 'The place written before the date (dotted blank otherwise).',
      },
    },
    plan: PLAN_FLAG,
    json: COMMON_FLAGS.json,
    lang: COMMON_FLAGS.lang,
    force: COMMON_FLAGS.force,
  },
  positional: { min: 1, max: 1, tooFew: MISSING_TRACKING_WORKBOOK },
} as const;

const WORDS = {
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  tasks: { vi: 'Nhiệm vụ', en: 'Tasks' },
  rate: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
  dueNext: { vi: 'Đến hạn đến hết kỳ tới', en: 'Due by the end of the next period' },
  errors: {
    vi: 'Lỗi số liệu chưa sửa (xem: plan-tracker check)',
    en: 'Unresolved data errors (see: plan-tracker check)',
  },
  written: { vi: 'Đã ghi báo cáo', en: 'Report written' },
} satisfies Record<string, Msg>;

function listed(items: readonly RadarItem[]): string[] {
  return items.map((i) => `  ${isoToVn(i.due)}  ${String(i.daysLeft).padStart(5)}  ${i.taskId}  ${i.lead}`);
}

export function formatReport(o: ReportOutcome, lang: Lang): string {
  const w = localizeAll(WORDS, lang);
  const rate = o.summary.total.completionRate;
  const out = [
    `${w.period}: ${periodWithDates(o.period, lang)}`,
    `${w.reportDate}: ${isoToVn(o.reportDate)}`,
    `${w.tasks}: ${o.summary.total.total}; ${w.rate}: ${rate === null ? '—' : `${(rate * 100).toFixed(1)}%`}`,
    `${w.errors}: ${o.errorFindings}`,
    '',
    `${w.overdue} (${o.overdue.length}):`,
    ...listed(o.overdue),
    `${w.dueNext}, ${periodWithDates(o.next, lang)} (${o.dueNext.length}):`,
    ...listed(o.dueNext),
  ];
  return out.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { lang, json, output, calendar, force, issuer, place } = parsed.flags;
  const convention = calendar ? 'calendar' : 'cutoff14';
  const period = parsed.flags.period ? parsePeriod(officePeriod(parsed.flags.period), convention) : null;
  const outPath = output ? resolve(io.cwd, output) : null;
  if (output && outPath) {
    requireXlsxPath(output);
    refuseOverwrite(outPath, force);
  }
  const whole = await readTrackingFile(await readNamedFile(io, parsed.positional[0]));
  const wb = parsed.flags.plan ? scopeToPlan(whole, parsed.flags.plan, parsed.positional[0]).workbook : whole;
  const outcome = reportWorkbook(wb, { reportDate: parsed.flags.reportDate, period, convention });
  if (outPath) {
    const { bytes } = await reportFile(wb, outcome, lang, { issuer, place });
    await writeFilesAtomically([{ path: outPath, bytes }]);
  }
  io.out(json ? JSON.stringify(outcome, null, 2) : formatReport(outcome, lang));
  if (outPath) io.out(`${localize({ vi: WORDS.written.vi, en: WORDS.written.en }, lang)}: ${outPath}`);
  return 0;
}

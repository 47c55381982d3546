import { resolve } from 'node:path';
import {
  parsePeriod,
  summariseWorkbook,
  summaryFile,
  type Period,
  type SummaryRow,
  type TrackingSummary,
} from '../../app/summary';
import { scopeToPlan } from '../../app/plan-scope';
import { readTrackingFile } from '../../app/tracking-file';
import { columnHeader } from '../../model/columns';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { CATEGORY_LABELS, STATE_LABELS } from '../../model/labels';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { DEADLINE_STATES, type DeadlineCategory } from '../../model/vocabulary';
import {
  CALENDAR_FLAG,
  commandArgs,
  COMMON_FLAGS,
  officePeriod,
  MISSING_TRACKING_WORKBOOK,
  PERIOD_FLAG,
  PLAN_FLAG,
} from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { refuseUnwritableTarget, requireXlsxPath, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi:
    'Cách dùng: plan-tracker summary SO_THEO_DOI.xlsx [--plan KẾ_HOẠCH] [--period 2024-Q2] [--calendar] [--json] ' +
    '[--report-date dd/mm/yyyy] [--lang vi|en] [-o TONG_HOP.xlsx]',
  en:
    'Usage: plan-tracker summary TRACKING.xlsx [--plan PLAN] [--period 2024-Q2] [--calendar] [--json] ' +
    '[--report-date dd/mm/yyyy] [--lang vi|en] [-o SUMMARY.xlsx]',
};

const WORDS = {
  total: { vi: 'Tổng', en: 'Total' },
  rate: { vi: 'Tỷ lệ HT', en: 'Rate' },
  extended: { vi: 'Gia hạn', en: 'Extended' },
  all: { vi: 'Tổng cộng', en: 'All' },
  none: { vi: '(chưa xác định)', en: '(not set)' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  period: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  completed: { vi: 'Hoàn thành trong kỳ', en: 'Completed in period' },
  fell: { vi: 'Quá hạn trong kỳ', en: 'Fell overdue in period' },
  legend: { vi: 'Chú thích', en: 'Legend' },
  rateNote: {
    vi: 'Tỷ lệ HT = đã hoàn thành ÷ đã đến hạn (không tính thường xuyên, chưa có thời hạn).',
    en: 'Rate = done ÷ tasks whose deadline has passed (ongoing and undated left out).',
  },
} satisfies Record<string, Msg>;

type Words = Record<keyof typeof WORDS, string>;

const SHORT = DEADLINE_STATES.map((_s, i) => `S${i + 1}`);

export const ARGS = {
  help: true,
  flags: {
    period: PERIOD_FLAG,
    calendar: CALENDAR_FLAG,
    plan: PLAN_FLAG,
    json: COMMON_FLAGS.json,
    reportDate: COMMON_FLAGS.reportDate,
    lang: COMMON_FLAGS.lang,
    /** Also write the summary as a formatted one-sheet workbook (values, for filing with the report). */
    out: {
      names: ['-o', '--out'],
      kind: 'string',
      value: ['TONG_HOP.xlsx', 'SUMMARY.xlsx'],
      about: {
        vi: 'Ghi thêm bảng tổng hợp thành tệp (giá trị, để nộp kèm báo cáo).',
        en: 'Also write the summary as a workbook (values, to file with the report).',
      },
    },
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: MISSING_TRACKING_WORKBOOK,
  },
} as const;

function pct(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function pad(text: string, width: number, right = false): string {
  const t = text.length > width ? text.slice(0, width - 1) + '…' : text;
  return right ? t.padStart(width) : t.padEnd(width);
}

function table(
  title: string,
  rows: SummaryRow[],
  total: SummaryRow,
  w: Words,
  label: (r: SummaryRow) => string,
) {
  const lines: string[] = [];
  const head = [
    pad(title, 40),
    ...SHORT.map((s) => pad(s, 5, true)),
    pad(w.total, 6, true),
    pad(w.rate, 8, true),
    pad(w.extended, 8, true),
  ];
  lines.push(head.join(' '));
  const line = (r: SummaryRow, name: string) =>
    [
      pad(name, 40),
      ...DEADLINE_STATES.map((s) => pad(String(r.counts[s]), 5, true)),
      pad(String(r.total), 6, true),
      pad(pct(r.completionRate), 8, true),
      pad(String(r.extended), 8, true),
    ].join(' ');
  for (const r of rows) lines.push(line(r, label(r)));
  lines.push(line(total, w.all));
  return lines.join('\n');
}

export function formatSummary(s: TrackingSummary, lang: Lang, period: Period | null): string {
  const w = localizeAll(WORDS, lang);
  const [agency, category, section] = (['lead', 'category', 'section'] as const).map((id) =>
    columnHeader(id, lang),
  );
  const out: string[] = [];
  out.push(`${w.reportDate}: ${isoToVn(s.reportDate)}`);
  out.push(
    `${w.legend}: ` + DEADLINE_STATES.map((st, i) => `${SHORT[i]} = ${STATE_LABELS[st][lang]}`).join('; '),
  );
  out.push('');
  out.push(table(agency, s.byAgency, s.total, w, (r) => r.label || w.none));
  out.push('');
  out.push(
    table(category, s.byCategory, s.total, w, (r) =>
      r.key ? CATEGORY_LABELS[r.key as DeadlineCategory][lang] : w.none,
    ),
  );
  out.push('');
  out.push(table(section, s.bySection, s.total, w, (r) => r.label || w.none));
  out.push('');
  out.push(w.rateNote);
  if (s.period && period) {
    out.push('');
    out.push(
      `${w.period}: ${localize(period.label, lang)} (${isoToVn(s.period.start)} – ${isoToVn(s.period.end)})`,
    );
    out.push([pad(agency, 40), pad(w.completed, 20, true), pad(w.fell, 22, true)].join(' '));
    // Every agency, those with nothing in the period too: the table says who had nothing.
    for (const a of s.period.byAgency) {
      out.push(
        [
          pad(a.label || w.none, 40),
          pad(String(a.completed), 20, true),
          pad(String(a.fellOverdue), 22, true),
        ].join(' '),
      );
    }
    out.push(
      [
        pad(w.all, 40),
        pad(String(s.period.completed.length), 20, true),
        pad(String(s.period.fellOverdue.length), 22, true),
      ].join(' '),
    );
  }
  return out.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { lang, json, out, calendar } = parsed.flags;
  const period = parsed.flags.period
    ? parsePeriod(officePeriod(parsed.flags.period), calendar ? 'calendar' : 'cutoff14')
    : null;
  if (out) {
    requireXlsxPath(out);
    refuseUnwritableTarget(resolve(io.cwd, out));
  }
  const whole = await readTrackingFile(await readNamedFile(io, parsed.positional[0]));
  const wb = parsed.flags.plan ? scopeToPlan(whole, parsed.flags.plan, parsed.positional[0]).workbook : whole;
  const outcome = summariseWorkbook(wb, { reportDate: parsed.flags.reportDate, period });
  if (out) {
    const { bytes } = await summaryFile(wb, outcome, lang);
    await writeFilesAtomically([{ path: resolve(io.cwd, out), bytes }]);
  }
  io.out(json ? JSON.stringify(outcome.summary, null, 2) : formatSummary(outcome.summary, lang, period));
  return 0;
}

import { readFile } from 'fs/promises';
import { resolve } from 'path';
import { commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK } from '../args';
import { errorText, type CliIo } from '../io';
import { writeOutputFile } from '../output-file';
import { readEntries } from '../../tracking/entries';
import { parsePeriod, Period } from '../../tracking/periods';
import { summarize, SummaryRow, TrackingSummary } from '../../tracking/summary';
import { columnHeader } from '../../model/columns';
import { DEADLINE_STATES } from '../../model/vocabulary';
import { isoToVn, todayIso } from '../../model/dates';
import { CATEGORY_LABELS, STATE_LABELS } from '../../model/labels';
import type { Lang } from '../../model/lang';
import { localize } from '../../model/msg';
import type { DeadlineCategory } from '../../plan/types';
import { readTrackingWorkbook } from '../../xlsx/read';
import { writeXlsx } from '../../xlsx/write';
import { buildSummarySheet } from '../../workbook/sheets/period-summary';

const USAGE =
  'Cách dùng / Usage: plan-tracker summary SO_THEO_DOI.xlsx [--period 2024-Q2] [--calendar] [--json] [--report-date YYYY-MM-DD] [--lang vi|en] [-o TONG_HOP.xlsx]';

const WORDS = {
  vi: {
    agency: columnHeader('lead', 'vi'),
    category: columnHeader('category', 'vi'),
    section: columnHeader('section', 'vi'),
    total: 'Tổng',
    rate: 'Tỷ lệ HT',
    all: 'Tổng cộng',
    none: '(chưa xác định)',
    reportDate: 'Ngày báo cáo',
    period: 'Kỳ báo cáo',
    completed: 'Hoàn thành trong kỳ',
    fell: 'Quá hạn trong kỳ',
    legend: 'Chú thích',
    rateNote: 'Tỷ lệ HT = đã hoàn thành ÷ đã đến hạn (không tính thường xuyên, chưa có thời hạn).',
  },
  en: {
    agency: columnHeader('lead', 'en'),
    category: columnHeader('category', 'en'),
    section: columnHeader('section', 'en'),
    total: 'Total',
    rate: 'Rate',
    all: 'All',
    none: '(not set)',
    reportDate: 'Report date',
    period: 'Reporting period',
    completed: 'Completed in period',
    fell: 'Fell overdue in period',
    legend: 'Legend',
    rateNote: 'Rate = done ÷ tasks whose deadline has passed (ongoing and undated left out).',
  },
} as const;

const SHORT = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];

const ARGS = {
  help: true,
  flags: {
    period: { names: ['--period'], kind: 'string' },
    calendar: { names: ['--calendar'], kind: 'bool' },
    json: COMMON_FLAGS.json,
    reportDate: COMMON_FLAGS.reportDate,
    lang: COMMON_FLAGS.lang,
    /** Also write the summary as a formatted one-sheet workbook (values, for filing with the report). */
    out: { names: ['-o', '--out'], kind: 'string' },
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
  w: (typeof WORDS)[Lang],
  label: (r: SummaryRow) => string,
) {
  const lines: string[] = [];
  const head = [
    pad(title, 40),
    ...SHORT.map((s) => pad(s, 5, true)),
    pad(w.total, 6, true),
    pad(w.rate, 8, true),
  ];
  lines.push(head.join(' '));
  const line = (r: SummaryRow, name: string) =>
    [
      pad(name, 40),
      ...DEADLINE_STATES.map((s) => pad(String(r.counts[s]), 5, true)),
      pad(String(r.total), 6, true),
      pad(pct(r.completionRate), 8, true),
    ].join(' ');
  for (const r of rows) lines.push(line(r, label(r)));
  lines.push(line(total, w.all));
  return lines.join('\n');
}

export function formatSummary(s: TrackingSummary, lang: Lang, period: Period | null): string {
  const w = WORDS[lang];
  const out: string[] = [];
  out.push(`${w.reportDate}: ${isoToVn(s.reportDate)}`);
  out.push(
    `${w.legend}: ` + DEADLINE_STATES.map((st, i) => `${SHORT[i]} = ${STATE_LABELS[st][lang]}`).join('; '),
  );
  out.push('');
  out.push(table(w.agency, s.byAgency, s.total, w, (r) => r.label || w.none));
  out.push('');
  out.push(
    table(w.category, s.byCategory, s.total, w, (r) =>
      r.key ? CATEGORY_LABELS[r.key as DeadlineCategory][lang] : w.none,
    ),
  );
  out.push('');
  out.push(table(w.section, s.bySection, s.total, w, (r) => r.label || w.none));
  out.push('');
  out.push(w.rateNote);
  if (s.period && period) {
    out.push('');
    out.push(
      `${w.period}: ${localize(period.label, lang)} (${isoToVn(s.period.start)} – ${isoToVn(s.period.end)})`,
    );
    out.push([pad(w.agency, 40), pad(w.completed, 20, true), pad(w.fell, 22, true)].join(' '));
    for (const a of s.period.byAgency) {
      if (a.completed === 0 && a.fellOverdue === 0) continue;
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
  const parsedArgs = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsedArgs === 'number') return parsedArgs;
  const parsed = { ...parsedArgs.flags, file: parsedArgs.positional[0] };
  let period: Period | null = null;
  if (parsed.period) {
    try {
      period = parsePeriod(parsed.period, parsed.calendar ? 'calendar' : 'cutoff14');
    } catch (e) {
      io.err(errorText(e));
      return 2;
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, parsed.file));
  } catch {
    io.err(`Không mở được tệp / Cannot open file: ${parsed.file}`);
    return 2;
  }
  try {
    const wb = await readTrackingWorkbook(bytes);
    const reportDate = parsed.reportDate ?? wb.reportDate ?? todayIso();
    const { entries } = readEntries(wb.snapshot);
    const summary = summarize(entries, {
      reportDate,
      period: period
        ? {
            start: period.start,
            end: period.end,
            label: period.label,
          }
        : null,
    });
    if (parsed.out && wb.meta) {
      const { sheet } = buildSummarySheet(summary, { lang: parsed.lang });
      const target = resolve(io.cwd, parsed.out);
      const spec = { lang: parsed.lang, sheets: [sheet], names: [], meta: wb.meta };
      if (!(await writeOutputFile(target, () => writeXlsx(spec), io))) return 1;
    } else if (parsed.out) {
      io.err('Tệp không có thông tin gốc (_PlanTracker) / The file has no metadata (_PlanTracker).');
      return 1;
    }
    io.out(parsed.json ? JSON.stringify(summary, null, 2) : formatSummary(summary, parsed.lang, period));
    return 0;
  } catch (e) {
    io.err(errorText(e));
    return 1;
  }
}

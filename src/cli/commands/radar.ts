import { radarOfWorkbook, DEFAULT_RADAR_DAYS, type Radar } from '../../app/report';
import { readTrackingFile } from '../../app/tracking-file';
import { columnHeader } from '../../model/columns';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { localizeAll, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker radar SO_THEO_DOI.xlsx [--days 30] [--report-date dd/mm/yyyy] [--json] [--lang vi|en]',
  en: 'Usage: plan-tracker radar TRACKING.xlsx [--days 30] [--report-date dd/mm/yyyy] [--json] [--lang vi|en]',
};

export const ARGS = {
  help: true,
  flags: {
    days: {
      names: ['--days'],
      kind: 'string',
      label: ['Số ngày', 'number of days'],
      value: ['SỐ_NGÀY', 'DAYS'],
      about: {
        vi: 'Liệt kê nhiệm vụ đến hạn trong bấy nhiêu ngày tới (mặc định: 30).',
        en: 'List the tasks due within this many days (default: 30).',
      },
    },
    reportDate: COMMON_FLAGS.reportDate,
    json: COMMON_FLAGS.json,
    lang: COMMON_FLAGS.lang,
  },
  positional: { min: 1, max: 1, tooFew: MISSING_TRACKING_WORKBOOK },
} as const;

const WORDS = {
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  window: { vi: 'Đến hạn trong', en: 'Due within' },
  days: { vi: 'ngày, đến', en: 'days, until' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueSoon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  left: { vi: 'Còn (ngày)', en: 'Days left' },
  none: { vi: 'Không có nhiệm vụ quá hạn hay sắp đến hạn.', en: 'Nothing overdue or due soon.' },
  noLead: { vi: '(chưa có cơ quan chủ trì)', en: '(no lead agency)' },
} satisfies Record<string, Msg>;

function daysOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RADAR_DAYS;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 0 || n > 3660)
    throw new UsageError(
      {
        vi: `Số ngày không hợp lệ: "${text}" (cần số nguyên từ 0 đến 3660).`,
        en: `Invalid number of days: "${text}" (expected a whole number from 0 to 3660).`,
      },
      USAGE,
    );
  return n;
}

const pad = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n));

export function formatRadar(r: Radar, lang: Lang): string {
  const w = localizeAll(WORDS, lang);
  const agency = columnHeader('lead', lang);
  const out = [
    `${w.reportDate}: ${isoToVn(r.reportDate)}; ${w.window} ${r.days} ${w.days} ${isoToVn(r.until)}`,
    '',
  ];
  if (!r.items.length) return [...out, w.none].join('\n');
  out.push(`${pad(agency, 40)} ${w.overdue.padStart(9)} ${w.dueSoon.padStart(12)}`);
  for (const a of r.byAgency)
    out.push(
      `${pad(a.label || w.noLead, 40)} ${String(a.overdue).padStart(9)} ${String(a.dueSoon).padStart(12)}`,
    );
  out.push('');
  out.push(
    `${pad(columnHeader('due', lang), 10)} ${w.left.padStart(10)}  ${pad(columnHeader('taskId', lang), 12)} ${agency}`,
  );
  for (const i of r.items)
    out.push(
      `${isoToVn(i.due)} ${String(i.daysLeft).padStart(10)}  ${pad(i.taskId, 12)} ${i.lead || w.noLead}`,
    );
  return out.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { lang, json } = parsed.flags;
  const days = daysOf(parsed.flags.days);
  const wb = await readTrackingFile(await readNamedFile(io, parsed.positional[0]));
  const r = radarOfWorkbook(wb, { reportDate: parsed.flags.reportDate, days });
  io.out(json ? JSON.stringify(r, null, 2) : formatRadar(r, lang));
  return 0;
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkTracking, type Finding } from '../../tracking/check';
import { agencyKey } from '../../plan/agency';
import type { PeriodConvention, PeriodKind } from '../../tracking/periods';
import { isIsoDate, isoToVn, todayIso } from '../../workbook/dates';
import type { Lang } from '../../workbook/types';
import type { CliIo } from '../io';

const USAGE =
  'Cách dùng / Usage: plan-tracker check SO_THEO_DOI.xlsx [--report-date YYYY-MM-DD] [--json] [--lang vi|en] ' +
  '[--convention cutoff14|calendar] [--update-period month|quarter|half|year]';

interface Options {
  file: string;
  reportDate: string | null;
  json: boolean;
  lang: Lang;
  convention: PeriodConvention;
  updatePeriod: PeriodKind;
}

const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'year'];

function parseArgs(args: string[]): Options | string {
  const opts: Options = {
    file: '',
    reportDate: null,
    json: false,
    lang: 'vi',
    convention: 'cutoff14',
    updatePeriod: 'quarter',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    switch (flag) {
      case '--json':
        opts.json = true;
        break;
      case '--report-date': {
        const v = value();
        if (!v || !isIsoDate(v)) {
          return `Ngày báo cáo không hợp lệ: "${v ?? ''}" (dùng YYYY-MM-DD). / Invalid report date: "${v ?? ''}" (use YYYY-MM-DD).`;
        }
        opts.reportDate = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'vi' && v !== 'en')
          return `Ngôn ngữ không hợp lệ: "${v ?? ''}" (vi hoặc en). / Invalid language: "${v ?? ''}" (vi or en).`;
        opts.lang = v;
        break;
      }
      case '--convention': {
        const v = value();
        if (v !== 'cutoff14' && v !== 'calendar') {
          return `Quy ước kỳ không hợp lệ: "${v ?? ''}" (cutoff14 hoặc calendar). / Invalid period convention: "${v ?? ''}" (cutoff14 or calendar).`;
        }
        opts.convention = v;
        break;
      }
      case '--update-period': {
        const v = value();
        const kind = PERIOD_KINDS.find((k) => k === v);
        if (!kind) {
          return `Kỳ cập nhật không hợp lệ: "${v ?? ''}" (month, quarter, half, year). / Invalid update period: "${v ?? ''}" (month, quarter, half, year).`;
        }
        opts.updatePeriod = kind;
        break;
      }
      default:
        if (flag.startsWith('-')) return `Tuỳ chọn không hợp lệ: "${flag}". / Unknown option: "${flag}".`;
        if (opts.file)
          return `Chỉ kiểm tra một tệp mỗi lần: "${flag}". / Check one file at a time: "${flag}".`;
        opts.file = flag;
    }
  }
  if (!opts.file) return 'Thiếu tệp sổ theo dõi (.xlsx). / Missing the tracking workbook (.xlsx).';
  return opts;
}

const SEVERITIES = ['error', 'warning', 'info'] as const;
const SEVERITY_WORDS: Record<Lang, Record<(typeof SEVERITIES)[number], string>> = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  en: { error: 'Errors', warning: 'Warnings', info: 'Information' },
};

/** Findings grouped by agency (table-level ones first), then by severity. */
export function formatFindings(findings: readonly Finding[], lang: Lang, header: string): string {
  const lines: string[] = [header];
  const count = (s: (typeof SEVERITIES)[number]) => findings.filter((f) => f.severity === s).length;
  const [e, w, i] = SEVERITIES.map(count);
  lines.push(
    lang === 'vi'
      ? `Kết quả: ${e} lỗi, ${w} cảnh báo, ${i} thông tin.`
      : `Result: ${e} error(s), ${w} warning(s), ${i} information.`,
  );
  if (findings.length === 0) {
    lines.push(lang === 'vi' ? 'Không phát hiện vấn đề nào.' : 'No problems found.');
    return lines.join('\n');
  }
  // Agencies group under the plan's canonical key (tone-mark styles, NFD, abbreviations); shown as first written.
  const groups = new Map<string, { name: string | null; items: Finding[] }>();
  groups.set('', { name: null, items: [] });
  for (const f of findings) {
    const key = f.agency ? agencyKey(f.agency) : '';
    let g = groups.get(key);
    if (!g) {
      g = { name: f.agency, items: [] };
      groups.set(key, g);
    }
    g.items.push(f);
  }
  for (const g of groups.values()) {
    if (g.items.length === 0) continue;
    const title =
      g.name ??
      (lang === 'vi'
        ? 'Bảng theo dõi (cấu trúc, dòng không có cơ quan chủ trì)'
        : 'Table (structure, rows without a lead agency)');
    lines.push('', `■ ${title}`);
    for (const s of SEVERITIES) {
      const items = g.items.filter((f) => f.severity === s);
      if (items.length === 0) continue;
      lines.push(`  ${SEVERITY_WORDS[lang][s]} (${items.length})`);
      for (const f of items) {
        const id = f.taskId ? `  ${f.taskId}` : '';
        lines.push(`    ${f.sheet}!${f.cell}${id}  [${f.code}] ${lang === 'vi' ? f.message : f.messageEn}`);
        if (f.suggestion) {
          lines.push(
            `      → ${lang === 'vi' ? 'Gợi ý' : 'Suggestion'}: ${lang === 'vi' ? f.suggestion.label : f.suggestion.labelEn}`,
          );
        }
      }
    }
  }
  return lines.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const opts = parseArgs(args);
  if (typeof opts === 'string') {
    io.err(`${opts}\n${USAGE}`);
    return 2;
  }
  const path = resolve(io.cwd, opts.file);
  let workbook;
  try {
    const bytes = new Uint8Array(await readFile(path));
    const { readTrackingWorkbook } = await import('../../xlsx/read');
    workbook = await readTrackingWorkbook(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    io.err(
      `Không đọc được sổ theo dõi "${opts.file}". / Cannot read the tracking workbook "${opts.file}".\n${why}`,
    );
    return 2;
  }
  const reportDate = opts.reportDate ?? workbook.reportDate ?? todayIso();
  const findings = checkTracking({
    snapshot: workbook.snapshot,
    meta: workbook.meta,
    reportDate,
    lang: workbook.lang,
    convention: opts.convention,
    updatePeriod: opts.updatePeriod,
  });
  if (opts.json) {
    const out = findings.map((f) => ({
      ...f,
      message: opts.lang === 'vi' ? f.message : f.messageEn,
      messageVi: f.message,
      messageEn: f.messageEn,
    }));
    io.out(JSON.stringify(out, null, 2));
  } else {
    const header =
      opts.lang === 'vi'
        ? `Kiểm tra sổ theo dõi: ${opts.file} — ngày báo cáo ${isoToVn(reportDate)}`
        : `Checking tracking workbook: ${opts.file} — report date ${isoToVn(reportDate)}`;
    io.out(formatFindings(findings, opts.lang, header));
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkTracking, type Finding } from '../../tracking/check';
import { agencyKey } from '../../plan/agency';
import { isoToVn, todayIso } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { SEVERITY_LABELS } from '../../model/labels';
import { localize, type Msg } from '../../model/msg';
import { SEVERITIES, type Severity } from '../../model/vocabulary';
import { choiceFlag, commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK } from '../args';
import { errorText, type CliIo } from '../io';

const USAGE =
  'Cách dùng / Usage: plan-tracker check SO_THEO_DOI.xlsx [--report-date YYYY-MM-DD] [--json] [--lang vi|en] ' +
  '[--convention cutoff14|calendar] [--update-period month|quarter|half|year]';

const ARGS = {
  help: true,
  flags: {
    reportDate: COMMON_FLAGS.reportDate,
    json: COMMON_FLAGS.json,
    lang: COMMON_FLAGS.lang,
    convention: choiceFlag('--convention', ['cutoff14', 'calendar'], ['Quy ước kỳ', 'period convention']),
    updatePeriod: choiceFlag(
      '--update-period',
      ['month', 'quarter', 'half', 'year'],
      ['Kỳ cập nhật', 'update period'],
    ),
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: MISSING_TRACKING_WORKBOOK,
    tooMany: (arg: string) => `Chỉ kiểm tra một tệp mỗi lần: "${arg}". / Check one file at a time: "${arg}".`,
  },
} as const;

const SUGGESTION: Msg = { vi: 'Gợi ý', en: 'Suggestion' };

/** Findings grouped by agency (table-level ones first), then by severity. */
export function formatFindings(findings: readonly Finding[], lang: Lang, header: string): string {
  const lines: string[] = [header];
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
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
      lines.push(`  ${localize(SEVERITY_LABELS[s], lang)} (${items.length})`);
      for (const f of items) {
        const id = f.taskId ? `  ${f.taskId}` : '';
        lines.push(`    ${f.sheet}!${f.cell}${id}  [${f.code}] ${localize(f.message, lang)}`);
        if (f.suggestion) {
          lines.push(`      → ${localize(SUGGESTION, lang)}: ${localize(f.suggestion.label, lang)}`);
        }
      }
    }
  }
  return lines.join('\n');
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const file = parsed.positional[0];
  const opts = {
    ...parsed.flags,
    convention: parsed.flags.convention ?? 'cutoff14',
    updatePeriod: parsed.flags.updatePeriod ?? 'quarter',
  };
  const path = resolve(io.cwd, file);
  let workbook;
  try {
    const bytes = new Uint8Array(await readFile(path));
    const { readTrackingWorkbook } = await import('../../xlsx/read');
    workbook = await readTrackingWorkbook(bytes);
  } catch (e) {
    const why = errorText(e);
    io.err(`Không đọc được sổ theo dõi "${file}". / Cannot read the tracking workbook "${file}".\n${why}`);
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
      message: localize(f.message, opts.lang),
      msg: f.message,
      ...(f.suggestion
        ? {
            suggestion: {
              ...f.suggestion,
              label: localize(f.suggestion.label, opts.lang),
              msg: f.suggestion.label,
            },
          }
        : {}),
    }));
    io.out(JSON.stringify(out, null, 2));
  } else {
    const header =
      opts.lang === 'vi'
        ? `Kiểm tra sổ theo dõi: ${file} — ngày báo cáo ${isoToVn(reportDate)}`
        : `Checking tracking workbook: ${file} — report date ${isoToVn(reportDate)}`;
    io.out(formatFindings(findings, opts.lang, header));
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

import { checkWorkbook, groupFindingsByAgency, type Finding } from '../../app/check';
import type { AgencyAlias } from '../../model/workbook-meta';
import { planFindings, scopeToPlan } from '../../app/plan-scope';
import { readTrackingFile } from '../../app/tracking-file';
import { isoToVn } from '../../model/dates';
import type { Lang } from '../../model/lang';
import { SEVERITY_LABELS } from '../../model/labels';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { SEVERITIES, type Severity } from '../../model/vocabulary';
import { choiceFlag, commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK, PLAN_FLAG } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';

const USAGE: Msg = {
  vi:
    'Cách dùng: plan-tracker check SO_THEO_DOI.xlsx [--plan KẾ_HOẠCH] [--report-date dd/mm/yyyy] [--json] [--lang vi|en] ' +
    '[--convention cutoff14|calendar] [--update-period month|quarter|half|year]',
  en:
    'Usage: plan-tracker check TRACKING.xlsx [--plan PLAN] [--report-date dd/mm/yyyy] [--json] [--lang vi|en] ' +
    '[--convention cutoff14|calendar] [--update-period month|quarter|half|year]',
};

export const ARGS = {
  help: true,
  flags: {
    reportDate: COMMON_FLAGS.reportDate,
    plan: PLAN_FLAG,
    json: COMMON_FLAGS.json,
    lang: COMMON_FLAGS.lang,
    convention: choiceFlag('--convention', ['cutoff14', 'calendar'], ['Quy ước kỳ', 'period convention'], {
      vi: 'Kỳ báo cáo chốt ngày 14 (cutoff14, mặc định) hay theo tháng dương lịch (calendar).',
      en: 'Periods cut off on the 14th (cutoff14, default) or calendar periods (calendar).',
    }),
    updatePeriod: choiceFlag(
      '--update-period',
      ['month', 'quarter', 'half', 'year'],
      ['Kỳ cập nhật', 'update period'],
      {
        vi: 'Kỳ cập nhật của nhiệm vụ thường xuyên, để báo nhiệm vụ lâu chưa cập nhật (mặc định: quarter).',
        en: 'How often ongoing tasks must be updated, to flag stale ones (default: quarter).',
      },
    ),
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: MISSING_TRACKING_WORKBOOK,
    tooMany: (arg: string) => ({
      vi: `Chỉ kiểm tra một tệp mỗi lần: "${arg}".`,
      en: `Check one file at a time: "${arg}".`,
    }),
  },
} as const;

const WORDS = {
  suggestion: { vi: 'Gợi ý', en: 'Suggestion' },
  none: { vi: 'Không phát hiện vấn đề nào.', en: 'No problems found.' },
  table: {
    vi: 'Bảng theo dõi (cấu trúc, dòng không có cơ quan chủ trì)',
    en: 'Table (structure, rows without a lead agency)',
  },
} satisfies Record<string, Msg>;

function resultLine(e: number, w: number, i: number): Msg {
  return {
    vi: `Kết quả: ${e} lỗi, ${w} cảnh báo, ${i} lưu ý.`,
    en: `Result: ${e} error(s), ${w} warning(s), ${i} note(s).`,
  };
}

/** Findings grouped by agency (table-level ones first), then by severity. */
export function formatFindings(
  findings: readonly Finding[],
  lang: Lang,
  header: string,
  aliases: readonly AgencyAlias[] = [],
): string {
  const lines: string[] = [header];
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const [e, w, i] = SEVERITIES.map(count);
  const words = localizeAll(WORDS, lang);
  lines.push(localize(resultLine(e, w, i), lang));
  if (findings.length === 0) {
    lines.push(words.none);
    return lines.join('\n');
  }
  for (const g of groupFindingsByAgency(findings, aliases)) {
    lines.push('', `■ ${g.agency ?? words.table}`);
    for (const s of SEVERITIES) {
      const items = g.findings.filter((f) => f.severity === s);
      if (items.length === 0) continue;
      lines.push(`  ${localize(SEVERITY_LABELS[s], lang)} (${items.length})`);
      for (const f of items) {
        const id = f.taskId ? `  ${f.taskId}` : '';
        lines.push(`    ${f.sheet}!${f.cell}${id}  [${f.code}] ${localize(f.message, lang)}`);
        if (f.suggestion) {
          lines.push(`      → ${words.suggestion}: ${localize(f.suggestion.label, lang)}`);
        }
      }
    }
  }
  return lines.join('\n');
}

function header(file: string, reportDate: string): Msg {
  const d = isoToVn(reportDate);
  return {
    vi: `Kiểm tra sổ theo dõi: ${file} — ngày báo cáo ${d}`,
    en: `Checking tracking workbook: ${file} — report date ${d}`,
  };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { json, lang, reportDate } = parsed.flags;
  const file = parsed.positional[0];
  const workbook = await readTrackingFile(await readNamedFile(io, file));
  const outcome = checkWorkbook(workbook, {
    reportDate,
    convention: parsed.flags.convention ?? 'cutoff14',
    updatePeriod: parsed.flags.updatePeriod ?? 'quarter',
  });
  const plan = parsed.flags.plan ? scopeToPlan(workbook, parsed.flags.plan, file).plan : null;
  // The whole table is checked (cells keep their addresses); one plan's findings are kept.
  const findings = plan ? planFindings(outcome.findings, plan) : outcome.findings;
  if (json) {
    const out = findings.map((f) => ({
      ...f,
      message: localize(f.message, lang),
      msg: f.message,
      ...(f.suggestion
        ? {
            suggestion: {
              ...f.suggestion,
              label: localize(f.suggestion.label, lang),
              msg: f.suggestion.label,
            },
          }
        : {}),
    }));
    io.out(JSON.stringify(out, null, 2));
  } else {
    io.out(
      formatFindings(
        findings,
        lang,
        localize(header(file, outcome.reportDate), lang),
        workbook.meta?.agencyAliases,
      ),
    );
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

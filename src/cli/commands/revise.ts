/**
 * `plan-tracker revise`: re-imports a revised plan into an existing master. Tasks are matched by
 * text (src/tracking/revise.ts), so a renumbered task keeps its entries; removed tasks stay as
 * marked rows at the end of the table, staff-added columns stay (the one revision, shared with
 * Excel's update mode: src/app/revise.ts). Nothing staff typed is lost, and the master itself is
 * never touched: the result goes to a new file (temp file + rename).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parsePlan } from '../../plan/parse';
import type { Plan } from '../../plan/types';
import { readEntries } from '../../tracking/entries';
import { reviseTracking, type RevisedWorkbook } from '../../app/revise';
import { isLocalizedError } from '../../model/msg';
import { columnHeader } from '../../model/columns';
import type { Lang, TrackingWorkbook } from '../../workbook/types';
import { readTrackingWorkbook } from '../../xlsx/read';
import { writeXlsx } from '../../xlsx/write';
import { commandArgs, COMMON_FLAGS, usageError } from '../args';
import { errorText, type CliIo } from '../io';
import { loadPlanFile, PlanLoadError } from '../load-plan';
import { overwriteRefusal, writeOutputFile, xlsxPathProblem } from '../output-file';

const USAGE =
  'Cách dùng / Usage: plan-tracker revise SO_THEO_DOI.xlsx KẾ_HOẠCH_SỬA_ĐỔI -o SO_MOI.xlsx [--dry-run] [--json] [--lang vi|en] [--force]';

const ARGS = {
  help: true,
  flags: {
    output: COMMON_FLAGS.output,
    lang: COMMON_FLAGS.lang,
    dryRun: COMMON_FLAGS.dryRun,
    json: COMMON_FLAGS.json,
    force: COMMON_FLAGS.force,
  },
  positional: {
    min: 2,
    max: 2,
    tooFew:
      'Cần sổ theo dõi và kế hoạch sửa đổi. / The tracking workbook and the revised plan are both needed.',
    tooMany: () =>
      'Chỉ nhận một sổ theo dõi và một kế hoạch sửa đổi. / One tracking workbook and one revised plan only.',
  },
} as const;

/** Without --dry-run a result file is required; any result file must be a workbook. */
function outputProblem(output: string | undefined, dryRun: boolean): string | null {
  if (!output) {
    return dryRun
      ? null
      : 'Thiếu tệp kết quả (-o SO_MOI.xlsx), hoặc dùng --dry-run. / Missing the output file (-o new.xlsx), or use --dry-run.';
  }
  return xlsxPathProblem(output);
}

const WORDS = {
  vi: {
    added: 'Nhiệm vụ mới',
    removed: 'Nhiệm vụ bị bỏ',
    reworded: 'Nhiệm vụ sửa câu chữ',
    renumbered: 'Nhiệm vụ đổi số thứ tự',
    unchanged: (n: number) => `${n} nhiệm vụ không đổi.`,
    textChanged: 'có sửa câu chữ',
    kept: (n: number) =>
      `${n} nhiệm vụ không còn trong kế hoạch được giữ lại ở cuối bảng, đánh dấu ở cột "${columnHeader('note', 'vi')}".`,
    none: 'Kế hoạch sửa đổi không khác sổ theo dõi.',
    dry: 'Chạy thử (--dry-run): chưa ghi tệp nào.',
    written: (p: string) => `Đã ghi sổ theo dõi theo kế hoạch sửa đổi: ${p}`,
  },
  en: {
    added: 'New tasks',
    removed: 'Removed tasks',
    reworded: 'Reworded tasks',
    renumbered: 'Renumbered tasks',
    unchanged: (n: number) => `${n} tasks unchanged.`,
    textChanged: 'text changed too',
    kept: (n: number) =>
      `${n} tasks no longer in the plan are kept at the end of the table, marked in the "${columnHeader('note', 'en')}" column.`,
    none: 'The revised plan does not differ from the workbook.',
    dry: 'Dry run (--dry-run): no file written.',
    written: (p: string) => `Revised tracking workbook written: ${p}`,
  },
} as const;

function short(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The changes as data, for --json and for the text report. */
export function describeRevision(result: RevisedWorkbook, oldTexts: ReadonlyMap<string, string>) {
  const { revision } = result.table;
  return {
    added: revision.added.map((t) => ({ id: t.id, text: t.text })),
    removed: revision.removed.map((t) => ({
      id: t.id,
      text: t.text,
      keptEntries: result.table.removedWithEntries.includes(t.id),
    })),
    reworded: revision.matches
      .filter((m) => m.kind === 'reworded')
      .map((m) => ({
        id: m.newId,
        similarity: Number(m.similarity.toFixed(3)),
        oldText: oldTexts.get(m.oldId) ?? '',
      })),
    renumbered: revision.matches
      .filter((m) => m.kind === 'renumbered')
      .map((m) => ({
        from: m.oldId,
        to: m.newId,
        textChanged: m.textChanged,
        similarity: Number(m.similarity.toFixed(3)),
      })),
    unchanged: revision.matches.filter((m) => m.kind === 'unchanged').length,
  };
}

function textReport(
  d: ReturnType<typeof describeRevision>,
  result: RevisedWorkbook,
  newTexts: ReadonlyMap<string, string>,
  lang: Lang,
): string[] {
  const w = WORDS[lang];
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(`${title} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section(
    w.added,
    d.added.map((t) => `+ ${t.id}  ${short(t.text)}`),
  );
  section(
    w.removed,
    d.removed.map((t) => `- ${t.id}  ${short(t.text)}`),
  );
  section(
    w.reworded,
    d.reworded.map((t) => `~ ${t.id}  ${short(newTexts.get(t.id) ?? '')}`),
  );
  section(
    w.renumbered,
    d.renumbered.map((t) => `${t.from} → ${t.to}${t.textChanged ? ` (${w.textChanged})` : ''}`),
  );
  if (!lines.length) lines.push(w.none);
  lines.push(w.unchanged(d.unchanged));
  const kept = result.table.removed.length;
  if (kept) lines.push(w.kept(kept));
  return lines;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const opts = parsed.flags;
  const problem = outputProblem(opts.output, opts.dryRun);
  if (problem) return usageError(problem, USAGE, io);
  const masterPath = resolve(io.cwd, parsed.positional[0]);
  const planPath = resolve(io.cwd, parsed.positional[1]);
  const outPath = opts.output ? resolve(io.cwd, opts.output) : null;
  const refusal = !opts.dryRun && outPath ? overwriteRefusal(outPath, opts.force) : null;
  if (refusal) {
    io.err(refusal);
    return 2;
  }

  let wb: TrackingWorkbook;
  try {
    wb = await readTrackingWorkbook(new Uint8Array(await readFile(masterPath)));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.err(
      code === 'ENOENT'
        ? `Không tìm thấy sổ theo dõi: ${masterPath} / Tracking workbook not found: ${masterPath}`
        : errorText(e),
    );
    return 2;
  }

  let plan: Plan;
  let sourceText: string;
  try {
    const loaded = await loadPlanFile(planPath);
    const parsed = parsePlan(loaded.text);
    plan = { ...parsed, warnings: [...loaded.warnings, ...parsed.warnings] };
    sourceText = loaded.text;
  } catch (e) {
    if (e instanceof PlanLoadError) io.err(`${e.messageVi}\n${e.messageEn}`);
    else {
      const why = errorText(e);
      io.err(`Không đọc được kế hoạch ${planPath}: ${why} / Cannot read the plan ${planPath}: ${why}`);
    }
    return 2;
  }
  if (plan.tasks.length === 0) {
    io.err(
      `Không tìm thấy nhiệm vụ nào trong ${planPath}; sổ theo dõi không đổi. / No tasks found in ${planPath}; the workbook is unchanged.`,
    );
    return 2;
  }

  let result: RevisedWorkbook;
  try {
    result = await reviseTracking(wb, plan, { sourceText });
  } catch (e) {
    if (!isLocalizedError(e)) throw e;
    io.err(errorText(e));
    return 2;
  }

  if (plan.warnings.length) {
    io.err(
      opts.lang === 'en'
        ? `${plan.warnings.length} warnings while reading the revised plan (see: plan-tracker parse).`
        : `${plan.warnings.length} cảnh báo khi đọc kế hoạch sửa đổi (xem: plan-tracker parse).`,
    );
  }
  const oldTexts = new Map(readEntries(wb.snapshot).entries.map((e) => [e.taskId, e.text]));
  const newTexts = new Map(plan.tasks.map((t) => [t.id, t.text]));
  const described = describeRevision(result, oldTexts);

  let written: string | null = null;
  if (!opts.dryRun && outPath) {
    const ok = await writeOutputFile(outPath, () => writeXlsx(result.spec), io, { createDirs: true });
    if (!ok) return 1;
    written = outPath;
  }

  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          ...described,
          keptAsMarkedRows: result.table.removed,
          output: written,
          dryRun: opts.dryRun,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const w = WORDS[opts.lang];
  for (const line of textReport(described, result, newTexts, opts.lang)) io.out(line);
  io.out(written ? w.written(written) : w.dry);
  return 0;
}

/**
 * `plan-tracker revise`: re-imports a revised plan into an existing master. Tasks are matched by
 * text (src/tracking/revise.ts), so a renumbered task keeps its entries; removed tasks stay as
 * marked rows at the end of the table, staff-added columns stay (the one revision, shared with
 * Excel's update mode: src/app/revise.ts). Nothing staff typed is lost, and the master itself is
 * never touched: the result goes to a new file (temp file + rename).
 */
import { resolve } from 'node:path';
import { readPlanFile, requireTasks } from '../../app/plan-file';
import {
  DUPLICATE_ID_SUFFIX,
  describeRevision,
  reviseFile,
  revisedFile,
  type RevisedWorkbook,
  type RevisionReport,
} from '../../app/revise';
import { columnHeader } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { localize, localizeAll, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS, describedAs, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { refuseOverwrite, requireXlsxPath, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker revise SO_THEO_DOI.xlsx KẾ_HOẠCH_SỬA_ĐỔI -o SO_MOI.xlsx [--dry-run] [--json] [--lang vi|en] [--force]',
  en: 'Usage: plan-tracker revise TRACKING.xlsx REVISED_PLAN -o NEW.xlsx [--dry-run] [--json] [--lang vi|en] [--force]',
};

export const ARGS = {
  help: true,
  flags: {
    output: describedAs(
      COMMON_FLAGS.output,
      {
        vi: 'Sổ theo dõi mới sẽ ghi (bắt buộc, trừ khi --dry-run); sổ cũ không bị sửa.',
        en: 'The new tracking workbook to write (required unless --dry-run); the old one is not touched.',
      },
      ['SO_MOI.xlsx', 'NEW.xlsx'],
    ),
    lang: COMMON_FLAGS.lang,
    dryRun: COMMON_FLAGS.dryRun,
    json: COMMON_FLAGS.json,
    force: COMMON_FLAGS.force,
  },
  positional: {
    min: 2,
    max: 2,
    tooFew: {
      vi: 'Cần sổ theo dõi và kế hoạch sửa đổi.',
      en: 'The tracking workbook and the revised plan are both needed.',
    },
    tooMany: () => ({
      vi: 'Chỉ nhận một sổ theo dõi và một kế hoạch sửa đổi.',
      en: 'One tracking workbook and one revised plan only.',
    }),
  },
} as const;

const WORDS = {
  added: { vi: 'Nhiệm vụ mới', en: 'New tasks' },
  removed: { vi: 'Nhiệm vụ bị bỏ', en: 'Removed tasks' },
  reworded: { vi: 'Nhiệm vụ sửa câu chữ', en: 'Reworded tasks' },
  renumbered: { vi: 'Nhiệm vụ đổi số thứ tự', en: 'Renumbered tasks' },
  textChanged: { vi: 'có sửa câu chữ', en: 'text changed too' },
  pairings: {
    vi: 'Các cặp nhiệm vụ cũ → mới, với điểm giống nhau',
    en: 'Old → new task pairings, with their similarity',
  },
  unchangedKind: { vi: 'không đổi', en: 'unchanged' },
  rewordedKind: { vi: 'sửa câu chữ', en: 'reworded' },
  renumberedKind: { vi: 'đổi số thứ tự', en: 'renumbered' },
  none: {
    vi: 'Kế hoạch sửa đổi không khác sổ theo dõi.',
    en: 'The revised plan does not differ from the workbook.',
  },
  dry: { vi: 'Chạy thử (--dry-run): chưa ghi tệp nào.', en: 'Dry run (--dry-run): no file written.' },
  samePlan: {
    vi: 'Kế hoạch này chính là kế hoạch của sổ theo dõi: không có gì để cập nhật, không ghi tệp nào.',
    en: 'This is the plan the workbook was built from: nothing to update, no file written.',
  },
} satisfies Record<string, Msg>;

const unchangedLine = (n: number): Msg => ({ vi: `${n} nhiệm vụ không đổi.`, en: `${n} tasks unchanged.` });
const keptLine = (n: number): Msg => ({
  vi: `${n} nhiệm vụ không còn trong kế hoạch được giữ lại ở cuối bảng, đánh dấu ở cột "${columnHeader('note', 'vi')}".`,
  en: `${n} tasks no longer in the plan are kept at the end of the table, marked in the "${columnHeader('note', 'en')}" column.`,
});
const withoutIdLine = (rows: number[]): Msg => ({
  vi: `${rows.length} dòng không có mã nhiệm vụ (dòng ${rows.join(', ')}) được giữ nguyên ở cuối bảng.`,
  en: `${rows.length} rows without a task id (rows ${rows.join(', ')}) are kept as they were at the end of the table.`,
});
const duplicateLine = (d: { id: string; row: number }): Msg => ({
  vi: `Dòng ${d.row} lặp lại mã "${d.id}": được giữ ở cuối bảng, mã ghi thêm "${DUPLICATE_ID_SUFFIX.vi.trim()}".`,
  en: `Row ${d.row} repeats the id "${d.id}": kept at the end of the table, its id marked "${DUPLICATE_ID_SUFFIX.en.trim()}".`,
});
const writtenLine = (p: string): Msg => ({
  vi: `Đã ghi sổ theo dõi theo kế hoạch sửa đổi: ${p}`,
  en: `Revised tracking workbook written: ${p}`,
});
const warningLine = (n: number): Msg => ({
  vi: `${n} cảnh báo khi đọc kế hoạch sửa đổi (xem: plan-tracker parse).`,
  en: `${n} warnings while reading the revised plan (see: plan-tracker parse).`,
});

function short(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function textReport(
  d: RevisionReport,
  result: RevisedWorkbook,
  newTexts: ReadonlyMap<string, string>,
  lang: Lang,
  dryRun: boolean,
): string[] {
  const w = localizeAll(WORDS, lang);
  const lines: string[] = [];
  const kindWord = { unchanged: w.unchangedKind, reworded: w.rewordedKind, renumbered: w.renumberedKind };
  // The dry run is the review before writing: every pairing, so a wrong one can be seen.
  if (dryRun && d.pairings.length)
    lines.push(
      `${w.pairings} (${d.pairings.length}):`,
      ...d.pairings.map((p) => `  ${p.from} → ${p.to}  ${p.score.toFixed(3)}  ${kindWord[p.kind]}`),
    );
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
  lines.push(localize(unchangedLine(d.unchanged), lang));
  const kept = result.table.removed.length;
  if (kept) lines.push(localize(keptLine(kept), lang));
  if (d.keptWithoutId.length) lines.push(localize(withoutIdLine(d.keptWithoutId), lang));
  for (const dup of d.keptDuplicates) lines.push(localize(duplicateLine(dup), lang));
  return lines;
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const opts = parsed.flags;
  const lang: Lang = opts.lang;
  if (!opts.output && !opts.dryRun)
    throw new UsageError(
      {
        vi: 'Thiếu tệp kết quả (-o SO_MOI.xlsx), hoặc dùng --dry-run.',
        en: 'Missing the output file (-o new.xlsx), or use --dry-run.',
      },
      USAGE,
    );
  if (opts.output) requireXlsxPath(opts.output);
  const [masterArg, planArg] = parsed.positional;
  const outPath = opts.output ? resolve(io.cwd, opts.output) : null;
  if (!opts.dryRun && outPath) refuseOverwrite(outPath, opts.force);

  const master = await readNamedFile(io, masterArg);
  const loaded = await readPlanFile(await readNamedFile(io, planArg));
  requireTasks(loaded.plan, planArg);
  const result = await reviseFile(master, loaded);
  const { plan } = loaded;
  if (plan.warnings.length) io.err(localize(warningLine(plan.warnings.length), lang));
  const newTexts = new Map(plan.tasks.map((t) => [t.id, t.text]));
  const described = describeRevision(result);

  let written: string | null = null;
  // An unchanged plan changes nothing: not even a rewritten copy (issue 20 item 10).
  if (!opts.dryRun && outPath && !result.unchanged) {
    await writeFilesAtomically(
      [{ path: outPath, bytes: await revisedFile(result, { master, planFile: planArg }) }],
      {
        createDirs: true,
      },
    );
    written = outPath;
  }
  if (opts.json) {
    io.out(
      JSON.stringify(
        {
          ...described,
          keptAsMarkedRows: result.table.removed,
          samePlan: result.unchanged,
          output: written,
          dryRun: opts.dryRun,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const line of textReport(described, result, newTexts, lang, opts.dryRun)) io.out(line);
  if (result.unchanged && !opts.dryRun) io.out(localize(WORDS.samePlan, lang));
  else io.out(written ? localize(writtenLine(written), lang) : localize(WORDS.dry, lang));
  return 0;
}

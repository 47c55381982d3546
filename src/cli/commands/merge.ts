import { readFile } from 'fs/promises';
import { basename, resolve } from 'path';
import { choiceFlag, commandArgs, COMMON_FLAGS } from '../args';
import { errorText, type CliIo } from '../io';
import { writeOutputFile } from '../output-file';
import type { MergePlan } from '../../tracking/merge';
import { displayCell } from '../../workbook/cells';
import { columnHeader, columnOf, type TaskColumnId } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { localize } from '../../model/msg';
import type { RawCell } from '../../model/table';
import { historySheetName } from '../../workbook/sheets/history';
import { mergeWorkbooks, NamedBytes } from '../../xlsx/merge';

const USAGE =
  'Cách dùng / Usage: plan-tracker merge SO_THEO_DOI.xlsx TRA_VE.xlsx… [--dry-run] [--json] [--prefer return|master] [--lang vi|en]';

const W = {
  vi: {
    refused: 'Không gộp: có tệp bị từ chối. Sổ tổng không thay đổi.',
    conflicts:
      'Không gộp: có giá trị bị sửa ở cả sổ tổng và tệp trả về. Sổ tổng không thay đổi; chọn --prefer return hoặc --prefer master.',
    conflictHead: ['Tệp', columnHeader('taskId', 'vi'), 'Cột', 'Lúc tách', 'Sổ tổng', 'Trả về'],
    dry: 'Chạy thử (--dry-run): sổ tổng không thay đổi.',
    none: 'Không có thay đổi nào cần gộp.',
    merged: (n: number, f: string, sheet: string) => `Đã gộp ${n} thay đổi vào ${f}; xem trang "${sheet}".`,
    file: (f: string, c: number, k: number) => `${f}: ${c} thay đổi, ${k} xung đột`,
    change: 'Thay đổi',
    notice: 'Lưu ý',
  },
  en: {
    refused: 'Not merged: some files were refused. The master is unchanged.',
    conflicts:
      'Not merged: some values were changed both in the master and in a return. The master is unchanged; choose --prefer return or --prefer master.',
    conflictHead: ['File', columnHeader('taskId', 'en'), 'Column', 'At split', 'Master', 'Return'],
    dry: 'Dry run (--dry-run): the master is unchanged.',
    none: 'Nothing to merge.',
    merged: (n: number, f: string, sheet: string) =>
      `Merged ${n} changes into ${f}; see the "${sheet}" sheet.`,
    file: (f: string, c: number, k: number) => `${f}: ${c} changes, ${k} conflicts`,
    change: 'Change',
    notice: 'Note',
  },
} as const;

function show(column: string, v: RawCell): string {
  return displayCell(column, v) || '∅';
}

function report(plan: MergePlan, lang: Lang, io: CliIo): void {
  const w = W[lang];
  const header = (c: string) => (columnOf(c) ? columnHeader(c as TaskColumnId, lang) : c);
  for (const r of plan.refused) io.err(`✗ ${localize(r.message, lang)}`);
  for (const f of plan.files) io.out(w.file(f.file, f.changes, f.conflicts));
  for (const c of plan.changes)
    io.out(
      `  ${w.change}: ${c.taskId} · ${header(c.column)}: ${show(c.column, c.old)} → ${show(c.column, c.new)} (${c.file})`,
    );
  if (plan.conflicts.length) {
    io.out(w.conflictHead.join('\t'));
    for (const c of plan.conflicts)
      io.out(
        [
          c.file,
          c.taskId,
          header(c.column),
          show(c.column, c.base),
          show(c.column, c.master),
          show(c.column, c.return),
        ].join('\t'),
      );
  }
  for (const n of plan.notices) io.err(`! ${w.notice}: ${localize(n.message, lang)}`);
}

const ARGS = {
  help: true,
  flags: {
    dryRun: COMMON_FLAGS.dryRun,
    json: COMMON_FLAGS.json,
    prefer: choiceFlag('--prefer', ['return', 'master'], ['Lựa chọn --prefer', '--prefer choice']),
    lang: COMMON_FLAGS.lang,
  },
  positional: {
    min: 2,
    max: Infinity,
    tooFew:
      'Cần sổ tổng và ít nhất một tệp trả về. / The master and at least one returned workbook are needed.',
  },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const files = parsed.positional;
  const { dryRun, json, lang } = parsed.flags;
  const prefer = parsed.flags.prefer ?? null;
  const [masterPath, ...returnPaths] = files.map((f) => resolve(io.cwd, f));
  if (returnPaths.includes(masterPath)) {
    io.err('Tệp trả về trùng với sổ tổng / A return is the master itself.');
    return 2;
  }
  const load = async (path: string): Promise<NamedBytes | null> => {
    try {
      return { file: basename(path), bytes: await readFile(path) };
    } catch {
      io.err(`Không mở được tệp / Cannot open file: ${path}`);
      return null;
    }
  };
  const master = await load(masterPath);
  const returns = await Promise.all(returnPaths.map(load));
  if (!master || returns.some((r) => r === null)) return 2;

  let result;
  try {
    result = await mergeWorkbooks(master, returns as NamedBytes[], { prefer, dryRun });
  } catch (e) {
    io.err(errorText(e));
    return 1;
  }
  const { plan, output } = result;
  const w = W[lang];
  let written = false;
  if (output && !dryRun) {
    // Write beside the master and rename over it: a crash leaves the old master whole.
    if (!(await writeOutputFile(masterPath, async () => output, io))) return 1;
    written = true;
  }
  if (json) {
    io.out(JSON.stringify({ ...plan, dryRun, written, history: result.history }, null, 2));
  } else {
    report(plan, lang, io);
    if (plan.refused.length) io.err(w.refused);
    else if (!plan.ok) io.err(w.conflicts);
    else if (dryRun) io.out(w.dry);
    else if (!written || plan.changes.length === 0) io.out(w.none);
    else io.out(w.merged(plan.changes.length, basename(masterPath), historySheetName(result.lang)));
  }
  return plan.ok ? 0 : 1;
}

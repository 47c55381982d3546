import { mkdir, readFile } from 'fs/promises';
import { basename, join, resolve } from 'path';
import { commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK, usageError } from '../args';
import { errorText, type CliIo } from '../io';
import { existingPaths, writeFilesAtomically } from '../output-file';
import { splitWorkbook } from '../../xlsx/split';

const USAGE = 'Cách dùng / Usage: plan-tracker split SO_THEO_DOI.xlsx -o THU_MUC [--force] [--lang vi|en]';

const ARGS = {
  help: true,
  flags: {
    outDir: { names: ['-o', '--out'], kind: 'string' },
    force: COMMON_FLAGS.force,
    lang: COMMON_FLAGS.lang,
  },
  positional: {
    min: 1,
    max: 1,
    tooFew: MISSING_TRACKING_WORKBOOK,
  },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const file = parsed.positional[0];
  const { outDir, force, lang } = parsed.flags;
  if (!outDir)
    return usageError(
      'Thiếu thư mục kết quả (-o THU_MUC). / Missing the output folder (-o FOLDER).',
      USAGE,
      io,
    );
  const en = lang === 'en';
  let bytes: Uint8Array;
  try {
    bytes = await readFile(resolve(io.cwd, file));
  } catch {
    io.err(`Không mở được tệp / Cannot open file: ${file}`);
    return 2;
  }
  try {
    const result = await splitWorkbook(bytes);
    const dir = resolve(io.cwd, outDir);
    await mkdir(dir, { recursive: true });
    // Returned copies may already sit in the folder: never overwrite them without --force,
    // and check every name before writing any.
    const targets = result.files.map((f) => ({ path: join(dir, f.fileName), bytes: f.bytes }));
    if (!force) {
      const taken = existingPaths(targets.map((t) => t.path)).map((p) => basename(p));
      if (taken.length > 0) {
        io.err(
          `Thư mục đã có tệp cùng tên (dùng --force để ghi đè): ${taken.join(', ')}\n` +
            `The folder already has files with these names (use --force to overwrite): ${taken.join(', ')}`,
        );
        return 1;
      }
    }
    await writeFilesAtomically(targets);
    for (const f of result.files) io.out(`${f.fileName}\t${f.taskIds.length} ${en ? 'tasks' : 'nhiệm vụ'}`);
    io.out(
      en
        ? `${result.files.length} agency workbooks written to ${dir}`
        : `Đã tạo ${result.files.length} sổ cho các cơ quan trong ${dir}`,
    );
    if (result.unassigned.length)
      io.err(
        en
          ? `${result.unassigned.length} tasks have no lead agency and are in no copy: ${result.unassigned.join(', ')}`
          : `${result.unassigned.length} nhiệm vụ chưa có cơ quan chủ trì nên không được tách: ${result.unassigned.join(', ')}`,
      );
    if (result.notInPlan.length)
      io.err(
        en
          ? `Rows not in the master's task list (added by hand or duplicated) were left out: ${result.notInPlan.join(', ')}`
          : `Các dòng không có trong danh sách nhiệm vụ của sổ tổng (thêm tay hoặc trùng mã) không được tách: ${result.notInPlan.join(', ')}`,
      );
    return 0;
  } catch (e) {
    io.err(errorText(e));
    return 1;
  }
}

import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { splitFile } from '../../app/share';
import { LocalizedError, localize, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS, MISSING_TRACKING_WORKBOOK, PLAN_FLAG, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { existingPaths, makeDirs, refuseUnwritableTarget, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker split SO_THEO_DOI.xlsx -o THU_MUC [--plan KẾ_HOẠCH] [--force] [--lang vi|en]',
  en: 'Usage: plan-tracker split TRACKING.xlsx -o FOLDER [--plan PLAN] [--force] [--lang vi|en]',
};

export const ARGS = {
  help: true,
  flags: {
    outDir: {
      names: ['-o', '--out'],
      kind: 'string',
      value: ['THƯ_MỤC', 'FOLDER'],
      about: {
        vi: 'Thư mục ghi sổ của từng cơ quan (bắt buộc; tạo nếu chưa có).',
        en: 'The folder for the agency workbooks (required; created if missing).',
      },
    },
    plan: PLAN_FLAG,
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
  if (!parsed) return 0;
  const { outDir, force, lang } = parsed.flags;
  if (!outDir)
    throw new UsageError(
      { vi: 'Thiếu thư mục kết quả (-o THU_MUC).', en: 'Missing the output folder (-o FOLDER).' },
      USAGE,
    );
  const result = await splitFile(await readNamedFile(io, parsed.positional[0]), { plan: parsed.flags.plan });
  const dir = resolve(io.cwd, outDir);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new LocalizedError({
      vi: `Không ghi được vào ${dir}: đây là một tệp, không phải thư mục. Hãy chọn một thư mục cho các sổ tách.`,
      en: `Cannot write into ${dir}: it is a file, not a folder. Choose a folder for the agency workbooks.`,
    });
  await makeDirs(dir);
  // Returned copies may already sit in the folder: never overwrite them without --force,
  // and check every name before writing any.
  const targets = result.files.map((f) => ({ path: join(dir, f.fileName), bytes: f.bytes }));
  for (const t of targets) refuseUnwritableTarget(t.path);
  if (!force) {
    const taken = existingPaths(targets.map((t) => t.path)).map((p) => basename(p));
    if (taken.length > 0)
      throw new LocalizedError({
        vi: `Thư mục đã có tệp cùng tên (dùng --force để ghi đè): ${taken.join(', ')}`,
        en: `The folder already has files with these names (use --force to overwrite): ${taken.join(', ')}`,
      });
  }
  await writeFilesAtomically(targets);
  const say = (m: Msg) => localize(m, lang);
  for (const f of result.files)
    io.out(`${f.fileName}\t${say({ vi: `${f.taskIds.length} nhiệm vụ`, en: `${f.taskIds.length} tasks` })}`);
  io.out(
    say({
      vi: `Đã tạo ${result.files.length} sổ cho các cơ quan trong ${dir}`,
      en: `${result.files.length} agency workbooks written to ${dir}`,
    }),
  );
  const { unassigned, notInPlan } = result;
  if (unassigned.length)
    io.err(
      say({
        vi: `${unassigned.length} nhiệm vụ chưa có cơ quan chủ trì nên không được tách: ${unassigned.join(', ')}`,
        en: `${unassigned.length} tasks have no lead agency and are in no copy: ${unassigned.join(', ')}`,
      }),
    );
  if (notInPlan.length)
    io.err(
      say({
        vi: `Các dòng không có trong danh sách nhiệm vụ của sổ tổng (thêm tay hoặc trùng mã) không được tách: ${notInPlan.join(', ')}`,
        en: `Rows not in the master's task list (added by hand or duplicated) were left out: ${notInPlan.join(', ')}`,
      }),
    );
  return 0;
}

import { mkdir, readFile, rename, stat, unlink, writeFile } from 'fs/promises';
import { join, resolve } from 'path';
import type { CliIo } from '../io';
import { SplitError } from '../../tracking/split';
import type { Lang } from '../../workbook/types';
import { splitWorkbook } from '../../xlsx/split';

const USAGE = 'Cách dùng / Usage: plan-tracker split SO_THEO_DOI.xlsx -o THU_MUC [--force] [--lang vi|en]';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let outDir: string | undefined;
  let force = false;
  let lang: Lang = 'vi';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--out') outDir = args[++i];
    else if (a === '--force') force = true;
    else if (a === '--lang') {
      const l = args[++i];
      if (l !== 'vi' && l !== 'en') {
        io.err(`--lang: "${l}" (vi | en)\n${USAGE}`);
        return 2;
      }
      lang = l;
    } else if (a.startsWith('-')) {
      io.err(`Tuỳ chọn không hợp lệ / Unknown option: ${a}\n${USAGE}`);
      return 2;
    } else if (!file) file = a;
    else {
      io.err(`Thừa tham số / Unexpected argument: ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (!file || !outDir) {
    io.err(USAGE);
    return 2;
  }
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
    if (!force) {
      const taken: string[] = [];
      for (const f of result.files) if (await exists(join(dir, f.fileName))) taken.push(f.fileName);
      if (taken.length > 0) {
        io.err(
          `Thư mục đã có tệp cùng tên (dùng --force để ghi đè): ${taken.join(', ')}\n` +
            `The folder already has files with these names (use --force to overwrite): ${taken.join(', ')}`,
        );
        return 1;
      }
    }
    const temps: string[] = [];
    try {
      for (const f of result.files) {
        const tmp = join(dir, `.${f.fileName}.${process.pid}.tmp`);
        temps.push(tmp);
        await writeFile(tmp, f.bytes);
      }
      for (let i = 0; i < result.files.length; i++)
        await rename(temps[i], join(dir, result.files[i].fileName));
    } catch (e) {
      for (const t of temps) await unlink(t).catch(() => undefined);
      throw e;
    }
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
    if (e instanceof SplitError) io.err(en ? e.messageEn : e.message.split(' / ')[0]);
    else io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

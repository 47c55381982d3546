/**
 * `plan-tracker add`: puts a further plan's tasks into an existing master (a portfolio, issue
 * 17). The new tasks' ids take the plan's prefix (KH215.IV.3.2), the `Kế hoạch` column names each
 * task's plan, and every entry of the master stays as it was. With -o the master is not touched
 * (the result goes to a new file, temp file + rename); without it the master is updated in place
 * the way merge updates it (lock, temp file + rename, previous copy kept beside it).
 */
import { resolve } from 'node:path';
import { addedPlanFile } from '../../app/add-plan';
import { readPlanFile, requireTasks } from '../../app/plan-file';
import type { Lang } from '../../model/lang';
import { localize, type Msg } from '../../model/msg';
import { commandArgs, COMMON_FLAGS } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { updateMasterInPlace } from '../master-file';
import { refuseOverwrite, requireXlsxPath, writeFilesAtomically } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker add SO_TONG.xlsx KẾ_HOẠCH [-o SO_MOI.xlsx] [--json] [--lang vi|en] [--force] (không có -o: ghi thẳng vào sổ tổng, giữ bản trước bên cạnh)',
  en: 'Usage: plan-tracker add MASTER.xlsx PLAN [-o NEW.xlsx] [--json] [--lang vi|en] [--force] (without -o: the master is updated in place, the previous one kept beside it)',
};

export const ARGS = {
  help: true,
  flags: {
    output: COMMON_FLAGS.output,
    lang: COMMON_FLAGS.lang,
    json: COMMON_FLAGS.json,
    force: COMMON_FLAGS.force,
  },
  positional: {
    min: 2,
    max: 2,
    tooFew: {
      vi: 'Cần sổ tổng và kế hoạch cần thêm.',
      en: 'The master and the plan to add are both needed.',
    },
    tooMany: () => ({
      vi: 'Chỉ nhận một sổ tổng và một kế hoạch.',
      en: 'One master and one plan only.',
    }),
  },
} as const;

const addedLine = (n: number, prefix: string, path: string): Msg => ({
  vi: `Đã thêm ${n} nhiệm vụ (mã bắt đầu bằng ${prefix}.) vào sổ tổng: ${path}`,
  en: `Added ${n} tasks (ids starting ${prefix}.) to the master: ${path}`,
});

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const opts = parsed.flags;
  const lang: Lang = opts.lang;
  const [masterArg, planArg] = parsed.positional;
  let outPath: string;
  let result: Awaited<ReturnType<typeof addedPlanFile>>['result'];
  if (opts.output) {
    requireXlsxPath(opts.output);
    outPath = resolve(io.cwd, opts.output);
    refuseOverwrite(outPath, opts.force);
    const master = await readNamedFile(io, masterArg);
    const loaded = await readPlanFile(await readNamedFile(io, planArg));
    requireTasks(loaded.plan, planArg);
    const added = await addedPlanFile(master, loaded, { planFile: planArg });
    result = added.result;
    await writeFilesAtomically([{ path: outPath, bytes: added.bytes }], { createDirs: true });
  } else {
    // No -o: the master itself is updated, as merge does (lock, temp file + rename, backup).
    const loaded = await readPlanFile(await readNamedFile(io, planArg));
    requireTasks(loaded.plan, planArg);
    const got: { added?: Awaited<ReturnType<typeof addedPlanFile>> } = {};
    outPath = await updateMasterInPlace(
      resolve(io.cwd, masterArg),
      masterArg,
      () => readNamedFile(io, masterArg),
      async (master) => {
        got.added = await addedPlanFile(master, loaded, { planFile: planArg });
        return got.added.bytes;
      },
    );
    if (!got.added) return 2;
    result = got.added.result;
  }
  if (opts.json)
    io.out(
      JSON.stringify(
        { prefix: result.prefix, added: result.added, plans: result.spec.meta.plans, output: outPath },
        null,
        2,
      ),
    );
  else io.out(localize(addedLine(result.added.length, result.prefix, outPath), lang));
  return 0;
}

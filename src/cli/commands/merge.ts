import { basename, resolve } from 'node:path';
import { nodeZipCodec } from '../../app/node-zip';
import {
  changeLine,
  mergeColumnHeader,
  mergeFiles,
  shownValue,
  type ConflictDecision,
  type MergePlan,
} from '../../app/share';
import { columnHeader } from '../../model/columns';
import type { Lang } from '../../model/lang';
import { EXIT, LocalizedError, localize, localizeAll, type Msg } from '../../model/msg';
import { choiceFlag, commandArgs, COMMON_FLAGS, UsageError } from '../args';
import { readNamedFile } from '../files';
import type { CliIo } from '../io';
import { cleanStaleTemps, lockMaster, realTarget, replaceMaster, type MasterLock } from '../master-file';
import { refuseUnwritableTarget } from '../output-file';

const USAGE: Msg = {
  vi: 'Cách dùng: plan-tracker merge SO_THEO_DOI.xlsx TRA_VE.xlsx… [--dry-run] [--json] [--prefer return|master] [--take MÃ=return|master,…] [--accept-invalid] [--adopt] [--no-backup] [--lang vi|en]',
  en: 'Usage: plan-tracker merge TRACKING.xlsx RETURN.xlsx… [--dry-run] [--json] [--prefer return|master] [--take ID=return|master,…] [--accept-invalid] [--adopt] [--no-backup] [--lang vi|en]',
};

const WORDS = {
  refused: {
    vi: 'Không gộp: có tệp bị từ chối. Sổ tổng không thay đổi.',
    en: 'Not merged: some files were refused. The master is unchanged.',
  },
  conflicts: {
    vi: 'Không gộp: có giá trị bị sửa ở cả sổ tổng và tệp trả về. Sổ tổng không thay đổi; chọn --prefer return hoặc --prefer master, hoặc --take MÃ=return|master cho từng nhiệm vụ.',
    en: 'Not merged: some values were changed both in the master and in a return. The master is unchanged; choose --prefer return or --prefer master, or --take ID=return|master per task.',
  },
  dry: {
    vi: 'Chạy thử (--dry-run): sổ tổng không thay đổi.',
    en: 'Dry run (--dry-run): the master is unchanged.',
  },
  none: { vi: 'Không có thay đổi nào cần gộp.', en: 'Nothing to merge.' },
  skipped: {
    vi: 'Có giá trị trong tệp trả về không được gộp (xem danh sách ở trên); hãy sửa tệp và gộp lại.',
    en: 'Some values of the returns were not merged (listed above); correct the files and merge again.',
  },
  suggestion: { vi: 'gợi ý', en: 'suggestion' },
  change: { vi: 'Thay đổi', en: 'Change' },
  notice: { vi: 'Lưu ý', en: 'Note' },
  file: { vi: 'Tệp', en: 'File' },
  column: { vi: 'Cột', en: 'Column' },
  atSplit: { vi: 'Lúc tách', en: 'At split' },
  master: { vi: 'Sổ tổng', en: 'Master' },
  return: { vi: 'Trả về', en: 'Return' },
} satisfies Record<string, Msg>;

const TAKE_SIDES = ['return', 'master'] as const;

function badTake(part: string): Msg {
  return {
    vi: `Giá trị --take không hợp lệ: "${part}" (cần MÃ_NHIỆM_VỤ=return hoặc MÃ_NHIỆM_VỤ=master, cách nhau bằng dấu phẩy).`,
    en: `Invalid --take value: "${part}" (expected TASK_ID=return or TASK_ID=master, separated by commas).`,
  };
}

function takeWithoutConflict(ids: string[]): Msg {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return {
    vi: `--take nêu nhiệm vụ không có xung đột: ${list}. Sổ tổng không thay đổi; xem bảng xung đột bằng --dry-run.`,
    en: `--take names tasks without a conflict: ${list}. The master is unchanged; see the conflicts with --dry-run.`,
  };
}

/** `IV.1.1=return,IV.2.3=master` → one decision per task (every column of its conflicts). */
export function readTake(text: string): ConflictDecision[] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((part) => {
      const eq = part.lastIndexOf('=');
      const taskId = eq > 0 ? part.slice(0, eq).trim() : '';
      const take = eq > 0 ? part.slice(eq + 1).trim() : '';
      if (!taskId || !(TAKE_SIDES as readonly string[]).includes(take))
        throw new UsageError(badTake(part), USAGE);
      return { taskId, take: take as (typeof TAKE_SIDES)[number] };
    });
}

function merged(n: number, file: string, sheet: string): Msg {
  return {
    vi: `Đã gộp ${n} thay đổi vào ${file}; xem trang "${sheet}".`,
    en: `Merged ${n} changes into ${file}; see the "${sheet}" sheet.`,
  };
}

function fileLine(f: string, c: number, k: number): Msg {
  return { vi: `${f}: ${c} thay đổi, ${k} xung đột`, en: `${f}: ${c} changes, ${k} conflicts` };
}

function report(plan: MergePlan, lang: Lang, io: CliIo): void {
  const w = localizeAll(WORDS, lang);
  const header = (c: string) => mergeColumnHeader(c, lang);
  const show = shownValue;
  for (const r of plan.refused) io.err(`✗ ${localize(r.message, lang)}`);
  for (const f of plan.files) io.out(localize(fileLine(f.file, f.changes, f.conflicts), lang));
  for (const c of plan.changes) io.out(`  ${w.change}: ${changeLine(c, lang)}`);
  if (plan.conflicts.length) {
    io.out([w.file, columnHeader('taskId', lang), w.column, w.atSplit, w.master, w.return].join('\t'));
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
  for (const k of plan.skipped) {
    const hint =
      k.suggestion !== undefined && k.column ? ` (${w.suggestion}: ${show(k.column, k.suggestion)})` : '';
    io.err(`✗ ${localize(k.message, lang)}${hint}`);
  }
}

export const ARGS = {
  help: true,
  flags: {
    dryRun: COMMON_FLAGS.dryRun,
    json: COMMON_FLAGS.json,
    prefer: choiceFlag('--prefer', ['return', 'master'], ['Lựa chọn --prefer', '--prefer choice'], {
      vi: 'Khi một ô bị sửa ở cả hai nơi: lấy giá trị của tệp trả về (return) hay giữ của sổ tổng (master).',
      en: 'When a cell was changed on both sides: take the return’s value (return) or keep the master’s (master).',
    }),
    take: {
      names: ['--take'],
      kind: 'string',
      value: ['MÃ=return|master,…', 'ID=return|master,…'],
      about: {
        vi: 'Quyết từng nhiệm vụ có xung đột (mọi cột của nó), ví dụ --take IV.1.1=return,IV.2.3=master; --prefer quyết phần còn lại.',
        en: 'Settle the conflicts of a task (all its columns), e.g. --take IV.1.1=return,IV.2.3=master; --prefer settles the rest.',
      },
    },
    acceptInvalid: {
      names: ['--accept-invalid'],
      kind: 'bool',
      about: {
        vi: 'Vẫn gộp giá trị bị kiểm tra coi là lỗi, và đánh dấu trong trang Lịch sử.',
        en: 'Merge values the checks call errors too, marked in the history sheet.',
      },
    },
    noBackup: {
      names: ['--no-backup'],
      kind: 'bool',
      about: {
        vi: 'Không giữ bản sổ tổng trước khi gộp (TÊN.truoc-khi-gop.xlsx).',
        en: 'Do not keep the master as it was (NAME.truoc-khi-gop.xlsx).',
      },
    },
    adopt: {
      names: ['--adopt'],
      kind: 'bool',
      about: {
        vi: 'Nhận tệp trả về không chứng minh được nguồn gốc, ghép nhiệm vụ theo nội dung.',
        en: 'Take a return whose origin cannot be proven, pairing its tasks by content.',
      },
    },
    lang: COMMON_FLAGS.lang,
  },
  positional: {
    min: 2,
    max: Infinity,
    tooFew: {
      vi: 'Cần sổ tổng và ít nhất một tệp trả về.',
      en: 'The master and at least one returned workbook are needed.',
    },
  },
} as const;

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = commandArgs(args, ARGS, USAGE, io);
  if (!parsed) return 0;
  const { dryRun } = parsed.flags;
  const [masterArg, ...returnArgs] = parsed.positional;
  const masterPath = resolve(io.cwd, masterArg);
  if (returnArgs.some((r) => resolve(io.cwd, r) === masterPath))
    throw new LocalizedError({
      vi: `Tệp trả về trùng với sổ tổng: ${masterArg}.`,
      en: `A return is the master itself: ${masterArg}.`,
    });
  // The real file behind a link is the master; one merge at a time edits it.
  const target = await realTarget(masterPath);
  const lock: MasterLock | null = dryRun ? null : await lockMaster(target, masterArg);
  try {
    if (!dryRun) await cleanStaleTemps(target);
    return await mergeLocked(parsed.flags, masterArg, returnArgs, target, io);
  } finally {
    await lock?.release();
  }
}

async function mergeLocked(
  flags: {
    dryRun: boolean;
    json: boolean;
    lang: Lang;
    acceptInvalid: boolean;
    adopt: boolean;
    noBackup: boolean;
    prefer?: 'return' | 'master';
    take?: string;
  },
  masterArg: string,
  returnArgs: string[],
  target: string,
  io: CliIo,
): Promise<number> {
  const { dryRun, json, lang, acceptInvalid } = flags;
  const prefer = flags.prefer ?? null;
  const decisions = flags.take ? readTake(flags.take) : [];
  const masterPath = resolve(io.cwd, masterArg);
  // Every file is read before anything is planned: a missing one stops the merge untouched.
  const master = await readNamedFile(io, masterArg);
  const returns = await Promise.all(returnArgs.map((r) => readNamedFile(io, r)));
  if (!dryRun) refuseUnwritableTarget(target);
  // History rows and refusals name the files as they are called, not by their whole path.
  const named = (f: { name: string; bytes: Uint8Array }) => ({ name: basename(f.name), bytes: f.bytes });
  const result = await mergeFiles(named(master), returns.map(named), {
    prefer,
    decisions,
    dryRun,
    acceptInvalid,
    adopt: flags.adopt,
    codec: nodeZipCodec(),
  });
  const { plan, output } = result;
  // A task named in --take without a conflict is a mistyped id: said, and nothing written.
  const inConflict = new Set(plan.conflicts.map((c) => c.taskId));
  const stray = plan.refused.length ? [] : decisions.filter((d) => !inConflict.has(d.taskId));
  if (stray.length) throw new LocalizedError(takeWithoutConflict(stray.map((d) => d.taskId)));
  let written = false;
  if (output && !dryRun) {
    // Written beside the master and renamed over it: a crash leaves the old master whole.
    await replaceMaster(target, output, { previous: flags.noBackup ? null : master.bytes });
    written = true;
  }
  if (json) {
    io.out(JSON.stringify({ ...plan, dryRun, written, history: result.history }, null, 2));
  } else {
    const w = localizeAll(WORDS, lang);
    report(plan, lang, io);
    if (plan.refused.length) io.err(w.refused);
    else if (!plan.ok) io.err(w.conflicts);
    else if (dryRun) io.out(w.dry);
    else if (!written || plan.changes.length === 0) io.out(w.none);
    else io.out(localize(merged(plan.changes.length, basename(masterPath), result.historySheet), lang));
    if (plan.skipped.length) io.err(w.skipped);
  }
  // A return that is no tracking workbook (another kind of file, a damaged one) is bad input,
  // like such a master; a readable one refused for what it holds is a finding.
  if (plan.refused.some((r) => r.code === 'no-meta')) return EXIT.badInput;
  return plan.ok && plan.skipped.length === 0 ? 0 : 1;
}

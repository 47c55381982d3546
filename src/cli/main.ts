import type { Lang } from '../model/lang';
import { EXIT, isLocalizedError, localize, type ExitCode, type Msg } from '../model/msg';
import { GENERATOR_VERSION } from '../model/version';
import { langOf } from './args';
import { CliIo, nodeIo } from './io';

/**
 * A command: its exit code for what it did (0, 1 for findings and conflicts, 2 for bad input it
 * reported itself); otherwise it throws for bad input.
 */
export type Command = (args: string[], io: CliIo) => Promise<number>;

// Commands are loaded on demand so `parse` does not pay for ExcelJS.
const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./commands/parse')).run,
  build: async () => (await import('./commands/build')).run,
  check: async () => (await import('./commands/check')).run,
  summary: async () => (await import('./commands/summary')).run,
  split: async () => (await import('./commands/split')).run,
  merge: async () => (await import('./commands/merge')).run,
  revise: async () => (await import('./commands/revise')).run,
  report: async () => (await import('./commands/report')).run,
  radar: async () => (await import('./commands/radar')).run,
  add: async () => (await import('./commands/add')).run,
  agencies: async () => (await import('./commands/agencies')).run,
};

/** Every command's name, for its per-command tests (`COMMAND --help`, the error table). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

const USAGE: Msg = {
  vi: `Cách dùng: plan-tracker <lệnh> [tuỳ chọn]

  parse   KẾ_HOẠCH [--json]                                   Đọc kế hoạch, in cấu trúc
  build   KẾ_HOẠCH -o SO_THEO_DOI.xlsx [--report-date dd/mm/yyyy] [--lang vi|en] [--force]
                                                              Tạo sổ theo dõi
  check   SO_THEO_DOI.xlsx [--report-date dd/mm/yyyy] [--json] Kiểm tra số liệu đã nhập
  summary SO_THEO_DOI.xlsx [--period 2024-Q2] [--json]        Tổng hợp theo cơ quan
  split   SO_THEO_DOI.xlsx -o THƯ_MỤC                         Tách sổ cho từng cơ quan
  merge   SO_THEO_DOI.xlsx TRẢ_VỀ.xlsx… [--dry-run] [--json] [--prefer return|master]
                                                              Gộp các sổ cơ quan gửi về
  revise  SO_THEO_DOI.xlsx KẾ_HOẠCH_SỬA_ĐỔI -o SO_MOI.xlsx [--dry-run] [--json] [--lang vi|en] [--force]
                                                              Cập nhật sổ theo kế hoạch sửa đổi, giữ số liệu
  report  SO_THEO_DOI.xlsx [-o BAO_CAO.xlsx] [--period 2024-Q2] [--json]
                                                              Lập báo cáo kỳ (Nghị định 30/2020)
  radar   SO_THEO_DOI.xlsx [--days 30] [--json]               Nhiệm vụ quá hạn và sắp đến hạn
  add     SO_TONG.xlsx KẾ_HOẠCH -o SO_MOI.xlsx [--json]       Thêm một kế hoạch vào sổ tổng
  agencies SO_TONG.xlsx [--merge "TÊN_CŨ=TÊN_GIỮ"] [-o SO_MOI.xlsx | --force]
                                                              Tên cơ quan gần trùng; gộp hai tên

Mọi tuỳ chọn của một lệnh: plan-tracker <lệnh> --help
Thông báo bằng tiếng Việt; thêm --lang en để dùng tiếng Anh.
Mã thoát: 0 thành công, 1 có lỗi số liệu hoặc xung đột (check, merge), 2 dữ liệu vào sai hoặc không đọc/ghi được tệp.
`,
  en: `Usage: plan-tracker <command> [options]

  parse   PLAN [--json]                                       Read a plan, print its structure
  build   PLAN -o TRACKING.xlsx [--report-date dd/mm/yyyy] [--lang vi|en] [--force]
                                                              Build the tracking workbook
  check   TRACKING.xlsx [--report-date dd/mm/yyyy] [--json]   Check what staff entered
  summary TRACKING.xlsx [--period 2024-Q2] [--json]           Summarise by agency
  split   TRACKING.xlsx -o FOLDER                             One workbook per agency
  merge   TRACKING.xlsx RETURN.xlsx… [--dry-run] [--json] [--prefer return|master]
                                                              Merge the returned copies
  revise  TRACKING.xlsx REVISED_PLAN -o NEW.xlsx [--dry-run] [--json] [--lang vi|en] [--force]
                                                              Apply a revised plan, keep every entry
  report  TRACKING.xlsx [-o REPORT.xlsx] [--period 2024-Q2] [--json]
                                                              The period's report (Decree 30/2020)
  radar   TRACKING.xlsx [--days 30] [--json]                  Tasks overdue and due soon
  add     MASTER.xlsx PLAN -o NEW.xlsx [--json]               Add a further plan to the master
  agencies MASTER.xlsx [--merge "FROM=TO"] [-o NEW.xlsx | --force]
                                                              Near-duplicate agency names; merge two

Every option of a command: plan-tracker <command> --help
Messages are in Vietnamese; add --lang en for English.
Exit codes: 0 success, 1 findings or conflicts (check, merge), 2 bad input or a file that cannot be read or written.
`,
};

/** A defect, not the user's doing: said in one line, without a stack. */
function internalError(e: unknown): Msg {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return {
    vi: `Lỗi nội bộ của plan-tracker (${what}). Không có tệp nào bị thay đổi; hãy báo lỗi này kèm lệnh đã chạy.`,
    en: `Internal error in plan-tracker (${what}). No file was changed; please report it with the command you ran.`,
  };
}

/**
 * The one mapping from what a command ends with to the exit code the README states: its own code
 * when it finishes; a LocalizedError's code (2 for bad input or a file that cannot be read or
 * written) with its message in the user's language; 2 for anything else, said as a defect.
 */
export async function runCommand(command: () => Promise<number>, lang: Lang, io: CliIo): Promise<ExitCode> {
  try {
    const code = await command();
    return code === EXIT.ok || code === EXIT.badInput ? code : EXIT.findings;
  } catch (e) {
    if (isLocalizedError(e)) {
      io.err(localize(e.msg, lang));
      return e.exitCode;
    }
    io.err(localize(internalError(e), lang));
    return EXIT.badInput;
  }
}

/**
 * The arguments with a `--lang` given before the command moved after it, where the command reads
 * it (`plan-tracker --lang en check …`), and `help COMMAND` read as `COMMAND --help`.
 */
function commandFirst(argv: readonly string[]): string[] {
  const leading: string[] = [];
  let i = 0;
  for (; i < argv.length; i++) {
    if (argv[i].startsWith('--lang=')) leading.push(argv[i]);
    else if (argv[i] === '--lang' && i + 1 < argv.length) leading.push(argv[i], argv[++i]);
    else break;
  }
  const rest = argv.slice(i);
  if (rest.length === 0) return [];
  if (rest[0] === 'help' && rest[1] && COMMANDS[rest[1]]) return [rest[1], '--help', ...leading];
  return [...rest, ...leading];
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  const lang = langOf(argv);
  const [name, ...rest] = commandFirst(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(localize(USAGE, lang));
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === '--version' || name === '-V') {
    io.out(`plan-tracker ${GENERATOR_VERSION}`);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    const unknown: Msg = { vi: `Lệnh không hợp lệ: "${name}"`, en: `Unknown command: "${name}"` };
    io.err(`${localize(unknown, lang)}\n\n${localize(USAGE, lang)}`);
    return EXIT.badInput;
  }
  return runCommand(async () => (await load())(rest, io), lang, io);
}

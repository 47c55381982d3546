import type { Lang } from '../model/lang';
import { EXIT, isLocalizedError, localize, localizeAll, type ExitCode, type Msg } from '../model/msg';
import { GENERATOR_VERSION } from '../model/version';
import { envLang, hasLangFlag, langOf } from './args';
import { CliIo, nodeIo } from './io';

/**
 * A command: its exit code for what it did (0, 1 for findings and conflicts, 2 for bad input it
 * reported itself); otherwise it throws for bad input.
 */
export type Command = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  /** Its line in `plan-tracker --help`. */
  about: Msg;
  load: () => Promise<Command>;
}

// Commands are loaded on demand so `parse` does not pay for ExcelJS. The one list of commands:
// the general help is drawn from it, and the README is tested against it.
const COMMANDS: Record<string, CommandEntry> = {
  parse: {
    about: {
      vi: 'Đọc kế hoạch (.txt, .docx), in cấu trúc',
      en: 'Read a plan (.txt, .docx), print its outline',
    },
    load: async () => (await import('./commands/parse')).run,
  },
  build: {
    about: { vi: 'Tạo sổ theo dõi từ kế hoạch', en: 'Build the tracking workbook from a plan' },
    load: async () => (await import('./commands/build')).run,
  },
  check: {
    about: { vi: 'Kiểm tra số liệu cán bộ đã nhập', en: 'Check what staff entered' },
    load: async () => (await import('./commands/check')).run,
  },
  summary: {
    about: {
      vi: 'Tổng hợp theo cơ quan, nhóm, phần cho một kỳ',
      en: 'Summarise by agency, category and part for a period',
    },
    load: async () => (await import('./commands/summary')).run,
  },
  split: {
    about: { vi: 'Tách sổ cho từng cơ quan chủ trì', en: 'One workbook per lead agency' },
    load: async () => (await import('./commands/split')).run,
  },
  merge: {
    about: { vi: 'Gộp các sổ cơ quan gửi về vào sổ tổng', en: 'Merge the returned copies into the master' },
    load: async () => (await import('./commands/merge')).run,
  },
  revise: {
    about: {
      vi: 'Cập nhật sổ theo kế hoạch sửa đổi, giữ số liệu',
      en: 'Apply a revised plan, keeping every entry',
    },
    load: async () => (await import('./commands/revise')).run,
  },
  report: {
    about: { vi: 'Lập báo cáo kỳ (Nghị định 30/2020)', en: 'The period’s report (Decree 30/2020)' },
    load: async () => (await import('./commands/report')).run,
  },
  radar: {
    about: { vi: 'Nhiệm vụ quá hạn và sắp đến hạn', en: 'Tasks overdue and due soon' },
    load: async () => (await import('./commands/radar')).run,
  },
  add: {
    about: { vi: 'Thêm một kế hoạch nữa vào sổ tổng', en: 'Add a further plan to the master' },
    load: async () => (await import('./commands/add')).run,
  },
  agencies: {
    about: {
      vi: 'Tên cơ quan gần trùng giữa các kế hoạch; gộp hai tên',
      en: 'Near-duplicate agency names across plans; merge two',
    },
    load: async () => (await import('./commands/agencies')).run,
  },
};

/** Every command's name, for its per-command tests (`COMMAND --help`, the error table). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

const USAGE_WORDS = {
  head: { vi: 'Cách dùng: plan-tracker <lệnh> [tuỳ chọn]', en: 'Usage: plan-tracker <command> [options]' },
  commands: { vi: 'Các lệnh:', en: 'Commands:' },
  more: {
    vi: 'Mọi tuỳ chọn của một lệnh: plan-tracker <lệnh> --help',
    en: 'Every option of a command: plan-tracker <command> --help',
  },
  language: {
    vi: 'Thông báo bằng tiếng Việt; --lang en (hoặc LANG=en…) để dùng tiếng Anh, --lang vi để giữ tiếng Việt.',
    en: 'Messages are in Vietnamese by default; --lang en (or LANG=en…) for English, --lang vi to keep Vietnamese.',
  },
  exit: {
    vi: 'Mã thoát: 0 thành công, 1 có lỗi số liệu hoặc xung đột (check, merge), 2 dữ liệu vào sai hoặc không đọc/ghi được tệp.',
    en: 'Exit codes: 0 success, 1 findings or conflicts (check, merge), 2 bad input or a file that cannot be read or written.',
  },
} satisfies Record<string, Msg>;

/** `plan-tracker --help`: every command of COMMANDS on a line of its own, then how to learn more. */
export function usageText(lang: Lang): string {
  const w = localizeAll(USAGE_WORDS, lang);
  const width = Math.max(...COMMAND_NAMES.map((n) => n.length)) + 2;
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}${localize(c.about, lang)}`,
  );
  return [w.head, '', w.commands, ...lines, '', w.more, w.language, w.exit, ''].join('\n');
}

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
  if (rest[0] === 'help' && rest[1] && rest[1] in COMMANDS) return [rest[1], '--help', ...leading];
  return [...rest, ...leading];
}

export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  // An English locale (LANG=en_GB.UTF-8) runs the command as `--lang en` would; a --lang given wins.
  const fromEnv = hasLangFlag(argv) ? null : envLang(io.env ?? {});
  const args = fromEnv === 'en' ? ['--lang', 'en', ...argv] : argv;
  const lang = langOf(args);
  const [name, ...rest] = commandFirst(args);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usageText(lang));
    return name ? EXIT.ok : EXIT.badInput;
  }
  if (name === '--version' || name === '-V') {
    io.out(`plan-tracker ${GENERATOR_VERSION}`);
    return EXIT.ok;
  }
  const load = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name].load : undefined;
  if (!load) {
    const unknown: Msg = { vi: `Lệnh không hợp lệ: "${name}"`, en: `Unknown command: "${name}"` };
    io.err(`${localize(unknown, lang)}\n\n${usageText(lang)}`);
    return EXIT.badInput;
  }
  return runCommand(async () => (await load())(rest, io), lang, io);
}

/**
 * One declarative argument parser for every CLI command, so options are read the same way
 * everywhere (`--flag value` and `--flag=value`, last one wins) and every usage error is worded
 * once, in both languages; the user's language (--lang) decides which is printed.
 */
import { readTypedDate } from '../model/dates';
import type { Lang } from '../model/lang';
import { EXIT, LocalizedError, localize, type Msg } from '../model/msg';
import type { CliIo } from './io';

/** How a value is named in messages: Vietnamese (sentence start), English (mid-sentence). */
export type Label = readonly [vi: string, en: string];

interface FlagNames {
  /** Every spelling, e.g. ['-o', '--output']. Only `--long` spellings accept `--long=value`. */
  readonly names: readonly string[];
  readonly label?: Label;
  /** Its line in `COMMAND --help`: what it does, one sentence per language. */
  readonly about?: Msg;
  /** How its value is shown in `--help` (`TỆP.xlsx`, `FILE.xlsx`); derived for dates, languages and choices. */
  readonly value?: Label;
}

export type FlagSpec =
  | (FlagNames & { readonly kind: 'bool' })
  | (FlagNames & { readonly kind: 'string' })
  | (FlagNames & { readonly kind: 'date' })
  | (FlagNames & { readonly kind: 'lang' })
  | (FlagNames & { readonly kind: 'choice'; readonly choices: readonly string[] });

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface PositionalSpec {
  readonly min: number;
  /** `Infinity` for "as many as given". */
  readonly max: number;
  /** Shown when fewer than `min` are given. */
  readonly tooFew: Msg;
  /** Shown for the first argument past `max`; a generic message when absent. */
  readonly tooMany?: (arg: string) => Msg;
}

export interface ArgSpec<F extends FlagSpecs> {
  readonly flags: F;
  readonly positional: PositionalSpec;
}

type ValueOf<S extends FlagSpec> = S extends { kind: 'bool' }
  ? boolean
  : S extends { kind: 'lang' }
    ? Lang
    : S extends { kind: 'choice'; choices: readonly (infer C)[] }
      ? C | undefined
      : string | undefined;

export type FlagValues<F extends FlagSpecs> = { -readonly [K in keyof F]: ValueOf<F[K]> };

export interface ParsedArgs<F extends FlagSpecs> {
  flags: FlagValues<F>;
  positional: string[];
}

/** The flags several commands share, declared once so they read and fail alike everywhere. */
export const COMMON_FLAGS = {
  output: {
    names: ['-o', '--output'],
    kind: 'string',
    value: ['TỆP.xlsx', 'FILE.xlsx'],
    about: { vi: 'Tệp kết quả sẽ ghi.', en: 'The file to write.' },
  },
  reportDate: {
    names: ['--report-date'],
    kind: 'date',
    label: ['Ngày báo cáo', 'report date'],
    about: {
      vi: 'Ngày báo cáo, dạng 14/06/2024 hoặc 2024-06-14 (mặc định: ngày ghi trong sổ, hoặc hôm nay).',
      en: 'The report date, as 14/06/2024 or 2024-06-14 (default: the one in the workbook, or today).',
    },
  },
  lang: {
    names: ['--lang'],
    kind: 'lang',
    about: {
      vi: 'Ngôn ngữ của thông báo và của tệp tạo ra: vi (mặc định) hoặc en.',
      en: 'The language of messages and of the files written: vi (default) or en.',
    },
  },
  json: {
    names: ['--json'],
    kind: 'bool',
    about: { vi: 'In kết quả dạng JSON.', en: 'Print the result as JSON.' },
  },
  force: {
    names: ['--force'],
    kind: 'bool',
    about: { vi: 'Ghi đè tệp kết quả đã có.', en: 'Overwrite an existing output file.' },
  },
  dryRun: {
    names: ['--dry-run'],
    kind: 'bool',
    about: {
      vi: 'Chạy thử: chỉ báo sẽ làm gì, không ghi tệp nào.',
      en: 'Dry run: say what would be done, write nothing.',
    },
  },
} as const satisfies FlagSpecs;

/** The reporting period of summary and report, and its convention. */
export const PERIOD_FLAG = {
  names: ['--period'],
  kind: 'string',
  value: ['KỲ', 'PERIOD'],
  about: {
    vi: 'Kỳ báo cáo: 2024-06, 2024-Q2 (Quý II-2024, Q2-2024), 2024-H1 (6T-2024) hoặc 2024 (mặc định: quý chứa ngày báo cáo).',
    en: 'The reporting period: 2024-06, 2024-Q2 (or Q2-2024), 2024-H1 (or 6T-2024) or 2024 (default: the quarter of the report date).',
  },
} as const satisfies FlagSpec;

/** One plan of a master holding several (issue 17). */
export const PLAN_FLAG = {
  names: ['--plan'],
  kind: 'string',
  value: ['KẾ_HOẠCH', 'PLAN'],
  about: {
    vi: 'Chỉ một kế hoạch của sổ nhiều kế hoạch: số (215/KH-UBND), tiền tố mã (KH215) hoặc tên ở cột Kế hoạch.',
    en: "One plan of a master holding several: its number (215/KH-UBND), id prefix (KH215) or the Plan column's text.",
  },
} as const satisfies FlagSpec;

export const CALENDAR_FLAG = {
  names: ['--calendar'],
  kind: 'bool',
  about: {
    vi: 'Kỳ theo tháng dương lịch, không chốt ngày 14.',
    en: 'Calendar periods instead of the 15th-to-14th cut-off.',
  },
} as const satisfies FlagSpec;

const ROMAN_QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/**
 * A period as the office writes it, in the form the period reader takes: `Quý II-2024` and
 * `Q2-2024` → `2024-Q2`, `6T-2024` (the first six months) → `2024-H1`; anything else unchanged.
 */
export function officePeriod(text: string): string {
  const t = text.trim();
  const roman = /^qu[ýy]\s+(I{1,3}|IV)\s*[-/ ]\s*(\d{4})$/iu.exec(t);
  if (roman) return `${roman[2]}-Q${ROMAN_QUARTERS[roman[1].toUpperCase()]}`;
  const q = /^Q([1-4])\s*[-/ ]\s*(\d{4})$/i.exec(t);
  if (q) return `${q[2]}-Q${q[1]}`;
  const six = /^6\s*(?:T|tháng)\s*(?:đầu năm\s*)?[-/ ]\s*(\d{4})$/iu.exec(t);
  if (six) return `${six[1]}-H1`;
  return t;
}

/** `flag` with its own line in `--help` (and its value's name), for a command that uses it its own way. */
export function describedAs<S extends FlagSpec>(flag: S, about: Msg, value?: Label): S {
  return { ...flag, about, ...(value ? { value } : {}) };
}

/** A flag taking one of `choices`, named `label` in messages. */
export function choiceFlag<const C extends readonly string[]>(
  name: string,
  choices: C,
  label: Label,
  about?: Msg,
) {
  return { names: [name], kind: 'choice', choices, label, ...(about ? { about } : {}) } as const;
}

/** The usage error of check, summary and split when the workbook is not named. */
export const MISSING_TRACKING_WORKBOOK: Msg = {
  vi: 'Thiếu tệp sổ theo dõi (.xlsx).',
  en: 'Missing the tracking workbook (.xlsx).',
};

const LANGS: readonly Lang[] = ['vi', 'en'];
const LANG_LABEL: Label = ['Ngôn ngữ', 'language'];

export const MESSAGES = {
  unknown: (arg: string): Msg => ({
    vi: `Tuỳ chọn không hợp lệ: "${arg}".`,
    en: `Unknown option: "${arg}".`,
  }),
  missingValue: (flag: string): Msg => ({
    vi: `Thiếu giá trị sau ${flag}.`,
    en: `Missing value after ${flag}.`,
  }),
  noValueAllowed: (flag: string, arg: string): Msg => ({
    vi: `Tuỳ chọn ${flag} không nhận giá trị: "${arg}".`,
    en: `The option ${flag} takes no value: "${arg}".`,
  }),
  invalid: ([vi, en]: Label, value: string, hintVi: string, hintEn: string): Msg => ({
    vi: `${vi} không hợp lệ: "${value}" (${hintVi}).`,
    en: `Invalid ${en}: "${value}" (${hintEn}).`,
  }),
  tooMany: (arg: string): Msg => ({ vi: `Thừa tham số: "${arg}".`, en: `Unexpected argument: "${arg}".` }),
};

function labelOf(spec: FlagSpec, flag: string): Label {
  return spec.label ?? (spec.kind === 'lang' ? LANG_LABEL : [`Giá trị của ${flag}`, `value of ${flag}`]);
}

function initialValue(spec: FlagSpec): boolean | string | undefined {
  if (spec.kind === 'bool') return false;
  if (spec.kind === 'lang') return 'vi';
  return undefined;
}

/** The flag's value read from `value`, or the message saying why it is not acceptable. */
function readValue(spec: FlagSpec, flag: string, value: string): { ok: string } | { error: Msg } {
  const label = labelOf(spec, flag);
  if (spec.kind === 'date') {
    // The way the office writes dates (14/06/2024) or ISO; the value handed on is always ISO.
    const read = readTypedDate(value);
    if ('iso' in read) return { ok: read.iso };
    return read.problem === 'impossible'
      ? { error: MESSAGES.invalid(label, value, 'không có ngày này', 'no such date') }
      : {
          error: MESSAGES.invalid(
            label,
            value,
            'cần dd/mm/yyyy hoặc YYYY-MM-DD',
            'expected dd/mm/yyyy or YYYY-MM-DD',
          ),
        };
  }
  const choices = spec.kind === 'lang' ? LANGS : spec.kind === 'choice' ? spec.choices : null;
  if (choices && !choices.includes(value)) {
    const hint = choices.join(' | ');
    return { error: MESSAGES.invalid(label, value, hint, hint) };
  }
  return { ok: value };
}

/**
 * Reads `args` against `spec`: the typed flag values and the positional arguments, or the first
 * usage error. A lone `-` is positional; anything else starting with `-` must be a declared
 * flag. A value is the next argument whatever it looks like (`-o -x.xlsx`).
 */
export function parseArgs<F extends FlagSpecs>(
  args: readonly string[],
  spec: ArgSpec<F>,
): ParsedArgs<F> | { error: Msg } {
  const byName = new Map<string, [key: string, flag: FlagSpec]>();
  const values: Record<string, boolean | string | undefined> = {};
  for (const [key, flag] of Object.entries(spec.flags)) {
    for (const name of flag.names) byName.set(name, [key, flag]);
    values[key] = initialValue(flag);
  }
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('-') || arg === '-') {
      if (positional.length >= spec.positional.max)
        return { error: (spec.positional.tooMany ?? MESSAGES.tooMany)(arg) };
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const found = byName.get(name);
    if (!found) return { error: MESSAGES.unknown(arg) };
    const [key, flag] = found;
    if (flag.kind === 'bool') {
      if (inline !== undefined) return { error: MESSAGES.noValueAllowed(name, arg) };
      values[key] = true;
      continue;
    }
    const raw = inline ?? args[++i];
    // `-o --force` means the value was forgotten, not a file called "--force".
    const forgotten = inline === undefined && raw !== undefined && byName.has(raw.split('=')[0]);
    if (raw === undefined || raw === '' || forgotten) return { error: MESSAGES.missingValue(name) };
    const read = readValue(flag, name, raw);
    if ('error' in read) return read;
    values[key] = read.ok;
  }
  if (positional.length < spec.positional.min) return { error: spec.positional.tooFew };
  return { flags: values as FlagValues<F>, positional };
}

/** A usage error: what is wrong, then how the command is used. Exit code 2, nothing done. */
export class UsageError extends LocalizedError {
  constructor(problem: Msg, usage: Msg) {
    super({ vi: `${problem.vi}\n${usage.vi}`, en: `${problem.en}\n${usage.en}` }, EXIT.badInput);
    this.name = 'UsageError';
  }
}

/** The language the arguments ask for (the last valid --lang), before they are fully read. */
export function langOf(args: readonly string[]): Lang {
  let lang: Lang = 'vi';
  args.forEach((a, i) => {
    const v = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'vi' || v === 'en') lang = v;
  });
  return lang;
}

/**
 * `parseArgs` for a command's `run`: the parsed arguments, or null once the usage text is
 * printed for `-h`/`--help` (when `help` is on). A usage error is thrown as a UsageError.
 */
export function commandArgs<F extends FlagSpecs>(
  args: readonly string[],
  spec: ArgSpec<F> & { readonly help?: boolean },
  usage: Msg,
  io: CliIo,
): ParsedArgs<F> | null {
  if (spec.help && (args.includes('--help') || args.includes('-h'))) {
    io.out(helpText(spec, usage, langOf(args)));
    return null;
  }
  const parsed = parseArgs(args, spec);
  if ('error' in parsed) throw new UsageError(parsed.error, usage);
  return parsed;
}

/** `-h`/`--help`, which `commandArgs` answers before reading anything else. */
export const HELP_FLAG = {
  names: ['-h', '--help'],
  kind: 'bool',
  about: { vi: 'In hướng dẫn này rồi thoát.', en: 'Print this help and exit.' },
} as const satisfies FlagSpec;

const OPTIONS_TITLE: Msg = { vi: 'Tuỳ chọn:', en: 'Options:' };
const NO_ABOUT: Msg = { vi: '(chưa có mô tả)', en: '(not described)' };

/** How `flag` is written in `--help`: its spellings and the shape of its value. */
export function flagSynopsis(flag: FlagSpec, lang: Lang): string {
  const names = flag.names.join(', ');
  if (flag.kind === 'bool') return names;
  const value =
    flag.value?.[lang === 'vi' ? 0 : 1] ??
    (flag.kind === 'date'
      ? 'dd/mm/yyyy'
      : flag.kind === 'lang'
        ? LANGS.join('|')
        : flag.kind === 'choice'
          ? flag.choices.join('|')
          : localize({ vi: 'GIÁ_TRỊ', en: 'VALUE' }, lang));
  return `${names} ${value}`;
}

/**
 * A command's `--help`: its usage line, then every option it accepts, one line each, from the
 * same table the parser reads, so an option cannot be accepted without being listed.
 */
export function helpText(spec: { readonly flags: FlagSpecs }, usage: Msg, lang: Lang): string {
  const flags = [...Object.values(spec.flags), HELP_FLAG];
  const left = flags.map((f) => flagSynopsis(f, lang));
  const width = Math.max(...left.map((l) => l.length)) + 2;
  const lines = flags.map((f, i) => `  ${left[i].padEnd(width)}${localize(f.about ?? NO_ABOUT, lang)}`);
  return [localize(usage, lang), '', localize(OPTIONS_TITLE, lang), ...lines].join('\n');
}

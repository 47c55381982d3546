/**
 * One declarative argument parser for every CLI command, so options are read the same way
 * everywhere (`--flag value` and `--flag=value`, last one wins) and every usage error is worded
 * once, Vietnamese first, English second.
 */
import { isIsoDate } from '../model/dates';
import type { Lang } from '../workbook/types';
import type { CliIo } from './io';

/** How a value is named in messages: Vietnamese (sentence start), English (mid-sentence). */
export type Label = readonly [vi: string, en: string];

interface FlagNames {
  /** Every spelling, e.g. ['-o', '--output']. Only `--long` spellings accept `--long=value`. */
  readonly names: readonly string[];
  readonly label?: Label;
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
  readonly tooFew: string;
  /** Shown for the first argument past `max`; a generic message when absent. */
  readonly tooMany?: (arg: string) => string;
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
  output: { names: ['-o', '--output'], kind: 'string' },
  reportDate: { names: ['--report-date'], kind: 'date', label: ['Ngày báo cáo', 'report date'] },
  lang: { names: ['--lang'], kind: 'lang' },
  json: { names: ['--json'], kind: 'bool' },
  force: { names: ['--force'], kind: 'bool' },
  dryRun: { names: ['--dry-run'], kind: 'bool' },
} as const satisfies FlagSpecs;

/** A flag taking one of `choices`, named `label` in messages. */
export function choiceFlag<const C extends readonly string[]>(name: string, choices: C, label: Label) {
  return { names: [name], kind: 'choice', choices, label } as const;
}

/** The usage error of check, summary and split when the workbook is not named. */
export const MISSING_TRACKING_WORKBOOK =
  'Thiếu tệp sổ theo dõi (.xlsx). / Missing the tracking workbook (.xlsx).';

const LANGS: readonly Lang[] = ['vi', 'en'];
const LANG_LABEL: Label = ['Ngôn ngữ', 'language'];

export const MESSAGES = {
  unknown: (arg: string) => `Tuỳ chọn không hợp lệ: "${arg}". / Unknown option: "${arg}".`,
  missingValue: (flag: string) => `Thiếu giá trị sau ${flag}. / Missing value after ${flag}.`,
  noValueAllowed: (flag: string, arg: string) =>
    `Tuỳ chọn ${flag} không nhận giá trị: "${arg}". / The option ${flag} takes no value: "${arg}".`,
  invalid: ([vi, en]: Label, value: string, hintVi: string, hintEn: string) =>
    `${vi} không hợp lệ: "${value}" (${hintVi}). / Invalid ${en}: "${value}" (${hintEn}).`,
  tooMany: (arg: string) => `Thừa tham số: "${arg}". / Unexpected argument: "${arg}".`,
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
function readValue(spec: FlagSpec, flag: string, value: string): { ok: string } | { error: string } {
  const label = labelOf(spec, flag);
  if (spec.kind === 'date') {
    return isIsoDate(value)
      ? { ok: value }
      : { error: MESSAGES.invalid(label, value, 'cần YYYY-MM-DD', 'expected YYYY-MM-DD') };
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
 * usage error as one "vi / en" line. A lone `-` is positional; anything else starting with `-`
 * must be a declared flag. A value is the next argument whatever it looks like (`-o -x.xlsx`).
 */
export function parseArgs<F extends FlagSpecs>(
  args: readonly string[],
  spec: ArgSpec<F>,
): ParsedArgs<F> | string {
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
      if (positional.length >= spec.positional.max) return (spec.positional.tooMany ?? MESSAGES.tooMany)(arg);
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const found = byName.get(name);
    if (!found) return MESSAGES.unknown(arg);
    const [key, flag] = found;
    if (flag.kind === 'bool') {
      if (inline !== undefined) return MESSAGES.noValueAllowed(name, arg);
      values[key] = true;
      continue;
    }
    const raw = inline ?? args[++i];
    if (raw === undefined || raw === '') return MESSAGES.missingValue(name);
    const read = readValue(flag, name, raw);
    if ('error' in read) return read.error;
    values[key] = read.ok;
  }
  if (positional.length < spec.positional.min) return spec.positional.tooFew;
  return { flags: values as FlagValues<F>, positional };
}

/**
 * `parseArgs` for a command's `run`: the parsed arguments, or the exit code once the answer is
 * printed — 0 after the usage text for `-h`/`--help` (when `help` is on), 2 after a usage error.
 */
export function commandArgs<F extends FlagSpecs>(
  args: readonly string[],
  spec: ArgSpec<F> & { readonly help?: boolean },
  usage: string,
  io: CliIo,
): ParsedArgs<F> | number {
  if (spec.help && (args.includes('--help') || args.includes('-h'))) {
    io.out(usage);
    return 0;
  }
  const parsed = parseArgs(args, spec);
  if (typeof parsed === 'string') return usageError(parsed, usage, io);
  return parsed;
}

/** Prints a usage error with the usage text; the exit code for it. */
export function usageError(message: string, usage: string, io: CliIo): number {
  io.err(`${message}\n${usage}`);
  return 2;
}

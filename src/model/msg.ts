import type { Lang } from './lang';

/**
 * Every sentence the product shows a person, in both languages. One shape everywhere (warnings,
 * findings, refusals, errors, labels), so no layer has to know which language will be shown and
 * nothing is ever split back out of a joined string.
 */
export interface Msg {
  vi: string;
  en: string;
}

export function msg(vi: string, en: string): Msg {
  return { vi, en };
}

export function localize(m: Msg, lang: Lang): string {
  return m[lang];
}

/** A set of messages in one language, for a builder that uses many of them. */
export function localizeAll<K extends string>(words: Record<K, Msg>, lang: Lang): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(words) as K[]) out[k] = words[k][lang];
  return out;
}

/** Exit codes of the command line, as the README states them. */
export const EXIT = {
  ok: 0,
  /** Findings or conflicts were reported (check, merge). */
  findings: 1,
  /** Bad input, or a file that cannot be read or written; nothing was changed. */
  badInput: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error meant for the user: it carries its sentence in both languages and the exit code the
 * CLI returns for it. Anything else that escapes is a defect and is reported as one.
 */
export class LocalizedError extends Error {
  readonly msg: Msg;
  readonly exitCode: ExitCode;

  constructor(m: Msg, exitCode: ExitCode = EXIT.badInput, options?: { cause?: unknown }) {
    super(m.vi, options);
    this.name = 'LocalizedError';
    this.msg = m;
    this.exitCode = exitCode;
  }
}

export function isLocalizedError(e: unknown): e is LocalizedError {
  return e instanceof LocalizedError;
}

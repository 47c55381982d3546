import type { ParseWarning } from './types';

/** Every warning carries Vietnamese (default) and English text; `line` is 1-based, 0 = whole text. */
export function warning(code: string, line: number, message: string, messageEn: string): ParseWarning {
  return { code, message, messageEn, line };
}

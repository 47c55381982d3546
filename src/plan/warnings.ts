import { msg } from '../model/msg';
import type { ParseWarning } from './types';

/** Every warning carries Vietnamese (default) and English text; `line` is 1-based, 0 = whole text. */
export function warning(code: string, line: number, vi: string, en: string): ParseWarning {
  return { code, msg: msg(vi, en), line };
}

/**
 * Names of the masters the pane downloads after changing one (a plan added, agencies merged):
 * the master's own name and what was done, `so-tong - thêm KH215.xlsx`. The mark of an earlier
 * change is replaced, so a master changed five times does not carry five marks.
 */
import { PORTFOLIO_MESSAGES } from './i18n-portfolio';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (m: { vi: string; en: string }) => [m.vi, m.en].map(escape).join('|');

/** " - thêm KH215", " - gộp cơ quan" and their English twins at the end of a name. */
const EARLIER = new RegExp(
  ` - (?:(?:${words(PORTFOLIO_MESSAGES.fileAddedWord)}) KH[\\w-]*|${words(PORTFOLIO_MESSAGES.fileAliasWord)})$`,
  'u',
);

export function masterFileName(master: string, mark: string): string {
  const base = master.replace(/\.xlsx$/i, '').replace(EARLIER, '');
  return `${base} - ${mark}.xlsx`;
}

/** The master with a plan added: its prefix tells which. */
export function addedFileName(master: string, word: string, prefix: string): string {
  return masterFileName(master, `${word} ${prefix}`);
}

/**
 * Names of the files the pane downloads: short, ASCII, safe on every system and in an e-mail
 * attachment, and still telling which plan and which day (theo-doi-KH-28-NQ-TW-2024-06-14.xlsx).
 */
import type { Plan } from '../app/plan-file';
import type { Lang } from '../model/lang';

const WORD: Record<Lang, string> = { vi: 'theo-doi', en: 'tracking' };

/** Vietnamese letters without their marks, anything else but letters and digits as "-". */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The plan in a few characters: its own number, or "KH-" and the document it implements. */
export function planTag(plan: Pick<Plan, 'number' | 'title'>): string {
  if (plan.number) return asciiSlug(plan.number).slice(0, 40);
  const cited = /(\d+[\p{L}\d]*(?:[-/][\p{Lu}Đ\d]+)+)/u.exec(plan.title);
  return cited ? `KH-${asciiSlug(cited[1])}`.slice(0, 40) : 'KH';
}

export function trackingFileName(
  plan: Pick<Plan, 'number' | 'title'>,
  reportDate: string,
  lang: Lang,
): string {
  return `${WORD[lang]}-${planTag(plan)}-${reportDate}.xlsx`;
}

const CHECK_WORD: Record<Lang, string> = { vi: 'kiem-tra', en: 'check' };

/** The check's findings list, for the day the workbook reports on: kiem-tra-2024-03-31.csv. */
export function checkFileName(reportDate: string, lang: Lang): string {
  return `${CHECK_WORD[lang]}-${asciiSlug(reportDate) || 'ngay'}.csv`;
}

import type { Lang } from '../workbook/types';
import { isLocalizedError, localize } from '../model/msg';

/**
 * The core and the adapters throw errors written "Vietnamese. / English." so that the CLI can
 * print both; the pane shows only the half in the current language.
 */
export function messageIn(lang: Lang, error: unknown): string {
  if (isLocalizedError(error)) return localize(error.msg, lang);
  const text = error instanceof Error ? error.message : String(error);
  const cut = text.indexOf(' / ');
  if (cut < 0) return text;
  return lang === 'vi' ? text.slice(0, cut).trim() : text.slice(cut + 3).trim();
}

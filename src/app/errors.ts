/** An error as a sentence for the user: their own error's message, or a defect said as one. */
import type { Lang } from '../model/lang';
import { isLocalizedError, localize } from '../model/msg';

export function errorText(error: unknown, lang: Lang): string {
  if (isLocalizedError(error)) return localize(error.msg, lang);
  const what = error instanceof Error ? error.message : String(error);
  return localize(
    {
      vi: `Lỗi không mong đợi (${what}). Không có gì bị thay đổi.`,
      en: `Unexpected error (${what}). Nothing was changed.`,
    },
    lang,
  );
}

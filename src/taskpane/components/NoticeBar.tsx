import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Workspace } from '../../app/workspace';
import type { Lang } from '../../model/lang';
import { useI18n, type MessageKey, type Translate } from '../i18n';

type Intent = 'success' | 'info' | 'warning' | 'error';

/**
 * A message a step shows after an action, kept as how to say it rather than as the words: when
 * the language is switched it is said again in the new one (a stored string would stay behind).
 */
export type Notice =
  | { intent: Intent; say: (t: Translate, lang: Lang) => string }
  | {
      intent: Intent;
      /** Explained by the workspace in the pane's language, then put into `prefix`'s {detail}. */
      error: unknown;
      prefix?: MessageKey;
      params?: Record<string, string | number>;
    };

export function NoticeBar({ notice, explain }: { notice: Notice | null; explain?: Workspace['explain'] }) {
  const { t, lang } = useI18n();
  const [explained, setExplained] = useState<string | null>(null);
  const error = notice && 'error' in notice ? notice.error : null;
  useEffect(() => {
    setExplained(null);
    if (error === null || !explain) return;
    let live = true;
    void explain(error, lang).then((s) => live && setExplained(s));
    return () => {
      live = false;
    };
  }, [error, explain, lang]);
  if (!notice) return null;
  let text: string | null;
  if ('say' in notice) text = notice.say(t, lang);
  else if (explained === null) text = null;
  else text = notice.prefix ? t(notice.prefix, { ...notice.params, detail: explained }) : explained;
  if (text === null) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A notice of one message of the pane. */
export function noticeOf(intent: Intent, key: MessageKey, params?: Record<string, string | number>): Notice {
  return { intent, say: (t) => t(key, params) };
}

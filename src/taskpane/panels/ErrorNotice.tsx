import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Workspace } from '../../app/workspace';
import { useI18n, type MessageKey } from '../i18n';

/** An action's error, explained in the pane's language, under a message with a {detail} slot. */
export function ErrorNotice({
  error,
  explain,
  prefix,
}: {
  error: unknown;
  explain: Workspace['explain'];
  prefix: MessageKey;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    setText(null);
    let live = true;
    if (error !== null) void explain(error, lang).then((s) => live && setText(s));
    return () => {
      live = false;
    };
  }, [error, explain, lang]);
  if (text === null) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t(prefix, { detail: text })}</MessageBarBody>
    </MessageBar>
  );
}

import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { messageIn } from '../errors';
import type { HostInfo } from '../../excel/host';
import { useI18n } from '../i18n';
import { loadOpenWorkbook, loadTrackingFile, type LoadedTracking } from '../tracking-source';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
  loaded: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface TrackingSourceProps {
  host: HostInfo | null;
  tracking: LoadedTracking | null;
  onLoaded: (tracking: LoadedTracking) => void;
  /** Distinguishes the file inputs of the steps that show this control. */
  id: string;
}

/** Where the tracking data comes from: the open workbook (in Excel) or an .xlsx file. */
export function TrackingSource({ host, tracking, onLoaded, id }: TrackingSourceProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const inExcel = host?.mode === 'excel';

  const load = async (read: () => Promise<LoadedTracking>) => {
    setBusy(true);
    setError(null);
    try {
      onLoaded(await read());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        {inExcel && (
          <Button appearance="primary" onClick={() => void load(loadOpenWorkbook)} disabled={busy}>
            {t('sourceOpen')}
          </Button>
        )}
        <Button
          appearance={inExcel ? 'secondary' : 'primary'}
          onClick={() => input.current?.click()}
          disabled={busy}
        >
          {t('sourceChoose')}
        </Button>
        <input
          ref={input}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t('sourceChoose')}
          data-testid={`${id}-file`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void load(() => loadTrackingFile(file));
          }}
        />
        {busy && <Spinner size="tiny" label={t('sourceReading')} />}
      </div>
      {tracking && (
        <Caption1 className={styles.loaded} data-testid={`${id}-source`}>
          {`${t('sourceLoaded', { name: tracking.fileName ?? t('sourceOpenWorkbook') })} · ${t(
            'sourceTasks',
            {
              n: tracking.wb.snapshot.rows.filter((r) => r.some((c) => c !== null && c !== '')).length,
            },
          )}`}
        </Caption1>
      )}
      {error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('sourceFailed', { detail: messageIn(lang, error) })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

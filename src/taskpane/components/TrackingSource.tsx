import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../../model/lang';
import type { LoadedTracking } from '../../app/workspace';
import type { NamedFile } from '../../app/files';
import { useAsyncAction } from '../hooks/useAsyncAction';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hiddenInput: { display: 'none' },
  loaded: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Where a step's tracking workbook can come from. */
export interface TrackingSourceOps {
  /** The workbook open in Excel; absent outside Excel. */
  open?: () => Promise<LoadedTracking>;
  fromFile: (file: NamedFile) => Promise<LoadedTracking>;
  explain: (error: unknown, lang: Lang) => Promise<string>;
}

export interface TrackingSourceProps extends TrackingSourceOps {
  tracking: LoadedTracking | null;
  onLoaded: (tracking: LoadedTracking) => void;
  /** Distinguishes the file inputs of the steps that show this control. */
  id: string;
}

/** The open workbook (when there is one) or an .xlsx file. */
export function TrackingSource({ tracking, onLoaded, id, open, fromFile, explain }: TrackingSourceProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const load = useAsyncAction(async (read: () => Promise<LoadedTracking>) => onLoaded(await read()));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    if (load.error !== null) void explain(load.error, lang).then(setProblem);
  }, [load.error, explain, lang]);

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        {open && (
          <Button appearance="primary" onClick={() => void load.run(open)} disabled={load.busy}>
            {t('sourceOpen')}
          </Button>
        )}
        <Button
          appearance={open ? 'secondary' : 'primary'}
          onClick={() => input.current?.click()}
          disabled={load.busy}
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
            if (file)
              void load.run(async () =>
                fromFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }),
              );
          }}
        />
        {load.busy && <Spinner size="tiny" label={t('sourceReading')} />}
      </div>
      {tracking && (
        <Caption1 className={styles.loaded} data-testid={`${id}-source`}>
          {t('sourceLoaded')}{' '}
          {tracking.fileName ? <span translate="no">{tracking.fileName}</span> : t('sourceOpenWorkbook')}
          {` · ${t('sourceTasks', {
            n: tracking.wb.snapshot.rows.filter((r) => r.some((c) => c !== null && c !== '')).length,
          })}`}
        </Caption1>
      )}
      {problem !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('sourceFailed', { detail: problem })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

import { Body1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { localize } from '../../model/msg';
import type { LoadedTracking, Workspace } from '../../app/workspace';
import { TrackingSource, type TrackingSourceOps } from '../components/TrackingSource';
import { useI18n } from '../i18n';
import { MergePanel } from '../panels/MergePanel';
import { SplitPanel } from '../panels/SplitPanel';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface ShareStepProps {
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
  source: TrackingSourceOps;
  split: Workspace['split'];
  zip: Workspace['zip'];
  merge: Workspace['merge'];
}

/** Per-agency workbooks from the master, and merging the filled-in ones back. */
export function ShareStep({ tracking, onTracking, source, split, zip, merge }: ShareStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  // The master as a file: the chosen .xlsx, or a copy of the open workbook taken when asked.
  const master = tracking?.file;
  return (
    <div className={styles.root}>
      <Body1>{t('shareIntro')}</Body1>
      <TrackingSource id="share" tracking={tracking} onLoaded={onTracking} {...source} />
      {tracking?.noFile && (
        <MessageBar intent="warning" role="status" data-testid="share-no-copy">
          <MessageBarBody>{localize(tracking.noFile, lang)}</MessageBarBody>
        </MessageBar>
      )}
      <SplitPanel master={master} split={split} zip={zip} explain={source.explain} />
      <MergePanel
        master={master}
        merge={merge}
        explain={source.explain}
        // Outside Excel the merged file becomes the master the next merge builds on.
        onMerged={tracking?.live ? undefined : async (file) => onTracking(await source.fromFile(file))}
        // Inside Excel the returns go into the open workbook, read again afterwards for the other steps.
        intoOpen={tracking?.live?.merge}
        onWritten={source.open ? async () => onTracking(await source.open!()) : undefined}
      />
    </div>
  );
}

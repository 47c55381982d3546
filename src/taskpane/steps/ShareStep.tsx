import { Body1, makeStyles, tokens } from '@fluentui/react-components';
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
  const { t } = useI18n();
  const styles = useStyles();
  // The master as a file: the chosen .xlsx, or a copy of the open workbook taken when asked.
  const master = tracking ? () => tracking.file() : undefined;
  return (
    <div className={styles.root}>
      <Body1>{t('shareIntro')}</Body1>
      <TrackingSource id="share" tracking={tracking} onLoaded={onTracking} {...source} />
      <SplitPanel master={master} split={split} zip={zip} explain={source.explain} />
      <MergePanel master={master} merge={merge} explain={source.explain} />
    </div>
  );
}

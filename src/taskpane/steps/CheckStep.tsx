import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { checkWorkbook, type Finding } from '../../app/check';
import type { LoadedTracking } from '../../app/workspace';
import { ExcelCheckActions } from '../components/ExcelCheckActions';
import { FindingsList } from '../components/FindingsList';
import { TrackingSource, type TrackingSourceOps } from '../components/TrackingSource';
import { formatDate, useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface CheckStepProps {
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
  source: TrackingSourceOps;
}

/** Runs the checks on the tracking workbook; on the open workbook, findings lead to their cells. */
export function CheckStep({ tracking, onTracking, source }: CheckStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [failure, setFailure] = useState<string | null>(null);

  const result = useMemo(() => {
    if (!tracking) return null;
    try {
      return { ...checkWorkbook(tracking.wb), error: null };
    } catch (e) {
      return { reportDate: '', findings: [] as Finding[], hasErrors: false, error: e };
    }
  }, [tracking]);
  useEffect(() => {
    setFailure(null);
    if (result?.error) void source.explain(result.error, lang).then(setFailure);
  }, [result, source, lang]);

  // Only the open workbook can be marked: an uploaded file is a copy the pane cannot write back.
  const live = tracking?.live;
  const goTo = live
    ? (f: Finding) => {
        setFailure(null);
        live.goToCell(f.sheet, f.cell).catch(async (e: unknown) => setFailure(await source.explain(e, lang)));
      }
    : undefined;

  return (
    <div className={styles.root}>
      <Body1>{t('checkIntro')}</Body1>
      <TrackingSource id="check" tracking={tracking} onLoaded={onTracking} {...source} />
      {failure !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('checkFailed', { detail: failure })}</MessageBarBody>
        </MessageBar>
      )}
      {tracking && result && result.error === null && (
        <>
          <Caption1
            className={styles.meta}
          >{`${t('reportDate')}: ${formatDate(lang, result.reportDate)}`}</Caption1>
          <MessageBar intent={result.findings.length ? 'warning' : 'success'} role="status">
            <MessageBarBody>
              {result.findings.length ? t('checkCount', { n: result.findings.length }) : t('checkNone')}
            </MessageBarBody>
          </MessageBar>
          {/* A highlight outlives the findings (all fixed, checked again): it must stay clearable. */}
          {live && (result.findings.length > 0 || live.hasHighlight()) && (
            <ExcelCheckActions findings={result.findings} live={live} explain={source.explain} />
          )}
          {result.findings.length > 0 && <FindingsList findings={result.findings} onSelect={goTo} />}
        </>
      )}
    </div>
  );
}

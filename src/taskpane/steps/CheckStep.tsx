import { Body1, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { checkTracking, type Finding } from '../../tracking/check';
import { todayIso } from '../../model/dates';
import { ExcelCheckActions } from '../components/ExcelCheckActions';
import { FindingsList } from '../components/FindingsList';
import { TrackingSource } from '../components/TrackingSource';
import { messageIn } from '../errors';
import { explainExcelError, hasHighlightInExcel, selectCell } from '../../excel/bridge';
import type { HostInfo } from '../../excel/host';
import { formatDate, useI18n } from '../i18n';
import type { LoadedTracking } from '../tracking-source';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface CheckStepProps {
  host: HostInfo | null;
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
}

/** Runs the checks on the open workbook (in Excel) or on an uploaded .xlsx (anywhere). */
export function CheckStep({ host, tracking, onTracking }: CheckStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [error, setError] = useState<unknown>(null);

  const result = useMemo(() => {
    if (!tracking) return null;
    const { wb } = tracking;
    const reportDate = wb.reportDate ?? todayIso();
    try {
      return {
        reportDate,
        findings: checkTracking({ snapshot: wb.snapshot, meta: wb.meta, reportDate, lang: wb.lang }),
        error: null,
      };
    } catch (e) {
      return { reportDate, findings: [] as Finding[], error: e };
    }
  }, [tracking]);

  const goTo = (f: Finding) => {
    setError(null);
    selectCell(f.sheet, f.cell).catch(async (e: unknown) =>
      setError(new Error(await explainExcelError(lang, e))),
    );
  };
  const failure = error ?? result?.error ?? null;
  // Only the open workbook can be marked: an uploaded file is a copy the pane cannot write back.
  const inExcel = host?.mode === 'excel' && tracking?.fileName === null;

  return (
    <div className={styles.root}>
      <Body1>{t('checkIntro')}</Body1>
      <TrackingSource id="check" host={host} tracking={tracking} onLoaded={onTracking} />
      {failure !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('checkFailed', { detail: messageIn(lang, failure) })}</MessageBarBody>
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
          {inExcel && (result.findings.length > 0 || hasHighlightInExcel()) && (
            <ExcelCheckActions findings={result.findings} />
          )}
          {result.findings.length > 0 && (
            <FindingsList
              findings={result.findings}
              onSelect={tracking.fileName === null ? goTo : undefined}
            />
          )}
        </>
      )}
    </div>
  );
}

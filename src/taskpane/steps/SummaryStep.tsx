import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { summariseWorkbook, summarySheet, type PeriodKind, type SummaryOutcome } from '../../app/summary';
import { checkWorkbook } from '../../app/check';
import { radarOfWorkbook, reportSheet, reportWorkbook, type RadarItem } from '../../app/report';
import { cellAddress } from '../../model/table';
import { RadarView } from '../components/RadarView';
import type { Workspace, LoadedTracking } from '../../app/workspace';
import { safeFileBase } from '../../app/share';
import { localize } from '../../model/msg';
import { AgencySummary } from '../components/AgencySummary';
import { AgencyAliasPanel } from '../panels/AgencyAliasPanel';
import { NoticeBar, type Notice } from '../components/NoticeBar';
import { TrackingSource, type TrackingSourceOps } from '../components/TrackingSource';
import { downloadBytes } from '../download';
import { formatDate, useI18n, type MessageKey } from '../i18n';

const KINDS: { kind: PeriodKind; label: MessageKey }[] = [
  { kind: 'month', label: 'periodMonth' },
  { kind: 'quarter', label: 'periodQuarter' },
  { kind: 'half', label: 'periodHalf' },
  { kind: 'year', label: 'periodYear' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  kind: { maxWidth: '200px' },
  meta: { color: tokens.colorNeutralForeground3 },
  totals: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface SummaryStepProps {
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
  source: TrackingSourceOps;
  summaryFile: Workspace['summaryFile'];
  /** Standalone: the period's Báo cáo as a file (inside Excel it is drawn into the workbook). */
  reportFile?: Workspace['reportFile'];
  /** Near-duplicate agencies and merging them (shown when the master has any). */
  agencies?: Pick<Workspace, 'agencies' | 'mergeAgenciesInFile'>;
}

/** Progress by agency for a reporting period; on the open workbook, its sheet and PivotTables. */
export function SummaryStep({
  tracking,
  onTracking,
  source,
  summaryFile,
  reportFile,
  agencies,
}: SummaryStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [notice, setNotice] = useState<Notice | null>(null);

  const result = useMemo((): { ok: true; outcome: SummaryOutcome } | { ok: false; error: unknown } | null => {
    if (!tracking) return null;
    try {
      // The bars are the period's: what fell to it and what was done in it.
      return { ok: true, outcome: summariseWorkbook(tracking.wb, { period: kind, scope: 'period' }) };
    } catch (e) {
      return { ok: false, error: e };
    }
  }, [tracking, kind]);
  const [summaryError, setSummaryError] = useState<string | null>(null);
  useEffect(() => {
    setSummaryError(null);
    if (result && !result.ok) void source.explain(result.error, lang).then(setSummaryError);
  }, [result, source, lang]);

  // What the figures rest on, and what falls due: from the same workbook, at its report date.
  const errors = useMemo(
    () => (tracking ? checkWorkbook(tracking.wb).findings.filter((f) => f.severity === 'error').length : 0),
    [tracking],
  );
  const radar = useMemo(() => (tracking ? radarOfWorkbook(tracking.wb) : null), [tracking]);
  const goToTask = (item: RadarItem) => {
    if (!tracking?.live) return;
    const snapshot = tracking.wb.snapshot;
    tracking.live
      .goToCell(snapshot.sheet, cellAddress(snapshot, item.rowIndex, 0))
      .catch((e: unknown) => fail(e));
  };

  // Kept as how to say it, so switching the language says it again in the new one.
  const fail = (e: unknown) => setNotice({ intent: 'error', error: e });
  const live = tracking?.live;

  const writeSheet = async () => {
    if (!live || !result?.ok) return;
    setNotice(null);
    try {
      const report = await live.writeSummarySheet(summarySheet(result.outcome, lang), lang);
      setNotice({
        intent: report.skipped.length ? 'warning' : 'success',
        say: (tr, l) =>
          [tr('summaryWritten', { sheet: report.sheet }), ...report.skipped.map((m) => localize(m, l))].join(
            ' ',
          ),
      });
    } catch (e) {
      fail(e);
    }
  };

  const downloadSheet = async () => {
    if (!tracking || !result?.ok) return;
    setNotice(null);
    try {
      const { sheetName, bytes } = await summaryFile(tracking.wb, result.outcome, lang);
      downloadBytes(bytes, `${safeFileBase(sheetName, 'tong-hop')}.xlsx`);
    } catch (e) {
      fail(e);
    }
  };

  /** The Báo cáo of the chosen period: drawn into the open workbook, or downloaded. */
  const makeReport = async () => {
    if (!tracking || !result?.ok || !result.outcome.period) return;
    setNotice(null);
    try {
      const outcome = reportWorkbook(tracking.wb, { period: result.outcome.period });
      if (live) {
        const r = await live.writeReportSheet(reportSheet(tracking.wb, outcome, lang), lang);
        setNotice({
          intent: r.skipped.length ? 'warning' : 'success',
          say: (tr, l) =>
            [tr('summaryWritten', { sheet: r.sheet }), ...r.skipped.map((m) => localize(m, l))].join(' '),
        });
      } else if (reportFile) {
        const { sheetName, bytes } = await reportFile(tracking.wb, outcome, lang);
        downloadBytes(
          bytes,
          `${safeFileBase(`${sheetName} ${localize(outcome.period.label, lang)}`, 'bao-cao')}.xlsx`,
        );
      }
    } catch (e) {
      fail(e);
    }
  };

  const makePivots = async () => {
    if (!live) return;
    setNotice(null);
    try {
      const r = await live.createPivots(lang);
      setNotice({ intent: r.ok ? 'success' : 'warning', say: (_t, l) => localize(r.message, l) });
    } catch (e) {
      fail(e);
    }
  };

  const outcome = result?.ok ? result.outcome : null;
  const period = outcome?.period ?? null;
  return (
    <div className={styles.root}>
      <Body1>{t('summaryIntro')}</Body1>
      <TrackingSource id="summary" tracking={tracking} onLoaded={onTracking} {...source} />
      <Field label={t('periodKind')} className={styles.kind}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as PeriodKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </Select>
      </Field>
      {summaryError !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{summaryError}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && period && (
        <>
          <Caption1 className={styles.meta} data-testid="summary-period">
            {t('periodLabel', {
              label: localize(period.label, lang),
              start: formatDate(lang, period.start),
              end: formatDate(lang, period.end),
            })}
          </Caption1>
          {outcome.summary.period && (
            <div className={styles.totals}>
              <Caption1>
                {t('summaryCompletedInPeriod', { n: outcome.summary.period.completed.length })}
              </Caption1>
              <Caption1>
                {t('summaryOverdueInPeriod', { n: outcome.summary.period.fellOverdue.length })}
              </Caption1>
            </div>
          )}
          {errors > 0 && (
            <MessageBar intent="warning" data-testid="summary-errors">
              <MessageBarBody>{t('summaryErrors', { n: errors })}</MessageBarBody>
            </MessageBar>
          )}
          <AgencySummary
            rows={[
              ...outcome.summary.byAgency,
              { ...outcome.summary.total, label: t('summaryAll'), key: '*' },
            ]}
          />
          {agencies && tracking && (
            <AgencyAliasPanel
              tracking={tracking}
              onTracking={onTracking}
              agencies={agencies.agencies}
              mergeInFile={agencies.mergeAgenciesInFile}
              fromFile={source.fromFile}
              reopen={source.open}
              explain={source.explain}
            />
          )}
          {radar && <RadarView radar={radar} onGo={live ? goToTask : undefined} />}
          <div className={styles.actions}>
            {live ? (
              <>
                <Button appearance="primary" onClick={() => void writeSheet()}>
                  {t('summaryWrite')}
                </Button>
                <Button onClick={() => void makeReport()}>{t('reportWrite')}</Button>
                <Button onClick={() => void makePivots()}>{t('makePivots')}</Button>
              </>
            ) : (
              <>
                <Button onClick={() => void downloadSheet()} disabled={!tracking?.wb.meta}>
                  {t('summaryDownload')}
                </Button>
                {reportFile && (
                  <Button onClick={() => void makeReport()} disabled={!tracking?.wb.meta}>
                    {t('reportDownload')}
                  </Button>
                )}
              </>
            )}
          </div>
          <NoticeBar notice={notice} explain={source.explain} />
        </>
      )}
    </div>
  );
}

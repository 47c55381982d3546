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
import { useMemo, useState } from 'react';
import { readEntries } from '../../tracking/entries';
import { periodContaining, type PeriodKind } from '../../tracking/periods';
import { summarize } from '../../tracking/summary';
import { todayIso } from '../../model/dates';
import { AgencySummary } from '../components/AgencySummary';
import { TrackingSource } from '../components/TrackingSource';
import { messageIn } from '../errors';
import { downloadBytes } from '../download';
import { createPivotsInExcel, explainExcelError, writeSummaryInExcel } from '../../excel/bridge';
import { safeFileBase } from '../../tracking/split-names';
import type { HostInfo } from '../../excel/host';
import { localize } from '../../model/msg';
import { formatDate, useI18n, type MessageKey } from '../i18n';
import type { LoadedTracking } from '../tracking-source';

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
  host: HostInfo | null;
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
}

/** Progress by agency for a reporting period; in Excel, PivotTables on request. */
export function SummaryStep({ host, tracking, onTracking }: SummaryStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [pivot, setPivot] = useState<{ intent: 'success' | 'warning' | 'error'; text: string } | null>(null);

  const result = useMemo(() => {
    if (!tracking) return null;
    try {
      const reportDate = tracking.wb.reportDate ?? todayIso();
      const period = periodContaining(reportDate, kind);
      const { entries } = readEntries(tracking.wb.snapshot);
      const label = localize(period.label, lang);
      const summary = summarize(entries, {
        reportDate,
        period: { start: period.start, end: period.end, label: period.label },
      });
      return { ok: true as const, reportDate, period, label, summary };
    } catch (e) {
      return { ok: false as const, error: e };
    }
  }, [tracking, kind, lang]);

  const sheetOf = async () => {
    if (!result?.ok) throw new Error('no summary');
    const { buildSummarySheet } = await import(
      /* webpackChunkName: "step-summary" */ '../../workbook/sheets/period-summary'
    );
    return buildSummarySheet(result.summary, { lang, label: result.label });
  };

  const writeSheet = async () => {
    setPivot(null);
    try {
      const report = await writeSummaryInExcel(await sheetOf(), lang);
      const skipped = report.skipped.map((s) => (lang === 'en' ? s.en : s.vi));
      setPivot({
        intent: skipped.length ? 'warning' : 'success',
        text: [t('summaryWritten', { sheet: report.sheet }), ...skipped].join(' '),
      });
    } catch (e) {
      setPivot({ intent: 'error', text: await explainExcelError(lang, e) });
    }
  };

  const downloadSheet = async () => {
    setPivot(null);
    try {
      const meta = tracking?.wb.meta;
      if (!meta) throw new Error(t('summaryNoMeta'));
      const { sheet } = await sheetOf();
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      const bytes = await writeXlsx({ lang, sheets: [sheet], names: [], meta });
      downloadBytes(bytes, `${safeFileBase(sheet.name, 'tong-hop')}.xlsx`);
    } catch (e) {
      setPivot({ intent: 'error', text: messageIn(lang, e) });
    }
  };

  const makePivots = async () => {
    setPivot(null);
    try {
      const r = await createPivotsInExcel(lang);
      setPivot({ intent: r.ok ? 'success' : 'warning', text: lang === 'en' ? r.message.en : r.message.vi });
    } catch (e) {
      setPivot({ intent: 'error', text: messageIn(lang, e) });
    }
  };

  return (
    <div className={styles.root}>
      <Body1>{t('summaryIntro')}</Body1>
      <TrackingSource id="summary" host={host} tracking={tracking} onLoaded={onTracking} />
      <Field label={t('periodKind')} className={styles.kind}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as PeriodKind)}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.label)}
            </option>
          ))}
        </Select>
      </Field>
      {result && !result.ok && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{messageIn(lang, result.error)}</MessageBarBody>
        </MessageBar>
      )}
      {result?.ok && (
        <>
          <Caption1 className={styles.meta} data-testid="summary-period">
            {t('periodLabel', {
              label: result.label,
              start: formatDate(lang, result.period.start),
              end: formatDate(lang, result.period.end),
            })}
          </Caption1>
          {result.summary.period && (
            <div className={styles.totals}>
              <Caption1>
                {t('summaryCompletedInPeriod', { n: result.summary.period.completed.length })}
              </Caption1>
              <Caption1>
                {t('summaryOverdueInPeriod', { n: result.summary.period.fellOverdue.length })}
              </Caption1>
            </div>
          )}
          <AgencySummary
            rows={[...result.summary.byAgency, { ...result.summary.total, label: t('summaryAll'), key: '*' }]}
          />
          <div className={styles.actions}>
            {tracking?.fileName === null ? (
              <>
                <Button appearance="primary" onClick={() => void writeSheet()}>
                  {t('summaryWrite')}
                </Button>
                <Button onClick={() => void makePivots()}>{t('makePivots')}</Button>
              </>
            ) : (
              <Button onClick={() => void downloadSheet()} disabled={!tracking?.wb.meta}>
                {t('summaryDownload')}
              </Button>
            )}
          </div>
          {pivot && (
            <MessageBar intent={pivot.intent} role={pivot.intent === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>{pivot.text}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </div>
  );
}

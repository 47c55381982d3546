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
import { checkWorkbook, type Finding, type Severity } from '../../app/check';
import type { LoadedTracking } from '../../app/workspace';
import { ExcelCheckActions } from '../components/ExcelCheckActions';
import { FindingsList } from '../components/FindingsList';
import { TrackingSource, type TrackingSourceOps } from '../components/TrackingSource';
import { downloadBytes } from '../download';
import { checkFileName } from '../file-names';
import { CSV_MIME, findingsCsv } from '../findings-csv';
import {
  filterFindings,
  groupFindings,
  NO_FILTER,
  ruleLabel,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  type FindingFilter,
} from '../findings';
import { formatDate, useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: { color: tokens.colorNeutralForeground3 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
  // A long agency name in the list must not widen its select past the pane (it did at 350 px).
  filter: { flex: '1 1 9rem', minWidth: 0, maxWidth: '100%' },
  select: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** A Select's value for "no filter" (no agency name, severity or rule code is "*"). */
const ALL = '*';

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

  // A new check starts unfiltered: the agencies and rules of the last one may be gone.
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  useEffect(() => setFilter(NO_FILTER), [result]);
  const all = result?.findings ?? [];
  const aliases = tracking?.wb.meta?.agencyAliases;
  const shown = useMemo(() => filterFindings(all, filter, aliases), [all, filter, aliases]);
  const agencies = useMemo(() => groupFindings(all, aliases).map((g) => g.agency), [all, aliases]);
  const rules = useMemo(
    () =>
      [...new Set(all.map((f) => f.code))]
        .map((code) => ({ code, label: ruleLabel(code, lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
    [all, lang],
  );
  const filtered = filter.agency !== null || filter.severity !== null || filter.rule !== null;
  const pick = (v: string) => (v === ALL ? null : v);

  const exportCsv = () => {
    if (!result) return;
    downloadBytes(findingsCsv(shown, lang, t), checkFileName(result.reportDate, lang), CSV_MIME);
  };

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
              {!all.length
                ? t('checkNone')
                : filtered
                  ? t('checkCountFiltered', { shown: shown.length, n: all.length })
                  : t('checkCount', { n: all.length })}
            </MessageBarBody>
          </MessageBar>
          {all.length > 0 && (
            <>
              <div className={styles.filters} role="group" aria-label={t('checkFilters')}>
                <Field className={styles.filter} label={t('checkFilterAgency')}>
                  <Select
                    className={styles.select}
                    value={filter.agency ?? ALL}
                    onChange={(_, d) => setFilter({ ...filter, agency: pick(d.value) })}
                  >
                    <option value={ALL}>{t('checkFilterAll')}</option>
                    {agencies.map((a) => (
                      <option key={a ?? ''} value={a ?? ''} lang={a ? 'vi' : undefined}>
                        {a ?? t('agencyUnknown')}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field className={styles.filter} label={t('checkFilterSeverity')}>
                  <Select
                    className={styles.select}
                    value={filter.severity ?? ALL}
                    onChange={(_, d) => setFilter({ ...filter, severity: pick(d.value) as Severity | null })}
                  >
                    <option value={ALL}>{t('checkFilterAll')}</option>
                    {SEVERITY_ORDER.filter((s) => all.some((f) => f.severity === s)).map((s) => (
                      <option key={s} value={s}>
                        {t(SEVERITY_LABEL[s])}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field className={styles.filter} label={t('checkFilterRule')}>
                  <Select
                    className={styles.select}
                    value={filter.rule ?? ALL}
                    onChange={(_, d) => setFilter({ ...filter, rule: pick(d.value) })}
                  >
                    <option value={ALL}>{t('checkFilterAll')}</option>
                    {rules.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <div className={styles.actions}>
                <Button onClick={() => setFilter(NO_FILTER)} disabled={!filtered}>
                  {t('checkFilterClear')}
                </Button>
                <Button onClick={exportCsv} disabled={shown.length === 0}>
                  {t('checkExportCsv')}
                </Button>
              </div>
            </>
          )}
          {/* The Excel actions act on what the list shows. A highlight outlives the findings
              (all fixed, checked again): it must stay clearable. */}
          {live && (result.findings.length > 0 || live.hasHighlight()) && (
            <ExcelCheckActions findings={shown} filtered={filtered} live={live} explain={source.explain} />
          )}
          {all.length > 0 && (
            <>
              {shown.length > 0 ? (
                <FindingsList findings={shown} aliases={aliases} onSelect={goTo} />
              ) : (
                <Body1 role="status">{t('checkNoMatch')}</Body1>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}

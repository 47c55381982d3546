import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { reviseTracking } from '../../app/revise';
import { safeFileBase } from '../../tracking/split-names';
import { buildWorkbookSpec } from '../../workbook/build';
import { effectivePlan, type PlanDraft } from '../draft';
import { todayIso } from '../../model/dates';
import { downloadBytes } from '../download';
import { messageIn } from '../errors';
import type { ExistingMode } from '../../excel/existing';
import { buildInExcel, existingChoices, explainExcelError } from '../../excel/bridge';
import { excelApiAtLeast, type HostInfo } from '../../excel/host';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  date: { maxWidth: '200px' },
});

/** The plan's title cut at a word boundary, short enough for a file name. */
function shortTitle(title: string, max = 60): string {
  const clean = title
    .replace(/^KẾ HOẠCH\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[,;:]$/, '');
}

type Outcome = { intent: 'success' | 'error' | 'warning'; text: string } | null;

export interface BuildStepProps {
  draft: PlanDraft | null;
  host: HostInfo | null;
}

/** Builds the tracking workbook: in Excel when hosted, otherwise as a downloaded .xlsx. */
export function BuildStep({ draft, host }: BuildStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [reportDate, setReportDate] = useState(todayIso());
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = useRef(0);
  const aborter = useRef<AbortController | null>(null);
  const [choices, setChoices] = useState<ExistingMode[] | null>(null);
  const plan = useMemo(() => (draft ? effectivePlan(draft) : null), [draft]);
  const inExcel = host?.mode === 'excel' && excelApiAtLeast(host.excelApi, '1.8');

  if (!draft || !plan) return <Body1>{t('buildNeedPlan')}</Body1>;

  const download = async () => {
    const id = ++run.current;
    setOutcome(null);
    setProgress(0.1);
    try {
      const spec = buildWorkbookSpec(plan, { lang, reportDate, sourceText: draft.sourceText });
      setProgress(0.4);
      const { writeXlsx } = await import(/* webpackChunkName: "xlsx-write" */ '../../xlsx/write');
      if (run.current !== id) return;
      setProgress(0.6);
      const bytes = await writeXlsx(spec);
      // Cancelled while writing: nothing has reached the user's disk, so just drop the bytes.
      if (run.current !== id) return;
      const base = safeFileBase(`${t('fileTracking')} ${plan.number ?? shortTitle(plan.title)}`, 'theo-doi');
      const fileName = `${base}.xlsx`;
      downloadBytes(bytes, fileName);
      setProgress(1);
      const sheets = spec.sheets.filter((s) => s.state === 'visible').length;
      setOutcome({
        intent: 'success',
        text: `${t('buildDone', { sheets, tasks: plan.tasks.length })} ${t('buildDownloaded', { file: fileName })}`,
      });
    } catch (e) {
      if (run.current === id)
        setOutcome({ intent: 'error', text: t('buildFailed', { detail: messageIn(lang, e) }) });
    } finally {
      if (run.current === id) setProgress(null);
    }
  };

  const buildHere = async (mode?: ExistingMode) => {
    const id = ++run.current;
    const abort = new AbortController();
    aborter.current = abort;
    setOutcome(null);
    setChoices(null);
    setProgress(0.05);
    try {
      const spec = buildWorkbookSpec(plan, { lang, reportDate, sourceText: draft.sourceText });
      const result = await buildInExcel(spec, {
        mode,
        revise: (old) => reviseTracking(old, plan, { sourceText: draft.sourceText }),
        signal: abort.signal,
        onProgress: (done, total) => {
          if (run.current === id) setProgress(total > 0 ? Math.min(1, 0.05 + (0.95 * done) / total) : 0.5);
        },
      });
      if (run.current !== id) return;
      const skipped = result.render.skipped.map((s) => (lang === 'en' ? s.en : s.vi));
      setOutcome({
        intent: skipped.length ? 'warning' : 'success',
        text: [lang === 'en' ? result.message.en : result.message.vi, ...skipped].join(' '),
      });
    } catch (e) {
      if (run.current !== id) return;
      const modes = existingChoices(e);
      if (modes) setChoices(modes);
      setOutcome({
        intent: modes ? 'warning' : 'error',
        text: modes ? messageIn(lang, e) : t('buildFailed', { detail: await explainExcelError(lang, e) }),
      });
    } finally {
      if (run.current === id) setProgress(null);
    }
  };

  const cancel = () => {
    aborter.current?.abort();
    run.current++;
    setProgress(null);
    setOutcome({ intent: 'warning', text: t('buildCancelled') });
  };

  const busy = progress !== null;
  return (
    <div className={styles.root}>
      <Body1>{t('buildIntro', { n: plan.tasks.length })}</Body1>
      <Field label={t('reportDate')} className={styles.date}>
        <Input
          type="date"
          value={reportDate}
          onChange={(_, d) => d.value && setReportDate(d.value)}
          disabled={busy}
        />
      </Field>
      <div className={styles.actions}>
        {inExcel && (
          <Button
            appearance="primary"
            onClick={() => void buildHere()}
            disabled={busy || plan.tasks.length === 0}
          >
            {t('buildInExcel')}
          </Button>
        )}
        <Button
          appearance={inExcel ? 'secondary' : 'primary'}
          onClick={() => void download()}
          disabled={busy || plan.tasks.length === 0}
        >
          {t('buildDownload')}
        </Button>
        {busy && <Button onClick={cancel}>{t('cancel')}</Button>}
      </div>
      {busy && <ProgressBar value={progress ?? 0} aria-label={t('building')} />}
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {choices && (
        <div className={styles.actions}>
          {choices.includes('update') && (
            <Button appearance="primary" onClick={() => void buildHere('update')}>
              {t('modeUpdate')}
            </Button>
          )}
          {choices.includes('new-sheets') && (
            <Button onClick={() => void buildHere('new-sheets')}>{t('modeNewSheets')}</Button>
          )}
        </div>
      )}
    </div>
  );
}

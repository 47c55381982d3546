import { Body1, Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { existingChoices, type ExistingMode, type Workspace } from '../../app/workspace';
import { todayIso } from '../../model/dates';
import { localize } from '../../model/msg';
import { effectivePlan, type PlanDraft } from '../draft';
import { DateField } from '../components/DateField';
import { NoticeBar, noticeOf, type Notice } from '../components/NoticeBar';
import { downloadBytes } from '../download';
import { trackingFileName } from '../file-names';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  date: { maxWidth: '240px' },
});

export interface BuildStepProps {
  draft: PlanDraft | null;
  buildFile: Workspace['buildFile'];
  /** Present inside Excel (ExcelApi 1.8+): build into the open workbook. */
  buildInWorkbook?: Workspace['buildInWorkbook'];
  explain: Workspace['explain'];
  /** Told which draft went into a workbook. */
  onBuilt?: (draft: PlanDraft) => void;
}

/** Builds the tracking workbook: into the open workbook when there is one, always as an .xlsx download. */
export function BuildStep({ draft, buildFile, buildInWorkbook, explain, onBuilt }: BuildStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [reportDate, setReportDate] = useState(todayIso());
  const [dateValid, setDateValid] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Notice | null>(null);
  const run = useRef(0);
  const aborter = useRef<AbortController | null>(null);
  const [choices, setChoices] = useState<ExistingMode[] | null>(null);
  const plan = useMemo(() => (draft ? effectivePlan(draft) : null), [draft]);

  if (!draft || !plan) return <Body1>{t('buildNeedPlan')}</Body1>;
  const request = { plan, sourceText: draft.sourceText, lang, reportDate };

  const download = async () => {
    const id = ++run.current;
    setOutcome(null);
    setProgress(0.2);
    try {
      const { bytes, sheets } = await buildFile(request);
      // Cancelled while writing: nothing has reached the user's disk, so just drop the bytes.
      if (run.current !== id) return;
      const fileName = trackingFileName(plan, reportDate, lang);
      downloadBytes(bytes, fileName);
      onBuilt?.(draft);
      setProgress(1);
      const tasks = plan.tasks.length;
      setOutcome({
        intent: 'success',
        say: (tr) => `${tr('buildDone', { sheets, tasks })} ${tr('buildDownloaded', { file: fileName })}`,
      });
    } catch (e) {
      if (run.current === id) setOutcome({ intent: 'error', error: e, prefix: 'buildFailed' });
    } finally {
      if (run.current === id) setProgress(null);
    }
  };

  const buildHere = async (mode?: ExistingMode) => {
    if (!buildInWorkbook) return;
    const id = ++run.current;
    const abort = new AbortController();
    aborter.current = abort;
    setOutcome(null);
    setChoices(null);
    setProgress(0.05);
    try {
      const result = await buildInWorkbook({
        ...request,
        mode,
        signal: abort.signal,
        onProgress: (done, total) => {
          if (run.current === id) setProgress(total > 0 ? Math.min(1, 0.05 + (0.95 * done) / total) : 0.5);
        },
      });
      if (run.current !== id) return;
      onBuilt?.(draft);
      setOutcome({
        intent: result.skipped.length ? 'warning' : 'success',
        say: (_, l) => [result.message, ...result.skipped].map((m) => localize(m, l)).join(' '),
      });
    } catch (e) {
      if (run.current !== id) return;
      const modes = existingChoices(e);
      if (modes) setChoices(modes);
      setOutcome(
        modes ? { intent: 'warning', error: e } : { intent: 'error', error: e, prefix: 'buildFailed' },
      );
    } finally {
      if (run.current === id) setProgress(null);
    }
  };

  const cancel = () => {
    aborter.current?.abort();
    run.current++;
    setProgress(null);
    setOutcome(noticeOf('warning', 'buildCancelled'));
  };

  const busy = progress !== null;
  return (
    <div className={styles.root}>
      <Body1>{t('buildIntro', { n: plan.tasks.length })}</Body1>
      <DateField
        label={t('reportDate')}
        className={styles.date}
        value={reportDate}
        required
        disabled={busy}
        onChange={(iso, valid) => {
          setDateValid(valid);
          if (valid && iso) setReportDate(iso);
        }}
      />
      <div className={styles.actions}>
        {buildInWorkbook && (
          <Button
            appearance="primary"
            onClick={() => void buildHere()}
            disabled={busy || !dateValid || plan.tasks.length === 0}
          >
            {t('buildInExcel')}
          </Button>
        )}
        <Button
          appearance={buildInWorkbook ? 'secondary' : 'primary'}
          onClick={() => void download()}
          disabled={busy || !dateValid || plan.tasks.length === 0}
        >
          {t('buildDownload')}
        </Button>
        {busy && <Button onClick={cancel}>{t('cancel')}</Button>}
      </div>
      {busy && <ProgressBar value={progress ?? 0} aria-label={t('building')} />}
      <NoticeBar notice={outcome} explain={explain} />
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

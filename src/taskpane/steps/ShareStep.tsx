import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MergeWorkbooksResult, NamedBytes } from '../../xlsx/merge';
import type { SplitWorkbookResult } from '../../xlsx/split';
import { MergeConflictView } from '../components/MergeConflictView';
import { TrackingSource } from '../components/TrackingSource';
import { downloadBytes } from '../download';
import { messageIn } from '../errors';
import type { HostInfo } from '../../excel/host';
import { localize } from '../../model/msg';
import { useI18n } from '../i18n';
import type { LoadedTracking } from '../tracking-source';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  files: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  file: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  fileName: { overflowWrap: 'anywhere', fontSize: tokens.fontSizeBase300 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  hiddenInput: { display: 'none' },
});

type Notice = { intent: 'success' | 'warning' | 'error'; text: string } | null;

export interface ShareStepProps {
  host: HostInfo | null;
  tracking: LoadedTracking | null;
  onTracking: (tracking: LoadedTracking) => void;
}

/** Per-agency workbooks from the master, and merging the filled-in ones back. */
export function ShareStep({ host, tracking, onTracking }: ShareStepProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const [busy, setBusy] = useState<'split' | 'merge' | null>(null);
  const [split, setSplit] = useState<SplitWorkbookResult | null>(null);
  const [splitNotice, setSplitNotice] = useState<Notice>(null);
  const [returns, setReturns] = useState<NamedBytes[]>([]);
  const [merge, setMerge] = useState<MergeWorkbooksResult | null>(null);
  const [mergeNotice, setMergeNotice] = useState<Notice>(null);
  const input = useRef<HTMLInputElement>(null);
  const [lastMaster, setLastMaster] = useState<NamedBytes | null>(null);
  const inExcel = host?.mode === 'excel' && tracking !== null && tracking.fileName === null;
  const fileMaster =
    tracking?.bytes && tracking.fileName ? { file: tracking.fileName, bytes: tracking.bytes } : null;
  const canRun = fileMaster !== null || inExcel;

  /** The master as a file: the chosen .xlsx, or a copy of the open workbook taken now. */
  const getMaster = async (): Promise<NamedBytes> => {
    if (fileMaster) return fileMaster;
    const { readOpenWorkbookBytes } = await import('../../excel/bridge');
    return { file: `${t('fileMaster')}.xlsx`, bytes: await readOpenWorkbookBytes() };
  };

  const runSplit = async () => {
    if (!canRun) return;
    setBusy('split');
    setSplit(null);
    setSplitNotice(null);
    try {
      const master = await getMaster();
      setLastMaster(master);
      const { splitWorkbook } = await import(/* webpackChunkName: "xlsx-split" */ '../../xlsx/split');
      const result = await splitWorkbook(master.bytes);
      setSplit(result);
      const extra = result.unassigned.length
        ? ` ${t('splitUnassigned', { n: result.unassigned.length })}`
        : '';
      setSplitNotice({
        intent: result.unassigned.length ? 'warning' : 'success',
        text: t('splitDone', { n: result.files.length }) + extra,
      });
    } catch (e) {
      setSplitNotice({ intent: 'error', text: t('splitFailed', { detail: messageIn(lang, e) }) });
    } finally {
      setBusy(null);
    }
  };

  const downloadAll = async () => {
    if (!split) return;
    const { zipSplitFiles } = await import(/* webpackChunkName: "xlsx-split" */ '../../xlsx/split');
    const base = lastMaster?.file.replace(/\.xlsx$/i, '') ?? 'so-theo-doi';
    downloadBytes(await zipSplitFiles(split.files), `${base} - ${t('fileAgencies')}.zip`, 'application/zip');
  };

  const runMerge = async (files: NamedBytes[], prefer: 'return' | 'master' | null) => {
    if (!canRun || files.length === 0) return;
    setBusy('merge');
    setMergeNotice(null);
    try {
      const master = await getMaster();
      setLastMaster(master);
      const { mergeWorkbooks } = await import(/* webpackChunkName: "xlsx-merge" */ '../../xlsx/merge');
      const result = await mergeWorkbooks(master, files, { prefer });
      setMerge(result);
      const changes = result.plan.changes.length;
      if (result.plan.refused.length) setMergeNotice({ intent: 'error', text: t('mergeRefused') });
      else if (!result.plan.ok)
        setMergeNotice({ intent: 'warning', text: t('mergeConflicts', { n: result.plan.conflicts.length }) });
      else
        setMergeNotice({
          intent: 'success',
          text: changes
            ? t('mergeSummary', { changes, files: result.plan.files.length })
            : t('mergeNoChange'),
        });
    } catch (e) {
      setMergeNotice({ intent: 'error', text: t('mergeFailed', { detail: messageIn(lang, e) }) });
    } finally {
      setBusy(null);
    }
  };

  const pickReturns = async (list: FileList) => {
    const files = await Promise.all(
      [...list].map(async (f) => ({ file: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    setReturns(files);
    setMerge(null);
    await runMerge(files, null);
  };

  const notice = (n: Notice) =>
    n && (
      <MessageBar intent={n.intent} role={n.intent === 'error' ? 'alert' : 'status'}>
        <MessageBarBody>{n.text}</MessageBarBody>
      </MessageBar>
    );

  return (
    <div className={styles.root}>
      <Body1>{t('shareIntro')}</Body1>
      <TrackingSource id="share" host={host} tracking={tracking} onLoaded={onTracking} />
      {tracking && !canRun && <Caption1>{t('mergeNeedMaster')}</Caption1>}

      <section className={styles.block} aria-labelledby="split-title">
        <Subtitle2 as="h2" id="split-title" className={styles.heading}>
          {t('splitTitle')}
        </Subtitle2>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void runSplit()} disabled={!canRun || busy !== null}>
            {t('splitRun')}
          </Button>
          {split && split.files.length > 0 && (
            <Button onClick={() => void downloadAll()}>{t('splitDownloadAll')}</Button>
          )}
          {busy === 'split' && <Spinner size="tiny" label={t('splitWorking')} />}
        </div>
        {notice(splitNotice)}
        {split && (
          <ul className={styles.files} data-testid="split-files">
            {split.files.map((f) => (
              <li key={f.fileName} className={styles.file} data-agency={f.agencyKey}>
                <span
                  className={styles.fileName}
                >{`${f.agencyName} (${t('sourceTasks', { n: f.taskIds.length })})`}</span>
                <Button
                  size="small"
                  onClick={() => downloadBytes(f.bytes, f.fileName)}
                  aria-label={t('splitDownloadOne', { name: f.agencyName })}
                >
                  .xlsx
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.block} aria-labelledby="merge-title">
        <Subtitle2 as="h2" id="merge-title" className={styles.heading}>
          {t('mergeTitle')}
        </Subtitle2>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            onClick={() => input.current?.click()}
            disabled={!canRun || busy !== null}
          >
            {t('mergeChoose')}
          </Button>
          <input
            ref={input}
            className={styles.hiddenInput}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={t('mergeChoose')}
            data-testid="merge-files"
            onChange={(e) => {
              const list = e.target.files;
              if (list && list.length) void pickReturns(list).finally(() => (e.target.value = ''));
            }}
          />
          {busy === 'merge' && <Spinner size="tiny" label={t('mergeWorking')} />}
        </div>
        {notice(mergeNotice)}
        {merge && merge.plan.refused.length > 0 && (
          <ul className={styles.list} aria-label={t('mergeRefused')}>
            {merge.plan.refused.map((r, i) => (
              <li key={i}>{localize(r.message, lang)}</li>
            ))}
          </ul>
        )}
        {merge && merge.plan.conflicts.length > 0 && merge.plan.refused.length === 0 && (
          <MergeConflictView
            conflicts={merge.plan.conflicts}
            busy={busy !== null}
            onResolve={(prefer) => void runMerge(returns, prefer)}
          />
        )}
        {merge && merge.plan.notices.length > 0 && (
          <details>
            <summary>{`${t('mergeNotices')} (${merge.plan.notices.length})`}</summary>
            <ul className={styles.list}>
              {merge.plan.notices.map((n, i) => (
                <li key={i}>{localize(n.message, lang)}</li>
              ))}
            </ul>
          </details>
        )}
        {merge?.output && lastMaster && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              onClick={() =>
                downloadBytes(
                  merge.output!,
                  lastMaster.file.replace(/(\.xlsx)?$/i, ` - ${t('fileMerged')}.xlsx`),
                )
              }
            >
              {t('mergeDownload')}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
